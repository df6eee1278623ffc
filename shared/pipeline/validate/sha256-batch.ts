/**
 * SHA-256 (FIPS 180-4) of many short messages in one call, written into one output buffer.
 *
 * Why hand-written and not node:crypto: a row hash is ~150 bytes, and each crypto.hash() call
 * costs ~2.7 µs of JS↔C++ crossing and Buffer allocation on the reference machine — 0.8 s for
 * 300k rows, more than `gzip -1` needs for the whole staged file (performance.md R1). OpenSSL's
 * speed only shows on long inputs (1.5 GB/s here for one large buffer). This loop processes a
 * whole batch of rows without allocating, so a row costs its compression rounds only
 * (numbers in docs/ARCHITECTURE.md §6). No npm package was used: the ones that exist hash one
 * message per call, which is the overhead being removed. Its output is checked against
 * node:crypto in test/unit/pipeline/sha256-batch.test.ts.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const H0 = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** Working state, reused across calls (single-threaded: no call re-enters another). */
const W = new Int32Array(64);
const H = new Int32Array(8);
/** The last one or two blocks of a message, with its padding and bit length. */
const TAIL = Buffer.alloc(128);

/** One 64-byte block of `data` at `at` into H. */
function compress(data: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++) {
    const p = at + t * 4;
    W[t] =
      ((data[p] as number) << 24) |
      ((data[p + 1] as number) << 16) |
      ((data[p + 2] as number) << 8) |
      (data[p + 3] as number);
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15] as number;
    const w2 = W[t - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = ((W[t - 16] as number) + s0 + (W[t - 7] as number) + s1) | 0;
  }
  let a = H[0] as number;
  let b = H[1] as number;
  let c = H[2] as number;
  let d = H[3] as number;
  let e = H[4] as number;
  let f = H[5] as number;
  let g = H[6] as number;
  let h = H[7] as number;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + (K[t] as number) + (W[t] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = ((H[0] as number) + a) | 0;
  H[1] = ((H[1] as number) + b) | 0;
  H[2] = ((H[2] as number) + c) | 0;
  H[3] = ((H[3] as number) + d) | 0;
  H[4] = ((H[4] as number) + e) | 0;
  H[5] = ((H[5] as number) + f) | 0;
  H[6] = ((H[6] as number) + g) | 0;
  H[7] = ((H[7] as number) + h) | 0;
}

/**
 * SHA-256 of each message `data[offsets[i], offsets[i+1])` for i < count, written as 32 bytes
 * each to `out` from `outAt` on. Messages are limited to 2^29 bytes (the bit length is computed
 * in 32 bits); longer rows are refused by the caller's row limit long before that.
 */
export function sha256Many(
  data: Uint8Array,
  offsets: Uint32Array,
  count: number,
  out: Uint8Array,
  outAt: number,
): void {
  for (let i = 0; i < count; i++) {
    const start = offsets[i] as number;
    const length = (offsets[i + 1] as number) - start;
    if (length >= 1 << 29) throw new RangeError(`message ${i} is too long for sha256Many`);
    H.set(H0);
    const full = length & ~63;
    for (let p = 0; p < full; p += 64) compress(data, start + p);
    const rest = length - full;
    // Byte loops, not subarray()+set(): a Buffer view per message costs more than <64 copies.
    TAIL.fill(0);
    for (let k = 0, from = start + full; k < rest; k++) TAIL[k] = data[from + k] as number;
    TAIL[rest] = 0x80;
    const tailBytes = rest < 56 ? 64 : 128;
    const bits = length * 8;
    TAIL[tailBytes - 4] = bits >>> 24;
    TAIL[tailBytes - 3] = (bits >>> 16) & 0xff;
    TAIL[tailBytes - 2] = (bits >>> 8) & 0xff;
    TAIL[tailBytes - 1] = bits & 0xff;
    compress(TAIL, 0);
    if (tailBytes === 128) compress(TAIL, 64);
    let o = outAt + i * 32;
    for (let k = 0; k < 8; k++) {
      const v = H[k] as number;
      out[o++] = v >>> 24;
      out[o++] = (v >>> 16) & 0xff;
      out[o++] = (v >>> 8) & 0xff;
      out[o++] = v & 0xff;
    }
  }
}
