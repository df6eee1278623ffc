/** The report's only stylesheet, inlined so report.html is one file that works offline. */
export const REPORT_CSS = `
:root { --fg:#1d2330; --muted:#5b6474; --line:#d9dde5; --bg:#f6f7f9; --card:#fff;
  --ok:#1a7f37; --warn:#9a6700; --err:#cf222e; --info:#57606a; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--fg); background:var(--bg); }
header, main, footer { max-width:1200px; margin:0 auto; padding:0 20px; }
header { padding-top:20px; }
h1 { font-size:22px; margin:0 0 4px; }
h2 { font-size:17px; margin:28px 0 8px; padding-bottom:4px; border-bottom:1px solid var(--line); }
.meta { color:var(--muted); margin:0; display:grid; grid-template-columns:max-content 1fr; gap:2px 12px; }
.meta dt { font-weight:600; } .meta dd { margin:0; word-break:break-all; }
.cards { display:flex; flex-wrap:wrap; gap:10px; margin-top:16px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:10px 14px; min-width:150px; }
.card .k { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.card .v { font-size:20px; font-weight:600; }
.card .d { font-size:12px; color:var(--muted); }
table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line); }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef0f4; font-weight:600; position:sticky; top:0; }
td.n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
code, .mono { font-family:ui-monospace,SFMono-Regular,Consolas,monospace; font-size:12.5px; }
.badge { display:inline-block; padding:0 7px; border-radius:10px; font-size:12px; font-weight:600; border:1px solid currentColor; white-space:nowrap; }
.s-succeeded,.s-converted,.s-validated,.s-loaded,.s-staged { color:var(--ok); }
.s-warnings,.s-warning,.s-assessed,.s-skipped { color:var(--warn); }
.s-failed,.s-manual,.s-blocked,.s-error { color:var(--err); }
.s-info { color:var(--info); }
details { background:var(--card); border:1px solid var(--line); border-radius:4px; margin:4px 0; }
details > summary { cursor:pointer; padding:6px 8px; }
details > ul { margin:0; padding:4px 8px 8px 28px; }
.empty { color:var(--muted); font-style:italic; }
.toc { margin-top:12px; color:var(--muted); } .toc a { color:inherit; }
.filters { margin:6px 0; } .filters label { margin-right:14px; }
body.hide-error tr.sev-error, body.hide-warning tr.sev-warning, body.hide-info tr.sev-info { display:none; }
footer { color:var(--muted); font-size:12px; padding:30px 20px; }
@media print { th { position:static; } details { break-inside:avoid; } .filters { display:none; } }
`;

/**
 * Severity filter for the findings table. Without JavaScript the checkboxes stay hidden and every
 * row shows; the page reads the same, only without filtering.
 */
export const FILTER_SCRIPT = `
(function () {
  var box = document.getElementById('filters');
  if (!box) return;
  box.hidden = false;
  box.addEventListener('change', function (e) {
    var t = e.target;
    if (t && t.name === 'sev') document.body.classList.toggle('hide-' + t.value, !t.checked);
  });
})();
`;
