/**
 * Character sets of bcp files (BCP-08, §8). Decoding is exact or fails: a byte sequence that is
 * not valid in the charset is an error naming file, line and column, never U+FFFD.
 *  - utf8: TextDecoder fatal;
 *  - iso_1: each byte is its code point (WHATWG's "latin1" label means windows-1252, which would
 *    turn the C1 controls 0x80-0x9F into printable characters: COL-01);
 *  - cp1252: by table, the five undefined bytes rejected;
 *  - everything else (cp850/cp437 COL-04, roman8 COL-05, Asian charsets COL-06a): refused with a
 *    coded error; re-export with `bcp -J utf8`.
 */
import { isAscii } from 'node:buffer';
import { AsemigError } from '../../../errors';
import { OfflineCodes } from './codes';

export type SupportedCharset = 'utf8' | 'iso_1' | 'cp1252';

const ALIASES: Readonly<Record<string, SupportedCharset>> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  iso_1: 'iso_1',
  'iso-8859-1': 'iso_1',
  iso88591: 'iso_1',
  latin1: 'iso_1',
  cp1252: 'cp1252',
  'windows-1252': 'cp1252',
};

const REFUSED: Readonly<Record<string, string>> = {
  cp850: 'COL-04',
  cp437: 'COL-04',
  roman8: 'COL-05',
  sjis: 'COL-06a',
  eucjis: 'COL-06a',
  gb18030: 'COL-06a',
  big5: 'COL-06a',
  eucksc: 'COL-06a',
  cp949: 'COL-06a',
};

export function resolveCharset(name: string, field: string): SupportedCharset {
  const key = name.trim().toLowerCase();
  const ok = ALIASES[key];
  if (ok) return ok;
  const rule = REFUSED[key] ?? 'COL-06';
  throw new AsemigError(
    OfflineCodes.charset.code,
    `charset '${name}' cannot be decoded exactly here (${rule}); export the data with bcp -J utf8 (BCP-08) and declare "utf8"`,
    { file: 'manifest.json', field },
  );
}

/**
 * windows-1252 0x80-0x9F (0 = undefined byte). Done by hand: Node 20's TextDecoder decodes the
 * "windows-1252" label as ISO-8859-1, which would turn the euro sign into U+0080.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
  0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0, 0x017e, 0x0178,
];

function decodeCp1252(b: Uint8Array): string | { badOffset: number } {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i] ?? 0;
    if (c >= 0x80 && c <= 0x9f) {
      const u = CP1252_HIGH[c - 0x80] ?? 0;
      if (u === 0) return { badOffset: i };
      out += String.fromCharCode(u);
    } else out += String.fromCharCode(c);
  }
  return out;
}

export interface FieldDecoder {
  readonly charset: SupportedCharset;
  /** Decoded text, or the 0-based offset of the first invalid byte. */
  decode(bytes: Uint8Array): string | { readonly badOffset: number };
}

export function fieldDecoder(charset: SupportedCharset): FieldDecoder {
  if (charset === 'iso_1') {
    return { charset, decode: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1') };
  }
  if (charset === 'cp1252') return { charset, decode: decodeCp1252 };
  const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  return {
    charset,
    decode: (b) => {
      // Pure ASCII (most fields) is the same in UTF-8 and latin1, and the latin1 copy is cheaper
      // than the validating UTF-8 decoder (measured in docs/ARCHITECTURE.md §6).
      if (isAscii(b)) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
      try {
        return td.decode(b);
      } catch {
        return { badOffset: firstInvalidUtf8(b) };
      }
    },
  };
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (for the error's column). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}
