/**
 * The articles the editor benchmark opens: a 5 KB news story and a 1 MB article with paragraphs,
 * both from the PolNeAR dev set (real news) when ../shared/dev-data is there, else from seed 000.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One benchmark article. */
export interface BenchArticle {
  label: string;
  text: string;
  /** Where the text came from, for the report. */
  source: string;
}

interface DevRecord {
  id: string;
  text: string;
  dct?: string;
}

const KIB = 1024;

function readDevRecords(devData: string | undefined): DevRecord[] | undefined {
  const file = devData && path.join(devData, 'polnear-dev.jsonl');
  if (!file || !existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevRecord);
}

/** The date header a cleaned scrape starts with, so relative dates resolve as in real files. */
const header = (date: string | undefined): string => (date ? ` date ${date} ` : '');

/** The 5 KB and 1 MB articles; `seedText` is the fallback when the dev data is absent. */
export function benchArticles(devData: string | undefined, seedText: string): BenchArticle[] {
  const records = readDevRecords(devData);
  if (!records) {
    let big = '';
    while (big.length < KIB * KIB) big += `${seedText}\n\n`;
    return [
      { label: '5 KB', text: seedText, source: 'seed 000 (dev data not found)' },
      { label: '1 MB', text: big.slice(0, KIB * KIB), source: 'seed 000 repeated' },
    ];
  }
  // The story nearest 5 KB in UTF-8, as a cleaned scrape with its date header.
  const bytes = (record: DevRecord) => Buffer.byteLength(record.text, 'utf8');
  const story = [...records].sort(
    (a, b) => Math.abs(bytes(a) - 5 * KIB) - Math.abs(bytes(b) - 5 * KIB),
  )[0]!;
  const small = `${header(story.dct)}${story.text}`;
  // Every dev story, one after the other as paragraphs, until 1 MB: what a merged feed or a
  // long live blog looks like to the editor.
  const all = records.map((record) => record.text).join('\n\n');
  let big = header(records[0]!.dct);
  while (big.length < KIB * KIB) big += `${all}\n\n`;
  return [
    { label: '5 KB', text: small, source: `PolNeAR dev ${story.id}` },
    {
      label: '1 MB',
      text: big.slice(0, KIB * KIB),
      source: `the ${records.length} PolNeAR dev stories, repeated`,
    },
  ];
}
