/** Rows of the dbo tables, including dbo.type_showcase with the hard values of every type. */
import {
  aseBigdatetime,
  aseBigtime,
  aseDate,
  aseDatetime,
  aseFloat,
  aseReal,
  aseSmalldatetime,
  aseTime,
  hex,
  isoDate,
  isoDatetime,
  money,
  tickMillis,
  type Stamp,
} from './ase-text';
import type { Rng } from './prng';
import { COUNTRIES, CURRENCIES, WORDS, words, type SampleTable } from './sample-table';

function stamp(r: Rng, fromYear: number, toYear: number, ticks = true): Stamp {
  const y = r.int(fromYear, toYear);
  const mo = r.int(1, 12);
  const d = r.int(1, 28);
  return {
    y,
    mo,
    d,
    h: r.int(0, 23),
    mi: r.int(0, 59),
    s: r.int(0, 59),
    us: ticks ? tickMillis(r.int(0, 299)) * 1000 : 0,
  };
}

/** Deterministic text of an exact byte length in UTF-8 (ASCII plus tabs and newlines). */
function bigText(r: Rng, bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < bytes) {
    const w = r.chance(0.05) ? '\n' : r.chance(0.05) ? '\t' : `${r.pick(WORDS)} `;
    parts.push(w);
    n += w.length;
  }
  return parts.join('').slice(0, bytes);
}

function bytes(r: Rng, n: number): number[] {
  return Array.from({ length: n }, () => r.int(0, 255));
}

const RARE = [
  'Zoë',
  'Ærøskøbing',
  'naïve café',
  'Σίσυφος',
  'Ђорђе',
  '東京都',
  '😀 grin',
  'a\u0301 combining',
  '𝄞 clef',
];

export const dboTables: readonly SampleTable[] = [
  {
    key: 'dbo.country',
    *rows() {
      for (const [code, name, local, eu] of COUNTRIES) yield [code, name, local, eu ? '1' : '0'];
    },
  },
  {
    key: 'dbo.currency',
    *rows(r) {
      for (const c of [...CURRENCIES].sort())
        yield [
          c,
          `${c} currency`,
          c === 'JPY' ? '0' : '2',
          c === 'USD' ? aseFloat(1) : aseFloat(r.next() * 2),
        ];
    },
  },
  {
    key: 'dbo.app_setting',
    *rows(r) {
      // Sorted by the clustered primary key, as bcp out of an allpages/datapages table writes them.
      const names = [
        'batch.size',
        'blank.value',
        'empty.value',
        'feature.x',
        'locale',
        'mail.host',
        'motd',
        'tz',
      ];
      for (let i = 0; i < names.length; i++) {
        const n = names[i] ?? '';
        // STR-02: '' is stored by ASE as ' ', so an "empty" setting is a single blank.
        const value =
          n === 'empty.value' ? ' ' : n === 'blank.value' ? '' : n === 'motd' ? 'Grüße 👋' : words(r, 2);
        yield [n, value, aseSmalldatetime({ y: 2024, mo: 1 + i, d: 10, h: 9 + i, mi: 30 })];
      }
    },
  },
  {
    key: 'dbo.audit_log',
    // Exported on Windows: CR LF row ends, declared in the manifest (BCP-02).
    rowTerminator: '\r\n',
    *rows(r) {
      for (let i = 0; i < 60; i++) {
        const detail =
          i === 7 ? bigText(r, 32768) : r.chance(0.3) ? '' : `order ${r.int(1, 300)} ${words(r, 3)}`;
        yield [
          aseDatetime(stamp(r, 2020, 2024)),
          r.pick(['sa', 'app_user', 'batch']),
          r.pick(['insert', 'update', 'delete']),
          detail,
        ];
      }
    },
  },
  {
    key: 'dbo.type_showcase',
    // Text values hold tabs and newlines: safe terminators (BCP-02).
    fieldTerminator: '|~|',
    rowTerminator: '#~#\n',
    *rows(r) {
      yield* showcase(r);
    },
  },
  {
    key: 'dbo.history_event',
    *rows(r) {
      const events: readonly [number, number, number, string][] = [
        [1, 1, 1, 'first day of the proleptic calendar'],
        [1066, 10, 14, 'Battle of Hastings'],
        [1215, 6, 15, 'Magna Carta'],
        [1492, 10, 12, 'Landfall in the Americas'],
        [1582, 10, 15, 'Gregorian calendar adopted'],
        [1752, 9, 14, 'Britain adopts the Gregorian calendar'],
        [1753, 1, 1, 'first day of ASE datetime'],
        [1900, 1, 1, 'smalldatetime starts'],
        [1969, 7, 20, 'Moon landing'],
        [2079, 6, 6, 'smalldatetime ends'],
        [9999, 12, 31, 'last day'],
      ];
      let id = 0;
      for (const [y, mo, d, title] of events) {
        id++;
        const t: Stamp = {
          y,
          mo,
          d,
          h: r.int(0, 23),
          mi: r.int(0, 59),
          s: r.int(0, 59),
          us: r.int(0, 999999),
        };
        yield [
          String(id),
          isoDate(t),
          isoDatetime(t, 6),
          r.chance(0.2) ? '' : isoDatetime(t, 6).slice(11),
          title,
        ];
      }
      for (let i = 0; i < 14; i++) {
        id++;
        const t = stamp(r, 1000, 2020, false);
        yield [
          String(id),
          isoDate(t),
          isoDatetime({ ...t, us: r.int(0, 999999) }, 6),
          '',
          `event ${words(r, 2)}`,
        ];
      }
    },
  },
  {
    key: 'dbo.document',
    // Text contains tabs and newlines: safe terminators and a large textsize (BCP-02, BCP-07).
    fieldTerminator: '|~|',
    rowTerminator: '#~#',
    textsize: 1048576,
    *rows(r) {
      const sizes = [10, 100, 40000, 70000, 5, 0, 33000, 12];
      for (let i = 0; i < sizes.length; i++) {
        const size = sizes[i] ?? 0;
        const body = size === 0 ? '' : bigText(r, size);
        const bodyU = size === 0 ? '' : `${RARE[i % RARE.length] ?? ''} ${bigText(r, Math.floor(size / 2))}`;
        const attachment = size >= 33000 ? hex(bytes(r, size + 1000)) : i % 3 === 0 ? '' : hex(bytes(r, 64));
        yield [
          String(i + 1),
          `Document ${i + 1} — ${RARE[i % RARE.length] ?? ''}`,
          body,
          bodyU,
          attachment,
          aseDatetime(stamp(r, 2015, 2024)),
        ];
      }
    },
  },
  {
    key: 'dbo.bench_event',
    *rows(r, o) {
      const n = o.largeRows ?? 200;
      for (let i = 1; i <= n; i++) {
        yield [
          String(i),
          r.pick(['click', 'view', 'buy', 'login']),
          aseDatetime(stamp(r, 2023, 2024)),
          r.chance(0.1) ? '' : `${r.int(0, 99999)}.${String(r.int(0, 99)).padStart(2, '0')}`,
          r.chance(0.2) ? '' : words(r, r.int(1, 6)),
        ];
      }
    },
  },
];

/** Field order of dbo.type_showcase (02-dbo-tables.sql). */
function showcase(r: Rng): Iterable<readonly string[]> {
  const rows: string[][] = [];
  const extremes: Record<string, string>[] = [
    {
      note: 'minimum values',
      c_char: 'min       ',
      c_binary: '0000000000000000',
      c_bit: '0',
      c_tinyint: '0',
      c_smallint: '-32768',
      c_int: '-2147483648',
      c_bigint: '-9223372036854775808',
      c_usmallint: '0',
      c_uint: '0',
      c_ubigint: '0',
      c_numeric: '-99999999999999.9999',
      c_decimal: '-99999999.99',
      c_float: aseFloat(-1.7976931348623157e308),
      c_real: aseReal(-3.4028234663852886e38),
      c_double: aseFloat(5e-324),
      c_money: money(-9223372036854775808n),
      c_smallmoney: money(-2147483648n),
      c_datetime: aseDatetime({ y: 1753, mo: 1, d: 1 }),
      c_smalldatetime: aseSmalldatetime({ y: 1900, mo: 1, d: 1 }),
      c_date: aseDate({ y: 1, mo: 1, d: 1 }),
      c_time: aseTime({ y: 1900, mo: 1, d: 1 }),
      c_bigdatetime: aseBigdatetime({ y: 1, mo: 1, d: 1, us: 0 }),
      c_bigtime: aseBigtime({ y: 1900, mo: 1, d: 1, us: 0 }),
    },
    {
      note: 'maximum values',
      c_char: padBytes('maxé', 10),
      c_binary: 'ffffffffffffffff',
      c_bit: '1',
      c_tinyint: '255',
      c_smallint: '32767',
      c_int: '2147483647',
      c_bigint: '9223372036854775807',
      c_usmallint: '65535',
      c_uint: '4294967295',
      c_ubigint: '18446744073709551615',
      c_numeric: '99999999999999.9999',
      c_decimal: '99999999.99',
      c_float: aseFloat(1.7976931348623157e308),
      c_real: aseReal(3.4028234663852886e38),
      c_double: aseFloat(Math.PI),
      c_money: money(9223372036854775807n),
      c_smallmoney: money(2147483647n),
      c_datetime: aseDatetime({ y: 9999, mo: 12, d: 31, h: 23, mi: 59, s: 59, us: 996000 }),
      c_smalldatetime: aseSmalldatetime({ y: 2079, mo: 6, d: 6, h: 23, mi: 59 }),
      c_date: aseDate({ y: 9999, mo: 12, d: 31 }),
      c_time: aseTime({ y: 1900, mo: 1, d: 1, h: 23, mi: 59, s: 59, us: 996000 }),
      c_bigdatetime: aseBigdatetime({ y: 9999, mo: 12, d: 31, h: 23, mi: 59, s: 59, us: 999999 }),
      c_bigtime: aseBigtime({ y: 1900, mo: 1, d: 1, h: 23, mi: 59, s: 59, us: 999999 }),
    },
    // NULL in every nullable column (BCP-03).
    { note: 'nulls', c_char: 'nulls     ', c_binary: '0100000000000000', c_bit: '0' },
    {
      // STR-02: '' is stored as ' ' by ASE; ' ' stays ' '.
      note: 'blanks',
      c_char: '          ',
      c_char_null: ' ',
      c_varchar: ' ',
      c_nchar: ' ',
      c_nvarchar: ' ',
      c_unichar: ' ',
      c_univarchar: ' ',
      c_text: ' ',
      c_unitext: ' ',
      c_binary: '0a0b000000000000',
      c_varbinary: '01',
      c_bit: '1',
      c_sysname: ' ',
    },
    {
      note: 'unicode',
      c_char: padBytes('Zoë', 10),
      c_char_null: 'naïve',
      c_varchar: 'Ærøskøbing — Σίσυφος',
      c_nchar: 'Ђорђе',
      c_nvarchar: '東京都 😀',
      c_unichar: '😀😀',
      c_univarchar: 'a😀b𝄞c — 한국어',
      c_text: 'tab\there\nnewline 😀',
      c_unitext: '𝄞 clef and e\u0301',
      c_binary: 'c3a9000000000000',
      c_bit: '0',
      c_sysname: 'tëst_name',
    },
    {
      note: 'fractions and ticks',
      c_char: 'ticks     ',
      c_binary: '0000000000000001',
      c_bit: '1',
      c_numeric: '0.0001',
      c_decimal: '-0.01',
      c_float: aseFloat(0.1),
      c_real: aseReal(0.1),
      c_double: aseFloat(1 / 3),
      c_money: money(1n),
      c_smallmoney: money(-1n),
      c_datetime: aseDatetime({ y: 2002, mo: 8, d: 1, h: 1, mi: 59, s: 49, us: tickMillis(2) * 1000 }),
      c_smalldatetime: aseSmalldatetime({ y: 2002, mo: 8, d: 1, h: 13, mi: 59 }),
      c_time: aseTime({ y: 1900, mo: 1, d: 1, h: 12, mi: 0, s: 0, us: tickMillis(1) * 1000 }),
      c_bigdatetime: aseBigdatetime({ y: 1600, mo: 2, d: 29, h: 12, mi: 0, s: 0, us: 1 }),
      c_bigtime: aseBigtime({ y: 1900, mo: 1, d: 1, h: 0, mi: 0, s: 0, us: 123456 }),
    },
  ];
  const names = [
    'c_char',
    'c_char_null',
    'c_varchar',
    'c_nchar',
    'c_nvarchar',
    'c_unichar',
    'c_univarchar',
    'c_text',
    'c_unitext',
    'c_image',
    'c_binary',
    'c_varbinary',
    'c_bit',
    'c_tinyint',
    'c_smallint',
    'c_int',
    'c_bigint',
    'c_usmallint',
    'c_uint',
    'c_ubigint',
    'c_numeric',
    'c_decimal',
    'c_float',
    'c_real',
    'c_double',
    'c_money',
    'c_smallmoney',
    'c_datetime',
    'c_smalldatetime',
    'c_date',
    'c_time',
    'c_bigdatetime',
    'c_bigtime',
    'c_timestamp',
    'c_sysname',
  ];
  let id = 0;
  for (const e of extremes) {
    id++;
    rows.push([String(id), ...names.map((n) => (n === 'c_timestamp' ? timestamp(id) : (e[n] ?? '')))]);
  }
  for (let i = 0; i < 44; i++) {
    id++;
    const t = stamp(r, 1990, 2030);
    const v: Record<string, string> = {
      c_char: `row ${id}`.padEnd(10, ' '),
      c_char_null: r.chance(0.3) ? '' : words(r, 1).slice(0, 10),
      c_varchar: words(r, 3).slice(0, 40),
      c_nchar: r.pick(RARE).slice(0, 5),
      c_nvarchar: words(r, 2),
      c_unichar: r.pick(['ab', 'ü', '😀']),
      c_univarchar: `${r.pick(RARE)} ${id}`,
      c_text: r.chance(0.5) ? '' : words(r, r.int(5, 40)),
      c_unitext: r.chance(0.5) ? '' : `${r.pick(RARE)} ${words(r, 5)}`,
      c_image: r.chance(0.5) ? '' : hex(bytes(r, r.int(1, 200))),
      c_binary: hex([...bytes(r, r.int(1, 8)), 0, 0, 0, 0, 0, 0, 0, 0].slice(0, 8)),
      c_varbinary: r.chance(0.3) ? '' : hex([...bytes(r, r.int(1, 15)), r.int(1, 255)]),
      c_bit: r.chance(0.5) ? '1' : '0',
      c_tinyint: String(r.int(0, 255)),
      c_smallint: String(r.int(-32768, 32767)),
      c_int: String(r.int(-2147483648, 2147483647)),
      c_bigint: `${r.chance(0.5) ? '-' : ''}${r.int(0, 922337203)}${String(r.int(0, 999999999)).padStart(9, '0')}`,
      c_usmallint: String(r.int(0, 65535)),
      c_uint: String(r.int(0, 4294967295)),
      c_ubigint: `${r.int(1, 1844674407)}${String(r.int(0, 999999999)).padStart(9, '0')}`,
      c_numeric: `${r.int(-99999, 99999)}.${String(r.int(0, 9999)).padStart(4, '0')}`,
      c_decimal: `${r.int(-999999, 999999)}.${String(r.int(0, 99)).padStart(2, '0')}`,
      c_float: aseFloat((r.next() - 0.5) * 10 ** r.int(-10, 10)),
      c_real: aseReal((r.next() - 0.5) * 1000),
      c_double: aseFloat(r.next()),
      c_money: money(BigInt(r.int(-99999999, 99999999)) * 10000n + BigInt(r.int(0, 9999))),
      c_smallmoney: money(BigInt(r.int(-2147483648, 2147483647))),
      c_datetime: aseDatetime(t),
      c_smalldatetime: aseSmalldatetime({ ...t, y: r.int(1900, 2078) }),
      c_date: aseDate(t),
      c_time: aseTime(t),
      c_bigdatetime: aseBigdatetime({ ...t, us: r.int(0, 999999) }),
      c_bigtime: aseBigtime({ ...t, us: r.int(0, 999999) }),
      c_sysname: `obj_${id}`,
    };
    rows.push([String(id), ...names.map((n) => (n === 'c_timestamp' ? timestamp(id) : (v[n] ?? '')))]);
  }
  return rows;
}

/** ASE char(n) NOT NULL is padded to n bytes of the server charset (utf8 here), BCP-05. */
function padBytes(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - Buffer.byteLength(s, 'utf8')));
}

function timestamp(id: number): string {
  return (0x1000 + id * 7).toString(16).padStart(16, '0');
}
