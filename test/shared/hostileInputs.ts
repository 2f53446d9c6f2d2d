/**
 * The hostile inputs of issue 7, built in memory by the tests that use them (never committed): the
 * unit suite (test/unit/hostileInput.test.ts), the CLI suite (test/cli/hostileInput.test.ts) and
 * the integration suite (test/integration/hostileInput.test.ts) all take their cases from here, so
 * each case is the same text at every layer. Pure TypeScript: no `vscode`, no file system.
 */

const NAMES = [
  'Grigory Karasin',
  'Anna Petrova',
  'John Mica',
  'Maria Lopez',
  'Ahmed Khan',
  'Olga Ivanova',
  'Pierre Dubois',
  'Serzh Sarkisian',
];
const PLACES = ['Moscow', 'Vienna', 'Baku', 'Yerevan', 'Geneva', 'Paris', 'Cairo', 'Oslo'];
const ORGANISATIONS = ['the OSCE Minsk Group', 'Interfax', 'the United Nations', 'Reuters'];

/** A small deterministic generator, so a big article is the same text on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One paragraph of news: a quotation with its speaker, a place, a relative date, an organisation. */
function newsParagraph(index: number, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const speaker = pick(NAMES);
  return (
    `“We will meet again in ${pick(PLACES)} before round ${index},” ${speaker} said on Tuesday. ` +
    `The talks in ${pick(PLACES)} resumed last month after ${100 + Math.floor(random() * 900)} ` +
    `delegates arrived, according to ${pick(ORGANISATIONS)}, which has followed them since 2017.`
  );
}

/**
 * A news article of at least `chars` UTF-16 code units whose paragraphs all differ (so no cache
 * makes it cheap), after a date header. `separator` joins the paragraphs: a blank line by default,
 * a space for an article on a single line.
 */
export function bigArticle(chars: number, separator = '\n\n'): string {
  const random = seededRandom(chars);
  const parts = [' date 2017-12-27 MOSCOW—The talks resumed.'];
  let length = parts[0]!.length;
  for (let index = 1; length < chars; index++) {
    const paragraph = newsParagraph(index, random);
    parts.push(paragraph);
    length += paragraph.length + separator.length;
  }
  return parts.join(separator);
}

/** `count` opening quotation marks that nothing closes, each before a word, in one paragraph. */
export function unmatchedQuotationMarks(count: number): string {
  const marks = ['“', '"', '«', '‘', '„'];
  const parts: string[] = ['Karasin said'];
  for (let i = 0; i < count; i++) parts.push(`${marks[i % marks.length]}talks`);
  return `${parts.join(' ')}.`;
}

/** A quotation nested `depth` levels deep, double and single marks alternating, with a speaker. */
export function deeplyNestedQuotes(depth: number): string {
  const open = (level: number): string => (level % 2 === 0 ? '“' : '‘');
  const close = (level: number): string => (level % 2 === 0 ? '”' : '’');
  let inner = 'we are ready';
  for (let level = depth - 1; level >= 0; level--) {
    inner = `${open(level)}level ${level} says ${inner}${close(level)}`;
  }
  return `MOSCOW—Grigory Karasin said, ${inner}, and left for Vienna on Tuesday.`;
}

/**
 * Emoji (astral, with a skin tone, a flag and a ZWJ family), combining marks and a name written
 * with a combining accent, right against quotation marks, names and dates. `names` are the exact
 * names written, to find their spans.
 */
export const EMOJI_AND_COMBINING = {
  text:
    'MOSCOW—👍🏽“We are ready for talks in Vienna,”👨‍👩‍👧 said Grigory Karasin\u0301 on Tuesday🇷🇺.\n\n' +
    '“Cafe\u0301 talks,” Ame\u0301lie Dubois said last month😀, in Geneva🇨🇭.\n\n' +
    'Pierre Dubois welcomed the talks👍🏽, saying: “Russia is interested in an effective outcome.”',
  /** Strings that must each be, or lie inside, a highlighted span. */
  expected: {
    quotes: [
      '“We are ready for talks in Vienna,”',
      '“Russia is interested in an effective outcome.”',
    ],
    places: ['Vienna', 'Geneva'],
    dates: ['last month'],
  },
};

/**
 * Right-to-left text: Arabic and Hebrew paragraphs with their own quotation marks, bidirectional
 * control characters, and an English paragraph inside a right-to-left article.
 */
export const RIGHT_TO_LEFT = {
  text:
    'موسكو — قال نائب وزير الخارجية الروسي غريغوري كاراسين: «نحن مستعدون للحوار» يوم الثلاثاء.\n\n' +
    'השר אמר: "אנחנו מוכנים לשיחות" בווינה.\n\n' +
    '\u202bاجتماع\u202c \u200fفي فيينا\u200f \u202eVienna\u202c\n\n' +
    '“We are ready,” Karasin said in Moscow on Tuesday.',
  /** The English quotation, which must still be found with its speaker. */
  englishQuote: '“We are ready,”',
};

/** Line ends of every convention, cycled through the lines of `text` (CRLF, CR, LF, U+2028). */
export function withMixedLineEnds(text: string): string {
  const ends = ['\r\n', '\r', '\n', '\u2028'];
  let n = 0;
  return text.replace(/\r\n|\n/g, () => ends[n++ % ends.length]!);
}

/** The bytes of a text in UTF-16, little- or big-endian, with or without a byte-order mark. */
export function utf16Bytes(text: string, order: 'le' | 'be', withMark: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (withMark ? 1 : 0)) * 2);
  const units = withMark ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    bytes[2 * i] = first;
    bytes[2 * i + 1] = second;
  }
  return bytes;
}

/** The bytes of a text in UTF-8 after a byte-order mark. */
export function utf8WithMark(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/** Windows-1252 (Latin-1) bytes of a quotation with curly marks and accents: not valid UTF-8. */
export const LATIN1 = {
  bytes: Uint8Array.from([
    0x93, // “
    ...Array.from('We are ready,', (c) => c.charCodeAt(0)),
    0x94, // ”
    ...Array.from(' Karasin said at the caf', (c) => c.charCodeAt(0)),
    0xe9, // é
    ...Array.from(' in Moscow ', (c) => c.charCodeAt(0)),
    0x96, // –
    ...Array.from(' 5 ', (c) => c.charCodeAt(0)),
    0x80, // €
    ...Array.from(' a cup.', (c) => c.charCodeAt(0)),
  ]),
  text: '“We are ready,” Karasin said at the café in Moscow – 5 € a cup.',
};

/** The start of a PNG image: a binary file with NUL bytes. */
export const BINARY_FILE = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5c, 0x72, 0xa8,
]);

/** Article text with NUL bytes between words, as a broken scraper leaves it (past the sniffed head). */
export function textWithNulBytes(): string {
  return `${'MOSCOW—The talks resumed. '.repeat(400)}“We are\u0000 ready,” Karasin\u0000 said.\u0000\u0000`;
}

/** Empty and blank texts: nothing, spaces, line ends of every kind, a byte-order mark alone. */
export const BLANK_TEXTS = [
  '',
  ' ',
  '   \t  ',
  '\n\n\n',
  '\r\n \r\n',
  ' \u2028 \u2029 ',
  '\u00a0\u3000',
  '\uFEFF',
];

/**
 * Text for a knowledge-base entry that tries to become Markdown, HTML or a command link in a hover,
 * and links with schemes other than http and https.
 */
export const HOSTILE_KNOWLEDGE = {
  text: '[run](command:workbench.action.quit) <img src=x onerror=alert(1)> `tick` **bold** # Heading https://evil.example',
  links: [
    'command:workbench.action.quit',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'vscode://settings',
  ],
};

/** A JSON value nested `depth` levels deep: valid JSON of the wrong shape that a recursive parser chokes on. */
export function deeplyNestedJson(depth: number): string {
  return `{"entities": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A site's stub page, as a scraper saves it for every missing article: one text, many copies. */
export const STUB_PAGE =
  'Page not found\n\nThe page you requested could not be found. It may have been moved or ' +
  'deleted, or the address may be mistyped. Return to the home page or search the archive.';

/** The `index`th of many near-copies of one story: a long shared body and one changed sentence. */
export function nearCopy(index: number): string {
  const shared = bigArticle(1200).replace(/^ date \S+ /, '');
  return `${shared}\n\nCorrection ${index}: an earlier version gave ${index * 7} delegates.`;
}

/** A short article of its own, different from every other index (for corpora of many files). */
export function distinctStory(index: number): string {
  const random = seededRandom(index + 1);
  const words = Array.from({ length: 40 }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(
    ' ',
  );
  return `Story ${index}\n\nMOSCOW—${words}.\n`;
}

const WORDS = (
  'talks minister delegation border treaty summit ceasefire election parliament vote budget ' +
  'harbour railway orchard bridge airport library museum festival market river valley mountain ' +
  'winter spring autumn summer morning evening council court police school hospital factory ' +
  'farmers workers students teachers doctors pilots sailors drivers writers painters singers'
).split(' ');
