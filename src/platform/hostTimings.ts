import * as vscode from 'vscode';

/**
 * How long the extension's own synchronous sections keep the extension host's thread, so that a
 * benchmark can tell a long block caused by our code from one caused by anything else. Recording is
 * on only when the extension host runs with `NEWS_ANNOTATOR_TIMINGS=1` (the editor benchmark sets
 * it); otherwise `timeSync` just calls the function.
 */
const enabled = process.env.NEWS_ANNOTATOR_TIMINGS === '1';

/** One timed run of a section, on the wall clock (milliseconds since the epoch). */
export interface TimedSection {
  name: string;
  start: number;
  ms: number;
  /**
   * CPU time of the extension host's thread during the section, where Node tells it (Node 23.9
   * and later): on a loaded machine `ms` also counts time spent waiting for a core.
   */
  cpuMs?: number;
}

/** The calling thread's CPU time in milliseconds, where this Node has `process.threadCpuUsage`. */
const threadCpuMs: (() => number) | undefined = (() => {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage;
  if (!usage) return undefined;
  return () => {
    const { user, system } = usage.call(process);
    return (user + system) / 1000;
  };
})();

/** The most sections kept between two reads; older ones are dropped first. */
const MAX_SECTIONS = 200_000;
let sections: TimedSection[] = [];

/** The command the benchmark reads (and clears) the sections with; registered only when enabled. */
export const TAKE_TIMINGS_COMMAND = 'newsAnnotator.internal.takeTimings';

/** Runs `run` and, when recording, remembers how long it held the thread under `name`. */
export function timeSync<T>(name: string, run: () => T): T {
  if (!enabled) return run();
  const end = beginSection(name);
  try {
    return run();
  } finally {
    end();
  }
}

/**
 * Starts timing a section that ends when the returned function is called, for code that cannot
 * be one function call (a slice of an async loop). Does nothing unless recording.
 */
export function beginSection(name: string): () => void {
  if (!enabled) return () => undefined;
  const started = performance.now();
  const cpuStarted = threadCpuMs?.();
  return () => {
    const ms = performance.now() - started;
    if (sections.length >= MAX_SECTIONS) sections = sections.slice(MAX_SECTIONS / 2);
    const section: TimedSection = { name, start: performance.timeOrigin + started, ms };
    if (cpuStarted !== undefined) section.cpuMs = threadCpuMs!() - cpuStarted;
    sections.push(section);
  };
}

/** Registers the benchmark's read-out command when recording is on; otherwise nothing. */
export function registerHostTimings(): vscode.Disposable {
  if (!enabled) return new vscode.Disposable(() => undefined);
  return vscode.commands.registerCommand(TAKE_TIMINGS_COMMAND, (): TimedSection[] => {
    const taken = sections;
    sections = [];
    return taken;
  });
}
