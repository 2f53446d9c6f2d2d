/**
 * A small gazetteer of countries, capitals and demonyms, precomputed from the world-countries
 * package by `scripts/buildGazetteer.mjs`. The entity finder uses it to recognise places and to
 * keep demonyms ("Armenian") out of the entities; the hover cards use its descriptions.
 */
import data from './countries.json';

/** What the gazetteer knows about a place. */
export interface GazetteerEntry {
  /** The canonical name ("United States" for "U.S."). */
  name: string;
  type: 'place';
  kind: 'country' | 'capital';
  /** Other names of the same place, as they may appear in text. */
  aliases: string[];
  /** A one-line description for hover cards: "Country in Western Asia; capital Yerevan". */
  description: string;
}

type CountryRow = [
  name: string,
  aliases: string[],
  subregion: string,
  capitals: string[],
  demonyms: string[],
];

interface GazetteerIndex {
  byName: Map<string, GazetteerEntry>;
  demonyms: Map<string, string>;
  /** Lower-cased demonyms and country names, for the plural test of `isDemonymLike`. */
  stems: string[];
}

let index: GazetteerIndex | undefined;

/** Aliases written in capitals ("US", "U.S.") match only as written, so the pronoun "us" never does. */
function isCodeAlias(alias: string): boolean {
  return /^(?:\p{Lu}\.?){2,3}$/u.test(alias);
}

function keyOf(name: string): string {
  return name.toLowerCase().replace(/’/g, "'");
}

function buildIndex(): GazetteerIndex {
  const byName = new Map<string, GazetteerEntry>();
  const demonyms = new Map<string, string>();
  const add = (key: string, entry: GazetteerEntry): void => {
    // Countries are added first and win over a capital of the same name.
    if (!byName.has(keyOf(key))) byName.set(keyOf(key), entry);
  };
  const rows = (data as unknown as { countries: CountryRow[] }).countries;
  for (const [name, aliases, subregion, capitals] of rows) {
    const capitalText = capitals.length > 0 ? `; capital ${capitals.join(', ')}` : '';
    const entry: GazetteerEntry = {
      name,
      type: 'place',
      kind: 'country',
      aliases,
      description: `Country in ${subregion || 'the world'}${capitalText}`,
    };
    add(name, entry);
    for (const alias of aliases) add(alias, entry);
  }
  for (const [name, , , capitals, demonymList] of rows) {
    for (const demonym of demonymList) {
      if (!demonyms.has(keyOf(demonym))) demonyms.set(keyOf(demonym), name);
    }
    for (const capital of capitals) {
      // "Washington D.C." is written "Washington" in most news copy.
      const short = capital.replace(/,? D\.C\.$/, '');
      const aliases = short !== capital ? [short] : [];
      const entry: GazetteerEntry = {
        name: capital,
        type: 'place',
        kind: 'capital',
        aliases,
        description: `Capital of ${name}`,
      };
      add(capital, entry);
      for (const alias of aliases) add(alias, entry);
    }
  }
  const stems = [...demonyms.keys(), ...rows.map((row) => keyOf(row[0]))];
  return { byName, demonyms, stems };
}

function getIndex(): GazetteerIndex {
  index ??= buildIndex();
  return index;
}

/**
 * Looks a place name up, ignoring case except for code-like aliases ("US" matches, "us" does not);
 * returns undefined for names the gazetteer does not know.
 */
export function lookupGazetteer(name: string): GazetteerEntry | undefined {
  const key = keyOf(name.trim());
  const entry = getIndex().byName.get(key);
  if (!entry) return undefined;
  const written = [entry.name, ...entry.aliases].find((alias) => keyOf(alias) === key);
  if (written && isCodeAlias(written) && written !== name.trim()) return undefined;
  return entry;
}

/** Returns the country a demonym belongs to ("Armenian" gives "Armenia"), ignoring case. */
export function lookupDemonym(word: string): string | undefined {
  return getIndex().demonyms.get(keyOf(word));
}

/**
 * True for a demonym, also in the plural or in a short form the data lacks: "Armenians", "Turks"
 * (from "Turkish" and "Turkey"). Demonyms are not entities, so the finder uses this to skip them.
 */
export function isDemonymLike(word: string): boolean {
  if (lookupDemonym(word)) return true;
  const key = keyOf(word);
  if (!key.endsWith('s') || key.length < 5) return false;
  const singular = key.slice(0, -1);
  if (getIndex().demonyms.has(singular)) return true;
  return getIndex().stems.some((stem) => stem !== singular && stem.startsWith(singular));
}

/** Every place the gazetteer knows, once each: the bundled layer of the knowledge base. */
export function listGazetteer(): GazetteerEntry[] {
  return [...new Set(getIndex().byName.values())];
}
