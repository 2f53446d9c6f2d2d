/**
 * Plain data shared by every part of the analysis. All offsets are UTF-16 code units (JavaScript
 * string indices) into the analysed text, and every `end` is exclusive.
 */

/** A half-open range `[start, end)` of UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** The kinds of zone a scraped article is made of. */
export type ZoneKind =
  | 'headline'
  | 'caption'
  | 'byline'
  | 'date-header'
  | 'dateline'
  | 'body'
  | 'paragraph'
  | 'boilerplate'
  | 'comments'
  | 'comment'
  | 'commenter';

/** One zone of an article; zones nest where the text does (a dateline inside the body). */
export interface Zone extends Span {
  kind: ZoneKind;
  /** The zone's text, for short label-like zones (headline, caption, date header, dateline, commenter). */
  text?: string;
  /** For a caption: true when it repeats an earlier caption (scrapers repeat photo captions). */
  duplicate?: boolean;
  /** For a commenter: the commenter's name as written. */
  name?: string;
  /** Nested zones: paragraphs of the body, commenters and comments of the comments block. */
  children?: Zone[];
}

/** Where an article's date came from. */
export type DateSource = 'header' | 'dateline' | 'text' | 'input' | 'duplicate' | 'unknown';

/** The structure of one article, as found by `parseArticle`. */
export interface ArticleStructure {
  zones: Zone[];
  /** The date of the ` date YYYY-MM-DD ` header, when the file has one. */
  headerDate: string | null;
}

/** The three entity types the extension knows. */
export type EntityType = 'person' | 'place' | 'organization';

/** A mention of a named entity; `name` is the canonical name ("Grigory Karasin" for "Karasin"). */
export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  name: string;
}

/** How a speaker mention was tied to the entity it names. */
export type SpeakerResolution =
  'named' | 'alias' | 'pronoun' | 'description' | 'previous-quote' | 'unresolved';

/** The speaker of a quotation: the mention as written ("he") and who it is ("Grigory Karasin"). */
export interface SpeakerMention extends Span {
  text: string;
  name: string;
  resolution?: SpeakerResolution;
}

/** A quotation, marks included. */
export interface Quote extends Span {
  text: string;
  speaker: SpeakerMention | null;
}

/** A date or time expression with its normalised value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) or null. */
export interface DateMention extends Span {
  text: string;
  value: string | null;
}

/**
 * An error inside the engine that it caught instead of failing the whole analysis: what it cost
 * and the error. An analysis with faults is complete except for what they name; each one is a bug
 * or a library failure worth reporting.
 */
export interface EngineFault {
  lost: 'quotations' | 'speaker name' | 'entities' | 'dates of a sentence' | 'date value';
  /** The error, as `Name: message`. */
  error: string;
}

/** The whole analysis of one article: what `news-annotator annotate` prints per input. */
export interface ArticleAnalysis {
  date: string | null;
  dateSource: DateSource;
  zones: Zone[];
  quotes: Quote[];
  entities: EntityMention[];
  dates: DateMention[];
  /** Present only when the engine caught an error; always the last field. */
  faults?: EngineFault[];
}
