/**
 * The line patterns that tell the zones of a scraped article apart. They are kept together so that
 * the article parser reads as a procedure and the patterns can be reviewed as data.
 */

/** ` date 2017-12-27 ` at the very start of a cleaned file; group 1 is the date. */
export const DATE_HEADER = /^\uFEFF?\s?date (\d{4}-\d{2}-\d{2})(?:\s|$)/;

/**
 * A dateline opening the body: an upper-case place, optionally a region, a short date and a wire
 * agency in parentheses, then a dash-like separator. "MOSCOW—", "WASHINGTON (Reuters) -",
 * "LONDON, Dec 27 -", "NAIROBI, Kenya (AP) _". Group 1 is the dateline without its separator.
 */
export const DATELINE =
  /^((?:[A-Z][A-Z.'’-]+)(?:[ -][A-Z][A-Z.'’-]+){0,3}(?:,\s?[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?(?:,?\s[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,\s\d{4})?)?(?:\s\([A-Za-z][A-Za-z .&-]{0,30}\))?)\s?(?:—|–|--|-|_|:)\s?/;

/** A wire-copy dateline alone on its line, as in "ROME 1996-12-06". Group 1 is the dateline. */
export const DATELINE_LINE =
  /^\s*((?:[A-Z][A-Z.'’-]+)(?:[ -][A-Z][A-Z.'’-]+){0,3}\s\d{4}-\d{2}-\d{2})\s*$/;

/** Bylines and time stamps that sit between the headline and the body. */
export const BYLINE =
  /^\s*(?:By\s+[A-Z][\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,6}|(?:Posted|Published|Updated|Last updated)\b.{0,80})\s*$/u;

/**
 * Headings that open the trailing site boilerplate, which then runs to the comments or the end:
 * "Discussion Policy", "Related articles", "Share this:", "Leave a Reply", ...
 */
export const BOILERPLATE_HEADING =
  /^\s*(?:Discussion Policy|Comment(?:ing)? Policy|Community Guidelines|Related(?: Articles| Posts| Stories| Coverage| Content| News)?:?|Share this(?: article| story| post)?:?|Share (?:on|via) \S.{0,40}|Like this:?|Leave a (?:Reply|Comment)|You (?:may|might) (?:also )?(?:like|be interested in):?|Recommended(?: for you| Stories)?:?|More (?:from|on|in) \S.{0,60}|Tags?:.{0,200}|Filed [Uu]nder:?.{0,200}|Posted in .{0,200}|About the [Aa]uthor:?|Copyright\b.{0,200}|©.{0,200}|All [Rr]ights [Rr]eserved\.?|Most (?:Read|Popular|Viewed)|Trending(?: Now)?|Sign up for .{0,100}|Subscribe(?: to .{0,100})?)\s*$/i;

/** Single lines of boilerplate inside the body, such as an advertisement marker. */
export const INLINE_BOILERPLATE =
  /^\s*(?:Advertisement|ADVERTISEMENT|Story continues below(?: advertisement)?|Continue reading (?:the )?(?:main )?story|(?:READ|Read) (?:MORE|More|more|ALSO|also|NEXT|next):.{0,200}|(?:RELATED|Related):\s.{0,200}|Click here .{0,200}|Scroll (?:down|to continue).{0,80})\s*$/;

/** The heading of a reader-comments block: "One Comment;", "12 Comments", "3 Responses to “…”". */
export const COMMENTS_HEADING =
  /^\s*(?:(?:No|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|\d{1,6})\s+(?:Comments?|Responses?|Replies|Thoughts?)(?:\s+(?:to|on)\s+.{1,300})?|Comments?\s*\(\d{1,6}\)|Reader Comments)\s*[;:]?\s*$/i;

/** A commenter line: "  1. petrakian said:", "Jane Doe says:", "bob on May 3, 2017 at 2:10 pm said:". */
export const COMMENTER_LINE =
  /^(\s*(?:\d{1,5}\.\s+)?)(\S.{0,60}?)\s+(?:said|says|wrote|writes|commented|replied)(?:\s+on\s.{1,60})?:\s*$/;
