import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalysisPool, type AnalysisPool, type PoolJob } from '../../src/cli/analysisPool';
import { surveyArticle } from '../../src/core/duplicates/surveyArticle';
import { root } from './runCli';

/** The worker the CLI ships, built by `npm run build` next to dist/cli.js. */
const builtWorker = join(root, 'dist', 'worker.js');
/** A worker that speaks the protocol and fails, throws or exits when the text says so. */
const scriptedWorker = join(root, 'test', 'fixtures', 'scriptedWorker.mjs');

const job = (text: string): PoolJob => ({ text, date: null, dateFromDuplicate: false });

/** The scripted worker's answer: which text it analysed, on which thread. */
interface ScriptedAnalysis {
  text: string;
  threadId: number;
}

async function scriptedResult(pool: AnalysisPool, text: string): Promise<ScriptedAnalysis> {
  return JSON.parse(await pool.analyzeToJson(job(text))) as ScriptedAnalysis;
}

/** Settles every promise, so a test can check which ones failed and why. */
async function settleAll<T>(promises: Promise<T>[]): Promise<Array<PromiseSettledResult<T>>> {
  return Promise.allSettled(promises);
}

suite('the CLI analysis pool', () => {
  suiteSetup(() => {
    if (!existsSync(builtWorker)) throw new Error('dist/worker.js is missing: run `npm run build`');
  });

  test('analyses on worker threads exactly as in process: objects, JSON text and surveys', async () => {
    const texts = ['000_bfa63e976a24a0e6.txt', '001_2e408fe495f00e99.txt'].map((name) =>
      readFileSync(join(root, 'seeds', name), 'utf8'),
    );
    texts.push('MOSCOW, Dec 27 — “We are ready,” Grigory Karasin told Interfax on Tuesday.');
    const inProcess = createAnalysisPool(1);
    const workers = createAnalysisPool(2, { workerPath: builtWorker });
    try {
      const jobs = texts.map((text) => ({ text, date: '2017-12-27', dateFromDuplicate: false }));
      const [objects, expectedObjects] = await Promise.all([
        Promise.all(jobs.map((each) => workers.analyze(each))),
        Promise.all(jobs.map((each) => inProcess.analyze(each))),
      ]);
      assert.deepEqual(objects, expectedObjects);
      assert.ok(objects[0]!.quotes.length > 0, 'the first seed has quotations');
      const json = await Promise.all(jobs.map((each) => workers.analyzeToJson(each)));
      assert.deepEqual(json, await Promise.all(jobs.map((each) => inProcess.analyzeToJson(each))));
      assert.deepEqual(
        json.map((text) => JSON.parse(text) as unknown),
        expectedObjects,
      );
      const surveys = await Promise.all(texts.map((text) => workers.survey(text)));
      assert.deepEqual(surveys, texts.map(surveyArticle));
    } finally {
      await Promise.all([workers.close(), inProcess.close()]);
    }
  });

  test('keeps each result with its own job while both workers run several at once', async () => {
    const pool = createAnalysisPool(2, { workerPath: scriptedWorker });
    try {
      // Slow and fast jobs interleaved, more than the workers hold, so results arrive out of order.
      const texts = Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0 ? 'wait 30' : `article ${i}`,
      );
      const results = await Promise.all(texts.map((text) => scriptedResult(pool, text)));
      assert.deepEqual(
        results.map((result) => result.text),
        texts,
      );
      assert.equal(new Set(results.map((result) => result.threadId)).size, 2, 'both workers ran');
    } finally {
      await pool.close();
    }
  });

  test('reports a failed analysis with its reason and keeps the others', async () => {
    const pool = createAnalysisPool(2, { workerPath: scriptedWorker });
    try {
      const settled = await settleAll(
        ['first', 'fail', 'third'].map((text) => scriptedResult(pool, text)),
      );
      assert.equal(settled[0]!.status, 'fulfilled');
      assert.equal(settled[2]!.status, 'fulfilled');
      assert.equal(settled[1]!.status, 'rejected');
      assert.match(String((settled[1] as PromiseRejectedResult).reason), /scripted failure/);
    } finally {
      await pool.close();
    }
  });

  test('a worker that dies fails only the job it was running; the jobs behind it run on a new one', async () => {
    const pool = createAnalysisPool(2, { workerPath: scriptedWorker });
    try {
      // Two jobs at once go one to each worker, which tells the two workers' thread ids.
      const first = await Promise.all(['p', 'q'].map((text) => scriptedResult(pool, text)));
      const original = new Set(first.map((result) => result.threadId));
      assert.equal(original.size, 2);
      // One worker throws and the other exits, each with a second job waiting behind.
      const texts = ['throw', 'exit', 'x', 'y'];
      const settled = await settleAll(texts.map((text) => scriptedResult(pool, text)));
      const [crashed, exited, x, y] = settled;
      assert.equal(crashed!.status, 'rejected');
      assert.match(
        String((crashed as PromiseRejectedResult).reason),
        /worker failed: scripted crash/,
      );
      assert.equal(exited!.status, 'rejected');
      assert.match(String((exited as PromiseRejectedResult).reason), /stopped \(exit code 3\)/);
      for (const [result, text] of [
        [x, 'x'],
        [y, 'y'],
      ] as const) {
        assert.equal(result!.status, 'fulfilled', `${text} still ran`);
        const value = (result as PromiseFulfilledResult<ScriptedAnalysis>).value;
        assert.equal(value.text, text);
        assert.ok(!original.has(value.threadId), `${text} ran on a replacement worker`);
      }
    } finally {
      await pool.close();
    }
  });

  test('a worker script that cannot start fails each job with the reason, without hanging', async () => {
    const pool = createAnalysisPool(2, { workerPath: join(root, 'test', 'no-such-worker.js') });
    try {
      const settled = await settleAll(['a', 'b', 'c'].map((text) => pool.analyzeToJson(job(text))));
      for (const result of settled) {
        assert.equal(result.status, 'rejected');
        assert.match(String((result as PromiseRejectedResult).reason), /analysis worker failed/);
      }
    } finally {
      await pool.close();
    }
  });

  test('close fails the jobs not yet done, and later jobs, instead of leaving them waiting', async () => {
    const pool = createAnalysisPool(2, { workerPath: scriptedWorker });
    const pending = settleAll(Array.from({ length: 6 }, () => scriptedResult(pool, 'wait 200')));
    await pool.close();
    for (const result of await pending) {
      assert.equal(result.status, 'rejected');
      assert.match(String((result as PromiseRejectedResult).reason), /the analysis pool is closed/);
    }
    await assert.rejects(pool.analyzeToJson(job('after')), /the analysis pool is closed/);
  });
});
