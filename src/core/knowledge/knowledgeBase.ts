import type { EntityType } from '../types';
import { knowledgeKey, type KnowledgeEntry } from './knowledgeEntry';

/** What the knowledge base returns for a name: the merged entry and every entry it came from. */
export interface KnowledgeMatch {
  entry: KnowledgeEntry;
  /** All entries for this entity, most authoritative first (workspace, then bundled, then learned). */
  sources: KnowledgeEntry[];
}

const LAYER_RANK: Record<KnowledgeEntry['origin']['layer'], number> = {
  workspace: 0,
  bundled: 1,
  learned: 2,
};

/**
 * Known entities from several layers, looked up by name or alias. When layers disagree, the
 * user's workspace files win over the bundled data, which wins over what was learned from
 * articles; aliases and links are pooled, and a description is taken from the first layer with one.
 */
export class KnowledgeBase {
  private readonly byKey = new Map<string, KnowledgeEntry[]>();

  constructor(entries: Iterable<KnowledgeEntry>) {
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.aliases]) {
        const key = knowledgeKey(name);
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(entry)) list.push(entry);
        this.byKey.set(key, list);
      }
    }
    for (const list of this.byKey.values()) {
      list.sort((a, b) => LAYER_RANK[a.origin.layer] - LAYER_RANK[b.origin.layer]);
    }
  }

  /** Looks up a name (canonical or alias), optionally of one type; undefined when unknown. */
  lookup(name: string, type?: EntityType): KnowledgeMatch | undefined {
    const found = (this.byKey.get(knowledgeKey(name)) ?? []).filter(
      (entry) => type === undefined || entry.type === type,
    );
    if (found.length === 0) return undefined;
    // Entries about one entity meet through any shared name or alias: "Karasin" finds the
    // learned entry, whose full name finds the workspace entry for "Grigory Karasin".
    const related = new Set(found);
    for (const entry of found) {
      for (const key of [entry.name, ...entry.aliases].map(knowledgeKey)) {
        for (const other of this.byKey.get(key) ?? []) {
          if (other.type === entry.type) related.add(other);
        }
      }
    }
    const sources = [...related].sort(
      (a, b) => LAYER_RANK[a.origin.layer] - LAYER_RANK[b.origin.layer],
    );
    const first = sources[0]!;
    const description = sources.find((entry) => entry.description)?.description;
    const entry: KnowledgeEntry = {
      ...first,
      aliases: unique(sources.flatMap((source) => [source.name, ...source.aliases])).filter(
        (alias) => alias !== first.name,
      ),
      links: unique(sources.flatMap((source) => source.links)),
    };
    if (description !== undefined) entry.description = description;
    return { entry, sources };
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
