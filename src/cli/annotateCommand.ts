import { borrowDatesFromDuplicates } from '../core/duplicates/borrowDate';
import { DuplicateIndex } from '../core/duplicates/duplicateIndex';
import type { ArticleSurvey } from '../core/duplicates/surveyArticle';
import { createAnalysisPool, defaultJobs, type AnalysisPool } from './analysisPool';
import { UsageError, type CliContext } from './cliContext';
import { describeFaults, faultsInAnalysisJson } from './engineFaults';
import {
  forEachArticle,
  measureInputs,
  readAllRecords,
  type ArticleSources,
  type RunTally,
} from './forEachArticle';
import type { ArticleInput } from './readInputs';
import { inputKey } from './zonesCommand';

/**
 * How many analyses may be handed out per worker before the oldest is written: the pool keeps two
 * per worker, and as many again wait here so a slow article does not hold the others up.
 */
const IN_FLIGHT_PER_JOB = 4;

interface Scheduled {
  input: ArticleInput;
  /** The analysis as JSON text: workers serialise it, so this thread never rebuilds the objects. */
  analysis: Promise<string>;
}

/**
 * `news-annotator annotate`: zones, quotations with speakers, entities and dates of each input,
 * written in input order while up to `--jobs` analyses run at once on worker threads (a single
 * input, and by default a small one, runs in process). Undated inputs first borrow the date of a
 * duplicate version among the inputs, unless `--no-borrow` is given: a first pass, also on the
 * workers, surveys every input for its own date and fingerprint (standard input is held in memory
 * for it).
 */
export async function runAnnotate(context: CliContext): Promise<RunTally> {
  const jobs = parseJobs(context.values.jobs);
  const sources: ArticleSources = {
    paths: context.paths,
    jsonl: context.jsonl,
    read: context.read,
  };
  if (context.jsonl === '-') sources.records = await readAllRecords('-', context.read);
  // Workers start now and load compromise while this thread borrows dates, unless they would
  // only add their start-up (see `usesWorkers`).
  const pool = createAnalysisPool(
    usesWorkers(measureInputs(sources), typeof context.values.jobs === 'string') ? jobs : 1,
  );
  let borrowed: Map<string, string>;
  try {
    borrowed = context.values['no-borrow']
      ? new Map()
      : await borrowDates(sources, pool, jobs * IN_FLIGHT_PER_JOB);
  } catch (error) {
    await pool.close();
    throw error;
  }

  const queue: Scheduled[] = [];
  let analysisFailures = 0;
  const writeOldest = async (): Promise<void> => {
    const { input, analysis } = queue.shift()!;
    try {
      const json = await analysis;
      const faults = faultsInAnalysisJson(json);
      if (faults.length > 0) context.warn(describeFaults(input.file ?? input.id ?? '', faults));
      await context.writeJsonLine(recordJson(input, json));
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
        const analysis = pool.analyzeToJson({
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

/**
 * Below this much input, the default runs in process: two workers start in about 0.4 s more than
 * one analysis in process, and on two cores they first gain that much back at about 400 KB of
 * news (docs/benchmarks.md, "The CLI's default below 384 KB").
 */
export const MIN_INPUT_BYTES_FOR_WORKERS = 384 * 1024;

/**
 * Whether annotate runs its analyses on worker threads: never for a single article, where they
 * would only add their start-up; with `--jobs` given, as asked; by default, only for inputs of
 * `MIN_INPUT_BYTES_FOR_WORKERS` or more.
 */
export function usesWorkers(
  inputs: { several: boolean; bytes: number },
  jobsGiven: boolean,
): boolean {
  return inputs.several && (jobsGiven || inputs.bytes >= MIN_INPUT_BYTES_FOR_WORKERS);
}

function parseJobs(value: string | boolean | undefined): number {
  if (value === undefined || value === true) return defaultJobs();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError('--jobs takes a whole number of 1 or more');
  return jobs;
}

/** `{id}` or `{file}` followed by the analysis fields: the record, joined without re-parsing. */
function recordJson(input: ArticleInput, analysisJson: string): string {
  const key = JSON.stringify(inputKey(input));
  return `${key.slice(0, -1)},${analysisJson.slice(1)}`;
}

function keyOf(input: ArticleInput): string {
  return input.file !== undefined ? `file:${input.file}` : `id:${input.id ?? ''}`;
}

/**
 * The first pass: the own date and fingerprint of every input, surveyed by the pool (in input
 * order, a bounded number at a time), then what undated inputs borrow from their duplicates.
 */
async function borrowDates(
  sources: ArticleSources,
  pool: AnalysisPool,
  window: number,
): Promise<Map<string, string>> {
  const index = new DuplicateIndex();
  const ownDates = new Map<string, string | null>();
  const pending: Array<{ key: string; survey: Promise<ArticleSurvey> }> = [];
  const takeOldest = async (): Promise<void> => {
    const { key, survey } = pending.shift()!;
    try {
      const { date, fingerprint } = await survey;
      ownDates.set(key, date);
      index.add(key, fingerprint);
    } catch {
      // An input that cannot be surveyed neither lends nor borrows; its analysis reports it.
    }
  };
  await forEachArticle(
    { ...sources, read: { ...sources.read, warn: () => undefined } },
    async (input) => {
      const survey = pool.survey(input.text);
      survey.catch(() => undefined); // Handled when its turn comes.
      pending.push({ key: keyOf(input), survey });
      while (pending.length >= window) await takeOldest();
    },
    () => undefined, // Unreadable inputs are reported once, by the second pass.
  );
  while (pending.length > 0) await takeOldest();
  const dates = new Map<string, string>();
  for (const [key, choice] of borrowDatesFromDuplicates(ownDates, index))
    dates.set(key, choice.date);
  return dates;
}
