import type { EntityType } from '../types';

/** Where a piece of knowledge about an entity came from, shown on hover cards. */
export type KnowledgeOrigin =
  | { layer: 'bundled'; what: string }
  | { layer: 'workspace'; file: string }
  | { layer: 'learned'; article: string };

/** What the knowledge base knows about one entity. */
export interface KnowledgeEntry {
  name: string;
  type: EntityType;
  aliases: string[];
  description?: string;
  /** Web links about the entity (http and https only); never opened automatically. */
  links: string[];
  origin: KnowledgeOrigin;
}

/** Folds case, curly apostrophes and spacing so that "Russia’s" and "russia's" meet. */
export function knowledgeKey(name: string): string {
  return name
    .replace(/[‘’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
