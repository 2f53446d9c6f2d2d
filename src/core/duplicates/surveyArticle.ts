import { parseArticle } from '../article/parseArticle';
import { resolveArticleDate } from '../dates/resolveArticleDate';
import { fingerprintArticle, type ArticleFingerprint } from './fingerprintArticle';

/** What borrowing a date from a duplicate needs to know of one article before it is analysed. */
export interface ArticleSurvey {
  /** The date the text itself gives, never one supplied from outside or borrowed. */
  date: string | null;
  fingerprint: ArticleFingerprint;
}

/**
 * Surveys one article for date borrowing: its own date and its fingerprint, from one zone parse.
 * Plain data, so a worker thread can compute it and post it back.
 */
export function surveyArticle(text: string): ArticleSurvey {
  const zones = parseArticle(text).zones;
  return {
    date: resolveArticleDate({ text, zones }).date,
    fingerprint: fingerprintArticle(text, zones),
  };
}
