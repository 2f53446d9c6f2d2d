import type * as vscode from 'vscode';

/** The language id of scraped news articles. */
export const ARTICLE_LANGUAGE = 'news-article';

/** Every provider serves news articles, whatever scheme they come from. */
export const ARTICLE_SELECTOR: vscode.DocumentSelector = { language: ARTICLE_LANGUAGE };
