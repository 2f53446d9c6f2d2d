import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Score } from '../core/eval/prf';
import {
  evaluateCorpus,
  readGoldDocument,
  type EvaluationReport,
  type GoldDocument,
} from '../core/eval/evaluateCorpus';
import type { ArticleAnalysis } from '../core/types';
import { createAnalysisPool, defaultJobs } from './analysisPool';
import { describeFaults } from './engineFaults';
import { UsageError, type CliContext } from './cliContext';
import type { RunTally } from './forEachArticle';
import { describeError } from './readInputs';

/**
 * `news-annotator eval --gold FILE`: analyses each gold document (anchored on its `dct`) and
 * scores quotations, speakers, dates and entities against the gold annotations. Prints one JSON
 * report, or a table with `--format table`.
 */
export async function runEval(context: CliContext): Promise<RunTally> {
  const goldPath = context.values.gold;
  if (typeof goldPath !== 'string') throw new UsageError('eval needs --gold FILE (JSON Lines)');
  const format = context.values.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError('--format is json or table');
  const jobs = context.values.jobs === undefined ? defaultJobs() : Number(context.values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UsageError('--jobs takes a whole number of 1 or more');

  const { documents, failed } = await readGold(goldPath, context.warn);
  const pool = createAnalysisPool(jobs);
  let analyses: ArticleAnalysis[];
  try {
    analyses = await Promise.all(
      documents.map((document) =>
        pool.analyze({ text: document.text, date: document.dct ?? null, dateFromDuplicate: false }),
      ),
    );
  } finally {
    await pool.close();
  }
  analyses.forEach((analysis, k) => {
    if (analysis.faults) context.warn(describeFaults(documents[k]!.id, analysis.faults));
  });
  const report = evaluateCorpus(documents, analyses);
  if (format === 'table') process.stdout.write(formatReport(report));
  else await context.writeRecord({ gold: goldPath, ...report });
  return { succeeded: documents.length, failed };
}

async function readGold(
  path: string,
  warn: (message: string) => void,
): Promise<{ documents: GoldDocument[]; failed: number }> {
  const documents: GoldDocument[] = [];
  let failed = 0;
  let lineNumber = 0;
  try {
    const lines = createInterface({
      input: path === '-' ? process.stdin : createReadStream(path),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      lineNumber++;
      if (!line.trim()) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        warn(`${path}:${lineNumber}: not valid JSON`);
        failed++;
        continue;
      }
      const document = readGoldDocument(parsed, `${path}:${lineNumber}`);
      if (typeof document === 'string') {
        warn(`${path}:${lineNumber}: ${document}`);
        failed++;
      } else {
        documents.push(document);
      }
    }
  } catch (error) {
    warn(`${path}: ${describeError(error)}`);
    failed++;
  }
  return { documents, failed };
}

/** A plain-text table of the report, for people. */
export function formatReport(report: EvaluationReport): string {
  const rows: string[] = [`documents: ${report.documents}`, ''];
  const prf = (label: string, score: Score): string =>
    `${label.padEnd(34)} P ${fixed(score.precision)}  R ${fixed(score.recall)}  F1 ${fixed(score.f1)}  (${score.truePositives}/${score.predicted} predicted, ${score.gold} gold)`;
  if (report.quotes) {
    const q = report.quotes;
    rows.push(
      prf('quotes, exact', q.exact),
      prf('quotes, overlap', q.overlap),
      `${'speaker right, of exact quotes'.padEnd(34)} ${fixed(q.speakers.accuracy)}%  (${q.speakers.correct}/${q.speakers.found})`,
      prf('quote + speaker', q.quoteSpeaker),
      '',
    );
  }
  if (report.dates) {
    const d = report.dates;
    rows.push(
      prf('dates (DATE, TIME), exact', d.exact),
      prf('dates (DATE, TIME), overlap', d.overlap),
      `${'date value right, of found'.padEnd(34)} ${fixed(d.value.accuracy)}%  (${d.value.right}/${d.value.found}; ${d.value.wrong} wrong, ${d.value.unresolved} null)`,
      '',
    );
  }
  if (report.entities) {
    const e = report.entities;
    for (const type of ['person', 'place', 'organization'] as const) {
      rows.push(prf(`${type}, exact`, e.exact.byType[type]));
    }
    rows.push(
      prf('entities, exact', e.exact.overall),
      prf('entities, overlap', e.overlap.overall),
      prf('entities, exact (MISC strict)', e.strictExact.overall),
      '',
    );
  }
  return `${rows.join('\n')}\n`;
}

function fixed(value: number): string {
  return value.toFixed(1).padStart(5);
}
