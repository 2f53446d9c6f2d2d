import type { EngineFault } from '../core/types';

/**
 * The faults at the end of an analysis serialised by `JSON.stringify` (`faults` is its last field
 * and appears only when there are some), read without parsing the rest of the record.
 */
export function faultsInAnalysisJson(json: string): EngineFault[] {
  const at = json.lastIndexOf(FAULTS_KEY);
  if (at < 0 || !json.endsWith(']}')) return [];
  try {
    return JSON.parse(json.slice(at + FAULTS_KEY.length - 1, -1)) as EngineFault[];
  } catch {
    return [];
  }
}

const FAULTS_KEY = ',"faults":[';

/**
 * One line for stderr saying what an input's analysis lost to errors the engine caught: the rest
 * of the analysis is in the output, and the error is worth reporting.
 */
export function describeFaults(label: string, faults: readonly EngineFault[]): string {
  const counts = new Map<string, number>();
  for (const fault of faults) counts.set(fault.lost, (counts.get(fault.lost) ?? 0) + 1);
  const lost = [...counts].map(([what, n]) => (n === 1 ? what : `${what} (${n} times)`));
  return (
    `${label}: the analysis caught an internal error and lost ${lost.join(', ')}; ` +
    `the rest is in the output (first error: ${faults[0]!.error}). Please report it.`
  );
}
