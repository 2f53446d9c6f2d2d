import * as assert from 'node:assert/strict';
import { describeFaults, faultsInAnalysisJson } from '../../src/cli/engineFaults';
import { analyzeArticle } from '../../src/core/analysis/articleAnalyzer';
import type { ArticleAnalysis, EngineFault } from '../../src/core/types';

suite('engine faults in the CLI (an analysis that caught an internal error)', () => {
  const fault: EngineFault = { lost: 'quotations', error: 'TypeError: x is undefined' };
  const analysis = analyzeArticle('Talks\n\nMOSCOW — “We are ready,” Karasin said.');

  test('are read from the end of the serialised analysis, where JSON.stringify puts them', () => {
    const faulty: ArticleAnalysis = {
      ...analysis,
      faults: [fault, { ...fault, lost: 'dates of a sentence' }],
    };
    assert.deepEqual(faultsInAnalysisJson(JSON.stringify(faulty)), faulty.faults);
  });

  test('are none for an analysis without them, even when the article quotes the key', () => {
    assert.deepEqual(faultsInAnalysisJson(JSON.stringify(analysis)), []);
    const quoting = analyzeArticle('Talks\n\nMOSCOW — He typed ,"faults":[ and ]} on Monday.');
    assert.equal(quoting.faults, undefined);
    assert.deepEqual(faultsInAnalysisJson(JSON.stringify(quoting)), []);
  });

  test('are described in one line: what was lost, how often, and the first error', () => {
    const line = describeFaults('a.txt', [
      fault,
      { ...fault, lost: 'date value' },
      { ...fault, lost: 'date value' },
    ]);
    assert.equal(
      line,
      'a.txt: the analysis caught an internal error and lost quotations, date value (2 times); ' +
        'the rest is in the output (first error: TypeError: x is undefined). Please report it.',
    );
  });
});
