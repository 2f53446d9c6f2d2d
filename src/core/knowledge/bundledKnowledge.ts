import { listGazetteer } from '../gazetteer/gazetteer';
import type { KnowledgeEntry } from './knowledgeEntry';
import data from './internationalOrganizations.json';

type OrganizationRow = [name: string, aliases: string[], description: string];

let bundled: KnowledgeEntry[] | undefined;

/**
 * The knowledge that ships with the extension: countries and capitals from the gazetteer (built
 * from the world-countries package) and major international organisations.
 */
export function bundledKnowledge(): KnowledgeEntry[] {
  if (!bundled) {
    const places: KnowledgeEntry[] = listGazetteer().map((place) => ({
      name: place.name,
      type: 'place',
      aliases: place.aliases,
      description: place.description,
      links: [],
      origin: { layer: 'bundled', what: 'countries and capitals (world-countries)' },
    }));
    const organizations: KnowledgeEntry[] = (data.organizations as OrganizationRow[]).map(
      ([name, aliases, description]) => ({
        name,
        type: 'organization',
        aliases,
        description,
        links: [],
        origin: { layer: 'bundled', what: 'international organisations' },
      }),
    );
    bundled = [...places, ...organizations];
  }
  return bundled;
}
