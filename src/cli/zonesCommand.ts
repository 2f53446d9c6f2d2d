import { parseArticle } from '../core/article/parseArticle';
import type { ArticleInput } from './readInputs';

/** The record `news-annotator zones` prints for one article. */
export function zonesRecord(input: ArticleInput): object {
  const structure = parseArticle(input.text);
  return {
    ...inputKey(input),
    headerDate: structure.headerDate,
    zones: structure.zones,
  };
}

/** `{file}` for a file input, `{id}` for a JSON Lines record. */
export function inputKey(input: ArticleInput): { file: string } | { id: string } {
  return input.file !== undefined ? { file: input.file } : { id: input.id ?? '' };
}
