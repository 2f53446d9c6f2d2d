import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HighlightSpan } from '../../src/core/analysis/highlightSpans';
import { encodeHighlightTokens, TOKEN_FIELDS } from '../../src/core/analysis/highlightTokens';
import { SEMANTIC_KINDS } from '../../src/core/analysis/semanticKinds';

/** The tokens read back as `line:character text kind`, for readable assertions. */
function readBack(text: string, spans: HighlightSpan[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const { data } = encodeHighlightTokens(text, spans);
  const out: string[] = [];
  for (let i = 0; i < data.length; i += TOKEN_FIELDS) {
    const [line, character, length, kind, modifiers] = data.slice(i, i + TOKEN_FIELDS);
    const word = lines[line!]!.slice(character!, character! + length!);
    out.push(`${line}:${character} ${word} ${SEMANTIC_KINDS[kind!]}${modifiers ? '*' : ''}`);
  }
  return out;
}

/** What VS Code's `positionAt` gives for an offset: lines end at CRLF, CR and LF. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before.at(-1)!.length };
}

suite('encodeHighlightTokens', () => {
  test('gives each span its line and character, and splits a span at each line break', () => {
    const text = 'MOSCOW—Karasin said:\r\n“We are ready\nand waiting,” he added.\rLast month.';
    const spans: HighlightSpan[] = [
      { start: 7, end: 14, kind: 'person', resolved: false },
      { start: 22, end: 49, kind: 'quote', resolved: false },
      { start: 50, end: 52, kind: 'speaker', resolved: true },
      { start: 60, end: 70, kind: 'date', resolved: true },
    ];
    assert.deepEqual(readBack(text, spans), [
      '0:7 Karasin person',
      '1:0 “We are ready quote',
      '2:0 and waiting,” quote',
      '2:14 he speaker*',
      '3:0 Last month date*',
    ]);
  });

  test('keeps U+2028 inside a line, as VS Code does', () => {
    const text = 'one\u2028two three';
    assert.deepEqual(readBack(text, [{ start: 8, end: 13, kind: 'place', resolved: false }]), [
      '0:8 three place',
    ]);
  });

  test('every character of every span is covered once, at the position positionAt gives', () => {
    const piece = fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '“', '\u2028');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join('')),
        fc.array(fc.nat(), { maxLength: 12 }),
        (text, cuts) => {
          // Sorted, non-overlapping spans from the cut points.
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort(
            (a, b) => a - b,
          );
          const spans: HighlightSpan[] = [];
          for (let i = 0; i + 1 < points.length; i += 2) {
            spans.push({ start: points[i]!, end: points[i + 1]!, kind: 'quote', resolved: false });
          }
          const { data } = encodeHighlightTokens(text, spans);
          const covered: string[] = [];
          for (let i = 0; i < data.length; i += TOKEN_FIELDS) {
            for (let k = 0; k < data[i + 2]!; k++) covered.push(`${data[i]}:${data[i + 1]! + k}`);
          }
          const expected: string[] = [];
          for (const span of spans) {
            for (let offset = span.start; offset < span.end; offset++) {
              if (/[\r\n]/.test(text[offset]!)) continue;
              const { line, character } = positionAt(text, offset);
              expected.push(`${line}:${character}`);
            }
          }
          assert.deepEqual(covered, expected);
        },
      ),
    );
  });
});
