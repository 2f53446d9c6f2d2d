import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StructureResponse, WorkerRequest } from '../../src/core/analysis/analysisProtocol';
import { parseArticle } from '../../src/core/article/parseArticle';
import { bigArticle } from '../shared/hostileInputs';
import { root } from './runCli';

/** Sends one request to the built worker and waits for the answer with its id. */
function ask(worker: Worker, request: WorkerRequest & { id: number }): Promise<StructureResponse> {
  return new Promise((resolve, reject) => {
    const onMessage = (response: StructureResponse): void => {
      if (response.id !== request.id) return;
      worker.off('message', onMessage);
      resolve(response);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

// The extension asks the worker for the zones of an article too long to parse on the extension
// host's thread (src/platform/articleStructures.ts); the outline and folding are built from them.
suite('the analysis worker parses zones for the editor', () => {
  let worker: Worker;
  suiteSetup(() => {
    worker = new Worker(join(root, 'dist', 'worker.js'));
  });
  suiteTeardown(async () => {
    await worker.terminate();
  });

  test('its zones are those of parseArticle, for both seeds and a 3 MB article', async () => {
    const texts = ['000_bfa63e976a24a0e6.txt', '001_2e408fe495f00e99.txt'].map((name) =>
      readFileSync(join(root, 'seeds', name), 'utf8'),
    );
    texts.push(bigArticle(3 * 1024 * 1024));
    for (const [index, text] of texts.entries()) {
      const response = await ask(worker, { kind: 'structure', id: index + 1, text });
      assert.equal(response.kind, 'structure');
      assert.deepEqual(response.kind === 'structure' && response.structure, parseArticle(text));
    }
  });
});
