import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildHighlightSpans } from '../../src/core/analysis/highlightSpans';
import type { SemanticKind } from '../../src/core/analysis/semanticKinds';
import type { ArticleAnalysis } from '../../src/core/types';

const ALL_ON: Record<SemanticKind, boolean> = {
  quote: true,
  speaker: true,
  date: true,
  person: true,
  place: true,
  organization: true,
};

function describe(
  text: string,
  analysis: Pick<ArticleAnalysis, 'quotes' | 'entities' | 'dates'>,
  enabled = ALL_ON,
): string[] {
  return buildHighlightSpans(analysis, enabled).map(
    (span) => `${span.kind}${span.resolved ? '*' : ''}:${text.slice(span.start, span.end)}`,
  );
}

suite('buildHighlightSpans', () => {
  const text = '“Russia met in October,” he said of last month.';
  const analysis: Pick<ArticleAnalysis, 'quotes' | 'entities' | 'dates'> = {
    quotes: [
      {
        start: 0,
        end: 24,
        text: '“Russia met in October,”',
        speaker: { start: 25, end: 27, text: 'he', name: 'Grigory Karasin' },
      },
    ],
    entities: [{ start: 1, end: 7, text: 'Russia', type: 'place', name: 'Russia' }],
    dates: [
      { start: 15, end: 22, text: 'October', value: '2017-10' },
      { start: 36, end: 46, text: 'last month', value: '2017-11' },
    ],
  };

  test('cuts the quotation around the names and dates inside it', () => {
    assert.deepEqual(describe(text, analysis), [
      'quote:“',
      'place:Russia',
      'quote: met in ',
      'date*:October',
      'quote:,”',
      'speaker*:he',
      'date*:last month',
    ]);
  });

  test('leaves out the kinds switched off, and keeps the quotation whole then', () => {
    const quotesOnly = { ...ALL_ON, place: false, date: false, speaker: false };
    assert.deepEqual(describe(text, analysis, quotesOnly), ['quote:“Russia met in October,”']);
  });

  test('always gives sorted, non-overlapping, non-empty spans', () => {
    const span = fc
      .tuple(fc.nat(200), fc.nat(40))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(span), fc.array(span), fc.array(span), (quotes, entities, dates) => {
        const spans = buildHighlightSpans(
          {
            quotes: quotes.map((s) => ({ ...s, text: '', speaker: null })),
            entities: entities.map((s) => ({ ...s, text: '', type: 'person' as const, name: '' })),
            dates: dates.map((s) => ({ ...s, text: '', value: null })),
          },
          ALL_ON,
        );
        for (let i = 0; i < spans.length; i++) {
          assert.ok(spans[i]!.end > spans[i]!.start);
          if (i > 0) assert.ok(spans[i]!.start >= spans[i - 1]!.end);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
