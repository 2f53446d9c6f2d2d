/** The result of turning a file's bytes into text. */
export type DecodedText =
  | { ok: true; text: string; encoding: TextEncodingName; note?: string }
  | { ok: false; reason: string };

/** The encodings `decodeText` recognises. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many leading bytes are inspected for NUL bytes to recognise a binary file. */
const BINARY_SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
 * mark, and otherwise Windows-1252, the usual encoding of older scraped pages, with a note saying
 * so. A file with NUL bytes and no UTF-16 mark is binary and is refused with a reason.
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
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, reason: 'binary file (it contains NUL bytes)' };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      hasBom ? bytes.subarray(3) : bytes,
    );
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      ok: true,
      text,
      encoding: 'windows-1252',
      note: 'not valid UTF-8; decoded as Windows-1252 (Latin-1)',
    };
  }
}
