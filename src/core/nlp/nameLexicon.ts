/**
 * The word classes the entity finder borrows from compromise's lexicon: first names, surnames,
 * places, organisations, honorifics, months and ordinary words. Looking words up in the lexicon is
 * far cheaper than running compromise's tagger over the text, and for names it is what the tagger
 * would mostly rely on anyway.
 */
import { loadCompromiseTwo } from './compromise';

/** The class of a word or phrase in compromise's lexicon, as the entity finder sees it. */
export type LexiconClass =
  | 'person'
  | 'firstName'
  | 'lastName'
  | 'place'
  | 'organization'
  | 'honorific'
  | 'month'
  | 'weekday'
  | 'demonym'
  | 'properNoun'
  | 'common';

let lexicon: Map<string, LexiconClass> | undefined;
const countries = new Set<string>();
/** First names compromise knows as a man's or a woman's ("don", "donna"); none is both. */
const genders = new Map<string, Gender>();

/** What a first name says of a person, as "he" and "she" refer. */
export type Gender = 'male' | 'female';

function classify(tags: readonly string[]): LexiconClass {
  const has = (tag: string): boolean => tags.includes(tag);
  if (has('Month')) return 'month';
  if (has('WeekDay')) return 'weekday';
  if (has('Honorific')) return 'honorific';
  // Abbreviations such as "st", "rd", "co" and "inc" are tagged as places and organisations too.
  if (has('Abbreviation')) return 'common';
  if (has('Demonym')) return 'demonym';
  if (has('Person')) return 'person';
  if (has('FirstName') || has('MaleName') || has('FemaleName')) return 'firstName';
  if (has('LastName')) return 'lastName';
  if (has('Country') || has('City') || has('Place') || has('Region')) return 'place';
  if (has('Organization') || has('SportsTeam')) return 'organization';
  if (has('ProperNoun')) return 'properNoun';
  return 'common';
}

function buildLexicon(): Map<string, LexiconClass> {
  const nlp = loadCompromiseTwo();
  const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> } };
  const map = new Map<string, LexiconClass>();
  for (const [word, tag] of Object.entries(model.one.lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    map.set(word, classify(tags));
    if (tags.includes('Country')) countries.add(word);
    const male = tags.includes('MaleName');
    if (male !== tags.includes('FemaleName')) genders.set(word, male ? 'male' : 'female');
  }
  return map;
}

/** Looks up a lower-cased word or phrase ("new york") in compromise's lexicon. */
export function lookupLexicon(lowerCased: string): LexiconClass | undefined {
  lexicon ??= buildLexicon();
  return lexicon.get(lowerCased);
}

/** True when compromise's lexicon knows the lower-cased word or phrase as a country ("scotland"). */
export function isLexiconCountry(lowerCased: string): boolean {
  lexicon ??= buildLexicon();
  return countries.has(lowerCased);
}

/** The gender compromise's lexicon gives a lower-cased first name, if it gives exactly one. */
export function firstNameGender(lowerCased: string): Gender | undefined {
  lexicon ??= buildLexicon();
  return genders.get(lowerCased);
}
