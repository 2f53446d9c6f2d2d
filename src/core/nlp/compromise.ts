/**
 * The one module that imports compromise. It is loaded on first use, never at activation: the
 * library costs a noticeable start-up time, and most features (outline, grammar, duplicates) never
 * need it.
 */
import type nlpThree from 'compromise';
import type nlpTwo from 'compromise/two';

type Compromise = typeof nlpThree;
type CompromiseTwo = typeof nlpTwo;

let loaded: Compromise | undefined;
let loadedTwo: CompromiseTwo | undefined;

/** The module itself, whether the bundler hands it over as is or as a `default` export. */
function unwrap<T>(required: T | { default: T }): T {
  return 'default' in (required as object) ? (required as { default: T }).default : (required as T);
}

/** Returns compromise, the full library, loading it on the first call. */
export function loadCompromise(): Compromise {
  // A require inside the function keeps the load lazy in the esbuild bundle and under tsx.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= unwrap(require('compromise') as Compromise | { default: Compromise });
  return loaded;
}

/**
 * Returns compromise's `two` build, loading it on the first call. Its lexicon is word for word the
 * full library's, and it is a sixth smaller; the full library adds the phrase methods such as
 * `.people()`, which only the accuracy baseline runs.
 */
export function loadCompromiseTwo(): CompromiseTwo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loadedTwo ??= unwrap(require('compromise/two') as CompromiseTwo | { default: CompromiseTwo });
  return loadedTwo;
}
