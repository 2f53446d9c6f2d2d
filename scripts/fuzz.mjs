#!/usr/bin/env node
// The long fuzz run over the whole engine (test/unit/engineFuzz.test.ts). `npm test` runs the same
// properties with a fixed seed and a few runs; this runs many more with a fresh seed, and prints
// the seed so that a failure can be replayed.
// Usage: npm run fuzz [-- --runs N] [-- --seed S]; or NEWS_ANNOTATOR_FUZZ_RUNS / _SEED.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.NEWS_ANNOTATOR_FUZZ_RUNS ?? '2000' },
    seed: { type: 'string', default: process.env.NEWS_ANNOTATOR_FUZZ_SEED },
  },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('fuzz: --runs takes a whole number of 1 or more, --seed a whole number');
  process.exit(2);
}
console.log(
  `fuzz: seed ${seed}, ${runs} runs per property (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`,
);
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const result = spawnSync(
  process.execPath,
  [
    mocha,
    '--no-config',
    '--require',
    'tsx/cjs',
    '--ui',
    'tdd',
    '--timeout',
    '0',
    'test/unit/engineFuzz.test.ts',
  ],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NEWS_ANNOTATOR_FUZZ_RUNS: String(runs),
      NEWS_ANNOTATOR_FUZZ_SEED: String(seed),
    },
  },
);
if (result.status !== 0) console.log(`fuzz: failed with seed ${seed}`);
process.exit(result.status ?? 1);
