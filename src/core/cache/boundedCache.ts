/**
 * A map that forgets its least recently used entries once it holds more than `maxEntries` of them
 * or more than `maxChars` characters. Each entry is charged the characters its caller gives (the
 * length of the text it was computed from), so memory stays bounded whatever the entries hold.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; chars: number }>();
  private totalChars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {}

  /** The value stored under `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key); // Re-inserted: a Map iterates in insertion order, oldest first.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores `value` under `key`, charged `chars` characters, and forgets the oldest past the caps. */
  set(key: string, value: V, chars: number = key.length): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.totalChars -= previous.chars;
    }
    this.entries.set(key, { value, chars });
    this.totalChars += chars;
    while (this.entries.size > this.maxEntries || this.totalChars > this.maxChars) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.totalChars -= entry.chars;
    }
  }

  /** How many entries are stored. */
  get size(): number {
    return this.entries.size;
  }

  /** How many characters the stored entries are charged. */
  get chars(): number {
    return this.totalChars;
  }
}
