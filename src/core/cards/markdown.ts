/**
 * Markdown building for hover cards. Everything taken from articles or workspace files is
 * untrusted, so it goes through `escapeMarkdown`, which backslash-escapes every ASCII punctuation
 * character: no emphasis, link, image, HTML tag, entity or autolink can be formed from it.
 */

/** Escapes text so that Markdown shows it literally, on one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}

/**
 * Shortens a text to its first words, adding an ellipsis when it was cut. It reads words only up
 * to the one after the last it keeps: an outline asks this of thousands of zones, one of them a
 * megabyte-long body.
 */
export function firstWords(text: string, maxWords = 8): string {
  const word = /\S+/g;
  const words: string[] = [];
  for (let match = word.exec(text); match; match = word.exec(text)) {
    if (words.length === maxWords) return `${words.join(' ')}…`;
    words.push(match[0]);
  }
  return words.join(' ');
}

/**
 * A Markdown link whose label is escaped text and whose target is a URI we built and encoded
 * ourselves (a file URI or one of our own command URIs), never a string from the workspace.
 */
export function markdownLink(label: string, encodedUri: string): string {
  return `[${escapeMarkdown(label)}](${encodedUri.replace(/[()\s]/g, encodeURIComponent)})`;
}
