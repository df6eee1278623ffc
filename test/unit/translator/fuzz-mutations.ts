/**
 * Seeded mutators for the fuzz test (robustness.test.ts): token deletion, duplication and swap,
 * truncation, random bytes and line-ending changes. A case is replayable from its seed.
 */

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word, space, quote/bracket and punctuation runs: a crude split that keeps the text whole. */
const PIECES = /\s+|[A-Za-z_@#$][\w@#$]*|\d+|'[^']*'?|"[^"]*"?|\[[^\]]*\]?|--[^\n]*|\/\*|\*\/|./gs;

export function pieces(text: string): string[] {
  return text.match(PIECES) ?? [];
}

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)] as T;

export const MUTATIONS = [
  'delete-token',
  'duplicate-token',
  'swap-tokens',
  'truncate',
  'random-bytes',
  'line-endings',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

function randomBytes(r: () => number): string {
  // Control characters, C1, lone surrogates, NUL, BOM and ASE punctuation: what a bad export holds.
  const alphabet = [
    '\u0000',
    '\u0001',
    '\u001a',
    '\u0085',
    '\ud800',
    '\ufeff',
    '\u00e9',
    '\t',
    '\r',
    '\n',
    "'",
    '"',
    '[',
    ']',
    '(',
    ')',
    '/',
    '*',
    '-',
    ';',
    '@',
    '#',
  ];
  let s = '';
  const n = 1 + Math.floor(r() * 8);
  for (let i = 0; i < n; i++)
    s += r() < 0.5 ? pick(alphabet, r) : String.fromCharCode(Math.floor(r() * 0x250));
  return s;
}

/** Every line end rewritten to one random choice of LF, CRLF or CR, or each line end at random. */
function lineEndings(text: string, r: () => number): string {
  const ends = ['\n', '\r\n', '\r'];
  const mode = Math.floor(r() * 4);
  return text.replace(/\r\n|\r|\n/g, () => (mode < 3 ? (ends[mode] as string) : pick(ends, r)));
}

export function mutate(text: string, kind: Mutation, r: () => number): string {
  if (kind === 'truncate') return text.slice(0, Math.floor(r() * text.length));
  if (kind === 'line-endings') return lineEndings(text, r);
  if (kind === 'random-bytes') {
    const at = Math.floor(r() * (text.length + 1));
    return text.slice(0, at) + randomBytes(r) + text.slice(at);
  }
  const ps = pieces(text);
  if (ps.length < 2) return text + randomBytes(r);
  const i = Math.floor(r() * ps.length);
  const span = 1 + Math.floor(r() * 3);
  if (kind === 'delete-token') ps.splice(i, span);
  else if (kind === 'duplicate-token') ps.splice(i, 0, ...ps.slice(i, i + span));
  else {
    const j = Math.floor(r() * ps.length);
    const a = ps[i] as string;
    ps[i] = ps[j] as string;
    ps[j] = a;
  }
  return ps.join('');
}
