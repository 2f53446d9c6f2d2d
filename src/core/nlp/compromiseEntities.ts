/**
 * compromise's own people, places and organisations, as entity mentions. This is the baseline the
 * entity finder is measured against (`bench/evalEntities.ts`); the extension itself does not use it.
 */
import type { EntityMention, EntityType } from '../types';
import { loadCompromise } from './compromise';

interface OffsetJson {
  text: string;
  offset?: { start: number; length: number };
}

/** Runs compromise's `.people()`, `.places()` and `.organizations()` over a text. */
export function findEntitiesWithCompromise(text: string): EntityMention[] {
  const doc = loadCompromise()(text);
  const mentions: EntityMention[] = [];
  const add = (type: EntityType, found: OffsetJson[]): void => {
    for (const item of found) {
      if (!item.offset) continue;
      // compromise's offsets take in the punctuation, spaces and possessives around a term; the
      // baseline is scored on the name alone, as a user would read it.
      let start = item.offset.start;
      let end = start + item.offset.length;
      while (start < end && /[\s"“‘'([]/.test(text[start]!)) start++;
      let written = text.slice(start, end);
      const trimmed = written.replace(/(?:['’]s)?[\s,;:!?"”’)\]]*$/, '');
      written = /(?:^|[\s.])\p{Lu}\.$/u.test(trimmed) ? trimmed : trimmed.replace(/\.$/, '');
      end = start + written.length;
      if (written.length === 0) continue;
      mentions.push({ start, end, text: written, type, name: written });
    }
  };
  add('person', doc.people().json({ offset: true }) as OffsetJson[]);
  add('place', doc.places().json({ offset: true }) as OffsetJson[]);
  add('organization', doc.organizations().json({ offset: true }) as OffsetJson[]);
  mentions.sort((a, b) => a.start - b.start);
  return mentions;
}
