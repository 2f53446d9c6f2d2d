import { BoundedCache } from './boundedCache';

/**
 * Results per paragraph for a document that is analysed again after each edit. A paragraph whose
 * key equals the key at the same place in the last document (counted from its start, or from its
 * end for paragraphs after the edit) is found with one string comparison; any other is looked up
 * by content in a bounded least-recently-used cache. The last document's results are kept besides
 * the cache, except for keys longer than `maxCachedChars`.
 *
 * A value is made from a detached copy of its key (see `detachText`), so what the cache keeps never
 * holds on to the whole text of an old version of the document.
 */
export class ParagraphCache<V> {
  private readonly byContent: BoundedCache<V>;
  /** The last document's keys and values; `undefined` where a key was too long to keep. */
  private lastKeys: readonly (string | undefined)[] = [];
  private lastValues: readonly (V | undefined)[] = [];

  constructor(
    maxEntries: number,
    maxChars: number,
    private readonly maxCachedChars = 64_000,
  ) {
    this.byContent = new BoundedCache(maxEntries, maxChars);
  }

  /**
   * The values for a document's paragraph keys, in order. `compute(index, key, previous)` makes a
   * value not found, from `key`, a detached copy of `keys[index]`; `previous` is the last document's
   * value at the same index, if any, usually the same paragraph before an edit, which a finder may
   * use to work faster (its result must not depend on it). `fits(value, index)` rejects a value found
   * under the same key that does not fit the paragraph (the same characters can frame paragraphs
   * of other lengths).
   */
  lookUp(
    keys: readonly string[],
    compute: (index: number, key: string, previous: V | undefined) => V,
    fits: (value: V, index: number) => boolean = () => true,
  ): V[] {
    const values: V[] = [];
    const fromEnd = this.lastKeys.length - keys.length;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      let value = this.lastValueFor(key, index, fromEnd);
      if (value === undefined || !fits(value, index)) {
        // Copied first: V8 then hashes the copy once, for the look-up and for storing it.
        const detached = detachText(key);
        value = this.byContent.get(detached);
        if (value === undefined || !fits(value, index)) {
          value = compute(index, detached, this.lastValues[index]);
          if (key.length <= this.maxCachedChars) this.byContent.set(detached, value);
        }
      }
      values.push(value);
    }
    const kept = (key: string): boolean => key.length <= this.maxCachedChars;
    this.lastKeys = keys.map((key) => (kept(key) ? key : undefined));
    this.lastValues = values.map((value, index) => (kept(keys[index]!) ? value : undefined));
    return values;
  }

  /** How many paragraphs, and how many of their characters, the content cache holds. */
  get stats(): { paragraphs: number; chars: number } {
    return { paragraphs: this.byContent.size, chars: this.byContent.chars };
  }

  private lastValueFor(key: string, index: number, fromEnd: number): V | undefined {
    if (this.lastKeys[index] === key) return this.lastValues[index];
    const other = index + fromEnd;
    if (other >= 0 && this.lastKeys[other] === key) return this.lastValues[other];
    return undefined;
  }
}

/**
 * A copy of `text` that does not keep alive the string it was sliced from: V8 makes a slice of 13
 * or more characters a view of its parent, so a cached slice of a paragraph would hold the whole
 * article it came from. Concatenating and slicing again makes V8 copy the characters once.
 */
export function detachText(text: string): string {
  return (text + ' ').slice(0, -1);
}
