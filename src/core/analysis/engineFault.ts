import type { EngineFault } from '../types';

/** Receives the errors the engine catches, with what each one cost. */
export type FaultListener = (fault: EngineFault) => void;

/** The fault for a caught `error` that cost `lost`. */
export function engineFault(lost: EngineFault['lost'], error: unknown): EngineFault {
  const described =
    error instanceof Error ? `${error.name}: ${error.message}` : `thrown: ${String(error)}`;
  // A message can quote the text it failed on; one line of it is enough to report the fault.
  return { lost, error: described.split('\n', 1)[0]!.slice(0, MAX_ERROR_CHARS) };
}

const MAX_ERROR_CHARS = 300;
