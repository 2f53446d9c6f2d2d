/**
 * Base64 for arrays of 32-bit words, written out so that the pure core needs neither Node's
 * `Buffer` nor the browser's `btoa`. Words are stored little-endian whatever the host's byte order.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const PAD = 61;
const ASCII = new TextDecoder('latin1');
const LOOKUP = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Encodes 32-bit words as base64 (four little-endian bytes a word). */
export function encodeWords(words: Uint32Array): string {
  const bytes = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    bytes[i * 4] = w & 0xff;
    bytes[i * 4 + 1] = (w >>> 8) & 0xff;
    bytes[i * 4 + 2] = (w >>> 16) & 0xff;
    bytes[i * 4 + 3] = w >>> 24;
  }
  // Writing ASCII codes into a byte array and decoding it once is far faster than concatenation.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let at = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    out[at++] = CODES[b0 >> 2]!;
    out[at++] = CODES[((b0 & 3) << 4) | (b1 >> 4)]!;
    out[at++] = i + 1 < bytes.length ? CODES[((b1 & 15) << 2) | (b2 >> 6)]! : PAD;
    out[at++] = i + 2 < bytes.length ? CODES[b2 & 63]! : PAD;
  }
  return ASCII.decode(out);
}

/** Decodes what `encodeWords` wrote; returns undefined for anything that is not such a string. */
export function decodeWords(text: unknown): Uint32Array | undefined {
  if (typeof text !== 'string' || text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const byteLength = (text.length / 4) * 3 - padding;
  if (byteLength % 4 !== 0) return undefined;
  const bytes = new Uint8Array(byteLength);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    let group = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const isPad = code === 61 && i + j >= text.length - padding;
      const value = isPad ? 0 : code < 128 ? LOOKUP[code]! : -1;
      if (value < 0) return undefined;
      group = (group << 6) | value;
    }
    if (at < byteLength) bytes[at++] = (group >>> 16) & 0xff;
    if (at < byteLength) bytes[at++] = (group >>> 8) & 0xff;
    if (at < byteLength) bytes[at++] = group & 0xff;
  }
  const words = new Uint32Array(byteLength / 4);
  for (let i = 0; i < words.length; i++) {
    words[i] =
      (bytes[i * 4]! |
        (bytes[i * 4 + 1]! << 8) |
        (bytes[i * 4 + 2]! << 16) |
        (bytes[i * 4 + 3]! << 24)) >>>
      0;
  }
  return words;
}
