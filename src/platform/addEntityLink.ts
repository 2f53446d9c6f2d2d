import * as vscode from 'vscode';

/** The command a hover card's "Add to knowledge base" link runs; the only command hovers enable. */
export const ADD_ENTITY_COMMAND = 'newsAnnotator.addEntity';

/**
 * What the hover link passes to the command: where the mention is, never its text. The command
 * finds the document among the open ones, checks that it is still the version the card was built
 * from, and looks the entity up again in that version's analysis; article text never travels
 * through a command URI.
 */
export interface MentionTarget {
  uri: string;
  version: number;
  offset: number;
}

/** The `command:` URI of the link, its argument encoded as VS Code expects (a JSON array). */
export function addEntityCommandUri(document: vscode.TextDocument, offset: number): string {
  const target: MentionTarget = {
    uri: document.uri.toString(),
    version: document.version,
    offset,
  };
  return `command:${ADD_ENTITY_COMMAND}?${encodeURIComponent(JSON.stringify([target]))}`;
}

/**
 * Reads a command argument as a mention target, or undefined when it is not one. Command links can
 * carry anything, so every field is checked rather than trusted.
 */
export function readMentionTarget(value: unknown): MentionTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uri, version, offset } = value as Record<string, unknown>;
  if (typeof uri !== 'string' || !Number.isInteger(version) || !Number.isInteger(offset)) {
    return undefined;
  }
  if ((offset as number) < 0) return undefined;
  return { uri, version: version as number, offset: offset as number };
}
