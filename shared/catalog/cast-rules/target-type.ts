/**
 * T-SQL type text ⇄ TargetType, with the limits of each SQL Server type checked, so that an override
 * like `varchar(9000)` is refused with a clear error instead of failing at deployment.
 */
import type { TargetType } from '../model';
import type { SourceType } from '../model';

type ArgKind = 'length' | 'nlength' | 'precisionScale' | 'floatPrecision' | 'fractionScale' | 'none';

const TYPES: Readonly<Record<string, ArgKind>> = {
  bigint: 'none',
  int: 'none',
  smallint: 'none',
  tinyint: 'none',
  bit: 'none',
  decimal: 'precisionScale',
  numeric: 'precisionScale',
  money: 'none',
  smallmoney: 'none',
  float: 'floatPrecision',
  real: 'none',
  date: 'none',
  time: 'fractionScale',
  datetime: 'none',
  datetime2: 'fractionScale',
  datetimeoffset: 'fractionScale',
  smalldatetime: 'none',
  char: 'length',
  varchar: 'length',
  nchar: 'nlength',
  nvarchar: 'nlength',
  binary: 'length',
  varbinary: 'length',
  rowversion: 'none',
  sysname: 'none',
  uniqueidentifier: 'none',
  xml: 'none',
  sql_variant: 'none',
};

/** Parses `varchar(20)`, `numeric(20,0)`, `nvarchar(max)`; returns an error message when invalid. */
export function parseTargetType(text: string): TargetType | string {
  const m = /^\s*([a-z_][a-z0-9_]*)\s*(?:\(\s*(max|\d+)\s*(?:,\s*(\d+)\s*)?\))?\s*$/i.exec(text);
  if (!m) return `"${text}" is not a T-SQL type (expected e.g. varchar(20), numeric(10,2), nvarchar(max))`;
  const base = (m[1] as string).toLowerCase();
  const kind = TYPES[base];
  if (kind === undefined) return `"${base}" is not a supported SQL Server type`;
  const a1 = m[2]?.toLowerCase();
  const a2 = m[3] === undefined ? undefined : Number(m[3]);
  const n1 = a1 === undefined || a1 === 'max' ? undefined : Number(a1);
  const bad = (why: string): string => `"${text}": ${why}`;
  switch (kind) {
    case 'none':
      if (a1 !== undefined) return bad(`${base} takes no arguments`);
      return { sql: base, base };
    case 'length':
    case 'nlength': {
      const limit = kind === 'length' ? 8000 : 4000;
      if (a2 !== undefined) return bad(`${base} takes one length`);
      if (a1 === undefined) return { sql: `${base}(1)`, base, length: 1 };
      if (a1 === 'max') {
        if (base === 'char' || base === 'nchar' || base === 'binary')
          return bad(`${base}(max) does not exist`);
        return { sql: `${base}(max)`, base, length: 'max' };
      }
      if (n1 === undefined || n1 < 1 || n1 > limit) return bad(`length must be 1..${limit} or max`);
      return { sql: `${base}(${n1})`, base, length: n1 };
    }
    case 'precisionScale': {
      if (a1 === 'max') return bad('max is not a precision');
      const p = n1 ?? 18;
      const s = a2 ?? 0;
      if (p < 1 || p > 38) return bad('precision must be 1..38');
      if (s > p) return bad('scale must not exceed precision');
      return { sql: `${base}(${p},${s})`, base, precision: p, scale: s };
    }
    case 'floatPrecision': {
      if (a1 === 'max' || a2 !== undefined) return bad('float takes one precision 1..53');
      const p = n1 ?? 53;
      if (p < 1 || p > 53) return bad('float precision must be 1..53');
      return { sql: `float(${p})`, base, precision: p };
    }
    case 'fractionScale': {
      if (a1 === 'max' || a2 !== undefined) return bad(`${base} takes one fractional-seconds scale 0..7`);
      const s = n1 ?? 7;
      if (s > 7) return bad('fractional-seconds scale must be 0..7');
      return { sql: `${base}(${s})`, base, scale: s };
    }
  }
}

/**
 * Fills `{length}`, `{precision}`, `{scale}` (optionally `{scale|0}` with a default) from the source
 * type. Returns the filled text, or an error message naming the missing value.
 */
export function fillTemplate(template: string, src: SourceType): string | { error: string } {
  let error: string | undefined;
  const text = template.replace(
    /\{(length|precision|scale)(?:\|(\d+))?\}/g,
    (_m, key: string, dflt?: string) => {
      const v =
        src[key as 'length' | 'precision' | 'scale'] ?? (dflt === undefined ? undefined : Number(dflt));
      if (v === undefined) {
        error ??= `type template "${template}" needs the ${key} of the source type ${src.base}`;
        return '';
      }
      return String(v);
    },
  );
  return error === undefined ? text : { error };
}

/** ASE source type as written in messages: `char(20)`, `numeric(12,0)`, `unsigned int`. */
export function formatSourceType(t: SourceType): string {
  const args =
    t.length !== undefined
      ? [t.length]
      : t.precision !== undefined
        ? [t.precision, ...(t.scale !== undefined ? [t.scale] : [])]
        : [];
  return args.length ? `${t.base}(${args.join(',')})` : t.base;
}
