import { BandTable } from './bandTable';
import {
  compareFingerprints,
  DEFAULT_DUPLICATE_THRESHOLD,
  type DuplicateKind,
  type FingerprintComparison,
} from './compareFingerprints';
import {
  FINGERPRINT_SCHEME,
  fingerprintFromJSON,
  fingerprintToJSON,
  type ArticleFingerprint,
  type FingerprintJSON,
} from './fingerprintArticle';
import { combineHash, mix32 } from './hashing';

/**
 * Banded locality-sensitive hashing over the MinHash signature: 42 bands of 3 rows. Two bodies with
 * Jaccard resemblance s share at least one band with probability 1 - (1 - s^3)^42: 0.996 at s = 0.5,
 * 0.94 at 0.4, and 0.00004 for unrelated bodies at 0.01, so candidates are few and true pairs found.
 */
export const LSH_BANDS = 42;
/** Rows (signature values) a band. */
export const LSH_ROWS = 3;

/** A file found to be a version of the one asked about. */
export interface DuplicateMatch extends FingerprintComparison {
  id: string;
  kind: DuplicateKind;
}

/** Two files found to be versions of one story (`a` sorts before `b`). */
export interface DuplicatePair {
  a: string;
  b: string;
  similarity: number;
  containment: number;
  /** The duplicate score the threshold applies to (see `FingerprintComparison.score`). */
  score: number;
  kind: DuplicateKind;
}

/**
 * A group of files that are versions of one story, joined by the pairs that scored over the
 * threshold. Its kind is the loosest of its pairs' kinds: `revised` if any pair is revised.
 */
export interface DuplicateCluster {
  files: string[];
  kind: DuplicateKind;
  pairs: DuplicatePair[];
}

/** Options of `DuplicateIndex.query`. */
export interface QueryOptions {
  /** The score from which a file counts as a duplicate (default `DEFAULT_DUPLICATE_THRESHOLD`). */
  threshold?: number;
  /** At most this many matches, the best first. */
  limit?: number;
  /** An id never to return: the file itself, when asking with the fingerprint of its edited text. */
  exclude?: string;
}

/** The persisted form of a `DuplicateIndex`. */
export interface DuplicateIndexJSON {
  scheme: string;
  entries: [string, FingerprintJSON][];
}

/**
 * How many other texts a file is compared with through the LSH bands: far more than a story has
 * versions, and a bound that keeps a crowd of near-identical pages (one story with a changed line,
 * scraped thousands of times) linear instead of quadratic. Exact copies are not counted: they are
 * found through their shared text, however many there are.
 */
export const MAX_BAND_CANDIDATES = 64;

/**
 * Pairs between the copies of texts are all listed up to this many: two texts copied ten times
 * each give their hundred pairs, a text copied thousands of times its copies paired with the first.
 */
export const MAX_LISTED_COPY_PAIRS = 256;

/** How kinds rank from the closest to the loosest relation. */
const KIND_ORDER: Record<DuplicateKind, number> = { exact: 0, 'same-body': 1, revised: 2 };

/**
 * An incremental index of article fingerprints that finds the versions of a story: add, replace
 * and remove files one at a time (as a workspace changes), ask for one file's duplicates, or list
 * every cluster. Candidates come from the LSH bands and from identical normalised texts; each
 * candidate is then scored on the fingerprints' shingle samples, so the scores are not estimates
 * from the signature. Exact copies of one text share one entry in the bands (the first copy's),
 * so ten thousand copies of a stub page cost what one costs.
 */
export class DuplicateIndex {
  private readonly fingerprints: (ArticleFingerprint | undefined)[] = [];
  private readonly ids: (string | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private readonly bands = new BandTable(4096);
  private readonly byTextHash = new Map<string, number[]>();
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  /** How many files the index holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /** True when the index holds a fingerprint for `id`. */
  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** The fingerprint stored for `id`, if any. */
  get(id: string): ArticleFingerprint | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.fingerprints[slot];
  }

  /** Every id in the index, in no particular order. */
  keys(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /**
   * Adds a file's fingerprint, replacing the one stored for the same id (a changed file).
   * Throws a TypeError for a fingerprint made under another scheme, which would never match.
   */
  add(id: string, fingerprint: ArticleFingerprint): void {
    if (fingerprint.scheme !== FINGERPRINT_SCHEME) {
      throw new TypeError(`fingerprint scheme ${fingerprint.scheme} is not ${FINGERPRINT_SCHEME}`);
    }
    this.remove(id);
    const slot = this.freeSlots.pop() ?? this.fingerprints.length;
    this.fingerprints[slot] = fingerprint;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    if (slot >= this.stamps.length) {
      const stamps = new Uint32Array(this.stamps.length * 2);
      stamps.set(this.stamps);
      this.stamps = stamps;
    }
    const copies = this.byTextHash.get(fingerprint.textHash);
    if (copies) {
      copies.push(slot);
    } else {
      this.byTextHash.set(fingerprint.textHash, [slot]);
      this.insertBands(slot);
    }
  }

  /** Removes a file (deleted or no longer indexed); returns false when it was not there. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    const fingerprint = this.fingerprints[slot]!;
    const copies = this.byTextHash.get(fingerprint.textHash)!;
    const at = copies.indexOf(slot);
    copies.splice(at, 1);
    if (at === 0) {
      // The first copy stands for its text in the bands; the next copy takes its place.
      this.removeBands(slot);
      if (copies.length > 0) this.insertBands(copies[0]!);
    }
    if (copies.length === 0) this.byTextHash.delete(fingerprint.textHash);
    this.fingerprints[slot] = undefined;
    this.ids[slot] = undefined;
    this.slotOf.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /**
   * The duplicates of a file in the index (by id) or of any fingerprint, best first: by score,
   * then similarity, then id. A file is never its own duplicate; an unknown id has none. Asking
   * with a fingerprint (an unsaved editor's text) compares it with every file but `exclude`.
   */
  query(target: string | ArticleFingerprint, options: QueryOptions = {}): DuplicateMatch[] {
    const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    const self = this.slotOf.get(typeof target === 'string' ? target : (options.exclude ?? ''));
    const fingerprint = typeof target === 'string' ? this.get(target) : target;
    if (!fingerprint) return [];
    const matches: DuplicateMatch[] = [];
    const compare = (slot: number): void => {
      if (slot === self) return;
      const comparison = compareFingerprints(fingerprint, this.fingerprints[slot]!, threshold);
      if (comparison.kind)
        matches.push({ id: this.ids[slot]!, ...comparison, kind: comparison.kind });
    };
    for (const slot of this.byTextHash.get(fingerprint.textHash) ?? []) compare(slot);
    this.forEachBandCandidate(fingerprint, (first) => {
      const copies = this.byTextHash.get(this.fingerprints[first]!.textHash)!;
      if (this.fingerprints[first]!.textHash === fingerprint.textHash) return false;
      // A text that matches matches with every copy: each is listed.
      for (const slot of copies) compare(slot);
      return true;
    });
    matches.sort(
      (x, y) => y.score - x.score || y.similarity - x.similarity || compareIds(x.id, y.id),
    );
    return options.limit === undefined ? matches : matches.slice(0, Math.max(0, options.limit));
  }

  /**
   * The pairs of files that score at least `threshold`, each pair once: every such pair while the
   * copies of a text are few (see `MAX_LISTED_COPY_PAIRS`); past that, enough pairs to tie each
   * cluster together (each copy with the first copy of its text, and of the texts it matches), so
   * that a crowd (a stub page copied ten thousand times) gives pairs in proportion to its size,
   * not to its square. Texts are compared through their first copies, each with at most
   * `MAX_BAND_CANDIDATES` others.
   */
  pairs(threshold = DEFAULT_DUPLICATE_THRESHOLD): DuplicatePair[] {
    return this.pairsOfSlots(0, this.slotCount, threshold);
  }

  /** How many slots the index has (some may be free): the range of `pairsOfSlots`. */
  get slotCount(): number {
    return this.fingerprints.length;
  }

  /**
   * The pairs of `pairs()` whose first file is in the slots from `from` to `to` (exclusive), so
   * that a caller can find all pairs a slice at a time.
   */
  pairsOfSlots(from: number, to: number, threshold = DEFAULT_DUPLICATE_THRESHOLD): DuplicatePair[] {
    const pairs: DuplicatePair[] = [];
    const pair = (slot: number, other: number): void => {
      const comparison = compareFingerprints(
        this.fingerprints[slot]!,
        this.fingerprints[other]!,
        threshold,
      );
      if (comparison.kind) {
        pairs.push(makePair(this.ids[slot]!, this.ids[other]!, comparison, comparison.kind));
      }
    };
    /** Every pair across two lists of copies, or, when there are too many, a star around each first. */
    const pairAcross = (mine: readonly number[], theirs: readonly number[]): void => {
      if (mine.length * theirs.length <= MAX_LISTED_COPY_PAIRS) {
        for (const slot of mine) for (const other of theirs) pair(slot, other);
        return;
      }
      for (const other of theirs) pair(mine[0]!, other);
      for (let i = 1; i < mine.length; i++) pair(mine[i]!, theirs[0]!);
    };
    for (let first = from; first < Math.min(to, this.fingerprints.length); first++) {
      const fingerprint = this.fingerprints[first];
      if (!fingerprint) continue;
      // The copies of a text are paired once, from the slot of its first copy.
      const copies = this.byTextHash.get(fingerprint.textHash)!;
      if (copies[0] !== first) continue;
      if ((copies.length * (copies.length - 1)) / 2 <= MAX_LISTED_COPY_PAIRS) {
        for (let i = 0; i < copies.length; i++) {
          for (let j = i + 1; j < copies.length; j++) pair(copies[i]!, copies[j]!);
        }
      } else {
        for (let i = 1; i < copies.length; i++) pair(first, copies[i]!);
      }
      this.forEachBandCandidate(fingerprint, (other) => {
        if (other === first) return false;
        // Each two texts are compared once, from the one whose first copy comes first.
        if (other > first) {
          const theirs = this.byTextHash.get(this.fingerprints[other]!.textHash)!;
          if (compareFingerprints(fingerprint, this.fingerprints[other]!, threshold).kind) {
            pairAcross(copies, theirs);
          }
        }
        return true;
      });
    }
    return pairs;
  }

  /**
   * Groups the files into clusters of versions (single linkage over the pairs scoring at least
   * `threshold`); files with no duplicate are left out. Clusters are sorted by their first file.
   */
  clusters(threshold = DEFAULT_DUPLICATE_THRESHOLD): DuplicateCluster[] {
    return clusterPairs(this.pairs(threshold));
  }

  /** The index as plain JSON, to persist between sessions (the LSH tables are rebuilt on load). */
  toJSON(): DuplicateIndexJSON {
    const entries: [string, FingerprintJSON][] = [];
    for (const [id, slot] of this.slotOf)
      entries.push([id, fingerprintToJSON(this.fingerprints[slot]!)]);
    return { scheme: FINGERPRINT_SCHEME, entries };
  }

  /**
   * Rebuilds an index from `toJSON` output. Returns undefined, never throws, when the value is not
   * an index of the current scheme (the caller rebuilds it); malformed entries are left out.
   */
  static fromJSON(value: unknown): DuplicateIndex | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const json = value as Partial<DuplicateIndexJSON>;
    if (json.scheme !== FINGERPRINT_SCHEME || !Array.isArray(json.entries)) return undefined;
    const index = new DuplicateIndex();
    for (const entry of json.entries as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
      const fingerprint = fingerprintFromJSON(entry[1]);
      if (fingerprint) index.add(entry[0], fingerprint);
    }
    return index;
  }

  /**
   * Visits, once each, the first copies of the texts that share an LSH band with `fingerprint`,
   * until `visit` has returned true (a candidate compared) `MAX_BAND_CANDIDATES` times.
   */
  private forEachBandCandidate(
    fingerprint: ArticleFingerprint,
    visit: (first: number) => boolean,
  ): void {
    if (fingerprint.bodyShingles === 0) return;
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const stamps = this.stamps;
    let compared = 0;
    for (const key of bandKeys(fingerprint.signature)) {
      this.bands.forEachSlot(key, (slot) => {
        if (stamps[slot] !== stamp) {
          stamps[slot] = stamp;
          if (visit(slot)) compared++;
        }
        return compared < MAX_BAND_CANDIDATES;
      });
      if (compared >= MAX_BAND_CANDIDATES) return;
    }
  }

  private insertBands(slot: number): void {
    const fingerprint = this.fingerprints[slot]!;
    if (fingerprint.bodyShingles === 0) return;
    for (const key of bandKeys(fingerprint.signature)) this.bands.insert(key, slot);
  }

  private removeBands(slot: number): void {
    const fingerprint = this.fingerprints[slot]!;
    if (fingerprint.bodyShingles === 0) return;
    for (const key of bandKeys(fingerprint.signature)) this.bands.remove(key, slot);
  }
}

/** The LSH key of each band of a signature; the band's number is mixed in so bands never collide. */
function bandKeys(signature: Uint32Array): Uint32Array {
  const keys = new Uint32Array(LSH_BANDS);
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let row = 0; row < LSH_ROWS; row++) h = combineHash(h, signature[band * LSH_ROWS + row]!);
    keys[band] = mix32(h);
  }
  return keys;
}

function makePair(
  first: string,
  second: string,
  comparison: FingerprintComparison,
  kind: DuplicateKind,
): DuplicatePair {
  const [a, b] = compareIds(first, second) <= 0 ? [first, second] : [second, first];
  const { similarity, containment, score } = comparison;
  return { a, b, similarity, containment, score, kind };
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Groups pairs into clusters of versions by single linkage; files in no pair are left out.
 * Clusters are sorted by their first file, their files and pairs by id.
 */
export function clusterPairs(pairs: readonly DuplicatePair[]): DuplicateCluster[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const up = parent.get(at)!;
      parent.set(at, root);
      at = up;
    }
    return root;
  };
  for (const pair of pairs) {
    if (!parent.has(pair.a)) parent.set(pair.a, pair.a);
    if (!parent.has(pair.b)) parent.set(pair.b, pair.b);
    const rootA = find(pair.a);
    const rootB = find(pair.b);
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  }
  const byRoot = new Map<string, DuplicateCluster>();
  for (const pair of pairs) {
    const root = find(pair.a);
    let cluster = byRoot.get(root);
    if (!cluster) {
      cluster = { files: [], kind: 'exact', pairs: [] };
      byRoot.set(root, cluster);
    }
    cluster.pairs.push(pair);
    if (KIND_ORDER[pair.kind] > KIND_ORDER[cluster.kind]) cluster.kind = pair.kind;
  }
  for (const id of parent.keys()) byRoot.get(find(id))!.files.push(id);
  const clusters = [...byRoot.values()];
  for (const cluster of clusters) {
    cluster.files.sort(compareIds);
    cluster.pairs.sort((x, y) => compareIds(x.a, y.a) || compareIds(x.b, y.b));
  }
  return clusters.sort((x, y) => compareIds(x.files[0]!, y.files[0]!));
}
