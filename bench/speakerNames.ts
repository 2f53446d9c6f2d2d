/**
 * How speaker mentions are resolved to names on the dev data, which has no gold names: the count of
 * each resolution kind, and the "he" and "she" that went to a person whose first name compromise's
 * lexicon gives the other gender (an error whatever the gold would say).
 *
 *   npx tsx bench/speakerNames.ts [file.jsonl ...]
 *
 * By default it reads the three files of ../shared/dev-data; absent files are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../src/core/analysis/articleAnalyzer';
import { firstNameGender } from '../src/core/nlp/nameLexicon';

const dev = path.resolve(__dirname, '../../shared/dev-data');
const files = process.argv.slice(2);
if (files.length === 0)
  for (const name of ['polnear-dev.jsonl', 'timeml-aquaint.jsonl', 'conll2003-dev.jsonl'])
    files.push(path.join(dev, name));

for (const file of files) {
  if (!existsSync(file)) {
    console.log(`${file}: not found, skipped`);
    continue;
  }
  const kinds = new Map<string, number>();
  let pronouns = 0;
  let gendered = 0;
  let otherGender = 0;
  let titledUnresolved = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as { text: string; dct?: string };
    for (const quote of analyzeArticle(doc.text, { date: doc.dct }).quotes) {
      const speaker = quote.speaker;
      if (!speaker) continue;
      const kind = speaker.resolution ?? 'none';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      // "State Department spokesman Glyn Davies" left as written: a name inside went unused.
      if (kind === 'unresolved' && /\s\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(speaker.text))
        titledUnresolved++;
      const pronoun = speaker.text.toLowerCase();
      if (kind !== 'pronoun' || (pronoun !== 'he' && pronoun !== 'she')) continue;
      pronouns++;
      const first = /^\p{L}+/u.exec(speaker.name)?.[0];
      const gender = first ? firstNameGender(first.toLowerCase()) : undefined;
      if (!gender) continue;
      gendered++;
      if ((gender === 'male') !== (pronoun === 'he')) otherGender++;
    }
  }
  const counts = [...kinds].map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${path.basename(file)}: ${counts}`);
  console.log(
    `  he/she resolved: ${pronouns}; to a known first name: ${gendered}; of the other gender: ${otherGender}`,
  );
  console.log(`  unresolved mentions ending in a two-word name: ${titledUnresolved}`);
}
