/**
 * The one module that imports chrono-node. It is loaded on first use, like compromise: most
 * features never need it, and the extension must activate without paying for it. The rest of the
 * core sees only the plain `ChronoHit` records returned here, never chrono's own classes. Only the
 * English locale is loaded (`chrono-node/en`, whose `casual` parser is the very object the package
 * root exports as `casual`): the root also loads sixteen other locales, three quarters of the
 * library's size in the bundles.
 */
import type * as chronoTypes from 'chrono-node/en';

type ChronoModule = typeof chronoTypes;
type ChronoParser = ChronoModule['casual'];

let loaded: ChronoParser | undefined;

/** Returns chrono's casual English parser, loading chrono-node on the first call. */
export function loadChrono(): ChronoParser {
  if (!loaded) {
    // A require inside the function keeps the load lazy in the esbuild bundle and under tsx.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const required = require('chrono-node/en') as ChronoModule | { default: ChronoModule };
    const chrono = 'casual' in required ? required : required.default;
    loaded = chrono.casual;
  }
  return loaded;
}

/** The calendar fields chrono can report for one end of an expression. */
export interface ChronoFields {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  hour?: number;
}

/** One expression chrono found, as plain data: what the text said and what chrono computed. */
export interface ChronoHit {
  /** Offset of the expression in the parsed text. */
  index: number;
  /** The expression as chrono matched it (it may include a leading preposition). */
  text: string;
  /** Fields the text states or that follow from it relative to the reference ("last month"). */
  certain: ChronoFields;
  /** Every field of chrono's computed date, implied ones included. */
  computed: Required<Omit<ChronoFields, 'weekday'>>;
  /** True when chrono read a range ("Dec. 27-29"); only its start is reported. */
  isRange: boolean;
}

const FIELDS = ['year', 'month', 'day', 'weekday', 'hour'] as const;

/**
 * Runs chrono over `text` with `reference` as "now" and returns what it found. Chrono's own
 * exceptions propagate: the caller decides how much text a failure may cost.
 */
export function parseWithChrono(text: string, reference: Date): ChronoHit[] {
  const results = loadChrono().parse(text, reference);
  return results.map((result) => {
    const start = result.start;
    const certain: ChronoFields = {};
    for (const field of FIELDS) {
      if (start.isCertain(field)) certain[field] = start.get(field) ?? undefined;
    }
    return {
      index: result.index,
      text: result.text,
      certain,
      computed: {
        year: start.get('year') ?? reference.getFullYear(),
        month: start.get('month') ?? reference.getMonth() + 1,
        day: start.get('day') ?? reference.getDate(),
        hour: start.get('hour') ?? 12,
      },
      isRange: result.end !== null && result.end !== undefined,
    };
  });
}
