import { ROLE_WORDS, TITLE_WORDS } from '../entities/entityWords';
import type { EntityMention } from '../types';

/** A role an article gives a person: "Russia’s Deputy Foreign Minister". */
export interface LearnedRole {
  /** The canonical name of the person. */
  name: string;
  role: string;
  /** Where the role is written, as a UTF-16 offset. */
  start: number;
}

/** How many words a title before a name, or an apposition after it, may have. */
const MAX_ROLE_WORDS = 8;
const WORD = /^[\p{L}][\p{L}.’'-]*$/u;
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'on', '&']);
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mister',
  'dr',
  'sir',
  'dame',
  'madam',
  'the',
]);

/**
 * Learns people's roles from the article's own wording: a title before the name ("Russia’s
 * Deputy Foreign Minister Grigory Karasin"), an apposition after it ("Grigory Karasin, Russia’s
 * deputy foreign minister,") and a plural title shared by a list ("the presidents of Armenia and
 * Azerbaijan, Serzh Sarkisian and Ilham Aliyev" gives each his own country). With `names`, only
 * the mentions of those people are read (a hover card on a 1 MB article needs one person's
 * roles, not ten thousand mentions'); roles of other people may still come back.
 */
export function learnRoles(
  text: string,
  entities: readonly EntityMention[],
  names?: ReadonlySet<string>,
): LearnedRole[] {
  const people = entities.filter((entity) => entity.type === 'person');
  const roles: LearnedRole[] = [];
  for (let i = 0; i < people.length; i++) {
    const person = people[i]!;
    const next = people[i + 1];
    if (names && !names.has(person.name) && !(next && names.has(next.name))) continue;
    const listed =
      next && /^\s+and\s+$/.test(text.slice(person.end, next.start)) ? next : undefined;
    const before = titleBefore(text, person.start);
    if (before && !isPlural(before.role)) {
      roles.push({ name: person.name, role: before.role, start: before.start });
    } else if (before && listed) {
      for (const shared of splitPluralTitle(before, person, listed)) roles.push(shared);
    }
    const after = appositionAfter(text, person.end);
    if (after) roles.push({ name: person.name, role: after.role, start: after.start });
    if (listed) {
      for (const shared of sharedPluralRole(text, person, listed)) roles.push(shared);
    }
  }
  return dedupe(roles);
}

/** Capitalised title words (and a possessive country) right before a name, ending in a title. */
function titleBefore(text: string, nameStart: number): { role: string; start: number } | undefined {
  const head = text.slice(Math.max(0, nameStart - 120), nameStart);
  const words = [...head.matchAll(/[^\s]+/g)];
  if (!head.endsWith(' ') || words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  if (!TITLE_WORDS.has(bare(last[0]))) return undefined;
  let first = words.length - 1;
  for (let i = words.length - 2; i >= 0 && words.length - i <= MAX_ROLE_WORDS; i--) {
    const word = words[i]![0];
    if (/[,.;:!?)"”]$/.test(word) || !WORD.test(word)) break;
    const lower = bare(word);
    const possessive = /[’']s$/.test(word);
    const capitalised = /^\p{Lu}/u.test(word);
    if (!(TITLE_WORDS.has(lower) || (CONNECTORS.has(lower) && i > 0) || capitalised)) break;
    if (!capitalised && !TITLE_WORDS.has(lower) && !CONNECTORS.has(lower)) break;
    first = i;
    if (possessive) break; // "Russia’s" opens the role; nothing before it belongs.
  }
  while (first < words.length - 1 && CONNECTORS.has(bare(words[first]![0]))) first++;
  const offset = nameStart - head.length;
  const start = offset + words[first]!.index!;
  const role = text.slice(start, offset + last.index! + last[0].length);
  // An honorific alone ("Mr", "Dr") says nothing about what the person does.
  if (role.split(/\s+/).every((word) => HONORIFICS.has(bare(word)))) return undefined;
  return { role, start };
}

/** True for a title in the plural ("foreign ministers"), which belongs to a list of names. */
function isPlural(role: string): boolean {
  const last = bare(role.split(/\s+/).pop()!);
  return /s$/.test(last) && TITLE_WORDS.has(last.slice(0, -1));
}

/** "Armenian and Azerbaijani foreign ministers A and B": A is Armenian foreign minister, B Azerbaijani. */
function splitPluralTitle(
  title: { role: string; start: number },
  first: EntityMention,
  second: EntityMention,
): LearnedRole[] {
  const singular = title.role.replace(/s$/, '');
  const pair = /^(\S+)\s+and\s+(\S+)\s+(.+)$/.exec(singular);
  if (!pair) return [];
  return [
    { name: first.name, role: `${pair[1]} ${pair[3]}`, start: title.start },
    { name: second.name, role: `${pair[2]} ${pair[3]}`, start: title.start },
  ];
}

/** ", a role phrase," right after a name, naming a role noun within a few words. */
function appositionAfter(
  text: string,
  nameEnd: number,
): { role: string; start: number } | undefined {
  const match = /^,\s+((?:[\p{L}’'.-]+\s+){0,7}?[\p{L}’'.-]+)\s*(?=[,;.]|$)/u.exec(
    text.slice(nameEnd, nameEnd + 120),
  );
  if (!match) return undefined;
  const phrase = match[1]!;
  const words = phrase.split(/\s+/);
  if (words.length > MAX_ROLE_WORDS || !/^(?:the|a|an|\p{L}+[’']s)$/iu.test(words[0]!))
    return undefined;
  if (!words.some((word) => ROLE_WORDS.has(bare(word)))) return undefined;
  if (/\b(?:said|says|told|added)\b/.test(phrase)) return undefined;
  return {
    role: phrase.replace(/^(?:the|a|an)\s+/i, ''),
    start: nameEnd + match[0].indexOf(phrase),
  };
}

/** "the presidents of Armenia and Azerbaijan, A and B": A is president of Armenia, B of Azerbaijan. */
function sharedPluralRole(
  text: string,
  first: EntityMention,
  second: EntityMention,
): LearnedRole[] {
  const head = text.slice(Math.max(0, first.start - 120), first.start);
  const match =
    /\b(?:the\s+)?(\p{L}+)s\s+of\s+(\p{Lu}[\p{L}-]*)\s+and\s+(\p{Lu}[\p{L}-]*),\s+$/u.exec(head);
  if (!match || !ROLE_WORDS.has(match[1]!.toLowerCase())) return [];
  const start = first.start - head.length + match.index;
  return [
    { name: first.name, role: `${match[1]} of ${match[2]}`, start },
    { name: second.name, role: `${match[1]} of ${match[3]}`, start },
  ];
}

function bare(word: string): string {
  return word
    .replace(/[’']s$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function dedupe(roles: LearnedRole[]): LearnedRole[] {
  const seen = new Set<string>();
  return roles.filter((role) => {
    const key = `${role.name}\u0000${role.role.replace(/’/g, "'").toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
