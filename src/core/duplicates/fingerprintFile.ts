import type { FingerprintOutcome } from '../analysis/analysisProtocol';
import { decodeText } from '../text/decodeText';
import { surveyArticle } from './surveyArticle';

/**
 * What the duplicate index needs of one file: its text decoded, its zones, its own date (header,
 * dateline or a date near the top, which may load chrono) and its fingerprint. It runs in the
 * analysis worker, so none of this holds the extension host's thread.
 */
export function fingerprintFile(bytes: Uint8Array): FingerprintOutcome {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  return { ok: true, ...surveyArticle(decoded.text) };
}
