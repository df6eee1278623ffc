/** Rows of the sales tables (foreign keys hold; identity values exported as data, BCP-09). */
import {
  aseDate,
  aseDatetime,
  aseReal,
  aseSmalldatetime,
  hex,
  money,
  tickMillis,
  type Stamp,
} from './ase-text';
import type { Rng } from './prng';
import { COUNTRIES, CURRENCIES, SIZES, SKU, words, type SampleTable } from './sample-table';

const NAMES = [
  'Müller GmbH',
  'Smith & Sons',
  'Łódź Trading',
  'Ōsaka Shōji',
  'Café Olé',
  'Nordic AB',
  'Acme Corp',
  "O'Brien Ltd",
];

function when(r: Rng, y0: number, y1: number): Stamp {
  return {
    y: r.int(y0, y1),
    mo: r.int(1, 12),
    d: r.int(1, 28),
    h: r.int(0, 23),
    mi: r.int(0, 59),
    s: r.int(0, 59),
    us: tickMillis(r.int(0, 299)) * 1000,
  };
}

export const salesTables: readonly SampleTable[] = [
  {
    key: 'sales.customer',
    *rows(r) {
      for (let id = 1; id <= SIZES.customers; id++) {
        const country = r.pick(COUNTRIES)[0];
        yield [
          String(id),
          `${r.pick(NAMES)} ${id}`,
          String(r.int(10000, 99999)),
          country,
          r.chance(0.2) ? '' : `contact${id}@example.com`,
          money(BigInt(r.int(0, 5000000)) * 10000n),
          r.pick(['A', 'A', 'A', 'I', 'S']),
          aseDatetime(when(r, 2010, 2024)),
        ];
      }
    },
  },
  {
    key: 'sales.product',
    // Nonclustered primary key on a datapages table: the file is in insertion order, not key
    // order, so this table exercises unsorted chunk planning (ASM-BCP-102).
    *rows(r) {
      const order = Array.from({ length: SIZES.products }, (_, k) => k + 1);
      for (let k = order.length - 1; k > 0; k--) {
        const j = r.int(0, k);
        [order[k], order[j]] = [order[j] ?? 0, order[k] ?? 0];
      }
      for (const i of order) {
        yield [
          SKU(i),
          `${words(r, 2)} ${i}`,
          money(BigInt(r.int(99, 999999)) * 100n),
          r.chance(0.2) ? '' : aseReal(r.next() * 50),
          String(i === 1 ? 4294967295 : r.int(0, 100000)),
          r.chance(0.3) ? '' : hex([r.int(1, 255), ...Array.from({ length: 12 }, () => r.int(0, 255))]),
          r.chance(0.8) ? '1' : '0',
        ];
      }
    },
  },
  {
    key: 'sales.orders',
    *rows(r) {
      for (let id = 1; id <= SIZES.orders; id++) {
        const ordered = when(r, 2018, 2024);
        const note = r.chance(0.6) ? '' : r.chance(0.2) ? ' ' : words(r, 4);
        yield [
          String(id),
          String(r.int(1, SIZES.customers)),
          aseDatetime(ordered),
          r.chance(0.3)
            ? ''
            : aseSmalldatetime({
                ...ordered,
                y: Math.min(ordered.y + 0, 2078),
                mo: ordered.mo,
                d: Math.min(ordered.d + 2, 28),
              }),
          r.chance(0.1) ? '' : `${r.int(0, 99999)}.${String(r.int(0, 99)).padStart(2, '0')}`,
          r.pick(CURRENCIES),
          note,
          (0x2000 + id).toString(16).padStart(16, '0'),
        ];
      }
    },
  },
  {
    key: 'sales.order_line',
    *rows(r) {
      for (let order = 1; order <= SIZES.orders; order++) {
        const lines = r.int(1, 5);
        for (let line = 1; line <= lines; line++) {
          const qty = r.int(1, line === 1 && order === 1 ? 65535 : 20);
          const unit = BigInt(r.int(100, 99999)) * 100n;
          // line_total: materialized computed column, exported by bcp (BCP-11), not loaded.
          yield [
            String(order),
            String(line),
            SKU(r.int(1, SIZES.products)),
            String(qty),
            money(unit),
            `${r.int(0, 30)}.${r.pick(['00', '50'])}`,
            money(unit * BigInt(qty)),
          ];
        }
      }
    },
  },
  {
    key: 'sales.price_history',
    *rows(r) {
      for (let i = 1; i <= SIZES.products; i++) {
        let y = 2018;
        const n = r.int(1, 3);
        for (let k = 0; k < n; k++) {
          const from: Stamp = { y, mo: r.int(1, 12), d: r.int(1, 28) };
          y += 2;
          const last = k === n - 1;
          yield [
            SKU(i),
            aseDate(from),
            last ? '' : aseDate({ y, mo: 1, d: 1 }),
            money(BigInt(r.int(99, 99999)) * 100n),
          ];
        }
      }
    },
  },
  {
    key: 'sales.exchange_rate',
    *rows(r) {
      for (const c of [...CURRENCIES].sort()) {
        for (let d = 1; d <= 28; d++) {
          const rate =
            c === 'USD' ? '1.00000000' : `${r.int(0, 200)}.${String(r.int(0, 99999999)).padStart(8, '0')}`;
          const ref =
            c === 'CHF' && d === 1 ? '18446744073709551615' : r.chance(0.5) ? '' : String(r.int(1, 1e9));
          yield [c, aseDate({ y: 2024, mo: 2, d }), rate, ref];
        }
      }
    },
  },
];
