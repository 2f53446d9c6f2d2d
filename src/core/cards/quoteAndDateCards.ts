import type { DateMention, DateSource, Quote, SpeakerResolution } from '../types';
import { escapeMarkdown, firstWords } from './markdown';

const RESOLUTION_NOTES: Record<SpeakerResolution, string> = {
  named: 'named in the attribution',
  alias: 'a short name of someone named earlier',
  pronoun: 'a pronoun, resolved to the person named before it',
  description: 'a description of someone named earlier',
  'previous-quote': 'carried over from the previous quotation',
  unresolved: 'not tied to a named person or organisation',
};

/** Where an article date came from, as the hover and status bar say it. */
export const DATE_SOURCE_LABELS: Record<DateSource, string> = {
  header: 'date header',
  dateline: 'dateline',
  text: 'a date near the top of the article',
  input: 'a date given with the input',
  duplicate: 'borrowed from a duplicate version',
  unknown: 'unknown',
};

/** The hover card of a quotation: who said it and how the speaker was found. */
export function buildQuoteCard(quote: Quote): string {
  const lines = [`**Quotation** · ${escapeMarkdown(firstWords(quote.text, 12))}`, ''];
  const speaker = quote.speaker;
  if (!speaker) {
    lines.push('No speaker found: a scare quote, a title, or an unattributed quotation.');
    return lines.join('\n');
  }
  lines.push(`Said by **${escapeMarkdown(speaker.name)}**`);
  if (speaker.text !== speaker.name) {
    lines.push('', `“${escapeMarkdown(speaker.text)}” → ${escapeMarkdown(speaker.name)}`);
  }
  if (speaker.resolution) lines.push('', `_Speaker: ${RESOLUTION_NOTES[speaker.resolution]}_`);
  return lines.join('\n');
}

/** The hover card of a date: its resolved value and what it was resolved against. */
export function buildDateCard(
  date: DateMention,
  articleDate: string | null,
  source: DateSource,
): string {
  const lines = [`**Date** · ${escapeMarkdown(date.text)}`, ''];
  if (date.value === null) {
    lines.push(
      articleDate === null
        ? 'Not resolved: the article date is unknown.'
        : 'No calendar value (a week, season, period or time of day).',
    );
  } else {
    lines.push(`Resolved: \`${date.value}\``);
  }
  if (articleDate) {
    lines.push('', `_Article date ${articleDate} (${DATE_SOURCE_LABELS[source]})_`);
  }
  return lines.join('\n');
}
