import type { EntityMention, SpeakerResolution, Span } from '../types';
import { isNameWord, isPossessive } from './nounPhrases';
import { CAPITALISED_FUNCTION_WORDS, ORGANIZATION_WORDS, PRONOUNS, TITLES } from './speakerLexicon';
import { firstNameGender, type Gender } from '../nlp/nameLexicon';
import { isBlankRange } from '../text/whiteSpace';
import { tokenizeContext, type Token } from './tokenizeContext';

/** A name found in the article: who it is, what kind of thing, and the titles written before it. */
export interface NamedReference extends Span {
  name: string;
  type: 'person' | 'organization' | 'unknown';
  /** Lower-case title words written before the name ("deputy", "foreign", "minister"). */
  titles: readonly string[];
}

/** The titles of a name from the entity module, which reads none. */
const NO_TITLES: readonly string[] = Object.freeze([]);

/** Title words a description may use for the same office ("the senator" for "Sen. Warren"). */
const TITLE_SYNONYMS: Record<string, string[]> = {
  senator: ['sen', 'senator'],
  congressman: ['rep', 'representative', 'congressman'],
  congresswoman: ['rep', 'representative', 'congresswoman'],
  lawmaker: ['sen', 'rep', 'senator', 'representative', 'congressman', 'congresswoman'],
  governor: ['gov', 'governor'],
  general: ['gen', 'general'],
  minister: ['minister'],
  president: ['president'],
  secretary: ['secretary'],
  mayor: ['mayor'],
  spokesman: ['spokesman', 'spokesperson'],
  spokeswoman: ['spokeswoman', 'spokesperson'],
  candidate: ['candidate', 'nominee'],
  nominee: ['nominee', 'candidate'],
};

const MALE_OR_FEMALE = new Set(['he', 'she', 'him', 'her']);
const PRONOUN_GENDERS: Record<string, Gender | undefined> = {
  he: 'male',
  him: 'male',
  she: 'female',
  her: 'female',
};
/** Title words that say whether a person is a man or a woman. */
const TITLE_GENDERS = new Map<string, Gender>([
  ...[
    'mr',
    'chairman',
    'spokesman',
    'congressman',
    'assemblyman',
    'councilman',
    'king',
    'prince',
    'sir',
    'lord',
    'father',
  ].map((t): [string, Gender] => [t, 'male']),
  ...[
    'mrs',
    'ms',
    'miss',
    'chairwoman',
    'spokeswoman',
    'congresswoman',
    'assemblywoman',
    'councilwoman',
    'queen',
    'princess',
    'lady',
    'dame',
  ].map((t): [string, Gender] => [t, 'female']),
]);

/** Whether a person is a man or a woman, by a gendered title or a first name compromise knows. */
function genderOf(name: string, titles: readonly string[]): Gender | undefined {
  for (const title of titles) {
    const gender = TITLE_GENDERS.get(title);
    if (gender) return gender;
  }
  const firstName = /^\p{L}+/u.exec(name)?.[0];
  return firstName === undefined ? undefined : firstNameGender(firstName.toLowerCase());
}

function titleWord(token: Token): string {
  return token.lower.replace(/\.$/, '');
}

/** Splits a run of name tokens into the leading titles and the name itself. */
function splitTitles(tokens: readonly Token[]): { titles: string[]; core: Token[] } {
  // The name follows the last title word, also after a place ("Hong Kong Financial Secretary Donald Tsang").
  let k = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (TITLES.has(titleWord(tokens[i]!)) && !TITLES.has(titleWord(tokens[i + 1]!))) {
      const rest = tokens.slice(i + 1);
      if (rest.some((t) => t.capitalised) && rest.every((t) => !TITLES.has(titleWord(t))))
        k = i + 1;
    }
  }
  if (k === 0) {
    while (k < tokens.length - 1 && TITLES.has(titleWord(tokens[k]!))) k++;
  }
  return { titles: tokens.slice(0, k).map(titleWord), core: tokens.slice(k) };
}

function classify(core: readonly Token[], titles: readonly string[]): NamedReference['type'] {
  const last = core[core.length - 1]!;
  if (
    ORGANIZATION_WORDS.has(titleWord(last)) ||
    core.some((t) => t.lower === 'of' || t.lower === 'for')
  )
    return 'organization';
  if (/^\p{Lu}{2,}$/u.test(last.text) && core.length === 1) return 'organization';
  if (titles.length > 0 || core.length >= 2) return 'person';
  return 'unknown';
}

/**
 * Collects the names an article mentions, in text order. With `entities` from the entity module the
 * person and organisation mentions are used as they are; without them a light heuristic reads
 * capitalised word runs and the titles before them.
 */
export function collectNames(text: string, entities?: readonly EntityMention[]): NamedReference[] {
  if (entities && entities.length > 0) {
    const names: NamedReference[] = [];
    let sorted = true;
    for (const e of entities) {
      if (e.type !== 'person' && e.type !== 'organization') continue;
      if (names.length > 0 && names[names.length - 1]!.start > e.start) sorted = false;
      names.push({ start: e.start, end: e.end, name: e.name, type: e.type, titles: NO_TITLES });
    }
    // The entity finder gives its mentions in text order, so the sort is rarely needed.
    return sorted ? names : names.sort((a, b) => a.start - b.start);
  }
  const tokens = tokenizeContext(text, 0, text.length);
  const names: NamedReference[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length > 0 && CAPITALISED_FUNCTION_WORDS.has(run[0]!.lower)) run.shift();
    if (run.length > 0 && run[0]!.lower === 'the') run.shift();
    // A run of many capitalised words is a headline in title case, not a name.
    if (run.length > 0 && run.length <= MAX_NAME_WORDS) {
      const { titles, core } = splitTitles(run);
      const type = classify(core, titles);
      // An organisation keeps its whole name ("Republican National Convention").
      const first = type === 'organization' ? run[0]! : core[0]!;
      const last = core[core.length - 1]!;
      names.push({
        start: first.start,
        end: last.end,
        name: text.slice(first.start, last.end).replace(/\s+/g, ' '),
        type,
        titles,
      });
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isNameWord(token) && !/^\p{N}/u.test(token.text)) {
      run.push(token);
      if (/['’]s$/.test(token.text)) {
        run[run.length - 1] = {
          ...token,
          text: token.text.slice(0, -2),
          end: token.end - 2,
          lower: token.lower.slice(0, -2),
        };
        flush();
      }
    } else if (
      run.length > 0 &&
      token.type === 'word' &&
      /^(?:of|de|van|von|bin|al|la|der|da|del)$/.test(token.lower) &&
      isNameWord(tokens[i + 1])
    ) {
      run.push(token);
    } else {
      flush();
    }
  }
  flush();
  return names;
}

/** The longest run of capitalised words read as one name (titles included). */
const MAX_NAME_WORDS = 7;

/** What a speaker mention resolved to. */
export interface ResolvedName {
  name: string;
  resolution: SpeakerResolution;
}

/** The state the resolver keeps while it walks the article's quotations in order. */
export interface ResolutionContext {
  /** The last person named as a speaker, so that "he" after a quotation means that person. */
  lastPerson: { name: string; at: number } | null;
}

/** How many names back from a mention the resolver looks for an antecedent. */
const MAX_ANTECEDENT_NAMES = 400;

/** The article's names, with lookups prepared once so resolving each speaker stays cheap. */
export interface NameIndex {
  names: readonly NamedReference[];
  /** Lower-case last word → the longest full name ending in it ("karasin" → "Grigory Karasin"). */
  byLastWord: Map<string, string>;
  /** Lower-case word → the first full name containing it. */
  byAnyWord: Map<string, string>;
  /** Full name → its type; a name written once as a person is a person. */
  types: Map<string, NamedReference['type']>;
}

/**
 * `indexNames`, re-using the look-ups of `previous` when it indexed the same names with the same
 * types in the same order (they do not depend on where the names are).
 */
export function reindexNames(
  previous: NameIndex | undefined,
  names: readonly NamedReference[],
): NameIndex {
  const same =
    previous !== undefined &&
    previous.names.length === names.length &&
    names.every(
      (name, k) => name.name === previous.names[k]!.name && name.type === previous.names[k]!.type,
    );
  if (!same) return indexNames(names);
  return {
    names,
    byLastWord: previous.byLastWord,
    byAnyWord: previous.byAnyWord,
    types: previous.types,
  };
}

/** Prepares the lookups of `resolveSpeakerName` over the names of one article (sorted by start). */
export function indexNames(names: readonly NamedReference[]): NameIndex {
  const byLastWord = new Map<string, string>();
  const byAnyWord = new Map<string, string>();
  // The full name written most often wins ("Hillary Clinton" over a one-off "Crooked Hillary
  // Clinton"), then the longer one.
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name.name, (counts.get(name.name) ?? 0) + 1);
  const better = (a: string, b: string | undefined): boolean =>
    b === undefined ||
    counts.get(a)! > counts.get(b)! ||
    (counts.get(a) === counts.get(b) && a.length > b.length);
  for (const name of names) {
    const parts = name.name.toLowerCase().split(/\s+/);
    if (parts.length < 2) continue;
    for (const part of parts) if (!byAnyWord.has(part)) byAnyWord.set(part, name.name);
    if (name.type === 'organization') continue;
    const last = parts[parts.length - 1]!;
    if (better(name.name, byLastWord.get(last))) byLastWord.set(last, name.name);
  }
  const types = new Map<string, NamedReference['type']>();
  for (const name of names) if (types.get(name.name) !== 'person') types.set(name.name, name.type);
  return { names, byLastWord, byAnyWord, types };
}

/** Index of the first name starting at or after `at` (binary search over sorted names). */
function firstNameFrom(names: readonly NamedReference[], at: number): number {
  let low = 0;
  let high = names.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (names[middle]!.start < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The most recent name of the given kind before `at`. */
function lastNameBefore(
  names: readonly NamedReference[],
  at: number,
  accept: (n: NamedReference) => boolean,
): NamedReference | null {
  const from = firstNameFrom(names, at) - 1;
  for (let k = from; k >= 0 && from - k < MAX_ANTECEDENT_NAMES; k--) {
    if (accept(names[k]!)) return names[k]!;
  }
  return null;
}

/** The full name a short name stands for ("Karasin" for "Grigory Karasin"), if the article has one. */
function expandShortName(index: NameIndex, short: string): string | null {
  const lower = short.toLowerCase();
  return index.byLastWord.get(lower) ?? index.byAnyWord.get(lower) ?? null;
}

function matchesTitle(head: string, titles: readonly string[]): boolean {
  const wanted = TITLE_SYNONYMS[head] ?? [head];
  return titles.some((t) => wanted.includes(t));
}

/**
 * The entity a speaker mention names: the first one in it that is the mention's head, not a
 * possessive or a noun's modifier ("Johnson's doctor", "the Clinton campaign") and not the object
 * of a preposition ("a spokesman for Donald Trump"). So "State Department spokesman Glyn Davies" is
 * Glyn Davies and "Vacco's campaign manager, Matt Behrmann" is Matt Behrmann.
 */
function namedInMention(
  text: string,
  mention: Span,
  names: readonly NamedReference[],
): NamedReference | null {
  for (
    let k = Math.max(0, firstNameFrom(names, mention.start) - 1);
    k < names.length && names[k]!.start < mention.end;
    k++
  ) {
    const entity = names[k]!;
    if (entity.end <= mention.start) continue;
    const tail = text.slice(entity.end, mention.end);
    // Words after the name make it a modifier ("the Clinton campaign"), and a capital after it
    // means the name was cut short ("P.J." of "P.J. Crowley"); where a person is from does not.
    const placed = entity.type === 'person' && PLACE_OR_BODY_AFTER.test(tail);
    if (tail !== '' && !placed && (/^['’]s\b/.test(tail) || /^\s+[\p{Ll}\p{Lu}]/u.test(tail)))
      continue;
    if (entity.start > mention.start) {
      const before = text.slice(Math.max(mention.start, entity.start - 16), entity.start);
      if (INITIALS_BEFORE.test(before)) continue;
      const preposition = OBJECT_OF_PREPOSITION.exec(before);
      // An organisation speaks through its spokesman ("a spokesman for the ministry"); a person
      // does not ("an aide to Clinton"), and "of" makes one name ("Archdiocese of Buffalo").
      if (preposition && (preposition[1] === 'of' || entity.type === 'person')) continue;
    }
    return entity;
  }
  return null;
}

/** The text of a name's tokens as written, one space between words, without a final "'s". */
function nameText(text: string, core: readonly Token[]): string {
  return text
    .slice(core[0]!.start, core[core.length - 1]!.end)
    .replace(/['’]s$/, '')
    .replace(/\s+/g, ' ');
}

/** Where a person is from, after the name ("Rep. Elijah Cummings of Maryland"). */
const PLACE_OR_BODY_AFTER = /^\s+(?:of|from)\s+(?:the\s+)?\p{Lu}/u;

/** Initials right before a name, which the name lost ("P.J. " before "Crowley"). */
const INITIALS_BEFORE = /(?:^|\s)(?:\p{Lu}\.)+\s+$/u;

/** The end of a mention's words before a name that a preposition governs ("a spokesman for "). */
const OBJECT_OF_PREPOSITION = /\b(of|for|to|at|with|from|in|on|by|about)\s+(?:the\s+)?$/;

/**
 * The title words written with a name: before it ("Sen.", "Indiana Gov.", "State Department
 * spokesman") or in an apposition after it ("Mike Pence, the Indiana governor,"). Names from the
 * entity module carry none, so they are read from the text when a description asks.
 */
function titlesOf(text: string, name: NamedReference): readonly string[] {
  if (name.titles.length > 0) return name.titles;
  const titles: string[] = [];
  const before = text.slice(Math.max(0, name.start - TITLE_WINDOW), name.start).split(/\s+/);
  // The last piece is what touches the name: empty when white space separates them.
  if (before[before.length - 1] === '') {
    for (let k = before.length - 2; k >= 0; k--) {
      const word = before[k]!;
      const lower = word.toLowerCase().replace(/\.$/, '');
      if (TITLES.has(lower)) titles.push(lower);
      // A place or body between titles ("Indiana Gov.", "State Department spokesman").
      else if (titles.length === 0 || !/^\p{Lu}[\p{L}.-]*$/u.test(word)) break;
    }
  }
  const apposition = APPOSITION_TITLE.exec(text.slice(name.end, name.end + TITLE_WINDOW));
  if (apposition) {
    const words = apposition[1]!.toLowerCase().split(/\s+/);
    if (TITLES.has(words[words.length - 1]!)) for (const word of words) titles.push(word);
  }
  return titles;
}

/** How far before or after a name its titles are looked for, in characters. */
const TITLE_WINDOW = 60;
/** ", the Indiana governor," after a name: the words of a description in an apposition. */
const APPOSITION_TITLE = /^,\s+(?:the|a|an)\s+([\p{L}.-]+(?:\s+[\p{L}.-]+){0,5})\s*[,.;)]/u;

/**
 * Resolves a speaker mention to the person or organisation it refers to: names are expanded to the
 * full name the article introduced, pronouns go to the last speaker or person, descriptions ("the
 * minister") to the last name with that title. Unresolved mentions keep their own text as name.
 */
export function resolveSpeakerName(
  text: string,
  mention: Span,
  index: NameIndex,
  context: ResolutionContext,
  fromEntities: boolean,
): ResolvedName {
  const written = (): string => text.slice(mention.start, mention.end).replace(/\s+/g, ' ');
  // The mention has a token exactly when it holds a character other than white space; the
  // tokens themselves are needed only when no entity names the speaker.
  if (isBlankRange(text, mention.start, mention.end)) {
    return { name: written(), resolution: 'unresolved' };
  }
  const { names } = index;

  if (fromEntities) {
    const entity = namedInMention(text, mention, names);
    if (entity) {
      const expanded = /\s/.test(entity.name) ? null : expandShortName(index, entity.name);
      const name = expanded ?? entity.name;
      return {
        name,
        resolution: text.slice(entity.start, entity.end) === name ? 'named' : 'alias',
      };
    }
  }

  const tokens = tokenizeContext(text, mention.start, mention.end);
  const first = tokens[0]!;
  if (tokens.length === 1 && PRONOUNS.has(first.lower)) {
    if (MALE_OR_FEMALE.has(first.lower) || first.lower === 'i') {
      // "she" is not the last speaker when he is known to be a man ("Don", "Mr.", "chairman").
      const wanted = fromEntities ? PRONOUN_GENDERS[first.lower] : undefined;
      const agrees = (name: string, titles: readonly string[]): boolean =>
        wanted === undefined || (genderOf(name, titles) ?? wanted) === wanted;
      const last = context.lastPerson;
      const lastAgrees = last !== null && agrees(last.name, NO_TITLES);
      if (last && lastAgrees && mention.start - last.at < 3000)
        return { name: last.name, resolution: 'pronoun' };
      const person = lastNameBefore(
        names,
        mention.start,
        (n) =>
          n.type === 'person' &&
          (wanted === undefined || agrees(n.name, titlesOf(text, n))) &&
          !(last && !lastAgrees && n.name === last.name),
      );
      if (person) return { name: person.name, resolution: 'pronoun' };
    } else {
      const group = lastNameBefore(names, mention.start, (n) => n.type === 'organization');
      if (group) return { name: group.name, resolution: 'pronoun' };
    }
    return { name: written(), resolution: 'unresolved' };
  }

  // The name part of the mention: capitalised words before any apposition or parenthesis.
  const nameTokens: Token[] = [];
  for (const token of tokens) {
    if (token.text === ',' || token.text === '(') break;
    if (token.type === 'word') nameTokens.push(token);
  }
  const capitalised = nameTokens.filter((t) => isNameWord(t));
  const named = capitalised.filter((t) => t.lower !== 'the');
  if (
    named.length > 0 &&
    capitalised.length === nameTokens.filter((t) => t.capitalised || t.lower !== 'of').length
  ) {
    const split = splitTitles(named);
    const { titles } = split;
    // After a possessive the name is the possessed one ("Florida International's Fernandez").
    let owner = -1;
    for (let k = 0; k < split.core.length - 1; k++) if (isPossessive(split.core[k]!)) owner = k;
    const core = split.core.slice(owner + 1);
    const coreText = nameText(text, core);
    if (core.length === 1) {
      const full = expandShortName(index, coreText);
      if (full) return { name: full, resolution: 'alias' };
      if (titles.length > 0) {
        const titled = lastNameBefore(
          names,
          mention.start,
          (n) => n.type === 'person' && n.name.endsWith(coreText),
        );
        if (titled) return { name: titled.name, resolution: 'alias' };
      }
    }
    return { name: coreText, resolution: 'named' };
  }

  // A name after a role written in lower case ("FBI agent Bernard Tolbert", "U.S. National
  // Security Council spokesman P.J. Crowley"), unless a preposition governs it ("an aide to Clinton").
  let run = nameTokens.length;
  while (run > 0 && isNameWord(nameTokens[run - 1])) run--;
  const role = nameTokens[run - 1];
  if (
    run > 0 &&
    run < nameTokens.length &&
    role !== undefined &&
    (!role.capitalised || isPossessive(role)) &&
    !OBJECT_OF_PREPOSITION.test(text.slice(Math.max(mention.start, role.start - 16), role.end + 1))
  ) {
    const core = nameTokens.slice(run);
    const coreText = nameText(text, core);
    const full = core.length === 1 ? expandShortName(index, coreText) : null;
    return full ? { name: full, resolution: 'alias' } : { name: coreText, resolution: 'named' };
  }

  // A description: "the minister", "the ministry", "a source".
  const head = nameTokens[nameTokens.length - 1]?.lower ?? '';
  if (nameTokens.length >= 2 && /^(?:the|this|that)$/.test(first.lower)) {
    const titled = lastNameBefore(
      names,
      mention.start,
      (n) => n.type === 'person' && matchesTitle(head, titlesOf(text, n)),
    );
    if (titled) return { name: titled.name, resolution: 'description' };
    const organization = lastNameBefore(
      names,
      mention.start,
      (n) => n.type === 'organization' && n.name.toLowerCase().split(/\s+/).includes(head),
    );
    if (organization) return { name: organization.name, resolution: 'description' };
  }
  return { name: written(), resolution: 'unresolved' };
}
