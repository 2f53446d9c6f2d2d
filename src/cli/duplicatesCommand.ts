import { DEFAULT_DUPLICATE_THRESHOLD } from '../core/duplicates/compareFingerprints';
import { DuplicateIndex } from '../core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../core/duplicates/fingerprintArticle';
import { UsageError, type CliContext } from './cliContext';
import { forEachArticle, type RunTally } from './forEachArticle';

/**
 * `news-annotator duplicates`: groups the inputs into clusters of versions of one story and
 * prints one record per cluster `{files, kind, pairs: [{a, b, similarity, containment}]}`.
 * Files are named by path, JSON Lines records by id.
 */
export async function runDuplicates(context: CliContext): Promise<RunTally> {
  const threshold =
    context.values.threshold === undefined
      ? DEFAULT_DUPLICATE_THRESHOLD
      : Number(context.values.threshold);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) {
    throw new UsageError('--threshold takes a number above 0 and at most 1');
  }
  const index = new DuplicateIndex();
  const tally = await forEachArticle(
    { paths: context.paths, jsonl: context.jsonl, read: context.read },
    (input) => {
      index.add(input.file ?? input.id ?? '', fingerprintArticle(input.text));
    },
    (failure) => context.warn(`${failure.label}: ${failure.reason}`),
  );
  for (const cluster of index.clusters(threshold)) {
    await context.writeRecord({
      files: cluster.files,
      kind: cluster.kind,
      pairs: cluster.pairs.map(({ a, b, similarity, containment, kind }) => ({
        a,
        b,
        similarity: round(similarity),
        containment: round(containment),
        kind,
      })),
    });
  }
  return tally;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
