import type { DuplicateKind } from './compareFingerprints';
import type { DuplicateIndex, DuplicateMatch } from './duplicateIndex';

/** A date an undated file takes from a duplicate version of it (`dateSource: "duplicate"`). */
export interface BorrowedDate {
  /** The date, as the duplicate has it (`YYYY-MM-DD`). */
  date: string;
  /** The id of the duplicate it was taken from. */
  from: string;
  kind: DuplicateKind;
  similarity: number;
}

const KIND_RANK: Record<DuplicateKind, number> = { exact: 0, 'same-body': 1, revised: 2 };

/**
 * Chooses the date an undated file borrows from its duplicates: that of the closest version with a
 * date of its own, exact copies before the same body before revisions (a revision may be a day
 * later), then by score. `dateOf` gives a file's own date, never a borrowed one, so dates are not
 * passed along chains of versions. Returns undefined when no duplicate has a date.
 */
export function chooseBorrowedDate(
  matches: readonly DuplicateMatch[],
  dateOf: (id: string) => string | null | undefined,
): BorrowedDate | undefined {
  const ranked = [...matches].sort(
    (x, y) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || y.score - x.score,
  );
  for (const match of ranked) {
    const date = dateOf(match.id);
    if (date) return { date, from: match.id, kind: match.kind, similarity: match.similarity };
  }
  return undefined;
}

/**
 * For every file of `ownDates` that has no date and is in the index, the date it borrows from a
 * duplicate version, if one has a date; what `news-annotator annotate` does across its inputs.
 */
export function borrowDatesFromDuplicates(
  ownDates: ReadonlyMap<string, string | null>,
  index: DuplicateIndex,
  threshold?: number,
): Map<string, BorrowedDate> {
  const borrowed = new Map<string, BorrowedDate>();
  for (const [id, date] of ownDates) {
    if (date || !index.has(id)) continue;
    const options = threshold === undefined ? {} : { threshold };
    const choice = chooseBorrowedDate(index.query(id, options), (other) => ownDates.get(other));
    if (choice) borrowed.set(id, choice);
  }
  return borrowed;
}
