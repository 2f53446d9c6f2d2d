import * as assert from 'node:assert/strict';
import { loadCompromise, loadCompromiseTwo } from '../../src/core/nlp/compromise';

suite('loadCompromise', () => {
  test('returns a working compromise and the same instance every time', () => {
    const nlp = loadCompromise();
    assert.deepEqual(nlp('Hillary Clinton spoke in Ohio on Tuesday.').people().out('array'), [
      'Hillary Clinton',
    ]);
    assert.equal(loadCompromise(), nlp);
  });

  test("the two build, which the entity finder loads, has the full library's lexicon", () => {
    const lexicon = (nlp: { model(): unknown }): Record<string, unknown> =>
      (nlp.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
    const two = lexicon(loadCompromiseTwo());
    assert.ok(Object.keys(two).length > 20_000, 'the two build has no full lexicon');
    assert.deepEqual(two, lexicon(loadCompromise()));
    assert.equal(loadCompromiseTwo(), loadCompromiseTwo());
  });
});
