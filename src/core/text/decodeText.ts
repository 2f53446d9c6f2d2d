/** The result of turning a file's bytes into text. */
export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; note?: string }
  | { ok: false; reason: string };

/** The encodings `decodeText` recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What Windows-1252 puts at bytes 0x80 to 0x9F, where Latin-1 has control codes. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** How many leading bytes are inspected for NUL bytes to recognise a binary file. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
 * mark, and otherwise Windows-1252, the usual encoding of older scraped pages, with a note saying
 * so. UTF-16 without a mark is recognised by its NUL bytes when the text is mostly Latin script;
 * any other file with NUL bytes is binary and is refused with a reason.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
    };
  }
  const head = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (head.includes(0)) {
    const utf16 = guessUtf16WithoutMark(head);
    if (utf16) {
      try {
        const text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
        // Sixteen-bit numbers below 256 also have every other byte NUL, but read as control codes.
        const sample = text.slice(0, BINARY_SNIFF_BYTES / 2);
        let controls = 0;
        for (let i = 0; i < sample.length; i++) {
          const code = sample.charCodeAt(i);
          if (code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) controls++;
        }
        if (controls <= sample.length * 0.02) {
          return {
            ok: true,
            text,
            encoding: utf16,
            note: `no byte-order mark; decoded as ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'}`,
          };
        }
      } catch {
        // Not UTF-16 after all (an unpaired surrogate): a binary file.
      }
    }
    return { ok: false, reason: 'binary file (it contains NUL bytes)' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      hasBom ? bytes.subarray(3) : bytes,
    );
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    const text = decodeWindows1252(bytes);
    return {
      ok: true,
      text,
      encoding: 'windows-1252',
      note: 'not valid UTF-8; decoded as Windows-1252 (Latin-1)',
    };
  }
}

/**
 * UTF-16 text in Latin script without a byte-order mark has a NUL in every other byte: the high
 * byte of each character (odd bytes in little-endian order, even bytes in big-endian order),
 * while a binary file has its NULs anywhere.
 */
function guessUtf16WithoutMark(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros >= pairs * 0.4 && evenZeros <= pairs * 0.02) return 'utf-16le';
  if (evenZeros >= pairs * 0.4 && oddZeros <= pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Decodes Windows-1252 by its table rather than through `TextDecoder`, which some Node versions
 * (Node 20) treat as Latin-1, turning “curly quotes” into control codes.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    units[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte;
  }
  return new TextDecoder('utf-16le').decode(units);
}
