import { beginSection } from './hostTimings';

/** How long one slice may keep the extension host's thread. */
const SLICE_MS = 10;

/**
 * Cuts a long loop on the extension host into slices of about 10 ms: the loop asks `due` after
 * each step and awaits `next()` when it is, which lets the host answer the editor (and its other
 * extensions) before the loop goes on. Each slice is timed as a section under `name`.
 */
export class TimeSlices {
  private started = performance.now();
  private endSection: () => void;

  constructor(private readonly name: string) {
    this.endSection = beginSection(name);
  }

  /** True once the current slice has used its time. */
  get due(): boolean {
    return performance.now() - this.started >= SLICE_MS;
  }

  /** Ends the slice, gives the thread back until the host's next turn, and starts another. */
  async next(): Promise<void> {
    this.endSection();
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = performance.now();
    this.endSection = beginSection(this.name);
  }

  /** Ends the last slice. */
  end(): void {
    this.endSection();
  }
}
