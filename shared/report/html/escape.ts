/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/**
 * Tagged template that escapes every interpolated value unless it is already markup (`Html`), so a
 * forgotten escape cannot happen in the renderer: `html\`<td>${name}</td>\``.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | readonly Html[] | undefined | null | false;

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let s = strings[0] ?? '';
  parts.forEach((p, i) => {
    s += render(p) + (strings[i + 1] ?? '');
  });
  return new Html(s);
}

function render(p: Part): string {
  if (p === undefined || p === null || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map((x: Html) => x.value).join('');
  return escapeHtml(String(p));
}
