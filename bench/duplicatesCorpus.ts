/**
 * A synthetic corpus of scraped news for measuring duplicate detection: stories written by a word
 * Markov chain, grouped by topic, each published as one or more files. A file is one rendering of
 * one version of a story: a full page (headline, repeated captions, byline, inline advertisements,
 * site boilerplate, reader comments), a clean body with a date header, a plain headline and body,
 * an exact copy with other line endings, or the same text with other quote marks and dashes. A
 * version may be revised: a paragraph replaced, a sentence rewritten, a paragraph added or removed.
 *
 * Hard negatives: the stories of a topic share the site boilerplate, the comments, the caption,
 * the dateline place, words of the headline and one verbatim background paragraph, as wire stories
 * on one subject do; none of that may make them duplicates.
 *
 * The chain learns from the dev-data texts when /work/shared/dev-data (or $NEWS_DEV_DATA) is there,
 * at run time only; otherwise from a built-in phrase grammar. Nothing generated is committed:
 * `npx tsx bench/duplicatesCorpus.ts --out test-results/duplicates-corpus --stories 200` writes a
 * sample to look at.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../src/core/duplicates/hashing';

/** One file of the corpus, with the truth about it. */
export interface CorpusFile {
  id: string;
  text: string;
  /** The story it is a version of: files of one story are duplicates, others are not. */
  story: number;
  /** Which revision of the story's content it carries (0 = the original). */
  revision: number;
  /** How it was rendered (full-page, clean, plain, copy, typography). */
  rendering: Rendering;
}

/** The ways a scraper or a cleaner renders one version of a story. */
export type Rendering = 'full-page' | 'clean' | 'plain' | 'copy' | 'typography';

/** Options of `generateCorpus`. */
export interface CorpusOptions {
  /** How many stories (each gives one to four files). */
  stories: number;
  seed?: number;
  /** Share of stories published once (no duplicate). */
  singletonShare?: number;
  /** Sentences to learn from; by default the dev data, or the built-in grammar when absent. */
  source?: SentenceSource;
}

/** Something that writes sentences. */
export interface SentenceSource {
  name: string;
  sentence(random: () => number): string;
}

const FIRST_NAMES =
  'Anna Boris Carmen David Elena Farid Grace Hassan Irina James Kofi Laila Marco Nadia Oleg Priya Quentin Rosa Samuel Tamar Umar Vera Walter Ximena Yusuf Zara Ahmed Brigitte Chen Dmitri Esther Felipe Giulia Hiro Ines Jonas Kateryna Luis Mariam Nikos'.split(
    ' ',
  );
const SURNAMES =
  'Abbott Baranov Castillo Dlamini Eriksen Fontaine Garcia Haddad Ivanova Jensen Kowalski Lindqvist Mensah Novak Okafor Petrov Quispe Rahman Santos Tanaka Usman Varga Weber Xu Yilmaz Zielinski Almeida Brennan Costa Dubois Evans Fischer Gupta Horvat Ito Jovanovic Kim Lopez Moreau Nakamura'.split(
    ' ',
  );
const PLACES =
  'Geneva Nairobi Lima Oslo Manila Tbilisi Accra Hanoi Quito Riga Dakar Baku Yerevan Vienna Bogota Lagos Kyiv Tunis Amman Warsaw Dhaka Havana Minsk Doha Beirut Sofia Kigali Santiago Rabat Zagreb'.split(
    ' ',
  );
const ORGANIZATIONS =
  'the Finance Ministry|the Central Bank|the Electoral Commission|the Health Ministry|the Port Authority|the National Assembly|the Supreme Court|the Transport Agency|the Energy Regulator|the Teachers Union|the Chamber of Commerce|the Water Board|the Defence Ministry|the Statistics Office|the Anti-Corruption Bureau'.split(
    '|',
  );
const TOPIC_WORDS =
  'Budget|Election|Floods|Strike|Trade Talks|Ceasefire|Pipeline|Vaccines|Elections|Drought|Protests|Reform|Tariffs|Rail Project|Court Ruling|Fuel Prices|Border Dispute|Census|Housing|Water Crisis'.split(
    '|',
  );
const HEADLINE_VERBS =
  'Urges|Rejects|Backs|Delays|Warns Over|Seeks|Announces|Questions|Defends|Halts|Expands|Reviews'.split(
    '|',
  );
const SITES = [
  'Discussion Policy\n\nComments are welcomed and encouraged. Though you are fully responsible for the content you post, comments that include profanity, personal attacks or other inappropriate material will not be permitted. The editors reserve the right to block users who violate any of our posting standards and policies.',
  'Related Articles\n\nMarkets steady ahead of central bank decision\nRegional leaders meet to discuss trade corridor\nOpposition calls for inquiry into contracts\n\nShare this:\nTwitter Facebook Email Print',
  'Leave a Reply\n\nYour email address will not be published. Required fields are marked. You may use these HTML tags and attributes in your comment, and comments are moderated before they appear on the site.',
  'Copyright 2017 The Daily Ledger. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without the written permission of the publisher.',
  'Sign up for our newsletter\n\nGet the day\u2019s most important stories delivered to your inbox every morning, with analysis from our correspondents around the world and no advertising.',
];

/** The built-in sentence grammar, used when the dev data is absent. */
export const grammarSource: SentenceSource = {
  name: 'built-in phrase grammar',
  sentence(random) {
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const subjects = [
      `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`,
      pick(ORGANIZATIONS),
      `officials in ${pick(PLACES)}`,
      `the ${pick(['mayor', 'minister', 'governor', 'spokesman', 'chairwoman', 'prosecutor'])} of ${pick(PLACES)}`,
      `${2 + Math.floor(random() * 900)} ${pick(['workers', 'residents', 'farmers', 'students', 'lawmakers', 'doctors'])}`,
    ];
    const verbs = [
      'said',
      'announced',
      'warned',
      'confirmed',
      'denied',
      'argued',
      'reported',
      'insisted',
      'estimated',
      'promised',
    ];
    const clauses = [
      `the ${pick(['plan', 'deal', 'budget', 'law', 'project', 'inquiry', 'contract', 'report'])} would ${pick(['cost', 'save', 'require', 'affect', 'delay'])} ${1 + Math.floor(random() * 99)} ${pick(['million dollars', 'jobs', 'families', 'weeks', 'schools', 'villages'])}`,
      `talks with ${pick(ORGANIZATIONS)} had ${pick(['stalled', 'resumed', 'collapsed', 'made progress', 'been postponed'])} ${pick(['on Monday', 'last week', 'in March', 'overnight', 'after midnight', 'this month'])}`,
      `${pick(['prices', 'exports', 'arrests', 'complaints', 'applications', 'losses'])} ${pick(['rose', 'fell', 'doubled', 'stabilised', 'slowed'])} by ${1 + Math.floor(random() * 60)} percent ${pick(['in the third quarter', 'since January', 'over two years', 'in the capital'])}`,
      `${pick(FIRST_NAMES)} ${pick(SURNAMES)} ${pick(['would resign', 'had been detained', 'was leading the review', 'had met the delegation', 'would testify'])} ${pick(['in ' + pick(PLACES), 'before the vote', 'next week', 'on Friday'])}`,
    ];
    const tail =
      random() < 0.4
        ? `, ${pick(['according to a statement', 'citing sources close to the talks', 'in an interview', 'after a closed meeting', 'in a letter to parliament'])}`
        : '';
    const sentence = `${pick(subjects)} ${pick(verbs)} that ${pick(clauses)}${tail}.`;
    return sentence[0]!.toUpperCase() + sentence.slice(1);
  },
};

/** An order-2 word Markov chain learned from sentences of real news. */
export function markovSource(name: string, texts: readonly string[]): SentenceSource {
  const successors = new Map<string, string[]>();
  const starts: [string, string][] = [];
  for (const text of texts) {
    const cleaned = text
      .replace(/[“”"‘’`]/g, (mark) => (mark === '’' ? "'" : ''))
      .replace(/\s+/g, ' ');
    for (const sentence of cleaned.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      const words = sentence.trim().split(' ').filter(Boolean);
      if (words.length < 8 || words.length > 60) continue;
      starts.push([words[0]!, words[1]!]);
      for (let i = 2; i <= words.length; i++) {
        const key = `${words[i - 2]} ${words[i - 1]}`;
        const next = i < words.length ? words[i]! : '';
        const list = successors.get(key);
        if (list) list.push(next);
        else successors.set(key, [next]);
      }
    }
  }
  return {
    name,
    sentence(random) {
      const [first, second] = starts[Math.floor(random() * starts.length)]!;
      const words = [first, second];
      while (words.length < 60) {
        const list = successors.get(`${words[words.length - 2]} ${words[words.length - 1]}`);
        const next = list ? list[Math.floor(random() * list.length)]! : '';
        if (!next) break;
        words.push(next);
        if (/[.!?]$/.test(next) && words.length >= 10) break;
      }
      const sentence = words.join(' ');
      return /[.!?]$/.test(sentence) ? sentence : sentence.replace(/[,;:]$/, '') + '.';
    },
  };
}

/** The Markov source over the dev-data prose, or the built-in grammar when the data is absent. */
export function defaultSource(): SentenceSource {
  const folder = process.env.NEWS_DEV_DATA ?? '/work/shared/dev-data';
  const files = ['polnear-dev.jsonl', 'timeml-aquaint.jsonl'].map((name) => join(folder, name));
  if (!files.every((file) => existsSync(file))) return grammarSource;
  const texts: string[] = [];
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  return markovSource(`order-2 Markov chain over ${texts.length} dev-data texts`, texts);
}

interface Topic {
  word: string;
  place: string;
  person: string;
  organization: string;
  caption: string;
  background: string;
  boilerplate: string;
  comments: string;
}

interface Story {
  topic: Topic;
  headline: string;
  date: string;
  paragraphs: string[];
}

/**
 * Generates the corpus file by file, so that 100,000 files need not be held in memory. The same
 * options give the same files on every run.
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const random = createRandom(options.seed ?? 20171227);
  const source = options.source ?? defaultSource();
  const singletonShare = options.singletonShare ?? 0.3;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paragraph = (topic: Topic, sentences = 2 + Math.floor(random() * 3)): string => {
    const parts: string[] = [];
    for (let i = 0; i < sentences; i++) {
      // One sentence in five is a quotation attributed to the topic's main figure.
      if (random() < 0.2) {
        const said = source.sentence(random).replace(/[.!?]$/, '');
        parts.push(
          `“${said},” ${random() < 0.5 ? topic.person : 'the ' + pick(['minister', 'official', 'spokeswoman', 'analyst'])} said.`,
        );
      } else parts.push(source.sentence(random));
    }
    return parts.join(' ');
  };
  let topic: Topic | undefined;
  let topicLeft = 0;
  let fileNumber = 0;
  for (let storyNumber = 0; storyNumber < options.stories; storyNumber++) {
    if (!topic || topicLeft === 0) {
      topicLeft = 3 + Math.floor(random() * 4);
      const person = `${pick(FIRST_NAMES)} ${pick(SURNAMES)}`;
      const organization = pick(ORGANIZATIONS);
      topic = {
        word: pick(TOPIC_WORDS),
        place: pick(PLACES),
        person,
        organization,
        caption: `${person}, spokesperson for ${organization.replace(/^the /, 'the ')}`,
        background: '',
        boilerplate: pick(SITES),
        comments: '',
      };
      topic.background = paragraph(topic, 3);
      topic.comments = commentsBlock(random, source, pick);
    }
    topicLeft--;
    const count = 4 + Math.floor(random() * 9);
    const paragraphs = Array.from({ length: count }, () => paragraph(topic!));
    // The topic's background paragraph appears verbatim in most of its stories, as in wire copy.
    if (random() < 0.8)
      paragraphs.splice(1 + Math.floor(random() * (count - 1)), 0, topic.background);
    paragraphs[0] = `${topic.place.toUpperCase()}${pick(['—', ' — ', ' (Reuters) - ', ' -- '])}${paragraphs[0]}`;
    const story: Story = {
      topic,
      headline: `${topic.place} ${pick(HEADLINE_VERBS)} ${topic.word} ${pick(['Plan', 'Deal', 'Talks', 'Vote', 'Report', 'Measures', 'Inquiry'])}`,
      date: `2017-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      paragraphs,
    };
    const versions = random() < singletonShare ? 1 : 2 + Math.floor(random() * 3);
    let previous: string | undefined;
    let previousRevision = 0;
    for (let version = 0; version < versions; version++) {
      // The first file is the original; later ones are revised one time in three.
      let revision = version > 0 && random() < 0.35 ? version : 0;
      const content = revision
        ? revise(story.paragraphs, random, () => paragraph(story.topic))
        : story.paragraphs;
      let rendering: Rendering = pick([
        'full-page',
        'full-page',
        'clean',
        'clean',
        'plain',
        'typography',
        'copy',
      ]);
      if (rendering === 'copy' && !previous) rendering = 'full-page';
      // A copy is a copy of the previous file, whatever revision that one carries.
      if (rendering === 'copy') revision = previousRevision;
      const text =
        rendering === 'copy'
          ? previous!.replace(/\r?\n/g, '\r\n')
          : render(story, content, rendering, random, pick);
      previous = text;
      previousRevision = revision;
      yield {
        id: `${String(fileNumber++).padStart(6, '0')}.txt`,
        text,
        story: storyNumber,
        revision,
        rendering,
      };
    }
  }
}

/** One revision of a story: the edits a newsroom makes during the day. */
function revise(
  paragraphs: readonly string[],
  random: () => number,
  newParagraph: () => string,
): string[] {
  const revised = [...paragraphs];
  const at = 1 + Math.floor(random() * (revised.length - 1));
  const edit = random();
  if (edit < 0.35) {
    revised[at] = newParagraph();
  } else if (edit < 0.6) {
    const sentences = revised[at]!.split(/(?<=[.!?”])\s+/);
    const which = Math.floor(random() * sentences.length);
    sentences[which] = newParagraph().split(/(?<=[.!?”])\s+/)[0]!;
    revised[at] = sentences.join(' ');
  } else if (edit < 0.85) {
    revised.push(newParagraph());
  } else if (revised.length > 4) {
    revised.splice(at, 1);
  } else {
    revised[at] = revised[at]!.replace(/\b\d+\b/g, (n) => String(Number(n) + 3)).replace(
      /\bsaid\b/,
      'told reporters',
    );
    if (revised[at] === paragraphs[at]) revised[at] = newParagraph();
  }
  return revised;
}

function render(
  story: Story,
  paragraphs: readonly string[],
  rendering: Rendering,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): string {
  const body = [...paragraphs];
  if (rendering === 'clean') return ` date ${story.date} ${body.join('\n\n')}`;
  if (rendering === 'plain') return `${story.headline}\n\n${body.join('\n\n')}\n`;
  if (rendering === 'typography') {
    const retyped = body.map((text) =>
      text.replace(/[“”]/g, '"').replace(/’/g, "'").replace(/—/g, '--').replace(/ {2,}/g, ' '),
    );
    return ` date ${story.date} ${retyped.join('\n\n')}\n`;
  }
  // A full page: headline, the caption repeated as scrapers do, maybe a byline, advertisements.
  const captions = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) =>
    i === 2 ? story.topic.caption.replace(/'/g, '’') : story.topic.caption,
  );
  const preamble = [story.headline, '', ...captions, ''];
  if (random() < 0.4) preamble.push(`By ${pick(FIRST_NAMES)} ${pick(SURNAMES)}`, '');
  if (body.length > 3 && random() < 0.5) body.splice(2, 0, 'Advertisement');
  if (body.length > 5 && random() < 0.3)
    body.splice(5, 0, `READ MORE: ${story.topic.place} officials weigh new measures`);
  const tail = ['', '', story.topic.boilerplate];
  if (random() < 0.7) tail.push('', story.topic.comments);
  return [...preamble, body.join('\n\n'), ...tail].join('\n');
}

function commentsBlock(
  random: () => number,
  source: SentenceSource,
  pick: <T>(list: readonly T[]) => T,
): string {
  const count = 1 + Math.floor(random() * 4);
  const lines = [`${count === 1 ? 'One Comment' : `${count} Comments`};`, ''];
  for (let i = 1; i <= count; i++) {
    lines.push(`  ${i}. ${pick(FIRST_NAMES).toLowerCase()}${Math.floor(random() * 99)} said:`, '');
    lines.push(`    ${source.sentence(random)} ${source.sentence(random)}`, '');
  }
  return lines.join('\n');
}

/** The duplicate pairs of a corpus: every two files of one story, as "idA idB" with idA < idB. */
export function truePairs(files: readonly Pick<CorpusFile, 'id' | 'story'>[]): Set<string> {
  const byStory = new Map<number, string[]>();
  for (const file of files) {
    const list = byStory.get(file.story);
    if (list) list.push(file.id);
    else byStory.set(file.story, [file.id]);
  }
  const pairs = new Set<string>();
  for (const ids of byStory.values()) {
    ids.sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) pairs.add(`${ids[i]} ${ids[j]}`);
  }
  return pairs;
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string, fallback: string) => {
    const at = args.indexOf(flag);
    return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
  };
  const out = value('--out', 'test-results/duplicates-corpus');
  const stories = Number(value('--stories', '200'));
  mkdirSync(out, { recursive: true });
  const truth: string[] = [];
  let files = 0;
  for (const file of generateCorpus({ stories })) {
    writeFileSync(join(out, file.id), file.text);
    truth.push(
      JSON.stringify({
        id: file.id,
        story: file.story,
        revision: file.revision,
        rendering: file.rendering,
      }),
    );
    files++;
  }
  writeFileSync(join(out, 'truth.jsonl'), truth.join('\n') + '\n');
  console.log(`wrote ${files} files of ${stories} stories to ${out} (truth in truth.jsonl)`);
}

if (require.main === module) main();
