/**
 * The one module that imports compromise. It is loaded on first use, never at activation: the
 * library costs a noticeable start-up time, and most features (outline, grammar, duplicates) never
 * need it.
 */
import type nlpType from 'compromise';

type Compromise = typeof nlpType;
let loaded: Compromise | undefined;

/** Returns compromise, loading it on the first call. */
export function loadCompromise(): Compromise {
  if (!loaded) {
    // A require inside the function keeps the load lazy in the esbuild bundle and under tsx.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const required = require('compromise') as Compromise | { default: Compromise };
    loaded = 'default' in required ? required.default : required;
  }
  return loaded;
}
