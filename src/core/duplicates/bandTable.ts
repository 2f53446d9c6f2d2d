/**
 * A multimap from 32-bit band keys to entry slots, kept in typed arrays: a chained hash table whose
 * nodes live in parallel arrays and are recycled through a free list. It stores a million
 * (key, slot) pairs in about 16 MB, with no object per pair for the garbage collector to trace.
 */
export class BandTable {
  private heads: Int32Array;
  private keys: Uint32Array;
  private slots: Int32Array;
  private next: Int32Array;
  private used = 0;
  private freeNode = -1;
  private live = 0;

  constructor(capacity = 1024) {
    const size = nextPowerOfTwo(Math.max(16, capacity));
    this.heads = new Int32Array(size).fill(-1);
    this.keys = new Uint32Array(size);
    this.slots = new Int32Array(size);
    this.next = new Int32Array(size);
  }

  /** How many (key, slot) pairs the table holds. */
  get size(): number {
    return this.live;
  }

  /** Adds one (key, slot) pair. */
  insert(key: number, slot: number): void {
    if (this.live >= this.heads.length) this.growHeads();
    let node = this.freeNode;
    if (node >= 0) {
      this.freeNode = this.next[node]!;
    } else {
      if (this.used === this.keys.length) this.growNodes();
      node = this.used++;
    }
    const bucket = key & (this.heads.length - 1);
    this.keys[node] = key;
    this.slots[node] = slot;
    this.next[node] = this.heads[bucket]!;
    this.heads[bucket] = node;
    this.live++;
  }

  /** Removes one (key, slot) pair; returns false when it was not there. */
  remove(key: number, slot: number): boolean {
    const bucket = key & (this.heads.length - 1);
    let previous = -1;
    for (let node = this.heads[bucket]!; node >= 0; node = this.next[node]!) {
      if (this.keys[node] === key && this.slots[node] === slot) {
        if (previous < 0) this.heads[bucket] = this.next[node]!;
        else this.next[previous] = this.next[node]!;
        this.next[node] = this.freeNode;
        this.freeNode = node;
        this.live--;
        return true;
      }
      previous = node;
    }
    return false;
  }

  /**
   * Calls `visit` with every slot stored under `key`, the most recently inserted first, until
   * `visit` returns false.
   */
  forEachSlot(key: number, visit: (slot: number) => boolean | void): void {
    const bucket = key & (this.heads.length - 1);
    for (let node = this.heads[bucket]!; node >= 0; node = this.next[node]!) {
      if (this.keys[node] === key && visit(this.slots[node]!) === false) return;
    }
  }

  private growNodes(): void {
    const size = this.keys.length * 2;
    this.keys = grow(this.keys, new Uint32Array(size));
    this.slots = grow(this.slots, new Int32Array(size));
    this.next = grow(this.next, new Int32Array(size));
  }

  /** Doubles the bucket array and relinks every live node, keeping chains short. */
  private growHeads(): void {
    const heads = new Int32Array(this.heads.length * 2).fill(-1);
    const mask = heads.length - 1;
    for (let bucket = 0; bucket < this.heads.length; bucket++) {
      let node = this.heads[bucket]!;
      while (node >= 0) {
        const following = this.next[node]!;
        const target = this.keys[node]! & mask;
        this.next[node] = heads[target]!;
        heads[target] = node;
        node = following;
      }
    }
    this.heads = heads;
  }
}

function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

function grow<T extends Uint32Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
