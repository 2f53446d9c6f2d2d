import { parseArticle } from '../core/article/parseArticle';
import { resolveArticleDate } from '../core/dates/resolveArticleDate';
import { borrowDatesFromDuplicates } from '../core/duplicates/borrowDate';
import { DuplicateIndex } from '../core/duplicates/duplicateIndex';
import { fingerprintArticle } from '../core/duplicates/fingerprintArticle';
import type { ArticleAnalysis } from '../core/types';
import { createAnalysisPool, defaultJobs } from './analysisPool';
import { UsageError, type CliContext } from './cliContext';
import {
  forEachArticle,
  readAllRecords,
  type ArticleSources,
  type RunTally,
} from './forEachArticle';
import type { ArticleInput } from './readInputs';
import { inputKey } from './zonesCommand';

/** How many analyses may be under way per worker, so workers never wait for the reader. */
const IN_FLIGHT_PER_JOB = 2;

interface Scheduled {
  input: ArticleInput;
  analysis: Promise<ArticleAnalysis>;
}

/**
 * `news-annotator annotate`: zones, quotations with speakers, entities and dates of each input,
 * written in input order while up to `--jobs` analyses run at once on worker threads. Undated
 * inputs first borrow the date of a duplicate version among the inputs (a first pass over the
 * inputs; standard input is held in memory for it), unless `--no-borrow` is given.
 */
export async function runAnnotate(context: CliContext): Promise<RunTally> {
  const jobs = parseJobs(context.values.jobs);
  const sources: ArticleSources = {
    paths: context.paths,
    jsonl: context.jsonl,
    read: context.read,
  };
  if (context.jsonl === '-') sources.records = await readAllRecords('-', context.read);
  const borrowed = context.values['no-borrow']
    ? new Map<string, string>()
    : await borrowDates(sources);

  const pool = createAnalysisPool(jobs);
  const queue: Scheduled[] = [];
  let analysisFailures = 0;
  const writeOldest = async (): Promise<void> => {
    const { input, analysis } = queue.shift()!;
    try {
      await context.writeRecord({ ...inputKey(input), ...(await analysis) });
    } catch (error) {
      analysisFailures++;
      const reason = error instanceof Error ? error.message : String(error);
      context.warn(`${input.file ?? input.id}: analysis failed: ${reason}`);
    }
  };
  try {
    const tally = await forEachArticle(
      sources,
      async (input) => {
        const borrowedDate = borrowed.get(keyOf(input));
        const analysis = pool.analyze({
          text: input.text,
          date: borrowedDate ?? input.date ?? context.date ?? null,
          dateFromDuplicate: borrowedDate !== undefined,
        });
        analysis.catch(() => undefined); // Reported when its turn to be written comes.
        queue.push({ input, analysis });
        while (queue.length >= jobs * IN_FLIGHT_PER_JOB) await writeOldest();
      },
      (failure) => context.warn(`${failure.label}: ${failure.reason}`),
    );
    while (queue.length > 0) await writeOldest();
    return {
      succeeded: tally.succeeded - analysisFailures,
      failed: tally.failed + analysisFailures,
    };
  } finally {
    await pool.close();
  }
}

function parseJobs(value: string | boolean | undefined): number {
  if (value === undefined || value === true) return defaultJobs();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError('--jobs takes a whole number of 1 or more');
  return jobs;
}

function keyOf(input: ArticleInput): string {
  return input.file !== undefined ? `file:${input.file}` : `id:${input.id ?? ''}`;
}

/** The first pass: fingerprints and own dates of every input, then what undated ones borrow. */
async function borrowDates(sources: ArticleSources): Promise<Map<string, string>> {
  const index = new DuplicateIndex();
  const ownDates = new Map<string, string | null>();
  await forEachArticle(
    { ...sources, read: { ...sources.read, warn: () => undefined } },
    (input) => {
      const key = keyOf(input);
      const zones = parseArticle(input.text).zones;
      ownDates.set(key, resolveArticleDate({ text: input.text, zones }).date);
      index.add(key, fingerprintArticle(input.text, zones));
    },
    () => undefined, // Unreadable inputs are reported once, by the second pass.
  );
  const dates = new Map<string, string>();
  for (const [key, choice] of borrowDatesFromDuplicates(ownDates, index))
    dates.set(key, choice.date);
  return dates;
}
