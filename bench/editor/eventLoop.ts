/**
 * Watches the extension host's event loop while a scenario runs: Node's event-loop delay histogram
 * (p99 and maximum), and a 5 ms interval whose late ticks give each long block its wall-clock
 * window, so the block can be matched against the sections that ran during it.
 */
import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';

/** A stretch during which the interval could not run: the thread was busy for about `ms`. */
export interface LoopBlock {
  /** Wall-clock window (milliseconds since the epoch) that holds the block. */
  from: number;
  to: number;
  ms: number;
  /**
   * CPU time the extension host's main thread used in the window, when Node can tell
   * (`process.threadCpuUsage`, Node 23.9+): far below `ms` means the thread was waiting for a
   * core on a loaded machine, not running.
   */
  cpuMs?: number;
}

/** What a watch saw. */
export interface LoopReport {
  /** Event-loop delay percentiles from Node's histogram, in milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** Every late tick of the interval over the threshold. */
  blocks: LoopBlock[];
}

const TICK_MS = 5;

/** Starts watching; `stop()` ends the watch and returns what it saw. */
export function watchEventLoop(thresholdMs = 50): { stop: () => LoopReport } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: TICK_MS });
  histogram.enable();
  const blocks: LoopBlock[] = [];
  const threadCpu = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
  const cpuNow = () => {
    const usage = threadCpu?.call(process);
    return usage ? (usage.user + usage.system) / 1000 : undefined;
  };
  let last = performance.now();
  let lastCpu = cpuNow();
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = cpuNow();
    // The interval fires every TICK_MS when the thread is free; what is left over was a block.
    const blocked = now - last - TICK_MS;
    if (blocked > thresholdMs) {
      const block: LoopBlock = {
        from: performance.timeOrigin + last,
        to: performance.timeOrigin + now,
        ms: blocked,
      };
      if (cpu !== undefined && lastCpu !== undefined) block.cpuMs = cpu - lastCpu;
      blocks.push(block);
    }
    last = now;
    lastCpu = cpu;
  }, TICK_MS);
  return {
    stop: () => {
      clearInterval(timer);
      histogram.disable();
      const ms = (nanoseconds: number) => nanoseconds / 1e6;
      return {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        blocks,
      };
    },
  };
}
