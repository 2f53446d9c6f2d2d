/**
 * Closed word classes the entity rules rely on: titles, role nouns, organisation and place head
 * words, connectors inside names and function words. These are grammar, not gazetteers: the lists
 * of countries, capitals and demonyms come from world-countries and compromise's lexicon.
 */

const setOf = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** Titles written before a name ("Deputy Foreign Minister Grigory Karasin"); lower-cased, no dots. */
export const TITLE_WORDS = setOf(`
  mr mrs ms miss mister dr prof professor sir dame lord lady madam monsieur herr
  president vice prime deputy foreign finance defence defense interior economy trade justice
  minister secretary chancellor premier governor gov mayor senator sen rep representative congressman
  congresswoman ambassador envoy commissioner chairman chairwoman chair chief executive director
  spokesman spokeswoman spokesperson general gen lt lieutenant col colonel maj major capt captain
  sgt sergeant adm admiral commander cmdr brigadier marshal corporal private officer inspector
  detective judge justice attorney prosecutor king queen prince princess emperor empress sheikh
  sultan emir crown pope cardinal archbishop bishop rev reverend father brother sister rabbi imam
  ayatollah patriarch coach manager striker midfielder defender goalkeeper skipper
  state assistant acting former first lady opposition party leader head speaker
  chief-executive vice-president president-elect co-founder founder senators sens reps
  representatives presidents ministers mp mps mep meps
`);

/** Lower-case role nouns that announce a person right after them ("spokesman John Smith"). */
export const ROLE_WORDS = setOf(`
  spokesman spokeswoman spokesperson minister president chairman chairwoman director secretary
  chancellor premier governor mayor senator ambassador envoy commissioner official leader chief
  coach manager striker midfielder defender goalkeeper captain skipper player batsman bowler
  all-rounder driver rider champion winner runner-up seed compatriot teammate team-mate
  opponent rival colleague analyst economist trader dealer lawyer attorney judge prosecutor
  general colonel commander officer sergeant police diplomat negotiator mediator writer author
  journalist correspondent actor actress singer son daughter wife husband brother sister
  father mother widow candidate challenger incumbent rebel dissident
  veteran newcomer international professional amateur pitcher quarterback goalscorer scorer
  midfield forward winger opener spinner off-spinner left-hander right-hander
`);

/** Last words that make a capitalised phrase an organisation ("Minsk Group", "Acme Corp"). */
export const ORGANIZATION_HEADS = setOf(`
  inc inc. corp corp. corporation co co. company companies ltd ltd. limited plc llc ag sa nv bv gmbh
  group holdings holding industries enterprises partners associates bancorp bank banks trust fund
  party ministry agency agencies university college school institute institution academy council
  committee commission board bureau authority office department directorate secretariat service
  services association federation confederation union league club society foundation organisation
  organization alliance coalition movement front army navy police guard forces brigade militia
  court tribunal parliament assembly congress senate cabinet government administration
  exchange market airlines airways railways motors systems technologies communications
  telecom television tv radio news times post journal herald gazette press tribune telegraph
  observer chronicle daily weekly magazine network broadcasting hospital church treasury reserve
  newsroom bourse conference
  fc cf afc united rovers wanderers athletic athletico city-fc
`);

/** Words that end a place name ("Yellow River", "Gaza Strip"). */
export const PLACE_HEADS = setOf(`
  river rivers sea ocean lake lakes bay gulf strait straits channel canal island islands isles
  peninsula coast valley mountains mountain hills hill desert plain plains plateau forest
  province region district county state territory republic kingdom emirate oblast prefecture
  street avenue road square boulevard bridge airport stadium park heights strip bank basin
  delta falls reef cape course springs house
`);

/** First words that begin a place name ("Lake Victoria", "Mount Ararat"). */
export const PLACE_STARTS = setOf(`lake mount mt gulf cape port fort isle`);

/** Lower-case words allowed inside a name when a capitalised word follows ("Bank of England"). */
export const NAME_CONNECTORS = setOf(
  `of de del della der den van von la le du da di dos al el bin ben y and & for`,
);

/** Connectors that belong in personal names ("Osama bin Laden", "Luiz da Silva"). */
export const PERSON_CONNECTORS = setOf(
  `de del della der den van von la le du da di dos al el bin ben y`,
);

/**
 * Capitalised function words and other words that are never names on their own; they are trimmed
 * from the start of a capitalised phrase ("The", "But", "In").
 */
export const FUNCTION_WORDS = setOf(`
  the a an this that these those there here it its he she we they you i me my our your their his her
  them us him but and or nor so yet if when while where what which who whom whose why how after
  before since until as at by for from in into of on onto to with without within about above
  below under over between among through during despite against although though because
  unless whether then than also both either neither each every all any some no not none one
  mr mrs ms today tomorrow yesterday tonight monday tuesday wednesday thursday friday saturday sunday
  according asked meanwhile however instead perhaps still even just only already now later
  earlier other another such many much more most few several next last new old first second third
  will would can could may might must shall should do does did is are was were be been being
  has have had please thanks thank yes no okay ok
`);

/** Verbs of saying that, right after a capitalised name, mark it as a speaker and so a person. */
export const SAY_WORDS = setOf(`said says told added asked stressed noted explained insisted warned
  argued claimed replied recalled wrote admitted denied confirmed announced urged declared`);

/** Prepositions that, right before an unknown single name, suggest a place. */
export const PLACE_PREPOSITIONS = setOf(
  `in at near outside inside across around towards toward via from`,
);

/** Lower-case nouns that, right after a name, make it an organisation ("the Interfax news agency"). */
export const ORGANIZATION_FOLLOWERS = setOf(`agency newspaper daily weekly magazine broadcaster
  network channel group company firm bank airline carrier party club team brokerage`);

/** Upper-case words that are not organisations even though they look like acronyms. */
export const NOT_ACRONYMS = setOf(`
  I II III IV V VI VII VIII IX X XI XII XIII XIV XV XX AM PM TV CEO CFO GDP GMT BST EST EDT PST UTC
  OK ID DNA HIV AIDS PC PR PS RE FW NB AD BC CET MP MPS Q1 Q2 Q3 Q4 H1 H2 FM
  A B C D E F G H J K L M N O P Q R S T U W Y Z
`);

/** Lower-case nouns that, right before a name, make it an organisation ("serie A club Atalanta"). */
export const ORGANIZATION_PRECEDERS = setOf(`club side team firm company group bank carrier airline
  newspaper daily weekly agency party broker brokerage insurer maker manufacturer retailer unit
  subsidiary operator utility conglomerate giant outfit charity network broadcaster exchange`);

/**
 * News agencies and wire services, the organisations news copy cites most; few of them carry an
 * organisation word, so no rule would find them otherwise.
 */
export const NEWS_AGENCIES = new Set([
  'Reuters',
  'AFP',
  'Agence France-Presse',
  'Associated Press',
  'AP',
  'Interfax',
  'Itar-Tass',
  'ITAR-TASS',
  'Tass',
  'TASS',
  'RIA Novosti',
  'Xinhua',
  'Kyodo',
  'Yonhap',
  'Bloomberg',
  'Anadolu',
  'Bernama',
  'Antara',
]);

/** Lower-case nouns that, right after an unknown name, make it a place ("the Karabakh conflict"). */
export const PLACE_MODIFIED_NOUNS =
  setOf(`conflict region war crisis dispute border borders question
  settlement enclave province territory capital separatists separatist rebels peace-process
  countryside coast city town village port airport stadium mosque checkpoint sanatorium`);

/** Words that often begin a name and so stay in it even at a sentence start ("East Fife", "New York"). */
export const NAME_PREFIXES =
  setOf(`new north south east west northern southern eastern western central
  st st. saint san santa great upper lower port fort mount lake united royal national real sporting
  grand little old crystal`);

/** Month names and their abbreviations, which are dates, never names, before a number ("March 1-2"). */
export const MONTH_NAME =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$/;

/** Units after a number, which make "Moengo 56 miles" a distance rather than a score. */
export const UNIT_WORDS =
  setOf(`miles mile km kilometres kilometers kms metres meters feet foot percent pct
  per people years year months days hours minutes million billion tons tonnes kg pounds dollars yards
  points-a-game troops soldiers dead killed`);

/** Titles strong enough to split a phrase in the middle ("Security Council President Tono Eitel"). */
export const MID_TITLES = setOf(`president minister secretary governor director chairman chairwoman
  spokesman spokeswoman senator cardinal ambassador commissioner chancellor premier mayor judge coach
  captain manager prosecutor envoy chief-executive gov sen rep senators`);

/** Compass words that make a region of a name ("Middle East", "South China", "West Bank"). */
export const COMPASS_WORDS = setOf(`north south east west northern southern eastern western central
  middle far northeast northwest southeast southwest`);

/** Party affiliations written before names ("Republican Donald Trump"); like demonyms, not entities. */
export const AFFILIATIONS = setOf(`republican republicans democrat democrats democratic labour labor
  conservative conservatives liberal liberals socialist socialists communist communists tory tories
  green greens independent libertarian libertarians`);

/** Institutions named by one capitalised word ("Congress", "Parliament"): organisations. */
export const SINGLE_WORD_INSTITUTIONS =
  setOf(`congress parliament senate cabinet duma knesset politburo
  bundestag`);

/** Last words of names of events, awards and laws ("Election Day", "World Cup"): not entities here. */
export const EVENT_HEADS = setOf(`day cup games olympics championship championships open prize award
  awards trophy tournament festival act bill treaty accord accords war`);
