/** `use`, `setuser`, `print`, `set` (AZ-01/SYS-70, SEC-09/SYS-54, MSG-01, SYS-40 … SYS-59). */
import type { Print, SetOption, SetUser, Use } from '../../../ast/nodes';
import type { StatementOutput, StatementTranslator, TranslationContext } from '../../../statement-translator';
import { tokenize } from '../../../tokens/tokenize';
import { namePartsFromString } from '../../../parser/names';
import { flagged, originalText } from '../flagged';
import { tsqlName } from '../names';
import { quoteIdent, sqlString } from '../quote';
import { noteLine, reportCode } from '../report-code';
import type { TranslatorCode } from '../../../codes';

export const translateUse: StatementTranslator<Use> = (stmt, ctx) => {
  const object = { type: 'database', name: stmt.database };
  if (ctx.options.target === 'sqlserver')
    return { sql: `USE ${quoteIdent(stmt.database)};`, outcome: 'converted', object };
  return flagged({
    ctx,
    code: 'useRemoved',
    label: `use ${stmt.database}`,
    message: `use ${stmt.database} removed: Azure SQL Database connections are bound to one database; deploy this script to the database meant by ${stmt.database}`,
    original: originalText(ctx, stmt.span),
    object,
  });
};

/** SEC-09 / SYS-54: setuser 'u' → EXECUTE AS USER; plain setuser → REVERT. */
export const translateSetUser: StatementTranslator<SetUser> = (stmt, ctx) => {
  const object = { type: 'other', name: stmt.user !== undefined ? `setuser ${stmt.user}` : 'setuser' };
  if (stmt.user === undefined) {
    reportCode(ctx, 'setuser', 'setuser without a name → REVERT (undoes the last EXECUTE AS only)');
    return { sql: 'REVERT;', outcome: 'converted', object };
  }
  reportCode(
    ctx,
    'setuser',
    `setuser '${stmt.user}' → EXECUTE AS USER; the target user needs IMPERSONATE permission for the caller`,
  );
  return { sql: `EXECUTE AS USER = ${sqlString(stmt.user)};`, outcome: 'converted', object };
};

/** A print of one literal is kept; placeholders/arguments need MSG-01 (procedural issue). */
export const translatePrint: StatementTranslator<Print> = (stmt, ctx) => {
  // Print.text has its literals single-quoted already (LEX-01): a remaining "x" is an identifier
  const { tokens } = tokenize(stmt.text, { quotedIdentifier: true });
  const sig = tokens.filter((t) => t.kind !== 'comment' && !(t.kind === 'punct' && t.text === ';'));
  const only = sig[0];
  const object = { type: 'other', name: 'print' };
  if (sig.length === 1 && only?.kind === 'string' && !only.unterminated && !/%\d+!/.test(only.value)) {
    return { sql: `PRINT ${sqlString(only.value)};`, outcome: 'converted', object };
  }
  return flagged({
    ctx,
    code: 'printNotLiteral',
    label: 'print',
    message: 'print with arguments or placeholders needs the MSG-01 rewrite',
    original: originalText(ctx, stmt.span),
    object,
  });
};

interface SetRule {
  readonly test: RegExp;
  readonly apply: (stmt: SetOption, ctx: TranslationContext) => StatementOutput;
}

const ON_OFF = /^(on|off)$/i;

const kept = (sql: string, stmt: SetOption): StatementOutput => ({
  sql,
  outcome: 'converted',
  object: { type: 'other', name: `set ${stmt.option}` },
});

const dropped =
  (key: TranslatorCode, why: string) =>
  (stmt: SetOption, ctx: TranslationContext): StatementOutput => {
    reportCode(ctx, key, `set ${stmt.option} ${stmt.value}: ${why}`);
    return kept(noteLine(key, `set ${stmt.option}`, `dropped; ${why}`), stmt);
  };

const manual =
  (key: TranslatorCode, why: string) =>
  (stmt: SetOption, ctx: TranslationContext): StatementOutput =>
    flagged({
      ctx,
      code: key,
      label: `set ${stmt.option}`,
      message: why,
      original: originalText(ctx, stmt.span),
      object: { type: 'other', name: `set ${stmt.option}` },
    });

/** Passed through as `SET <NAME> <value>` when the value has the expected shape; flagged otherwise. */
const same =
  (name: string, value: RegExp, render: (v: string) => string = (v) => v.toUpperCase()) =>
  (stmt: SetOption, ctx: TranslationContext): StatementOutput =>
    value.test(stmt.value)
      ? kept(`SET ${name} ${render(stmt.value)};`, stmt)
      : manual('setUnknown', `unexpected value '${stmt.value}' for set ${stmt.option}`)(stmt, ctx);

const ISOLATION: Record<string, string> = {
  '0': 'READ UNCOMMITTED',
  '1': 'READ COMMITTED',
  '2': 'REPEATABLE READ',
  '3': 'SERIALIZABLE',
  'read uncommitted': 'READ UNCOMMITTED',
  'read committed': 'READ COMMITTED',
  'repeatable read': 'REPEATABLE READ',
  serializable: 'SERIALIZABLE',
};

const SET_RULES: readonly SetRule[] = [
  { test: /^nocount$/, apply: same('NOCOUNT', ON_OFF) },
  { test: /^textsize$/, apply: same('TEXTSIZE', /^\d+$/) },
  { test: /^(noexec|parseonly)$/, apply: (s, c) => same(s.option.toUpperCase(), ON_OFF)(s, c) },
  {
    test: /^rowcount$/,
    apply: (s, c) => {
      if (!/^\d+$/.test(s.value))
        return manual('setUnknown', `set rowcount ${s.value}: only a literal count is converted here`)(s, c);
      reportCode(
        c,
        'setRowcount',
        `set rowcount ${s.value} kept as SET ROWCOUNT (QRY-10: prefer TOP for DML)`,
      );
      return kept(`SET ROWCOUNT ${s.value};`, s);
    },
  },
  {
    test: /^quoted_identifier$/,
    apply: dropped(
      'setQuotedIdentifier',
      'generated code runs with QUOTED_IDENTIFIER ON; "..." literals were converted (LEX-01)',
    ),
  },
  {
    test: /^ansinull$/,
    apply: dropped(
      'setAnsinull',
      'ANSI_NULLS ON is the only target state; comparisons with NULL behave as with ansinull on',
    ),
  },
  {
    test: /^string_rtruncation$/,
    apply: dropped(
      'setStringRtruncation',
      'SQL Server raises truncation errors as with string_rtruncation on (DT-11)',
    ),
  },
  {
    test: /^(arithabort|arithignore)$/,
    apply: dropped('setArith', 'overflow handling differs; see ERR-04/ERR-05'),
  },
  {
    test: /^chained$/,
    apply: (s, c) => {
      if (!ON_OFF.test(s.value))
        return manual('setUnknown', `unexpected value '${s.value}' for set chained`)(s, c);
      reportCode(
        c,
        'setChained',
        `set chained ${s.value} → SET IMPLICIT_TRANSACTIONS ${s.value.toUpperCase()} (TRAN-03)`,
      );
      return kept(`SET IMPLICIT_TRANSACTIONS ${s.value.toUpperCase()};`, s);
    },
  },
  {
    test: /^transaction isolation level$/,
    apply: (s, c) => {
      const level = ISOLATION[s.value.toLowerCase().replace(/\s+/g, ' ')];
      return level !== undefined
        ? kept(`SET TRANSACTION ISOLATION LEVEL ${level};`, s)
        : manual('setUnknown', `unknown isolation level '${s.value}'`)(s, c);
    },
  },
  { test: /^dateformat$/, apply: same('DATEFORMAT', /^(mdy|dmy|ymd|ydm|myd|dym)$/i, (v) => v.toLowerCase()) },
  { test: /^datefirst$/, apply: same('DATEFIRST', /^[1-7]$/) },
  { test: /^language$/, apply: same('LANGUAGE', /^[A-Za-z_]+$/, (v) => sqlString(v)) },
  { test: /^close on endtran$/, apply: same('CURSOR_CLOSE_ON_COMMIT', ON_OFF) },
  {
    test: /^identity_insert$/,
    apply: (s, c) => {
      // SYS-55 / ID-08: `set identity_insert t on`
      const m = /^(.*\S)\s+(on|off)$/i.exec(s.value);
      const parts = m?.[1] !== undefined ? namePartsFromString(m[1]) : undefined;
      if (m === null || parts === undefined || parts.length > 2)
        return manual('setUnknown', `unexpected value '${s.value}' for set identity_insert`)(s, c);
      const table =
        parts.length === 2
          ? { owner: parts[0] as string, name: parts[1] as string }
          : { name: parts[0] as string };
      return kept(`SET IDENTITY_INSERT ${tsqlName(table, c)} ${(m[2] as string).toUpperCase()};`, s);
    },
  },
  {
    test: /^(session authorization|proxy)$/,
    apply: (s, c) => {
      const { tokens } = tokenize(s.value, { quotedIdentifier: false });
      const user =
        tokens.length === 1 && (tokens[0]?.kind === 'string' || tokens[0]?.kind === 'word')
          ? tokens[0].value
          : undefined;
      if (user === undefined)
        return manual('setUnknown', `unexpected value '${s.value}' for set ${s.option}`)(s, c);
      reportCode(c, 'setuser', `set ${s.option} → EXECUTE AS USER (SYS-54)`);
      return kept(`EXECUTE AS USER = ${sqlString(user)};`, s);
    },
  },
  {
    test: /^flushmessage$/,
    apply: dropped(
      'setFlushmessage',
      'use RAISERROR(..., 0, 1) WITH NOWAIT where messages must appear immediately',
    ),
  },
  {
    test: /^export_options$/,
    apply: manual('setExportOptions', 'set export_options has no SQL Server equivalent'),
  },
  {
    test: /^(proc_return_status|char_convert|statement_cache|tracefile|cis_rpc_handling|transactional_rpc|replication|proc_output_params|clientname|clienthostname|clientapplname)$/,
    apply: dropped('setNoEquivalent', 'no SQL Server equivalent'),
  },
  {
    test: /^self_recursion$/,
    apply: manual(
      'setSelfRecursion',
      'set self_recursion → ALTER DATABASE ... SET RECURSIVE_TRIGGERS (database-wide)',
    ),
  },
  {
    test: /^role$/,
    apply: manual(
      'setRole',
      'SQL Server roles are always active; set role on/off has no equivalent (SEC-05)',
    ),
  },
  {
    test: /^triggers$/,
    apply: manual('setTriggers', 'set triggers off → DISABLE TRIGGER on the affected tables'),
  },
  {
    test: /^(forceplan|table count|sort_merge|jtc|showplan|option|statistics|plan|sort_resources|merge_join|hash_join|optgoal|opttimeoutlimit|metrics_capture)$/,
    apply: dropped('setOptimizer', 'optimizer/diagnostic option; use query hints where needed'),
  },
  {
    test: /^(fipsflagger|prefetch|parallel_degree|scan_parallel_degree)$/,
    apply: dropped('setMisc', 'no SQL Server equivalent'),
  },
];

export const translateSetOption: StatementTranslator<SetOption> = (stmt, ctx) => {
  const rule = SET_RULES.find((r) => r.test.test(stmt.option));
  if (rule !== undefined) return rule.apply(stmt, ctx);
  return manual('setUnknown', `set ${stmt.option} is not known to the converter`)(stmt, ctx);
};
