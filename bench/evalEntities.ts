/**
 * Entity accuracy on CoNLL-2003 dev and entity throughput on the PolNeAR texts, with raw compromise
 * as the baseline in the same run. Usage:
 *   npx tsx bench/evalEntities.ts [--conll FILE] [--polnear FILE] [--errors N] [--skip-speed]
 * Paths default to ../shared/dev-data/ (or NEWS_ANNOTATOR_DEV_DATA); a missing file is skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findEntities } from '../src/core/entities/findEntities';
import {
  scoreEntities,
  sumEntityScores,
  type EntityScores,
  type GoldEntity,
} from '../src/core/eval/scoreEntities';
import type { MatchMode } from '../src/core/eval/prf';
import { loadCompromise } from '../src/core/nlp/compromise';
import { findEntitiesWithCompromise } from '../src/core/nlp/compromiseEntities';
import type { EntityMention } from '../src/core/types';

interface ConllDocument {
  id: string;
  text: string;
  entities: GoldEntity[];
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const devData =
  process.env.NEWS_ANNOTATOR_DEV_DATA ?? join(__dirname, '..', '..', 'shared', 'dev-data');
const conllPath = argument('--conll') ?? join(devData, 'conll2003-dev.jsonl');
const polnearPath = argument('--polnear') ?? join(devData, 'polnear-dev.jsonl');
const errorSamples = Number(argument('--errors') ?? 0);

function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const percent = (value: number): string => value.toFixed(1).padStart(5);

function printScores(label: string, scores: EntityScores): void {
  const { byType, overall } = scores;
  const cell = (s: { precision: number; recall: number; f1: number }): string =>
    `${percent(s.precision)} ${percent(s.recall)} ${percent(s.f1)}`;
  console.log(
    `${label.padEnd(34)} | ${cell(byType.person)} | ${cell(byType.place)} | ${cell(byType.organization)} | ${cell(overall)}`,
  );
}

function evaluate(
  documents: readonly ConllDocument[],
  find: (text: string) => EntityMention[],
): Map<string, EntityMention[]> {
  const predictions = new Map<string, EntityMention[]>();
  for (const document of documents) predictions.set(document.id, find(document.text));
  return predictions;
}

function report(
  name: string,
  documents: readonly ConllDocument[],
  predictions: Map<string, EntityMention[]>,
): void {
  for (const mode of ['exact', 'overlap'] as MatchMode[]) {
    for (const strictMisc of [false, true]) {
      const scores = sumEntityScores(
        documents.map((document) =>
          scoreEntities(predictions.get(document.id)!, document.entities, mode, { strictMisc }),
        ),
      );
      const label = `${name} ${mode}${strictMisc ? ' strict-MISC' : ''}`;
      printScores(label, scores);
      if (!strictMisc && mode === 'exact')
        console.log(`${''.padEnd(34)}   (${scores.overlappingMisc} predictions overlap MISC)`);
    }
  }
}

function printErrors(
  documents: readonly ConllDocument[],
  predictions: Map<string, EntityMention[]>,
): void {
  const typeOf: Record<string, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };
  const falsePositives: string[] = [];
  const misses: string[] = [];
  for (const document of documents) {
    const predicted = predictions.get(document.id)!;
    for (const mention of predicted) {
      const gold = document.entities.find(
        (entity) => entity.start === mention.start && entity.end === mention.end,
      );
      if (!gold || gold.type !== typeOf[mention.type]) {
        const overlapping = document.entities.find(
          (entity) => entity.start < mention.end && mention.start < entity.end,
        );
        const context = document.text
          .slice(Math.max(0, mention.start - 30), mention.end + 30)
          .replace(/\n/g, ' / ');
        falsePositives.push(
          `${typeOf[mention.type]} "${mention.text}" gold=${overlapping ? `${overlapping.type} "${document.text.slice(overlapping.start, overlapping.end)}"` : '-'} | ${context}`,
        );
      }
    }
    for (const entity of document.entities) {
      if (entity.type === 'MISC') continue;
      if (!predicted.some((mention) => mention.start < entity.end && entity.start < mention.end)) {
        const context = document.text
          .slice(Math.max(0, entity.start - 30), entity.end + 30)
          .replace(/\n/g, ' / ');
        misses.push(
          `${entity.type} "${document.text.slice(entity.start, entity.end)}" | ${context}`,
        );
      }
    }
  }
  const sample = (list: string[]): string[] =>
    list
      .filter((_, i) => i % Math.max(1, Math.floor(list.length / errorSamples)) === 0)
      .slice(0, errorSamples);
  console.log(`\nWrong or spurious predictions (${falsePositives.length}), sample:`);
  for (const line of sample(falsePositives)) console.log('  ' + line);
  console.log(`\nMissed gold entities (${misses.length}), sample:`);
  for (const line of sample(misses)) console.log('  ' + line);
}

function throughput(
  texts: readonly string[],
  run: (text: string) => unknown,
  rounds: number,
): number {
  const bytes = texts.reduce((total, text) => total + Buffer.byteLength(text, 'utf8'), 0);
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const text of texts) run(text);
    best = Math.min(best, performance.now() - started);
  }
  return bytes / 1024 / (best / 1000);
}

function main(): void {
  if (existsSync(conllPath)) {
    const documents = readJsonLines<ConllDocument>(conllPath);
    console.log(`CoNLL-2003 dev: ${documents.length} documents (${conllPath})`);
    console.log(
      `${'P / R / F1'.padEnd(34)} | person            | place             | organization      | overall`,
    );
    const ours = evaluate(documents, (text) => findEntities(text));
    report('ours', documents, ours);
    const baseline = evaluate(documents, findEntitiesWithCompromise);
    report('raw compromise', documents, baseline);
    if (errorSamples > 0) printErrors(documents, ours);
  } else {
    console.log(`CoNLL-2003 dev not found at ${conllPath}: accuracy skipped.`);
  }

  if (process.argv.includes('--skip-speed')) return;
  if (!existsSync(polnearPath)) {
    console.log(`PolNeAR dev not found at ${polnearPath}: throughput skipped.`);
    return;
  }
  const texts = readJsonLines<{ text: string }>(polnearPath).map((document) => document.text);
  const kilobytes =
    texts.reduce((total, text) => total + Buffer.byteLength(text, 'utf8'), 0) / 1024;
  console.log(
    `\nThroughput on PolNeAR dev: ${texts.length} texts, ${kilobytes.toFixed(0)} KB, one core, best of rounds`,
  );
  const nlp = loadCompromise();
  // Warm both engines first so that module load and lexicon building are not counted.
  findEntities(texts[0]!);
  nlp(texts[0]!).people();
  // A 1 MB article, with its lines and as one line, guards against anything quadratic.
  let big = texts.join('\n\n');
  while (big.length < 1_000_000) big += '\n\n' + big;
  big = big.slice(0, 1_000_000);
  for (const [label, text] of [
    ['1 MB article', big],
    ['1 MB single-line article', big.replace(/\n/g, ' ')],
  ] as const) {
    const started = performance.now();
    const count = findEntities(text).length;
    const seconds = (performance.now() - started) / 1000;
    const rss = Math.round(process.memoryUsage().rss / 1e6);
    console.log(
      `${label.padEnd(33)} ${seconds.toFixed(2).padStart(7)} s, ${count} entities, rss ${rss} MB`,
    );
  }
  const oursSpeed = throughput(texts, (text) => findEntities(text), 5);
  const rawSpeed = throughput(
    texts,
    (text) => {
      const doc = nlp(text);
      return [doc.people().json(), doc.places().json(), doc.organizations().json()];
    },
    2,
  );
  // compromise-dates changes the shared compromise instance, so it is measured last.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const datesPlugin = require('compromise-dates') as
    Parameters<typeof nlp.extend>[0] | { default: Parameters<typeof nlp.extend>[0] };
  nlp.extend(
    'default' in (datesPlugin as object)
      ? (datesPlugin as { default: Parameters<typeof nlp.extend>[0] }).default
      : (datesPlugin as Parameters<typeof nlp.extend>[0]),
  );
  const withDatesSpeed = throughput(
    texts,
    (text) => {
      const doc = nlp(text) as ReturnType<typeof nlp> & { dates(): { json(): unknown } };
      try {
        return [
          doc.people().json(),
          doc.places().json(),
          doc.organizations().json(),
          doc.dates().json(),
        ];
      } catch {
        // compromise-dates throws on some inputs ("third-quarter"); the baseline loses that text.
        return [];
      }
    },
    2,
  );
  console.log(`ours (findEntities)               ${oursSpeed.toFixed(0).padStart(7)} KB/s`);
  console.log(`raw compromise (entities)         ${rawSpeed.toFixed(0).padStart(7)} KB/s`);
  console.log(`compromise + compromise-dates     ${withDatesSpeed.toFixed(0).padStart(7)} KB/s`);
  console.log(
    `ours / (compromise + dates)       ${(oursSpeed / withDatesSpeed).toFixed(1).padStart(7)} x`,
  );
}

main();
