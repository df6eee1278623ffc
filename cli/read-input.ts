/**
 * Reads the scripts given to `translate`: files or stdin, as strict UTF-8 unless `--encoding` says
 * latin1 or cp1252. A byte sequence that is
 * not UTF-8 is an error naming the file, line and byte offset (decoding it would silently turn
 * characters into U+FFFD, a loss the report could not show). A leading BOM is removed.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { AsemigError } from '../shared/errors';
import { HOST_CODES } from '../shared/host-codes';
import { fieldDecoder } from '../shared/pipeline/source/offline/charset';

/**
 * `translate --encoding`: UTF-8 (strict, the default), ISO-8859-1 (every byte is its code point;
 * ASE `iso_1`) or Windows-1252 (the five undefined bytes are an error, not a silent U+FFFD).
 */
export const INPUT_ENCODINGS = ['utf8', 'latin1', 'cp1252'] as const;
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

export interface InputScript {
  /** File path as given, or `<stdin>`. */
  readonly name: string;
  readonly text: string;
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8 text.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8Strict(buf: Uint8Array, name: string): string {
  let text: string;
  try {
    // The platform decoder decides validity; firstInvalidUtf8 only locates the byte for the message.
    // ignoreBOM false: a leading BOM is consumed, not returned.
    text = strictDecoder.decode(buf);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(buf));
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (buf[i] === 0x0a) {
        line += 1;
        lineStart = i + 1;
      }
    }
    const byte = (buf[bad] as number).toString(16).padStart(2, '0');
    throw new AsemigError(
      HOST_CODES.inputEncoding.code,
      `not valid UTF-8: byte 0x${byte} at offset ${bad} (column ${bad - lineStart + 1} in bytes); ` +
        'convert the script from the server character set first, e.g. iconv -f CP1252 -t UTF-8',
      { file: name, line },
    );
  }
  return text;
}

export async function readInputFile(path: string, encoding: InputEncoding = 'utf8'): Promise<InputScript> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AsemigError(HOST_CODES.inputMissing.code, 'no such file', { file: path });
    }
    throw new AsemigError(HOST_CODES.inputUnreadable.code, `cannot read: ${(e as Error).message}`, {
      file: path,
    });
  }
  if (!info.isFile()) {
    throw new AsemigError(
      HOST_CODES.inputNotFile.code,
      info.isDirectory() ? 'is a directory, not a script file' : 'is not a regular file',
      { file: path },
    );
  }
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new AsemigError(HOST_CODES.inputUnreadable.code, `cannot read: ${(e as Error).message}`, {
      file: path,
    });
  }
  return { name: path, text: decodeInput(buf, path, encoding) };
}

/** Bytes of a script in the declared encoding → text; an undecodable byte is a coded error. */
export function decodeInput(buf: Buffer, name: string, encoding: InputEncoding): string {
  if (encoding === 'utf8') return decodeUtf8Strict(buf, name);
  const r = fieldDecoder(encoding === 'latin1' ? 'iso_1' : 'cp1252').decode(buf);
  if (typeof r === 'string') return r;
  const before = buf.subarray(0, r.badOffset);
  const line = before.toString('latin1').split('\n').length;
  const byte = (buf[r.badOffset] as number).toString(16).padStart(2, '0');
  throw new AsemigError(
    HOST_CODES.inputEncoding.code,
    `not valid ${encoding}: byte 0x${byte} at offset ${r.badOffset} is undefined in Windows-1252; ` +
      'try --encoding latin1 or convert the script to UTF-8',
    { file: name, line },
  );
}

export async function readStdin(stdin: Readable, encoding: InputEncoding = 'utf8'): Promise<InputScript> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return { name: '<stdin>', text: decodeInput(Buffer.concat(chunks), '<stdin>', encoding) };
}
