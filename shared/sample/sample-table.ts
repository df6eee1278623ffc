/** One table of the bundled sample: how its bcp file is written and its rows (field texts). */
import type { Rng } from './prng';

export interface SampleOptions {
  /** Rows of dbo.bench_event (default 200). */
  readonly largeRows?: number;
}

export interface SampleTable {
  /** `owner.table`, as in the scripts. */
  readonly key: string;
  /** Data file name; default `<owner>.<table>.bcp`. */
  readonly file?: string;
  /** Terminators as characters (the manifest gets them escaped). */
  readonly fieldTerminator?: string;
  readonly rowTerminator?: string;
  readonly textsize?: number;
  readonly hideVirtualComputed?: boolean;
  /** Field texts per row; '' is NULL (BCP-03). */
  rows(r: Rng, o: SampleOptions): Iterable<readonly string[]>;
}

/** Shared sizes so foreign keys in the data hold. */
export const SIZES = {
  customers: 120,
  products: 80,
  orders: 300,
  departments: 12,
  employees: 150,
} as const;

export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CAD',
  'AUD',
];

export const COUNTRIES: readonly (readonly [string, string, string, boolean])[] = [
  ['AT', 'Austria', 'Österreich', true],
  ['BE', 'Belgium', 'België', true],
  ['CH', 'Switzerland', 'Schweiz', false],
  ['CN', 'China', '中国', false],
  ['CZ', 'Czechia', 'Česko', true],
  ['DE', 'Germany', 'Deutschland', true],
  ['DK', 'Denmark', 'Danmark', true],
  ['ES', 'Spain', 'España', true],
  ['FI', 'Finland', 'Suomi', true],
  ['FR', 'France', 'France', true],
  ['GB', 'United Kingdom', 'United Kingdom', false],
  ['GR', 'Greece', 'Ελλάδα', true],
  ['IS', 'Iceland', 'Ísland', false],
  ['JP', 'Japan', '日本', false],
  ['KR', 'Korea', '한국', false],
  ['NO', 'Norway', 'Norge', false],
  ['PL', 'Poland', 'Polska', true],
  ['PT', 'Portugal', 'Portugal', true],
  ['RU', 'Russia', 'Россия', false],
  ['SE', 'Sweden', 'Sverige', true],
  ['TR', 'Türkiye', 'Türkiye', false],
  ['US', 'United States', '', false],
];

export const SKU = (i: number): string => `SKU-${String(i).padStart(5, '0')}`;

export const WORDS = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'india',
  'juliett',
  'kilo',
  'lima',
  'mike',
  'november',
  'oscar',
  'papa',
  'quebec',
  'romeo',
  'sierra',
  'tango',
];

export function words(r: Rng, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}
