/** The kinds of span the editor highlights, which are also the custom semantic token types. */
export const SEMANTIC_KINDS = [
  'quote',
  'speaker',
  'date',
  'person',
  'place',
  'organization',
] as const;

/** One highlight kind. */
export type SemanticKind = (typeof SEMANTIC_KINDS)[number];
