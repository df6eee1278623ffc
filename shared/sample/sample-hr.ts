/** Rows of the hr tables. hr.employee is exported with --hide-vcc (its virtual computed column is absent). */
import { aseDatetime, aseTime, hex, isoDate, isoDatetime, money, tickMillis, type Stamp } from './ase-text';
import type { Rng } from './prng';
import { SIZES, type SampleTable } from './sample-table';

const FIRST = [
  'Anna',
  'Björn',
  'Chloé',
  'Dmitrij',
  'Eßra',
  'François',
  'Günther',
  'Hélène',
  'Iñaki',
  'Jürgen',
  'Kōji',
  'Łucja',
  'Mónica',
  'Nuño',
  'Øyvind',
  '秀樹',
  'Zoë 😀',
];
const LAST = [
  'Ångström',
  'Brontë',
  'Čapek',
  'Dvořák',
  'Eötvös',
  'García',
  'Håkansson',
  'Ibáñez',
  'Jókai',
  'Kővári',
  'Ñúñez',
  'Østergård',
  'Smith',
  '山田',
  'Wałęsa',
];

function day(r: Rng, y0: number, y1: number): Stamp {
  return { y: r.int(y0, y1), mo: r.int(1, 12), d: r.int(1, 28) };
}

export const hrTables: readonly SampleTable[] = [
  {
    key: 'hr.department',
    *rows() {
      const names = [
        'Board',
        'Finance',
        'Sales',
        'Sales EMEA',
        'Sales APAC',
        'IT',
        'IT Ops',
        'HR',
        'Legal',
        'R&D',
        'Support',
        'Logistics',
      ];
      for (let i = 1; i <= SIZES.departments; i++) {
        yield [
          String(i),
          names[i - 1] ?? `Dept ${i}`,
          i === 1 ? '' : String(i <= 3 ? 1 : i === 4 || i === 5 ? 3 : i === 7 ? 6 : 1),
        ];
      }
    },
  },
  {
    key: 'hr.employee',
    hideVirtualComputed: true,
    *rows(r) {
      for (let id = 1; id <= SIZES.employees; id++) {
        yield [
          String(id),
          String(r.int(1, SIZES.departments)),
          r.pick(FIRST),
          r.pick(LAST),
          isoDate(day(r, 1950, 2004)),
          aseDatetime({ ...day(r, 1990, 2024), h: 9, mi: 0, s: 0, us: 0 }),
          money(BigInt(r.int(2000, 20000)) * 10000n),
          r.chance(0.4) ? '' : `${r.int(0, 30)}.${String(r.int(0, 99)).padStart(2, '0')}`,
          hex([r.int(0, 255), r.int(0, 255), 0, 0]),
          id === 1 ? '' : String(r.int(1, id - 1)),
        ];
      }
    },
  },
  {
    key: 'hr.timesheet',
    *rows(r) {
      for (let emp = 1; emp <= SIZES.employees; emp++) {
        const days = r.int(0, 6);
        for (let d = 1; d <= days; d++) {
          const start: Stamp = {
            y: 1900,
            mo: 1,
            d: 1,
            h: r.int(6, 10),
            mi: r.pick([0, 15, 30, 45]),
            s: 0,
            us: tickMillis(r.int(0, 299)) * 1000,
          };
          const open = r.chance(0.1);
          const hours = r.int(4, 10);
          yield [
            String(emp),
            isoDate({ y: 2024, mo: 3, d }),
            aseTime(start),
            open ? '' : aseTime({ ...start, h: (start.h ?? 0) + hours }),
            open ? '' : `${hours}.${r.pick(['00', '25', '50', '75'])}`,
          ];
        }
      }
    },
  },
  {
    key: 'hr.leave_request',
    *rows(r) {
      for (let id = 1; id <= 90; id++) {
        const from = day(r, 2023, 2024);
        yield [
          String(id),
          String(r.int(1, SIZES.employees)),
          isoDate(from),
          isoDate({ ...from, d: Math.min(28, from.d + r.int(0, 10)) }),
          r.chance(0.3) ? '' : r.pick(['vacation', 'illness', 'training', 'Elternzeit 👶']),
          r.chance(0.7) ? '1' : '0',
        ];
      }
    },
  },
  {
    key: 'hr.shift_clock',
    *rows(r) {
      for (let id = 1; id <= 500; id++) {
        const t: Stamp = {
          ...day(r, 2024, 2024),
          h: r.int(0, 23),
          mi: r.int(0, 59),
          s: r.int(0, 59),
          us: r.int(0, 999999),
        };
        yield [
          String(id * 10),
          String(r.int(1, SIZES.employees)),
          isoDatetime(t, 6),
          isoDatetime(t, 6).slice(11),
          r.chance(0.2) ? '' : hex([r.int(1, 255), r.int(0, 255), r.int(1, 255)]),
        ];
      }
    },
  },
];
