// Builds syntaxes/news-article.tmLanguage.json from named regular-expression pieces.
//
// The grammar repeats the same pieces (month names, a place in capitals, a year) in several rules;
// composing them here keeps the rules readable and the pieces consistent. The JSON file is what VS
// Code loads and what is shipped, so it is committed; `npm run test:grammar` fails when it is stale
// and `node syntaxes/buildGrammar.mjs` (or `npm run test:grammar -- --update`) rewrites it.
//
// The regular expressions are Oniguruma (what VS Code's TextMate engine uses), not JavaScript.
// The grammar is lexical: it only sees one line at a time, so every rule is written so that an
// untokenised line (VS Code skips lines longer than 20,000 characters) cannot leave it in a state
// that misreads the following lines. Only the front matter and the two trailing blocks span lines.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SUFFIX = 'news-article';
const scope = (name) => `${name}.${SUFFIX}`;

/** Full and abbreviated English month names; an abbreviation may carry a full stop. */
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`;
/** A day of the month, with an optional English ordinal suffix. */
const DAY = String.raw`(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?`;
/** A year a news article can plausibly mention; narrower than \d{4} so "May 1000 people" is no date. */
const YEAR = String.raw`(?:1[89][0-9]{2}|20[0-9]{2})`;
/** Letters and digits of any script: a quotation mark or apostrophe next to one is inside a word. */
const WORD_CHAR = String.raw`[\p{L}\p{N}]`;

/** Elisions that start with an apostrophe, so their mark opens no quotation: '90s, 'n', 'em, 's. */
const NOT_ELISION = String.raw`(?![0-9]0s\b|n['’]|em\b|til\b|cause\b|tis\b|twas\b|s\b)`;

/** The ` date 2017-12-27 ` header that cleaned scrapes start with. */
const DATE_HEADER = String.raw`[ \t]?date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})`;

/**
 * A dateline opening the body: "MOSCOW—", "WASHINGTON (Reuters) -", "LONDON, Dec 27 -",
 * "NAIROBI, Kenya (AP) _". A place in capitals may stand alone before the separator; a place in
 * mixed case ("Moscow (Reuters) -") needs the agency to be told apart from an ordinary sentence.
 */
const CAPS_PLACE = String.raw`\p{Lu}[\p{Lu}.'’\-]*\p{Lu}\.?(?:[ \t]+\p{Lu}[\p{Lu}.'’\-]*)*`;
const MIXED_PLACE = String.raw`\p{Lu}[\p{L}.'’\-]+(?:[ \t]+\p{Lu}[\p{L}.'’\-]+){0,3}`;
const REGION = String.raw`,[ \t]+\p{Lu}[\p{L}.'’\-]*(?:[ \t]+\p{Lu}[\p{L}.'’\-]*){0,3}`;
const SHORT_DATE = String.raw`,?[ \t]+${MONTH}[ \t]+${DAY}(?:,[ \t]+${YEAR})?`;
const AGENCY = String.raw`[ \t]*\([\p{L}][\p{L}.&'’ /\-]{0,40}\)`;
const SEPARATOR = String.raw`(?:[ \t]*[—–]|[ \t]*--|[ \t]+[-_](?=[ \t]|$))`;
const DATELINE = String.raw`(?:${CAPS_PLACE}(?:${REGION})?(?:${SHORT_DATE})?(?:${AGENCY})?|${MIXED_PLACE}(?:${REGION})?(?:${SHORT_DATE})?${AGENCY})${SEPARATOR}`;

/**
 * The front matter ends at the first line that reads like a body paragraph: long, or of middling
 * length and ending like a sentence. Headlines and captions are short and rarely end with a stop.
 */
const BODY_LIKE_LINE = String.raw`(?=[ \t]*\S.{199}|[ \t]*\S.{59,}[.!?…][”’"')\]]*[ \t]*$)`;

/**
 * Headings that open the trailing site boilerplate. A subset of the core parser's list: the
 * grammar cannot see where the body ends, so headings that also turn up above or inside an article
 * ("Posted in", "Tags:", "Copyright", "Subscribe") are left to the outline and folding.
 */
const BOILERPLATE_HEADING = String.raw`(?i:Discussion Policy|Comment(?:ing)? Policy|Community Guidelines|Related(?: Articles| Posts| Stories| Coverage| Content| News)?:?|Share this(?: article| story| post)?:?|Like this:?|Leave a (?:Reply|Comment)|You (?:may|might) (?:also )?(?:like|be interested in):?|Recommended(?: for you| Stories)?:?|About the Author:?|Most (?:Read|Popular|Viewed)|Trending(?: Now)?)`;

/**
 * The trailer headings that never stand above an article. They also close the front matter, so the
 * trailer is found even when VS Code leaves a very long first paragraph untokenised.
 */
const TRAILER_ONLY_HEADING = String.raw`(?i:Discussion Policy|Comment(?:ing)? Policy|Community Guidelines|Leave a (?:Reply|Comment))`;

/** Headings that open the reader comments: "One Comment;", "12 Comments", "3 Responses to “…”". */
const COMMENTS_HEADING = String.raw`(?i:(?:No|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|[0-9]{1,6})[ \t]+(?:Comments?|Responses?|Replies|Thoughts?)(?:[ \t]+(?:to|on)[ \t]+.{1,300})?|Comments?[ \t]*\([0-9]{1,6}\)|Reader Comments)[ \t]*[;:]?`;

/** A line that is nothing but one of the headings above, so prose that starts alike is left alone. */
const headingLine = (heading) => String.raw`^[ \t]*(?:${heading})[ \t]*$`;

/** Where the front matter gives way to the trailer without a body-like line in between. */
const FRONT_MATTER_STOP = String.raw`^(?!\A)(?=${headingLine(TRAILER_ONLY_HEADING).slice(1)}|${headingLine(COMMENTS_HEADING).slice(1)})`;

/** Builds a quotation rule: one mark opens it, another closes it, and the end of the line ends it. */
function quotation({ kind, open, close, openGuard = '', closeGuard = '', patterns, ends = [] }) {
  const extraEnds = ends.map((mark) => `|(?=${mark})`).join('');
  return {
    name: scope(`string.quoted.${kind}`),
    begin: `${openGuard}(${open})`,
    beginCaptures: { 1: { name: scope('punctuation.definition.string.begin') } },
    // An unclosed quotation ends with its paragraph (one paragraph is one line in these files), so a
    // missing mark never colours the rest of the article; the next paragraph opens its own quote.
    end: `(${close})${closeGuard}${extraEnds}|$`,
    endCaptures: { 1: { name: scope('punctuation.definition.string.end') } },
    patterns,
  };
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'News Article',
  scopeName: `text.${SUFFIX}`,
  comment:
    'Generated by syntaxes/buildGrammar.mjs; edit that file and rebuild. Scope map: syntaxes/README.md.',
  patterns: [
    { include: '#front-matter-dated' },
    { include: '#dateline-first' },
    { include: '#front-matter' },
    { include: '#blocks' },
    { include: '#inline' },
  ],
  repository: {
    'front-matter-dated': {
      comment:
        'A file that starts with the date header: the body follows on the same line, or after a few lines of captions.',
      begin: String.raw`\A(${DATE_HEADER}(?:[ \t]+|(?=\s*$)))`,
      beginCaptures: {
        1: { name: scope('meta.date-header') },
        2: { name: scope('constant.other.date') },
      },
      end: String.raw`\G(${DATELINE})|\G(?=[ \t]*\S)|^(?!\A)(${DATELINE})|^(?!\A)${BODY_LIKE_LINE}|${FRONT_MATTER_STOP}`,
      endCaptures: {
        1: { name: scope('meta.dateline') },
        2: { name: scope('meta.dateline') },
      },
      patterns: [{ include: '#inline' }],
    },
    'dateline-first': {
      comment:
        'Wire copy without a headline opens with its dateline ("NAIROBI, Kenya (AP) _"): that is no headline.',
      match: String.raw`\A(${DATELINE})`,
      captures: { 1: { name: scope('meta.dateline') } },
    },
    'front-matter': {
      comment:
        'A file without a date header: its first non-blank line is the headline, then captions until the body.',
      begin: String.raw`\A`,
      end: String.raw`^(?!\A)(${DATELINE})|^(?!\A)${BODY_LIKE_LINE}|${FRONT_MATTER_STOP}`,
      endCaptures: { 1: { name: scope('meta.dateline') } },
      // No #blocks here: "Share this" or "Related" above the body is a button row, not the trailer.
      patterns: [{ include: '#headline' }, { include: '#inline' }],
    },
    headline: {
      comment: 'Waits for the first non-blank line of the file and marks it as the headline.',
      begin: String.raw`\A`,
      end: String.raw`^[ \t]*(\S.*?)[ \t]*$`,
      endCaptures: {
        1: { name: scope('markup.heading.headline'), patterns: [{ include: '#inline' }] },
      },
    },
    blocks: {
      patterns: [{ include: '#boilerplate' }, { include: '#comments' }],
    },
    boilerplate: {
      comment:
        'Site boilerplate after the article runs to the reader comments or to the end of the file.',
      name: scope('comment.block.boilerplate'),
      begin: headingLine(BOILERPLATE_HEADING),
      end: String.raw`^(?=${headingLine(COMMENTS_HEADING).slice(1)})`,
      patterns: [],
    },
    comments: {
      comment:
        'Reader comments run to the end of the file, or to a boilerplate heading such as "Leave a Reply".',
      name: scope('meta.comments'),
      begin: headingLine(COMMENTS_HEADING),
      end: String.raw`^(?=${headingLine(BOILERPLATE_HEADING).slice(1)})`,
      patterns: [{ include: '#commenter' }, { include: '#inline' }],
    },
    commenter: {
      comment: '"  1. petrakian said:", "Jane Doe says:", "bob on May 3, 2017 at 2:10 pm said:".',
      match: String.raw`^[ \t]*(?:[0-9]{1,5}\.[ \t]+)?(\S[^:]{0,60}?)((?:[ \t]+on[ \t].{1,60}?)?[ \t]+(?:said|says|wrote|writes|commented|replied)[ \t]*:)[ \t]*$`,
      captures: {
        1: { name: scope('entity.name.commenter') },
        2: { patterns: [{ include: '#date' }] },
      },
    },
    inline: {
      patterns: [{ include: '#quotations' }, { include: '#date' }],
    },
    quotations: {
      patterns: [
        { include: '#quote-double-curly' },
        { include: '#quote-double-low' },
        { include: '#quote-double-straight' },
        { include: '#quote-guillemet' },
        { include: '#quote-single-curly' },
        { include: '#quote-single-straight' },
      ],
    },
    'quote-double-curly': quotation({
      kind: 'double',
      // Scrapes mix their marks: a right mark at the start of a word also opens ("”Fear. I am…").
      open: String.raw`“|(?:^|(?<=[ \t(\[]))”(?=${WORD_CHAR})`,
      // A straight mark closes as well ("“no evidence\" yet"), and so does a left mark that is
      // followed by a space or punctuation ("“Mostly False.“").
      close: String.raw`[”"]|“(?=[ \t.,;:!?)\]]|$)`,
      // A curly quotation can hold another one ("he calls “hell” than live…”).
      patterns: [{ include: '#quote-double-curly' }, { include: '#inside-double' }],
    }),
    'quote-double-low': quotation({
      kind: 'double',
      open: '„',
      close: '[“”]',
      patterns: [{ include: '#inside-double' }],
    }),
    'quote-double-straight': quotation({
      kind: 'double',
      // A straight mark after a digit is an inch or seconds sign (a 12" record), not a quotation.
      openGuard: String.raw`(?<![0-9])`,
      open: '"',
      close: '["”]',
      patterns: [{ include: '#inside-double' }],
    }),
    'quote-guillemet': quotation({
      kind: 'double',
      open: '«',
      close: '»',
      patterns: [{ include: '#inside-double' }],
    }),
    'quote-single-curly': quotation({
      kind: 'single',
      // Only the left mark opens; "’90s", "rock ’n’ roll" and "Russia’s" use the right mark, an
      // apostrophe. A left mark misused for those elisions does not open either.
      openGuard: String.raw`(?<!${WORD_CHAR}|\.)`,
      open: String.raw`‘${NOT_ELISION}`,
      // A right mark followed by a letter is an apostrophe inside a word, not the end. Scrapes mix
      // marks, so a straight mark closes too, and so does a left mark before a space ("Christianity, ‘ well").
      close: String.raw`[’']|‘(?=[ \t.,;:!?]|$)`,
      closeGuard: String.raw`(?!${WORD_CHAR})`,
      // A closing double mark closes an inner single quotation whose own mark is missing.
      ends: ['[”»]'],
      patterns: [{ include: '#date' }],
    }),
    'quote-single-straight': quotation({
      kind: 'single',
      // A straight mark opens only at the start of a word, not after a full stop ("the U.N.'s") and
      // not in common elisions, so "don't" and "the Smiths' house" stay plain text.
      openGuard: String.raw`(?<!${WORD_CHAR}|['’.])`,
      open: String.raw`'(?=${WORD_CHAR})${NOT_ELISION}`,
      close: "['’]",
      closeGuard: String.raw`(?!${WORD_CHAR})`,
      ends: ['[”"»]'],
      patterns: [{ include: '#date' }],
    }),
    'inside-double': {
      patterns: [
        { include: '#quote-single-curly' },
        { include: '#quote-single-straight' },
        { include: '#date' },
      ],
    },
    date: {
      comment:
        'Absolute dates a regular expression can see; relative ones ("last month") are left to the semantic layer.',
      name: scope('constant.other.date'),
      match: [
        // 2017-12-27
        String.raw`\b[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])\b`,
        // 27 December 2017, 27th of December, 2017
        String.raw`\b${DAY}[ \t]+(?:of[ \t]+)?${MONTH},?[ \t]+${YEAR}\b`,
        // Dec. 27, 2017; December 27 2017
        String.raw`\b${MONTH}[ \t]+${DAY},?[ \t]+${YEAR}\b`,
        // October 2017, Jan. 2018
        String.raw`\b${MONTH},?[ \t]+${YEAR}\b`,
        // 12/27/2017, 27/12/2017, 27.12.2017
        String.raw`\b(?:3[01]|[12][0-9]|0?[1-9])([/.])(?:3[01]|[12][0-9]|0?[1-9])\1${YEAR}\b`,
      ].join('|'),
    },
  },
};

/** The grammar as it is written to disk: two-space JSON with a final newline. */
export function renderGrammar() {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

/** Where the built grammar lives. */
export const grammarPath = fileURLToPath(
  new URL('./news-article.tmLanguage.json', import.meta.url),
);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(grammarPath, renderGrammar());
  console.log(`wrote ${grammarPath}`);
}
