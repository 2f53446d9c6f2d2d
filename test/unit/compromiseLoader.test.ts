import * as assert from 'node:assert/strict';
import { loadCompromise } from '../../src/core/nlp/compromise';

suite('loadCompromise', () => {
  test('returns a working compromise and the same instance every time', () => {
    const nlp = loadCompromise();
    assert.deepEqual(nlp('Hillary Clinton spoke in Ohio on Tuesday.').people().out('array'), [
      'Hillary Clinton',
    ]);
    assert.equal(loadCompromise(), nlp);
  });
});
