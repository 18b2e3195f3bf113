// Claims: direct quotes, partial quotes and reported speech, each with its speaker, cue, content,
// and the mention that names the speaker. Rules work on sentence-sized units in one pass.
import { ABBREVIATIONS, COMMISSIVE_CUES, CUE_VERBS, DESCRIPTIVE_HEADS, FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, MULTIWORD_CUES, NON_NAME_WORDS, OBJECT_CUES, PERSONAL_PRONOUNS, ROLE_HEADS, ROLE_MODIFIERS, STANCE_CUES, SUBJECT_PRONOUNS } from './lexicon';
import { findNameRuns, isTitleWord, nameWords, type NameRun } from './names';
import { PeopleBook, type PersonRecord } from './people';
import { countBelow, lowerBound } from './search';
import { isUpperInitial, tokenize, tokenizeWithoutWordlessSpans, type Token } from './tokens';
import type { ArticleStructure, DateMention, Paragraph, Person, Quotation, Span, Statement, StatementKind } from './types';

export interface StatementsInput {
  text: string;
  structure: ArticleStructure;
  quotations: readonly Quotation[];
  dates: readonly DateMention[];
  articleDate?: string;
  extraCueVerbs?: readonly string[];
  /** Where the body starts (after the dateline), so the headline can see the article's people. */
  bodyStart: number;
}

export interface StatementsResult {
  people: Person[];
  statements: Statement[];
}

interface Unit {
  start: number;
  end: number;
  paragraph: number;
  firstToken: number;
  lastToken: number; // exclusive
}

/**
 * A source noun phrase as found next to a cue. A class, so that every source has one shape (the
 * rules make a few per cue from a dozen places; object literals with or without `person` and
 * `label` made them several shapes, and the code reading them polymorphic).
 */
class Source {
  constructor(
    public span: Span,
    public person: PersonRecord | undefined,
    /** The words when nobody can be named: "a source", "officials". */
    public label: string | undefined,
    /** Start of the whole phrase with its role ("Russian Deputy Foreign Minister …"). */
    public phraseStart: number,
    public phraseEnd: number,
    public named: boolean,
  ) {}
}

/** A statement a rule found: who, what, and how it was said. */
interface Found {
  source: Source;
  content: Span;
  kind: StatementKind;
}

/** A Found from a source and its content: a literal rather than a spread, so that every Found has one shape. */
function sourced(source: Source, found: { content: Span; kind: StatementKind }): Found {
  return { source, content: found.content, kind: found.kind };
}

interface Cue {
  first: number;
  last: number; // token indexes, exclusive
  text: string;
  according: boolean;
}

const ADVERBS = new Set(['however', 'meanwhile', 'too', 'instead', 'though', 'nonetheless', 'still', 'also', 'later', 'earlier', 'again', 'then', 'further', 'previously', 'repeatedly', 'reportedly', 'recently', 'once', 'has', 'had', 'have', 'was', 'is', 'would', 'will', 'could', 'had', 'did', 'does', 'do', 'not', 'never', 'often', 'publicly', 'privately', 'separately', 'subsequently', 'quickly', 'flatly', 'firmly', 'bluntly', 'simply', 'even', 'may', 'might', 'must', 'should', 'can', 'already', 'first', 'last', 'himself', 'herself', 'themselves', 'personally', 'directly']);
const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'one', 'his', 'her', 'their', 'its', 'our', 'two', 'three', 'several', 'some', 'many', 'other', 'both', 'most', 'few']);
const GENERIC_SOURCES = new Set(['source', 'sources', 'official', 'officials', 'expert', 'experts', 'analyst', 'analysts', 'report', 'reports', 'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'statement', 'people', 'critics', 'residents', 'witnesses', 'police', 'authorities', 'observers', 'insiders', 'aides', 'advisers', 'advisors', 'supporters', 'opponents', 'voters', 'democrats', 'republicans', 'diplomats', 'data', 'document', 'documents', 'ministry', 'government', 'campaign', 'agency', 'spokesman', 'spokeswoman', 'spokesperson', 'researchers', 'scientists', 'economists', 'lawmakers', 'leaders', 'investigators', 'prosecutors', 'lawyers', 'members', 'organizers', 'activists', 'protesters', 'workers', 'employees', 'administration', 'white', 'company', 'group', 'committee', 'council', 'court', 'filing', 'letter', 'memo', 'email', 'website', 'newspaper', 'magazine', 'paper', 'network', 'release', 'estimate', 'estimates', 'figures', 'records', 'findings', 'pollster', 'pollsters', 'candidate', 'nominee', 'president', 'man', 'woman', 'person', 'friend', 'neighbor', 'neighbour', 'relative', 'spokespeople', 'representatives', 'representative', 'department', 'office', 'team', 'ad', 'ads', 'advertisement', 'commercial', 'editorial', 'book', 'petition', 'lawsuit', 'complaint', 'indictment', 'ruling', 'order', 'video', 'tweet', 'post', 'message', 'sign', 'headline', 'crowd', 'audience', 'demonstrators', 'fans']);
/** Cues that take a bare clause: "said the West had walked back …" (not "explained its position"). */
const BARE_CLAUSE_CUES = new Set(['called', 'calls', 'calling', 'describing', 'dubbing', 'branding', 'labeling', 'labelling', 'described', 'describes', 'dubbed', 'branded', 'labeled', 'labelled', 'slammed', 'blasted', 'criticized', 'criticised', 'praised', 'dismissed', 'mocked', 'accused', 'decried', 'hailed', 'characterized', 'deemed', 'termed', 'sings', 'sang', 'chanted', 'yelled', 'screamed', 'said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'stressed', 'stresses', 'noted', 'notes', 'insisted', 'insists', 'warned', 'warns', 'argued', 'argues', 'claimed', 'claims', 'believes', 'believe', 'believed', 'thinks', 'think', 'thought', 'felt', 'feels', 'hopes', 'hoped', 'wrote', 'writes', 'tweeted', 'affirmed', 'assured', 'indicated', 'emphasized', 'emphasised', 'underlined', 'recalled', 'reiterated', 'acknowledged', 'admitted', 'conceded', 'suggested', 'predicted', 'estimated', 'declared', 'maintained', 'contended', 'reckoned', 'reckons', 'continued', 'complained', 'observed', 'remarked', 'stated', 'agreed', 'replied', 'answered', 'responded', 'alleged', 'concluded', 'announced', 'confirmed', 'reported', 'reports', 'showed', 'shows', 'found', 'expects', 'expected']);
/** Verbs that report speech only when they carry a quotation: "called the plan “a disaster”". */
const QUOTE_ONLY_CUES = new Set(['reads', 'called', 'calls', 'calling', 'describing', 'dubbing', 'branding', 'labeling', 'labelling', 'described', 'describes', 'dubbed', 'branded', 'labeled', 'labelled', 'slammed', 'blasted', 'criticized', 'criticised', 'praised', 'dismissed', 'mocked', 'accused', 'decried', 'hailed', 'characterized', 'deemed', 'termed', 'sings', 'sang', 'chanted', 'yelled', 'screamed', 'yells', 'yelling', 'chants', 'chanting', 'screams', 'screaming']);
const IRREGULAR_PAST = new Set(['told', 'said', 'wrote', 'gave', 'took', 'made', 'sang', 'saw', 'felt', 'thought', 'put', 'set', 'let', 'cut', 'hit', 'led', 'met', 'won', 'lost', 'sent', 'spent', 'left', 'kept', 'held', 'brought', 'bought', 'built', 'heard', 'meant', 'read', 'ran', 'got', 'began', 'spoke', 'drew', 'threw', 'swore', 'struck', 'laid', 'paid']);
const OBJECT_QUOTE_CUES = new Set(['tells', 'told', 'tell', 'urged', 'urges', 'asked', 'asks', 'warned', 'warns', 'called', 'calls', 'encouraged', 'encourages']);
const INTRODUCTORY = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'while', 'when', 'speaking', 'asked', 'writing', 'addressing', 'responding', 'earlier', 'later', 'separately', 'meanwhile', 'however', 'still', 'also', 'but', 'and', 'yet', 'last', 'this', 'as', 'since', 'though', 'although', 'despite', 'with', 'without', 'for', 'from', 'to', 'by', 'under', 'over', 'through', 'amid', 'among', 'following', 'ahead', 'hours', 'days', 'weeks']);
/**
 * Cue verbs that, taking an object, report no speech at all: "continued his push", "found himself",
 * "felt the pain". (Not "announced his resignation", "wrote a letter", "responded by …", "continued to
 * call for …": those are things said, and news reports them so.)
 */
const OBJECT_TAKING_CUES = new Set(['continued', 'continues', 'continue', 'found', 'finds', 'find', 'felt', 'feels', 'feel', 'maintained', 'maintains', 'thought']);
/** First words of an object, not of a clause: "continued his push", "found himself", "felt a chill". */
const OBJECT_OPENERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your', 'himself', 'herself', 'itself', 'themselves', 'myself', 'ourselves', 'by', 'with', 'for', 'of', 'on', 'at', 'about', 'from', 'into', 'online', 'a', 'an', 'ways', 'up', 'out', 'back', 'down', 'off']);
/** Verbs of judging and the preposition that gives their grounds: "accused X of …", "praised X for …". */
const GROUNDS_OF_JUDGING = new Map([
  ['accused', 'of'], ['accuses', 'of'], ['accusing', 'of'],
  ['criticized', 'for'], ['criticizes', 'for'], ['criticised', 'for'], ['criticises', 'for'], ['criticizing', 'for'],
  ['praised', 'for'], ['praises', 'for'], ['praising', 'for'], ['blasted', 'for'], ['slammed', 'for'],
  ['described', 'as'], ['describes', 'as'], ['describing', 'as'],
]);
/** Verbs of naming someone something: "called him a fraud", "labeled it a hoax". */
const NAMING_VERBS = new Set(['call', 'calls', 'called', 'calling', 'dubbed', 'dubbing', 'branded', 'branding', 'labeled', 'labelled', 'labeling', 'labelling', 'termed', 'deemed']);
/** Objects of a naming verb: the one named. */
const NAMED_OBJECTS = new Set(['him', 'her', 'them', 'it', 'himself', 'herself', 'themselves', 'itself', 'me', 'us', 'you']);
/** What opens the name given: "a fraud", "the best mayor", "his hero". */
const NAMING_DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'my', 'our', 'one']);
/** Words that open a subordinate clause before the main one: "While Ramos said …, he …". */
const SUBORDINATORS = new Set(['while', 'although', 'though', 'because', 'since', 'whereas', 'if', 'when', 'after', 'before', 'as', 'once', 'unless']);
/** What a member of Congress is "of" a state as: "Peter King, Republican of New York". */
const PARTY_MEMBERS = new Set(['democrat', 'republican', 'independent']);
/** Conjunctions that set a second clause against the first after a comma: "…, while 22 percent said …". */
const CONTRASTS = new Set(['while', 'whereas', 'though', 'although']);
/** Verbs that report a question: "asked whether …". */
const ASKING_VERBS = new Set(['asked', 'asks', 'ask', 'asking']);
/** Words that open a reported question. */
const QUESTION_WORDS = new Set(['whether', 'if', 'how', 'why', 'what', 'who', 'which', 'when', 'where']);
/** Forms of "be" that make a participle after them passive: "was asked", "is expected", "been told". */
const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "wasn't", "aren't", "weren't"]);
/** Participles that report speech after a main clause: "…, saying the plan failed". */
const PARTICIPLE_CUES = new Set(['saying', 'adding', 'noting', 'arguing', 'warning', 'insisting', 'claiming', 'stressing', 'telling', 'explaining', 'suggesting', 'declaring', 'writing', 'tweeting', 'calling', 'asking', 'accusing', 'recalling', 'acknowledging', 'admitting', 'predicting', 'promising', 'vowing', 'pledging', 'threatening', 'urging', 'describing', 'charging', 'complaining', 'pointing']);
const NP_STOP = new Set(['that', 'which', 'who', 'whom', 'when', 'where', 'while', 'if', 'because', 'but', 'and', 'or', 'as', 'than', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'this', 'it', 'not']);
const SUBJECT_PREPOSITIONS = new Set(['at', 'in', 'from', 'near', 'across', 'inside', 'outside', 'around', 'among', 'for', 'to']);
/** Participles whose agent ("by …") belongs to the subject's noun phrase: "economists polled by Reuters". */
const AGENT_PARTICIPLES = new Set(['polled', 'surveyed', 'interviewed', 'questioned', 'contacted', 'consulted', 'hired', 'commissioned', 'employed', 'appointed', 'funded', 'backed', 'cited', 'quoted']);
/** Words that open a clause or an adverbial phrase: a subject's noun phrase never runs back over them. */
const CLAUSE_OPENERS = new Set(['after', 'before', 'since', 'until', 'unless', 'although', 'though', 'once', 'whereas', 'during', 'despite', 'amid', 'over', 'about', 'against']);
/** A sentence's first word that cannot begin its subject's noun phrase: a lead-in, an adverb, a pronoun. */
function opensNoSubject(word: string): boolean {
  return INTRODUCTORY.has(word) || ADVERBS.has(word) || TAIL_STARTERS.has(word) || SUBJECT_PRONOUNS.has(word) || word === 'it' || word === 'this' || word === 'there' || word === 'so';
}
/** A word before "who" that stands for people speaking: "voters", "those", "percent", "officials". */
const RELATIVE_ANTECEDENTS = (word: string): boolean =>
  word === 'those' || word === 'percent' || word === 'people' || word === 'others' || word === 'many' || word === 'some' || word === 'one' || word === 'anyone' || GENERIC_SOURCES.has(word) || ROLE_HEADS.has(word) || (/[a-z]{3}[^su]s$/.test(word) && !NOT_PARTICIPLES.has(word));
/** Adjectives that make the cue word after them a noun: "an earlier report", "a new report". */
const NOUN_ADJECTIVES = new Set(['earlier', 'new', 'recent', 'latest', 'separate', 'previous', 'initial', 'annual', 'internal', 'preliminary', 'final', 'detailed', 'scathing', 'false', 'repeated', 'frequent', 'similar', 'such']);
/** Cue verbs whose content may be a clause opened by a question word: "explained how …", "wondered whether …". */
const WH_COMPLEMENT_CUES = new Set(['explain', 'explains', 'explained', 'explaining', 'reveal', 'reveals', 'revealed', 'revealing', 'described', 'describes', 'describing', 'wondered', 'wonders', 'wondering', 'questioned', 'questioning']);
/**
 * How far an opening "According to …" phrase may run to its comma, in tokens: "According to early
 * results of exit polls conducted for the Associated Press and television networks by Edison Research, …".
 */
const SOURCE_PHRASE_TOKENS = 24;
/** Cue verbs whose object is the person spoken to: "told The Times", "assured reporters". */
const LISTENER_CUES = new Set(['told', 'tells', 'tell', 'telling', 'assured', 'warned', 'reminded', 'informed', 'asked', 'urged']);
/** Prepositions opening where or how something was said: "on Instagram", "in a statement", "via Twitter". */
const MEANS_PREPOSITIONS = new Set(['on', 'in', 'to', 'via', 'through']);
/** Conjunctions that open a sentence without being part of its subject: "But officials say …". */
const SENTENCE_CONJUNCTIONS = new Set(['but', 'and', 'yet']);
/** "close to", "familiar with" …: the adjective and the preposition that follows it. */
const TWO_WORD_PREPOSITIONS = new Map([['close', 'to'], ['familiar', 'with'], ['briefed', 'on'], ['knowledgeable', 'about']]);
const SPEECH_INVERTIBLE = new Set(['reads', 'said', 'says', 'added', 'asked', 'stressed', 'noted', 'continued', 'explained', 'wrote', 'replied', 'answered', 'recalled', 'remarked', 'observed', 'insisted', 'warned', 'declared', 'stated', 'argued', 'affirmed', 'concluded', 'tweeted', 'told', 'emphasized', 'emphasised', 'commented', 'responded', 'admitted', 'conceded', 'quipped', 'joked', 'reckoned', 'went', 'underlined', 'pointed', 'indicated', 'assured', 'claimed', 'suggested', 'predicted', 'promised', 'says']);
/** Prepositional tails after a cue that carry no content: "said on Monday", "told Rossiya-24 TV". */
const TAIL_STARTERS = new Set(['outside', 'inside', 'near', 'behind', 'beside', 'upon', 'on', 'in', 'at', 'during', 'after', 'before', 'to', 'from', 'via', 'through', 'while', 'when', 'late', 'early', 'earlier', 'later', 'this', 'last', 'yesterday', 'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'shortly', 'quoted', 'speaking', 'according', 'as', 'told', 'adding', 'writing', 'referring', 'citing', 'responding']);

/** Marks that end an appositive after a name: "NAME, ROLE,". */
const APPOSITIVE_ENDS = new Set([',', '.', ';', ':', '"', '\u201c', '\u201d', '(', ')']);
/** Marks that end a comma-delimited segment, looking back. */
const SEGMENT_ENDS = new Set([',', ';', '.', ':', '(', '"', '\u201c', '\u201d', '\u2014']);
/** Words after which a segment is a clause, not a role. */
const NOT_IN_ROLE = new Set(['who', 'which', 'that', 'said', 'says']);
/** First words of a segment set off after a name: ", who …,", ", of Ashton,". */
const APPOSITIVE_OPENERS = new Set(['who', 'whose', 'of', 'from', 'a', 'an', 'the', 'one', 'now', 'then', 'also', 'himself', 'herself']);
/** Prepositions that make the name after them an object, not a subject. */
const OBJECT_PREPOSITIONS = new Set(['by', 'to', 'with', 'for', 'against', 'about', 'on', 'at', 'from', 'of']);
/** Auxiliary verbs among ADVERBS: they end a subject rather than belong to it. */
const AUXILIARIES = new Set(['has', 'had', 'have', 'was', 'is', 'would', 'will', 'did', 'does', 'do']);
/** Words a bare subject before a speech verb never holds. */
const NOT_IN_SUBJECT = new Set(['is', 'was', 'were', 'are', 'has', 'have', 'had', 'will', 'would', 'but', 'or', 'it', 'i', 'we', 'you', 'this', 'there', 'if', 'when', 'while', 'because']);
/** Marks that open an aside before a lead-in: "— in fact, she said". */
const ASIDE_MARKS = new Set(['\u2014', '\u2013', ';', ':']);

/** Lower-case words inside a title: “Meet the Press”, “Girls, Girls, Girls”. */
const TITLE_SMALL_WORDS = new Set(['of', 'the', 'and', 'a', 'an', 'in', 'on', 'for', 'to', 'with', 'at', 'by', 'from', 'or']);
/** Words before a quoted title: on “Meet the Press”, the show “Hannity”, titled “Arrogant”. */
const TITLE_LEAD_WORDS = new Set(['on', 'of', 'in', 'to', 'titled', 'entitled', 'dubbed', 'show', 'program', 'programme', 'book', 'film', 'movie', 'song', 'album', 'column', 'podcast', 'series', 'episode', 'segment', 'documentary', 'memoir', 'novel', 'play', 'musical', 'hashtag']);
/** Who is told: "told reporters the plan …". */
const LISTENERS = new Set(['reporters', 'journalists', 'supporters', 'voters', 'lawmakers', 'crowd', 'audience', 'students', 'members', 'donors', 'delegates', 'viewers', 'listeners', 'readers', 'interviewer', 'host', 'senators', 'officials', 'residents', 'workers', 'colleagues', 'him', 'her', 'them', 'us', 'me', 'reporter', 'newspaper', 'media', 'press']);
/** Words after which a cue word is a noun ("the report", "his comments"); not "one", "some", "most": those are subjects. */
const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'their', 'its', 'our', 'this', 'my', 'your']);
const SHOW_KINDS = new Set(['tv', 'reality', 'talk', 'radio', 'game', 'news', 'morning', 'cooking', 'comedy', 'variety', 'late-night', 'television']);
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
/** Speakers' labels that are pronouns themselves: no antecedent for a later "they". */
const PRONOUN_LABELS = new Set(['they', 'them', 'their', 'it', 'i', 'we', 'you', 'he', 'she']);
/** How far back (in tokens) a pronoun looks for the subject named in its sentence or the one before. */
const SUBJECT_LOOKBACK = 120;
const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);
const TIME_UNITS = new Set(['week', 'month', 'year', 'weekend', 'morning', 'afternoon', 'evening']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'few', 'couple']);
/** Words in -ing that open no participle clause: ", including the tax", ", according to". */
const NOT_PARTICIPLES = new Set(['including', 'according', 'regarding', 'concerning', 'following', 'during', 'notwithstanding', 'something', 'nothing', 'anything', 'everything', 'evening', 'morning', 'spring', 'string', 'thing', 'things', 'king', 'wing', 'building', 'funding', 'spending', 'meeting', 'hearing', 'briefing', 'ruling', 'warning', 'bring', 'beijing', 'wyoming', 'reading', 'offering', 'landing', 'shooting', 'bombing', 'killing', 'training', 'housing', 'polling', 'standing', 'pending', 'rising', 'ongoing', 'outgoing', 'incoming', 'leading', 'ruling', 'governing', 'sitting', 'remaining', 'existing', 'growing', 'increasing', 'declining', 'working', 'voting', 'rating', 'ratings', 'setting', 'timing']);
/**
 * Bounds that keep the worst case linear on text that is not prose (a 5 MB line of "he said", a
 * file of quotation marks): how many cues one sentence-sized unit tries, how far back a pronoun
 * looks for its speaker, how many quotations a headline compares. Real copy stays far below them.
 */
const MAX_CUES_PER_UNIT = 24;
const SPEAKER_LOOKBACK = 256;
const MAX_HEADLINE_QUOTES = 8;

/** The multi-word cues by their first word, in lexicon order: most words open none. */
const MULTIWORD_CUES_BY_FIRST = new Map<string, string[][]>();
for (const words of MULTIWORD_CUES) {
  const list = MULTIWORD_CUES_BY_FIRST.get(words[0]);
  if (list) list.push(words);
  else MULTIWORD_CUES_BY_FIRST.set(words[0], [words]);
}

/** The cue verbs with a workspace's extra ones; the built-in set itself when there are none. */
function cueVerbsWith(extra: readonly string[] | undefined): ReadonlySet<string> {
  if (!extra || extra.length === 0) return CUE_VERBS;
  return new Set([...CUE_VERBS, ...extra.map((v) => v.toLowerCase())]);
}

/** What a word can open as a cue: the multi-word cues it starts, and whether it is a cue verb alone. */
interface CueWord {
  readonly opened: readonly string[][] | undefined;
  readonly verb: boolean;
}

/**
 * Both of cuesIn's questions about a word in one look-up: it asks them of every word outside
 * quotations, most of them words no cue starts with. A table by length, first and last letter
 * turns those away before the word's string is hashed.
 */
class CueWords {
  private readonly words = new Map<string, CueWord>();
  private readonly maybe = new Uint8Array(1 << 15);

  constructor(cueVerbs: ReadonlySet<string>) {
    for (const [first, opened] of MULTIWORD_CUES_BY_FIRST) this.add(first, { opened, verb: cueVerbs.has(first) });
    for (const verb of cueVerbs) if (!this.words.has(verb)) this.add(verb, { opened: undefined, verb: true });
  }

  get(word: string): CueWord | undefined {
    return word.length > 0 && this.maybe[cueWordBucket(word)] === 1 ? this.words.get(word) : undefined;
  }

  private add(word: string, cueWord: CueWord): void {
    this.words.set(word, cueWord);
    if (word.length > 0) this.maybe[cueWordBucket(word)] = 1;
  }
}

/** A word's bucket in CueWords' table: its length (up to 31) and the low five bits of its first and last character. */
function cueWordBucket(word: string): number {
  return (Math.min(word.length, 31) << 10) | ((word.charCodeAt(0) & 31) << 5) | (word.charCodeAt(word.length - 1) & 31);
}

const BUILT_IN_CUE_WORDS = new CueWords(CUE_VERBS);

export function findStatements(input: StatementsInput): StatementsResult {
  return new StatementFinder(input, true).run();
}

/** For tests and debugging only: the finder's internals (with arrays of its own, as it outlives the call). */
export function createStatementFinderForDebugging(input: StatementsInput): unknown {
  return new StatementFinder(input, false);
}

/**
 * The memory of the per-token arrays, kept from one article to the next: an ArrayBuffer lives
 * outside the heap and costs more to make than its arrays cost to fill. Only one finder runs at a
 * time (findStatements never re-enters); an article past SCRATCH_KEPT bytes gets its own.
 */
let scratch: ArrayBuffer | undefined;
const SCRATCH_KEPT = 1 << 20;

function zeroedBuffer(bytes: number, shared: boolean): ArrayBuffer {
  if (!shared || bytes > SCRATCH_KEPT) return new ArrayBuffer(bytes);
  if (!scratch || scratch.byteLength < bytes) scratch = new ArrayBuffer(Math.min(SCRATCH_KEPT, Math.max(bytes, 1 << 16)));
  else new Uint8Array(scratch, 0, bytes).fill(0);
  return scratch;
}

/**
 * namedBetweenTest's sorted mention starts, grown as needed and kept from one article to the next
 * (making a typed array costs more than filling it): only one finder runs its continuations at a time.
 */
let mentionScratch = new Int32Array(256);

/**
 * A statement with its cue, made by a constructor rather than an object literal: V8 moves what a
 * literal site makes straight to the old generation once most of it outlives a scavenge (these do,
 * to the end of the article), and then every field written costs a write barrier and the dead
 * statements wait for a full collection. Same fields, same order, as the literals elsewhere.
 */
class CuedStatement implements Statement {
  constructor(
    public personKey: string | undefined,
    public speaker: string | undefined,
    public kind: StatementKind,
    public cue: string,
    public contentSpan: Span,
    public text: string,
    public sourceSpan: Span | undefined,
    public cueSpan: Span | undefined,
    public date: string | undefined,
    public quotation: number | undefined,
  ) {}
}

/** A span the result keeps (a cue's, a named source's), made by a constructor for the same reason. */
class KeptSpan implements Span {
  constructor(
    public start: number,
    public end: number,
  ) {}
}

/** What a quotation's words may end with that its statement's content leaves out: , . ; : ! ? … and spaces. */
const TRAILING_QUOTE_PUNCTUATION = new Set([0x2c, 0x2e, 0x3b, 0x3a, 0x21, 0x3f, 0x2026, 0x20]);

class StatementFinder {
  private readonly text: string;
  private readonly tokens: Token[];
  private readonly paragraphOfToken: Int32Array;
  private readonly inQuote: Uint8Array;
  private readonly runs: NameRun[];
  /** By token index: 1 + the index in `runs` of the run that starts (ends) there, or 0. */
  private readonly runStartIndex: Int32Array;
  private readonly runEndIndex: Int32Array;
  private readonly book: PeopleBook;
  private readonly outer: Quotation[];
  private readonly cueVerbs: ReadonlySet<string>;
  private readonly cueWords: CueWords;
  private readonly statements: Statement[] = [];
  private readonly readable: Paragraph[];
  /** wordsBefore[k]: word tokens among tokens[0..k), so that counting words in a span is O(log n). */
  private readonly wordsBefore: Int32Array;
  /** Where each token starts, and where each outer quotation starts and ends: the binary searches' keys. */
  private readonly tokenStarts: Int32Array;
  private readonly outerStarts: Int32Array;
  private readonly outerEnds: Int32Array;
  /** Where each quotation (input.quotations, any depth) and each date mention starts: both are in document order. */
  private readonly quotationStarts: Int32Array;
  private readonly dateStarts: Int32Array;

  constructor(private readonly input: StatementsInput, sharedArrays: boolean) {
    this.text = input.text;
    const paragraphs = input.structure.paragraphs;
    this.readable = paragraphs;
    const from = input.structure.frontMatter?.span.end ?? 0;
    this.tokens = tokenizeWithoutWordlessSpans(this.text, from, this.text.length, paragraphs.map((p) => p.span));
    // One pass over the tokens for what the rules ask of them by index.
    const tokens = this.tokens;
    this.outer = input.quotations.filter((q) => q.depth === 0);
    const outer = this.outer;
    // One buffer for the per-token, per-quotation and per-date arrays.
    const n = tokens.length;
    const m = outer.length;
    const allQuotations = input.quotations;
    const dates = input.dates;
    const int32s = 5 * n + 1 + 2 * m + allQuotations.length + dates.length;
    const buffer = zeroedBuffer(4 * int32s + n, sharedArrays);
    this.paragraphOfToken = new Int32Array(buffer, 0, n);
    this.tokenStarts = new Int32Array(buffer, 4 * n, n);
    this.wordsBefore = new Int32Array(buffer, 8 * n, n + 1);
    this.outerStarts = new Int32Array(buffer, 4 * (3 * n + 1), m);
    this.outerEnds = new Int32Array(buffer, 4 * (3 * n + 1 + m), m);
    this.runStartIndex = new Int32Array(buffer, 4 * (3 * n + 1 + 2 * m), n);
    this.runEndIndex = new Int32Array(buffer, 4 * (4 * n + 1 + 2 * m), n);
    this.quotationStarts = new Int32Array(buffer, 4 * (5 * n + 1 + 2 * m), allQuotations.length);
    this.dateStarts = new Int32Array(buffer, 4 * (5 * n + 1 + 2 * m + allQuotations.length), dates.length);
    this.inQuote = new Uint8Array(buffer, 4 * int32s, n);
    for (let i = 0; i < allQuotations.length; i++) this.quotationStarts[i] = allQuotations[i].span.start;
    for (let i = 0; i < dates.length; i++) this.dateStarts[i] = dates[i].span.start;
    for (let i = 0; i < m; i++) {
      this.outerStarts[i] = outer[i].span.start;
      this.outerEnds[i] = outer[i].span.end;
    }
    // The current paragraph's and outer quotation's bounds are kept in locals, read again only when
    // the walk passes them: this loop runs once per token of every article.
    const { tokenStarts, paragraphOfToken, wordsBefore, inQuote } = this;
    let p = -1;
    let paragraphStart = 0;
    let paragraphEnd = -Infinity;
    let q = -1;
    let quoteStart = 0;
    let quoteEnd = -Infinity;
    let quoteInnerEnd = 0;
    let words = 0;
    for (let t = 0; t < n; t++) {
      const token = tokens[t];
      const at = token.start;
      tokenStarts[t] = at;
      while (paragraphEnd <= at) {
        p++;
        paragraphStart = p < paragraphs.length ? paragraphs[p].span.start : Infinity;
        paragraphEnd = p < paragraphs.length ? paragraphs[p].span.end : Infinity;
      }
      paragraphOfToken[t] = paragraphStart <= at ? p : -1;
      if (token.isWord) words++;
      wordsBefore[t + 1] = words;
      while (quoteEnd <= at) {
        q++;
        quoteStart = q < m ? outer[q].span.start : Infinity;
        quoteEnd = q < m ? outer[q].span.end : Infinity;
        quoteInnerEnd = q < m ? outer[q].inner.end : 0;
      }
      // Inside the marks, not on them.
      if (at > quoteStart && at < quoteInnerEnd) inQuote[t] = 1;
    }
    this.book = new PeopleBook((offset) => this.isInsideQuote(offset));
    this.cueVerbs = cueVerbsWith(input.extraCueVerbs);
    this.cueWords = this.cueVerbs === CUE_VERBS ? BUILT_IN_CUE_WORDS : new CueWords(this.cueVerbs);
    const readableParagraph = (t: number) => {
      const idx = this.paragraphOfToken[t];
      return idx >= 0 && isReadable(paragraphs[idx]);
    };
    this.runs = findNameRuns(this.text, this.tokens, (t) => t > 0 && this.paragraphOfToken[t] !== this.paragraphOfToken[t - 1])
      .filter((r) => readableParagraph(r.first));
    for (let i = 0; i < this.runs.length; i++) {
      this.runEndIndex[this.runs[i].last - 1] = i + 1;
      this.runStartIndex[this.runs[i].first] = i + 1;
    }
  }

  /** The name run that starts at token k, if any. */
  private runStartingAt(k: number): NameRun | undefined {
    const i = k >= 0 && k < this.runStartIndex.length ? this.runStartIndex[k] : 0;
    return i > 0 ? this.runs[i - 1] : undefined;
  }

  /** The name run whose last token is k, if any. */
  private runEndingAt(k: number): NameRun | undefined {
    const i = k >= 0 && k < this.runEndIndex.length ? this.runEndIndex[k] : 0;
    return i > 0 ? this.runs[i - 1] : undefined;
  }

  run(): StatementsResult {
    this.collectPeople();
    const units = this.units();
    let headline: Unit | undefined;
    for (const unit of units) {
      const role = this.readable[unit.paragraph].role;
      if (role === 'headline') headline ??= unit;
      if (role === 'headline' && (this.headlineStatement(unit) || this.labelledHeadline(unit))) continue;
      const cues = this.cuesIn(unit);
      const pushedFrom = this.statements.length;
      this.unitStatement(unit, cues);
      this.questionsPut(unit, cues, pushedFrom);
    }
    if (headline) this.headlineSpeakerFromLead(headline);
    this.dashAttributions();
    this.continuations(units);
    sortByContentStart(this.statements);
    const speakers = new Set(this.statements.map((s) => s.personKey).filter((k): k is string => !!k));
    return { people: this.book.finish(speakers), statements: this.statements };
  }

  // ---- people ---------------------------------------------------------------------------------

  private collectPeople(): void {
    const singles: NameRun[] = [];
    for (const run of this.runs) {
      if (!run.name) continue;
      const words = run.words;
      if (words.length === 0) continue;
      if (run.organization) {
        const org = this.book.personForName(run.name, run.nameStart, true);
        this.book.addMention(org, { start: run.nameStart, end: run.nameEnd }, run.name, 'organization');
        continue;
      }
      if (words.length === 1 && !run.role) {
        singles.push(run);
        continue;
      }
      let person: PersonRecord | undefined;
      if (words.length === 1) person = this.book.resolveSurname(run.name, run.nameStart);
      person ??= this.book.personForName(run.name, run.nameStart, false);
      this.book.addMention(person, { start: run.nameStart, end: run.nameEnd }, run.name, words.length === 1 ? 'surname' : 'name');
      if (run.role) this.book.addRole(person, run.role);
      const appositive = this.appositiveRole(run);
      if (appositive) this.book.addRole(person, appositive);
      if (looksLikePersonName(words)) this.book.confirm(person);
    }
    for (const run of singles) {
      const person = this.book.resolveSurname(run.name, run.nameStart);
      if (person && !person.isOrganization) this.book.addMention(person, { start: run.nameStart, end: run.nameEnd }, run.name, 'surname');
    }
  }

  /** "ROLE, NAME," or "NAME, ROLE," around a name run. */
  private appositiveRole(run: NameRun): string | undefined {
    const before = run.first - 1;
    const after = run.last;
    if (this.tokens[before]?.text === ',' || (run.role === '' && this.tokens[before]?.text === ',')) {
      const segStart = this.segmentStartBefore(before);
      const role = this.rolePhrase(segStart, before);
      if (role && (this.tokens[after]?.text === ',' || this.isCueAt(after))) return role;
    }
    if (this.tokens[after]?.text === ',') {
      let end = after + 1;
      while (end < this.tokens.length && end - after < 14 && !APPOSITIVE_ENDS.has(this.tokens[end].text)) end++;
      // "…,” said Kyle Brandt, a spokesman for the ferry line.": after a cue, the sentence's end closes it too.
      const closesSentence = this.tokens[end]?.text === '.' && this.isCueAt(run.first - 1) && this.endsSentence(end);
      if (this.tokens[end]?.text === ',' || this.isCueAt(end) || closesSentence) {
        const first = this.tokens[after + 1];
        if (first && (DETERMINERS.has(first.lower) || /[’']s$/.test(first.text) || isUpperInitial(first.text) || isTitleWord(first.lower) || ROLE_MODIFIERS.has(first.lower))) {
          const role = this.rolePhrase(after + 1, end);
          if (role) return role;
        }
      }
    }
    return undefined;
  }

  /** Token index where the comma-delimited segment ending before `end` starts. */
  private segmentStartBefore(end: number): number {
    let k = end - 1;
    const paragraph = this.paragraphOfToken[end];
    while (k >= 0 && this.paragraphOfToken[k] === paragraph && end - k < 25) {
      const t = this.tokens[k];
      // "R-Ky.", "Gov.": a full stop closing an abbreviation does not end the segment.
      const abbreviation = t.text === '.' && k > 0 && this.tokens[k - 1].end === t.start && this.tokens[k - 1].isWord && (this.tokens[k - 1].text.length <= 4 || /^\p{Lu}-\p{Lu}/u.test(this.tokens[k - 1].text));
      if (!abbreviation && SEGMENT_ENDS.has(t.text)) break;
      k--;
    }
    return k + 1;
  }

  /** The role words of a segment: from its first title word's phrase to the end, or nothing. */
  private rolePhrase(first: number, last: number): string | undefined {
    let titleAt = -1;
    for (let k = first; k < last; k++) {
      if (this.tokens[k].isWord && (isTitleWord(this.tokens[k].lower) || ROLE_HEADS.has(this.tokens[k].lower) || DESCRIPTIVE_HEADS.has(this.tokens[k].lower))) {
        titleAt = k;
        break;
      }
    }
    if (titleAt < 0) return undefined;
    let start = titleAt;
    while (start > first) {
      const t = this.tokens[start - 1];
      if (!t.isWord || DETERMINERS.has(t.lower) || NP_STOP.has(t.lower)) break;
      if (!(isUpperInitial(t.text) || ROLE_MODIFIERS.has(t.lower) || /[’']s$/.test(t.text))) break;
      start--;
    }
    for (let k = titleAt; k < last; k++) if (NOT_IN_ROLE.has(this.tokens[k].lower)) return undefined;
    return this.text.slice(this.tokens[start].start, this.tokens[last - 1].end);
  }

  // ---- units ----------------------------------------------------------------------------------

  /** Sentences, merged where a quotation runs over a sentence boundary. */
  private units(): Unit[] {
    const units: Unit[] = [];
    const sentences = this.input.structure.sentences;
    let q = 0;
    let t = 0;
    for (let s = 0; s < sentences.length; s++) {
      let { start, end } = sentences[s].span;
      const paragraph = sentences[s].paragraph;
      for (;;) {
        while (q < this.outer.length && this.outer[q].span.end <= end) {
          if (this.outer[q].span.end > start && this.outer[q].span.start < start) start = Math.min(start, this.outer[q].span.start);
          q++;
        }
        const spanning = q < this.outer.length && this.outer[q].span.start < end && this.outer[q].span.end > end;
        if (spanning && s + 1 < sentences.length) {
          s++;
          end = sentences[s].span.end;
          continue;
        }
        break;
      }
      if (start < this.input.bodyStart && end > this.input.bodyStart) start = this.input.bodyStart;
      const tokenStarts = this.tokenStarts;
      while (t < tokenStarts.length && tokenStarts[t] < start) t++;
      const firstToken = t;
      while (t < tokenStarts.length && tokenStarts[t] < end) t++;
      units.push({ start, end, paragraph, firstToken, lastToken: t });
    }
    return this.joinBareAttributions(units);
  }

  /**
   * "“Can we win?” Smith said." The sentence splitter breaks after the quotation's own "?", "!" or
   * ".", leaving the attribution as a sentence of its own: put the two back together.
   */
  private joinBareAttributions(units: Unit[]): Unit[] {
    const out: Unit[] = [];
    for (const unit of units) {
      const prev = out[out.length - 1];
      if (prev && prev.paragraph === unit.paragraph && this.endsWithQuotedSentence(prev) && !this.cueOutsideQuotes(prev) && this.isBareAttribution(unit, this.isLoneQuotation(prev))) {
        out[out.length - 1] = { start: prev.start, end: unit.end, paragraph: prev.paragraph, firstToken: prev.firstToken, lastToken: unit.lastToken };
      } else out.push(unit);
    }
    return out;
  }

  /** The unit ends with a quotation that closes its own sentence: “… today.” / “… ready?” */
  private endsWithQuotedSentence(unit: Unit): boolean {
    let e = unit.end;
    while (e > unit.start && /\s/.test(this.text[e - 1])) e--;
    const close = this.text[e - 1];
    if (!close || !isClosingQuote(close)) return false;
    const stop = this.text[e - 2];
    if (stop !== '.' && stop !== '?' && stop !== '!' && stop !== '\u2026') return false;
    const q = this.outer[this.outerEndingBy(e)];
    return !!q && q.span.end === e && q.span.start >= unit.start - 1;
  }

  /** "Priebus said, “Probably.”": the unit names its own speaker with a cue outside its quotations. */
  private cueOutsideQuotes(unit: Unit): boolean {
    for (let k = unit.firstToken; k < unit.lastToken; k++) if (!this.inQuote[k] && this.isCueAt(k) && !this.isNounUse(k) && !this.isPassive(k)) return true;
    return false;
  }

  /** The unit is one quotation and nothing else: “Can we win?” */
  private isLoneQuotation(unit: Unit): boolean {
    const q = this.outer[this.outerAtOrAfter(unit.start)];
    return !!q && q.span.start === unit.start && this.trimContent({ start: q.span.end, end: unit.end }) === undefined;
  }

  /**
   * A sentence that only names who spoke: "Smith said.", "he told reporters on Monday.",
   * "said the senator, who chairs the panel." It carries no content of its own.
   * `afterLoneQuotation`: the sentence before is a quotation alone, with nobody named for it — only
   * then can a verb the lexicon lacks ("beamed") be its attribution ("“…,” she said. Ann Lee agreed."
   * is two sentences).
   */
  private isBareAttribution(unit: Unit, afterLoneQuotation = true): boolean {
    const first = this.tokens[unit.firstToken];
    if (!first || !first.isWord || this.inQuote[unit.firstToken]) return false;
    let cue = -1;
    for (let k = unit.firstToken; k < unit.lastToken && k < unit.firstToken + 9; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k] || isOpeningQuote(t.text)) return false;
      // "“Why not?” Vitter demanded.": any finite speech verb, not only those that invert.
      if (t.isWord && (SPEECH_INVERTIBLE.has(t.lower) || (this.cueVerbs.has(t.lower) && !t.lower.endsWith('ing')))) {
        cue = k;
        break;
      }
      // The subject is a short noun phrase: no verbs, no clause before the cue.
      if (t.isWord && (NP_STOP.has(t.lower) || this.cueVerbs.has(t.lower)) && !ADVERBS.has(t.lower)) return false;
    }
    if (cue < 0) {
      if (!afterLoneQuotation) return false;
      // "Ann Lee, a delegate from Ohio, beamed.": a short subject and a past-tense verb the lexicon lacks.
      const end = unit.lastToken - 1;
      const verb = this.tokens[end - 1];
      if (end - unit.firstToken > 14 || this.tokens[end]?.text !== '.' || !verb || !verb.isWord || isUpperInitial(verb.text) || !/[a-z]{3}ed$/.test(verb.lower)) return false;
      if (!(SUBJECT_PRONOUNS.has(first.lower) || isUpperInitial(first.text))) return false;
      for (let k = unit.firstToken; k < end - 1; k++) if (this.tokens[k].isWord && !isUpperInitial(this.tokens[k].text) && (NP_STOP.has(this.tokens[k].lower) || /ed$/.test(this.tokens[k].lower))) return false;
      return true;
    }
    if (cue === unit.firstToken) return true; // "Said the senator, …"
    const subject = this.tokens[unit.firstToken];
    const subjectLike = SUBJECT_PRONOUNS.has(subject.lower) || isUpperInitial(subject.text) || DETERMINERS.has(subject.lower);
    if (!subjectLike) return false;
    const next = this.tokens[cue + 1];
    if (!next || cue + 1 >= unit.lastToken || next.text === '.') return true;
    if (next.lower === 'that' || next.text === ':' || isOpeningQuote(next.text)) return false;
    const lower = this.tokens[cue].lower;
    if (lower === 'told' || lower === 'asked') {
      for (let k = cue + 1; k < unit.lastToken; k++) if (this.tokens[k].lower === 'that' || isOpeningQuote(this.tokens[k].text)) return false;
      return true;
    }
    if (next.text === ',') {
      // "He adds, “…”", "She said, without evidence, that …": the cue brings content of its own.
      for (let k = cue + 1; k < unit.lastToken; k++) if (this.tokens[k].lower === 'that' || isOpeningQuote(this.tokens[k].text)) return false;
      return true; // "he said, adding …" / "said Smith, who …"
    }
    return this.isTailOnly(next.start, unit);
  }

  // ---- cues and sources -----------------------------------------------------------------------

  /** Whether the full stop at token `k` ends its sentence, not an abbreviation ("U.S.", "Inc.", "J."). */
  private endsSentence(k: number): boolean {
    const before = this.tokens[k - 1];
    if (!before || !before.isWord || before.end !== this.tokens[k].start || before.text.length < 2) return false;
    if (ABBREVIATIONS.has(before.lower) || /^\p{Lu}{1,3}$/u.test(before.text) || before.text.includes('.')) return false;
    const next = this.tokens[k + 1];
    return !next || this.paragraphOfToken[k + 1] !== this.paragraphOfToken[k] || isUpperInitial(next.text) || isOpeningQuote(next.text);
  }

  private isCueAt(k: number): boolean {
    const t = this.tokens[k];
    return !!t && t.isWord && this.cueVerbs.has(t.lower);
  }

  /** The unit's cues in order, at most MAX_CUES_PER_UNIT of them. */
  private cuesIn(unit: Unit): Cue[] {
    const cues: Cue[] = [];
    for (let k = unit.firstToken; k < unit.lastToken && cues.length < MAX_CUES_PER_UNIT; k++) {
      if (this.inQuote[k] || !this.tokens[k].isWord) continue;
      const cueWord = this.cueWords.get(this.tokens[k].lower);
      if (cueWord === undefined) continue;
      // "Sen. Marjorie Tell said": a capitalised cue word that ends a name is the surname.
      if (this.runEndingAt(k) && isUpperInitial(this.tokens[k].text)) continue;
      const multi = cueWord.opened && this.multiwordCueAt(k, unit.lastToken, cueWord.opened);
      if (multi) {
        if (multi[0] === 'quoted') {
          k += multi.length - 1;
          continue;
        }
        cues.push({ first: k, last: k + multi.length, text: this.slice(k, k + multi.length), according: multi[0] === 'according' || multi[0] === 'in' });
        k += multi.length - 1;
        continue;
      }
      if (cueWord.verb && !this.isNounUse(k) && !this.isPassive(k)) cues.push({ first: k, last: k + 1, text: this.tokens[k].text, according: false });
    }
    return cues;
  }

  /** The first of the multi-word cues opened by tokens[k] whose words all follow before `last`. */
  private multiwordCueAt(k: number, last: number, opened: readonly string[][]): string[] | undefined {
    for (const words of opened) {
      let j = 0;
      while (j < words.length && k + j < last && this.tokens[k + j].lower === words[j]) j++;
      if (j === words.length) return words;
    }
    return undefined;
  }

  /**
   * "Sanders was asked to name …", "she was announced the winner", "is expected to": a participle
   * after a form of "be" is passive — its subject is spoken to or about, not speaking.
   */
  private isPassive(k: number): boolean {
    const word = this.tokens[k].lower;
    if (!(word.endsWith('ed') || word === 'told' || word === 'thought' || word === 'found' || word === 'felt' || word === 'shown' || word === 'written')) return false;
    let j = k - 1;
    while (j >= 0 && k - j <= 3 && this.tokens[j].isWord && !PASSIVE_AUXILIARIES.has(this.tokens[j].lower) && (ADVERBS.has(this.tokens[j].lower) || /[a-z]ly$/.test(this.tokens[j].lower))) j--;
    return j >= 0 && this.tokens[j].isWord && PASSIVE_AUXILIARIES.has(this.tokens[j].lower) && this.paragraphOfToken[j] === this.paragraphOfToken[k];
  }

  /** "the reality TV show", "a claim", "his comments": a cue word used as a noun. */
  private isNounUse(k: number): boolean {
    const before = this.tokens[k - 1];
    if (!before || !before.isWord || this.paragraphOfToken[k - 1] !== this.paragraphOfToken[k]) return false;
    if (NOUN_DETERMINERS.has(before.lower)) return true;
    // "an earlier report in …", "a new report": an adjective before a noun.
    if (NOUN_ADJECTIVES.has(before.lower)) return true;
    return (this.tokens[k].lower === 'show' || this.tokens[k].lower === 'shows') && SHOW_KINDS.has(before.lower);
  }

  private slice(first: number, last: number): string {
    return this.text.slice(this.tokens[first].start, this.tokens[last - 1].end);
  }

  /** The noun phrase naming the speaker right before a cue: "Grushko", "he", "the diplomat", "Gavrilov," … */
  private sourceBefore(cue: Cue, unit: Unit): Source | undefined {
    let k = cue.first - 1;
    let skipped = 0;
    while (k >= unit.firstToken && this.tokens[k].isWord && ADVERBS.has(this.tokens[k].lower) && skipped < 3) {
      k--;
      skipped++;
    }
    // "The State Department less than two weeks ago said", "Smith on Tuesday said": a time phrase.
    k = this.skipTimePhraseBefore(k, unit);
    if (k < unit.firstToken || this.inQuote[k]) return undefined;
    // "Sen. Ted Cruz (R-Texas), said": the parenthesis, then the name.
    if (this.tokens[k].text === ',' && this.tokens[k - 1]?.text === ')') k--;
    // "Sen. Ted Cruz (R-Texas) said"
    if (this.tokens[k].text === ')') {
      let open = k - 1;
      while (open > unit.firstToken && this.tokens[open].text !== '(' && k - open < 8) open--;
      if (this.tokens[open]?.text === '(') k = open - 1;
    }
    if (k < unit.firstToken) return undefined;
    const token = this.tokens[k];
    if (token.text === ',') return this.appositiveSource(k, unit) ?? this.subjectBeforeAside(k, unit);
    // "John Roe — mentioned as a running mate — told …": the speaker stands before the dashed aside.
    if (token.text === '\u2014' || token.text === '\u2013' || (token.text === '-' && this.tokens[k - 1]?.text === '-')) {
      let j = token.text === '-' ? k - 2 : k - 1;
      while (j > unit.firstToken && k - j < 30 && this.tokens[j].text !== token.text && !this.inQuote[j]) j--;
      if (j <= unit.firstToken || this.tokens[j].text !== token.text) return undefined;
      if (token.text === '-') {
        if (this.tokens[j - 1]?.text !== '-') return undefined;
        j--;
      }
      return j - 1 >= unit.firstToken && this.tokens[j - 1].isWord ? this.nounPhraseEndingAt(j - 1, unit) : undefined;
    }
    return this.nounPhraseEndingAt(k, unit);
  }

  /** The subject at the start of a unit: a name, a pronoun, or a noun phrase before the first verb. */
  /** Token index before a time phrase that ends at `k` ("two weeks ago", "on Tuesday", "last week"), or `k`. */
  private skipTimePhraseBefore(k: number, unit: Unit): number {
    const t = this.tokens[k];
    if (!t || !t.isWord) return k;
    if (t.lower === 'ago') {
      let j = k - 1;
      while (j > unit.firstToken && k - j <= 5 && this.tokens[j].isWord) {
        const w = this.tokens[j].lower;
        if (w === 'less' || w === 'more' || w === 'about' || w === 'nearly' || w === 'just' || w === 'than' || w === 'a' || /^\d/.test(w) || /s$/.test(w) || NUMBER_WORDS.has(w)) j--;
        else break;
      }
      return j;
    }
    if (WEEKDAYS.has(t.lower)) {
      const before = this.tokens[k - 1];
      return before && (before.lower === 'on' || before.lower === 'late' || before.lower === 'early') ? k - 2 : k - 1;
    }
    if ((t.lower === 'week' || t.lower === 'month' || t.lower === 'year' || t.lower === 'night') && (this.tokens[k - 1]?.lower === 'last' || this.tokens[k - 1]?.lower === 'this')) return k - 2;
    if (t.lower === 'yesterday' || t.lower === 'today' || t.lower === 'tonight') return k - 1;
    return k;
  }

  private subjectOf(unit: Unit, before: number): Source | undefined {
    let from = unit.firstToken;
    // "Speaking in Ohio on Monday, he …", "In a statement, the mayor …": past the lead-in.
    const opener = this.tokens[from];
    if (opener && (INTRODUCTORY.has(opener.lower) || this.isParticiple(opener.lower))) {
      from = this.afterLeadIn(from, before);
    }
    for (let k = from; k < before && k < from + 12; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k]) continue;
      if (t.lower === 'he' || t.lower === 'she' || t.lower === 'they' || t.lower === "he's" || t.lower === "she's") return this.pronounSource(k);
      // "Meanwhile, it attacked Trump, saying …": a body that spoke before (a newspaper, a ministry).
      if (t.lower === 'it' && k === from) {
        const body = this.lastGroupBefore(t.start);
        const span = { start: t.start, end: t.end };
        if (body) this.book.addMention(body, span, t.text, 'pronoun');
        return new Source(span, body, body ? undefined : t.text, t.start, t.end, !!body);
      }
      const run = this.runStartingAt(k);
      if (run && run.name && !run.possessive) return this.runSource(run, unit);
      if (run?.possessive) return undefined;
    }
    return undefined;
  }

  /**
   * The token after the comma that closes a lead-in opening at `from` ("Speaking in Ohio,", "Asked
   * if it was “realistic,”" — a comma inside the closing mark too), or `from` when none does before `before`.
   */
  private afterLeadIn(from: number, before: number): number {
    for (let k = from; k < before && k < from + 20; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k]) continue;
      if (t.text === ',' || (isClosingQuote(t.text) && this.text[t.start - 1] === ',' && k > from)) return k + 1;
      if (k >= from + 14) break;
    }
    return from;
  }

  private nounPhraseEndingAt(k: number, unit: Unit): Source | undefined {
    const token = this.tokens[k];
    if (!token.isWord) return undefined;
    if (token.lower === "he's" || token.lower === "she's") return this.pronounSource(k);
    if (PERSONAL_PRONOUNS.has(token.lower) && (token.lower === 'he' || token.lower === 'she' || token.lower === 'they')) {
      return this.pronounSource(k);
    }
    // "“…,” I said.": the writer speaks; nobody to name, but the quotation is attributed.
    if (token.lower === 'i' || token.lower === 'we') {
      return new Source({ start: token.start, end: token.end }, undefined, token.text, token.start, token.end, false);
    }
    // "“…,” it said.": a body spoke (a newspaper, a ministry): the body that spoke last, if any.
    if (token.lower === 'it' && SPEECH_INVERTIBLE.has(this.tokens[k + 1]?.lower ?? '') && (this.tokens[k - 1]?.text === ',' || isClosingQuote(this.tokens[k - 1]?.text ?? ''))) {
      const body = this.lastGroupBefore(token.start);
      const span = { start: token.start, end: token.end };
      if (body) this.book.addMention(body, span, token.text, 'pronoun');
      return new Source(span, body, body ? undefined : token.text, token.start, token.end, !!body);
    }
    if (token.lower === 'i' || token.lower === 'we' || token.lower === 'it' || token.lower === 'you') return undefined;
    // "… from Mike Lee, who declared": the relative pronoun stands for the name before the comma.
    if (token.lower === 'who' && this.tokens[k - 1]?.text === ',') {
      const named = this.runEndingAt(k - 2);
      if (named && named.name && !named.possessive && !named.organization) {
        const src = this.runSource(named, unit);
        if (src?.person) {
          const span = { start: token.start, end: token.end };
          this.book.addMention(src.person, span, token.text, 'pronoun');
          return new Source(span, src.person, undefined, named.start, token.end, true);
        }
      }
    }
    if (token.lower === 'who') return this.relativeSource(k, unit);
    const run = this.runEndingAt(k);
    // "Ann Lee of Leeds, Yorkshire says": the person before the place.
    if (run && this.tokens[run.first - 1]?.text === ',') {
      const segStart = this.segmentStartBefore(run.first - 1);
      const lead = this.runStartingAt(segStart);
      if (lead && lead.name && !lead.possessive && !lead.organization && lead.words.length >= 2 && this.tokens[lead.last]?.lower === 'of' && segStart >= unit.firstToken) return this.runSource(lead, unit);
    }
    // ("Ann Lee of Leeds said": the person before "of" and a place is `runSource`'s, `personOf`.)
    if (run) return this.agentOf(run.first, k, unit) ?? this.nounBeforeComplement(run, unit) ?? this.runSource(run, unit);
    return this.commonNounSource(k, unit);
  }

  /**
   * "voters who said they …", "the 30 percent who say …", "business leaders who say …": the relative
   * pronoun is the speaker's mention, standing for the group or description before it (its label).
   * Only after a noun that names people or a share of them, not after a verb ("asked who said").
   */
  private relativeSource(k: number, unit: Unit): Source | undefined {
    const headAt = k - 1;
    const head = this.tokens[headAt];
    if (headAt < unit.firstToken || !head.isWord || this.inQuote[headAt] || !RELATIVE_ANTECEDENTS(head.lower)) return undefined;
    // "Democrats who say": a capitalised plural, but not a person's name ("Ann Rivers who").
    if (isUpperInitial(head.text) && (!/[a-z]s$/.test(head.text) || this.runEndingAt(headAt)?.name && !this.runEndingAt(headAt)!.organization && this.runEndingAt(headAt)!.words.length > 1)) return undefined;
    const first = this.modifiersBefore(headAt, unit, true);
    const token = this.tokens[k];
    const span = { start: token.start, end: token.end };
    return new Source(span, undefined, this.text.slice(this.tokens[first].start, head.end), span.start, span.end, false);
  }

  /**
   * "An aide to Sanders said", "a spokeswoman for Gov. Lee said": the name is whom the speaker works
   * for; the speaker is the role before "to" or "for". That whole phrase, as a description, or nothing.
   */
  private agentOf(first: number, end: number, unit: Unit): Source | undefined {
    const preposition = this.tokens[first - 1];
    const head = this.tokens[first - 2];
    if (!preposition || !head || first - 2 < unit.firstToken || (preposition.lower !== 'to' && preposition.lower !== 'for')) return undefined;
    if (!head.isWord || isUpperInitial(head.text) || this.inQuote[first - 2] || !(ROLE_HEADS.has(head.lower) || GENERIC_SOURCES.has(head.lower) || isTitleWord(head.lower))) return undefined;
    let start = first - 2;
    while (start - 1 >= unit.firstToken && first - start < 6 && this.tokens[start - 1].isWord && !this.inQuote[start - 1]) {
      const t = this.tokens[start - 1];
      if (DETERMINERS.has(t.lower)) {
        start--;
        break;
      }
      if (!(ROLE_MODIFIERS.has(t.lower) || isTitleWord(t.lower) || /^(?:senior|top|longtime|former|close|chief)$/.test(t.lower))) break;
      start--;
    }
    const span = new KeptSpan(this.tokens[start].start, this.tokens[end].end);
    return new Source(span, undefined, this.text.slice(span.start, span.end), span.start, span.end, false);
  }

  /**
   * "City officials in Hartwell said", "economists polled by Nordvik Bank said": the name is the
   * complement of a preposition (or of "by" after a participle); the plural or role noun before it
   * heads the subject, which is that whole noun phrase (no person: a group or an unnamed source).
   */
  private nounBeforeComplement(run: NameRun, unit: Unit): Source | undefined {
    let p = run.first - 1;
    if (this.tokens[p]?.lower === 'the') p--;
    if (p <= unit.firstToken) return undefined;
    const preposition = this.tokens[p].lower;
    let headAt: number;
    if (SUBJECT_PREPOSITIONS.has(preposition)) headAt = p - 1;
    else if (preposition === 'by' && AGENT_PARTICIPLES.has(this.tokens[p - 1].lower)) headAt = p - 2;
    else return undefined;
    const head = this.tokens[headAt];
    if (headAt < unit.firstToken || !head?.isWord || this.inQuote[headAt] || NP_STOP.has(head.lower) || this.cueVerbs.has(head.lower)) return undefined;
    // A listed noun ("Officials" opening a sentence), or a lower-case plural ("traders"); not a name ("Lee").
    if (!(GENERIC_SOURCES.has(head.lower) || ROLE_HEADS.has(head.lower) || (!isUpperInitial(head.text) && /[a-z]s$/.test(head.text)))) return undefined;
    const first = this.modifiersBefore(headAt, unit, true);
    const span = { start: this.tokens[first].start, end: run.end };
    const label = this.text.slice(span.start, span.end);
    // "the senator from Vermont": a definite role noun is the person of that role named before, if any.
    if (this.tokens[first].lower === 'the' && (ROLE_HEADS.has(head.lower) || isTitleWord(head.lower))) {
      const person = this.book.resolveRole([head.lower], span.start, undefined);
      if (person) {
        this.book.addMention(person, span, label, 'role');
        return new Source(span, person, undefined, span.start, span.end, true);
      }
    }
    return new Source(span, undefined, label, span.start, span.end, false);
  }

  /**
   * The person a place's or body's name run is said of: a full name (two words or more, no title's
   * complement) right before "of", "at" (either with "the"), or ", Democrat of" and the like.
   */
  private personOf(run: NameRun, unit: Unit): NameRun | undefined {
    let j = run.first - 1;
    if (this.tokens[j]?.lower === 'the') j--;
    const preposition = this.tokens[j]?.lower;
    if (preposition !== 'of' && preposition !== 'at') return undefined;
    j--;
    // "Peter King, Republican of New York"
    if (preposition === 'of' && PARTY_MEMBERS.has(this.tokens[j]?.lower ?? '') && this.tokens[j - 1]?.text === ',') j -= 2;
    const lead = this.runEndingAt(j);
    if (!lead || lead.first < unit.firstToken || !lead.name || lead.possessive || lead.organization || lead.words.length < 2 || this.inQuote[lead.first]) return undefined;
    // Not a title with its complement: "County Supervisor of Elections Susan Bucher".
    return isTitleWord(this.tokens[lead.last - 1].lower) ? undefined : lead;
  }

  private runSource(run: NameRun, unit: Unit): Source | undefined {
    if (run.possessive) return undefined;
    // "Ann Lee of Leeds", "Jeff Lee of the Martin Center", "Dana Roe at Politico", "Peter King,
    // Republican of New York": the person, not the place or body they are of.
    const ofWhom = this.personOf(run, unit);
    if (ofWhom) return this.runSource(ofWhom, unit);
    const span = run.name ? new KeptSpan(run.nameStart, run.nameEnd) : new KeptSpan(run.start, run.end);
    if (!run.name) {
      // A title alone: "the Russian President said".
      const words = run.role.toLowerCase().split(/\s+/);
      const person = this.book.resolveRole(words, run.start, this.lastSpeakerBefore(run.start));
      if (!person) return undefined;
      this.book.addMention(person, span, this.text.slice(span.start, span.end), 'role');
      return new Source(span, person, undefined, this.phraseStartBefore(run.first, unit), run.end, true);
    }
    const words = run.words;
    let person: PersonRecord | undefined;
    if (words.length === 1 && !run.organization) person = this.book.resolveSurname(run.name, run.nameStart);
    person ??= this.book.personForName(run.name, run.nameStart, run.organization);
    if (run.organization && words.length === 1 && NON_NAME_WORDS.has(words[0].toLowerCase())) return undefined;
    this.book.addMention(person, span, run.name, run.organization ? 'organization' : words.length === 1 ? 'surname' : 'name');
    this.book.confirm(person);
    return new Source(span, person, undefined, this.phraseStartBefore(run.first, unit), run.end, true);
  }

  /** Include "the", "US", lower-case role words before a capitalised run: "US presidential aide X". */
  private phraseStartBefore(first: number, unit: Unit): number {
    let k = first;
    while (k > unit.firstToken) {
      const t = this.tokens[k - 1];
      if (!t.isWord || this.inQuote[k - 1]) break;
      if (DETERMINERS.has(t.lower) || ROLE_MODIFIERS.has(t.lower) || isTitleWord(t.lower) || /[’']s$/.test(t.text)) k--;
      else break;
    }
    return this.tokens[k].start;
  }

  private pronounSource(k: number): Source | undefined {
    const token = this.tokens[k];
    const pronoun = token.lower.replace(/'s$/, '');
    // Subject, object and possessive forms: "he said", "according to him", "in his words".
    const gender = pronoun === 'he' || pronoun === 'him' || pronoun === 'his' ? 'm' : pronoun === 'she' || pronoun === 'her' ? 'f' : undefined;
    const person =
      pronoun === 'they' || pronoun === 'them' || pronoun === 'their'
        ? this.lastGroupBefore(token.start)
        : this.subjectNamedSinceLastStatement(k, gender) ?? this.lastSpeakerBefore(token.start, gender) ?? this.lastPersonBefore(token.start, gender) ?? this.lastSpeakerBefore(token.start) ?? this.lastPersonBefore(token.start);
    const span = pronoun !== token.lower ? { start: token.start, end: token.start + pronoun.length } : { start: token.start, end: token.end };
    if (person) this.book.addMention(person, span, token.text, 'pronoun');
    // "A Water UK spokesperson said … “…,” they added": "they" stands for the unnamed speaker just quoted.
    const plural = pronoun === 'they' || pronoun === 'them' || pronoun === 'their';
    const label = person ? undefined : ((plural ? this.lastUnnamedSpeakerBefore(token.start) : undefined) ?? token.text);
    return new Source(span, person, label, token.start, token.end, !!person);
  }

  /** The label of the last statement before `at`, when its speaker is unnamed ("a spokesperson", "officials") and not itself a pronoun. */
  private lastUnnamedSpeakerBefore(at: number): string | undefined {
    for (let s = this.statements.length - 1; s >= 0 && s >= this.statements.length - SPEAKER_LOOKBACK; s--) {
      const st = this.statements[s];
      if (st.contentSpan.start > at && (st.sourceSpan?.start ?? Infinity) > at) continue;
      if (st.personKey || !st.speaker || PRONOUN_LABELS.has(st.speaker.toLowerCase())) return undefined;
      return st.speaker;
    }
    return undefined;
  }

  /**
   * The person named as the subject of the pronoun's sentence or the one before it, in its
   * paragraph and after the last statement before it: "Sandor isn't so sure. “They say
   * progress,” he says." — the pronoun follows the new subject, not the last speaker.
   */
  private subjectNamedSinceLastStatement(k: number, gender: 'm' | 'f' | undefined): PersonRecord | undefined {
    const at = this.tokens[k].start;
    const paragraph = this.paragraphOfToken[k];
    let since = -1;
    for (let s = this.statements.length - 1; s >= 0 && s >= this.statements.length - SPEAKER_LOOKBACK; s--) {
      const end = Math.max(this.statements[s].contentSpan.end, this.statements[s].sourceSpan?.end ?? -1);
      if (end <= at) {
        since = end;
        break;
      }
    }
    // Back from the pronoun, a bounded walk: over its sentence and the one before.
    let sentenceEnds = 0;
    for (let t = k - 1; t >= 0 && k - t <= SUBJECT_LOOKBACK; t--) {
      if (this.paragraphOfToken[t] !== paragraph || this.tokens[t].start < since) return undefined;
      if (this.inQuote[t]) continue;
      const text = this.tokens[t].text;
      if (text === '.' || text === '!' || text === '?') {
        if (++sentenceEnds > 1) return undefined;
        continue;
      }
      if (!this.opensSentence(t)) continue;
      const person = this.book.namedAt(this.tokens[t].start);
      if (person && !person.isOrganization && person.confirmed && !(gender && this.genderOf(person, at) === (gender === 'm' ? 'f' : 'm'))) return person;
    }
    return undefined;
  }

  /** Whether token `t` opens a sentence: first of its paragraph, or after a full stop, "!" or "?". */
  private opensSentence(t: number): boolean {
    if (t === 0 || this.paragraphOfToken[t - 1] !== this.paragraphOfToken[t]) return true;
    const before = this.tokens[t - 1].text;
    return before === '.' || before === '!' || before === '?';
  }

  /**
   * The head noun before a preposition that opens the noun phrase at `determiner`: "Traders at
   * the market" (one word), "a source close to the talks", "people familiar with the matter",
   * "officials briefed on the plan" (two words), or undefined when no preposition precedes it.
   */
  private headBeforePreposition(determiner: number, unit: Unit): number | undefined {
    const preposition = this.tokens[determiner - 1]?.lower;
    if (preposition === undefined || determiner - 1 <= unit.firstToken) return undefined;
    const adjective = this.tokens[determiner - 2]?.lower;
    if (TWO_WORD_PREPOSITIONS.get(adjective ?? '') === preposition && determiner - 2 > unit.firstToken) return determiner - 3;
    if (SUBJECT_PREPOSITIONS.has(preposition)) return determiner - 2;
    return undefined;
  }

  /**
   * Where a noun phrase headed at `headAt` starts: back over up to three modifiers ("City
   * officials", "senior Western diplomats"), a determiner included and ending it; not over a stop
   * word, a cue or a non-name word, nor (when `clauseOpenersStop`) over a word that opens a clause.
   */
  private modifiersBefore(headAt: number, unit: Unit, clauseOpenersStop: boolean): number {
    let first = headAt;
    while (first - 1 >= unit.firstToken && headAt - first < 3) {
      const t = this.tokens[first - 1];
      if (!t.isWord || this.inQuote[first - 1]) break;
      if (DETERMINERS.has(t.lower)) return first - 1;
      if (NP_STOP.has(t.lower) || (clauseOpenersStop && CLAUSE_OPENERS.has(t.lower)) || this.cueVerbs.has(t.lower) || NON_NAME_WORDS.has(t.lower)) break;
      first--;
    }
    return first;
  }

  /** "the diplomat", "the head of the Russian delegation", "a source", "Western diplomats". */
  private commonNounSource(k: number, unit: Unit): Source | undefined {
    let j = k;
    let sawHead = false;
    let determiner = -1;
    while (j >= unit.firstToken && k - j < 9) {
      const t = this.tokens[j];
      if (!t.isWord || this.inQuote[j]) break;
      if (ROLE_HEADS.has(t.lower) || GENERIC_SOURCES.has(t.lower) || isTitleWord(t.lower)) sawHead = true;
      // "the mayor of this flood-hit town": a demonstrative after "of" is a determiner too.
      if (DETERMINERS.has(t.lower) || ((t.lower === 'this' || t.lower === 'that') && this.tokens[j - 1]?.lower === 'of' && j !== k)) {
        determiner = j;
        // "the head of the delegation": keep going past "of the".
        if (j - 1 >= unit.firstToken && this.tokens[j - 1].lower === 'of') {
          j -= 2;
          continue;
        }
        break;
      }
      if ((NP_STOP.has(t.lower) && t.lower !== 'of') || CLAUSE_OPENERS.has(t.lower)) break;
      if (this.cueVerbs.has(t.lower) && j !== k) break;
      j--;
    }
    const headToken = this.tokens[k];
    const headIsNoun = ROLE_HEADS.has(headToken.lower) || GENERIC_SOURCES.has(headToken.lower) || isTitleWord(headToken.lower);
    // "the announcer said": any short definite noun phrase is the subject of a plain speech verb.
    const plainSpeech = this.tokens[k + 1] && SPEECH_INVERTIBLE.has(this.tokens[k + 1].lower);
    if (!sawHead && !(plainSpeech && determiner >= 0 && k - determiner <= 3 && !NON_NAME_WORDS.has(headToken.lower))) return undefined;
    let first: number;
    if (determiner >= 0) {
      first = determiner;
      // "Traders at the harbour market said", "a source close to the talks said", "people familiar
      // with the matter said": the phrase after the preposition is not the subject; the noun
      // before it heads the phrase.
      const headAt = this.headBeforePreposition(determiner, unit);
      if (headAt !== undefined) {
        const head = this.tokens[headAt];
        if (headAt < unit.firstToken || !head.isWord || this.inQuote[headAt] || NP_STOP.has(head.lower) || (this.cueVerbs.has(head.lower) && !this.isNounUse(headAt))) return undefined;
        if (!(ROLE_HEADS.has(head.lower) || GENERIC_SOURCES.has(head.lower) || /[a-z]s$/.test(head.text))) return undefined;
        first = this.modifiersBefore(headAt, unit, false);
        const span = { start: this.tokens[first].start, end: this.tokens[k].end };
        return new Source(span, undefined, this.text.slice(span.start, span.end), span.start, span.end, false);
      }
    } else {
      // No determiner: plural or bare nouns ("officials said", "Western diplomats said").
      if (!headIsNoun) return undefined;
      first = k;
      while (first - 1 >= unit.firstToken && this.tokens[first - 1].isWord && !this.inQuote[first - 1] && k - first < 3 && !NP_STOP.has(this.tokens[first - 1].lower) && !CLAUSE_OPENERS.has(this.tokens[first - 1].lower) && !this.cueVerbs.has(this.tokens[first - 1].lower) && !NON_NAME_WORDS.has(this.tokens[first - 1].lower)) first--;
    }
    // Cut "the head of the Russian delegation" at the first "of" only for the role words.
    const words = this.tokens.slice(first, k + 1).map((t) => t.lower);
    const span = { start: this.tokens[first].start, end: this.tokens[k].end };
    const label = this.text.slice(span.start, span.end);
    const roleWords = words.includes('of') ? words.slice(0, words.indexOf('of')) : words;
    const roleHead = roleWords[roleWords.length - 1];
    const definite = words[0] === 'the' || words[0] === 'this';
    const singular = !/s$/.test(roleHead) || /(?:ss|us)$/.test(roleHead);
    // "the 62-year-old added": an age stands for the person last named, when that person is also
    // the last to have spoken; otherwise it is somebody new and stays a description.
    if (definite && words.length === 2 && /^\d{1,3}-year-old$/.test(roleHead)) {
      const person = this.lastSpeakerBefore(span.start);
      if (person && person === this.lastPersonBefore(span.start)) {
        this.book.addMention(person, span, label, 'role');
        return new Source(span, person, undefined, span.start, span.end, true);
      }
    }
    if (definite && singular && (ROLE_HEADS.has(roleHead) || isTitleWord(roleHead))) {
      // Head noun last: "the head of the Russian delegation" → [russian, delegation, head].
      const complement = words.includes('of') ? words.slice(words.indexOf('of') + 1) : [];
      const person = this.book.resolveRole([...complement, ...roleWords].filter((w) => w !== 'the' && w !== 'of'), span.start, this.lastSpeakerBefore(span.start) ?? this.lastPersonBefore(span.start));
      if (person) {
        this.book.addMention(person, span, label, 'role');
        return new Source(span, person, undefined, span.start, span.end, true);
      }
    }
    return new Source(span, undefined, label, span.start, span.end, false);
  }

  /** ", NAME," or ", ROLE," right before the cue: "…, Konstantin Gavrilov, said". */
  private appositiveSource(comma: number, unit: Unit): Source | undefined {
    const segStart = this.segmentStartBefore(comma);
    if (segStart >= comma || segStart < unit.firstToken) return undefined;
    // "Jean Dupont, the foreign minister of France, said": a role segment after the name.
    const segFirst = this.tokens[segStart];
    const roleFirst = DETERMINERS.has(segFirst.lower) || !isUpperInitial(segFirst.text) || isTitleWord(segFirst.lower) || /[’']s$/.test(segFirst.text) || segFirst.lower === 'who';
    if (roleFirst && this.tokens[segStart - 1]?.text === ',') {
      let end = segStart - 2;
      if (this.tokens[end]?.text === ')') {
        while (end > unit.firstToken && this.tokens[end].text !== '(' && segStart - end < 10) end--;
        end--;
      }
      const nameRun = this.runEndingAt(end);
      if (nameRun && nameRun.name && !nameRun.possessive && end >= unit.firstToken && (nameRun.words.length >= 2 || !!nameRun.role || !!this.book.resolveSurname(nameRun.name, nameRun.nameStart))) {
        const src = this.runSource(nameRun, unit);
        const role = segFirst.lower === 'who' ? undefined : this.rolePhrase(segStart, comma);
        if (src?.person && role && !nameRun.organization) this.book.addRole(src.person, role);
        if (src) src.phraseEnd = this.tokens[comma - 1].end;
        if (src) return src;
      }
    }
    // "Donna Rawlings, 59, of Ashton, who watched the ceremony, said": walk back over appositives.
    let segEnd = comma;
    let start = segStart;
    for (let hops = 0; hops < 4 && start > unit.firstToken && this.tokens[start - 1]?.text === ',' && this.looksAppositive(start, segEnd); hops++) {
      segEnd = start - 1;
      start = this.segmentStartBefore(segEnd);
      // "Ann Lee of Madison, Alabama, said": a name, then where the person is from.
      const lead = this.runStartingAt(start);
      if (lead && lead.name && !lead.possessive && !lead.organization && lead.words.length >= 2 && this.tokens[lead.last]?.lower === 'of' && start >= unit.firstToken) {
        const src = this.runSource(lead, unit);
        if (src) {
          src.phraseEnd = this.tokens[comma - 1].end;
          return src;
        }
      }
      const named = this.runEndingAt(segEnd - 1);
      if ((hops > 0 || (named && (named.words.length >= 2 || !!named.role))) && named && named.first === start && named.name && !named.possessive && !named.organization && start >= unit.firstToken) {
        const src = this.runSource(named, unit);
        if (src) {
          src.phraseEnd = this.tokens[comma - 1].end;
          return src;
        }
      }
    }
    const run = this.runEndingAt(comma - 1);
    // "Clinton, during a meeting in Columbus, Ohio, said": a lone place name is no speaker when a name opens the sentence.
    const lonePlace = !!run && !run.role && !run.organization && run.words.length === 1 && !this.book.resolveSurname(run.name, run.nameStart) && !!this.subjectOpensWithName(unit, run.first);
    if (run && !lonePlace && run.first >= segStart - 0 && run.name && !run.possessive) {
      const src = this.runSource(run, unit);
      if (src && this.tokens[segStart - 1]?.text === ',') {
        const roleStart = this.segmentStartBefore(segStart - 1);
        const role = this.rolePhrase(roleStart, segStart - 1);
        if (role && src.person) {
          this.book.addRole(src.person, role);
          src.phraseStart = this.tokens[roleStart].start;
        }
      }
      if (src && run.first === segStart) return src;
      if (src && run.first > segStart) {
        src.phraseStart = this.tokens[segStart].start;
        return src;
      }
    }
    // "Grushko, the diplomat, said": the segment is a role; the name comes before it.
    if (this.tokens[segStart - 1]?.text === ',' && this.rolePhrase(segStart, comma)) {
      const nameRun = this.runEndingAt(segStart - 2);
      if (nameRun && nameRun.name) {
        const src = this.runSource(nameRun, unit);
        if (src?.person) this.book.addRole(src.person, this.rolePhrase(segStart, comma)!);
        if (src) src.phraseEnd = this.tokens[comma - 1].end;
        return src;
      }
    }
    return undefined;
  }

  /**
   * "Clinton, during a town hall in Ohio, said …", "Sanders, meanwhile, who …, said": the
   * sentence opens with a name and a comma; whatever is set off before the cue is an aside.
   */
  private subjectOpensWithName(unit: Unit, before: number): boolean {
    const run = this.runStartingAt(unit.firstToken);
    return !!run && !!run.name && !run.possessive && run.last < before && this.tokens[run.last]?.text === ',';
  }

  private subjectBeforeAside(comma: number, unit: Unit): Source | undefined {
    const k = unit.firstToken;
    const opener = this.tokens[k];
    if (!opener || this.inQuote[k]) return undefined;
    if (SUBJECT_PRONOUNS.has(opener.lower) && this.tokens[k + 1]?.text === ',') return this.pronounSource(k);
    const run = this.runStartingAt(k);
    if (!run || !run.name || run.possessive || this.tokens[run.last]?.text !== ',' || run.last >= comma) return undefined;
    for (let j = run.last; j < comma; j++) {
      if (this.inQuote[j] || isOpeningQuote(this.tokens[j].text) || (this.tokens[j].isWord && this.cueVerbs.has(this.tokens[j].lower) && !PARTICIPLE_CUES.has(this.tokens[j].lower))) return undefined;
    }
    const src = this.runSource(run, unit);
    if (src) src.phraseEnd = this.tokens[comma - 1].end;
    return src;
  }

  /** ", 59,", ", of Ashton,", ", who watched …,", ", the minister,": words set off after a name. */
  private looksAppositive(first: number, end: number): boolean {
    const t = this.tokens[first];
    if (!t || end - first > 20) return false;
    return /^\d/.test(t.text) || APPOSITIVE_OPENERS.has(t.lower) || isTitleWord(t.lower) || ROLE_MODIFIERS.has(t.lower) || (end - first <= 3 && isUpperInitial(t.text));
  }

  /** The speaker right after a cue: `," said Grushko`, `said the Russian diplomat`, `according to X`. */
  private sourceAfter(cue: Cue, unit: Unit): Source | undefined {
    const k = cue.last;
    if (k >= unit.lastToken || this.inQuote[k]) return undefined;
    const token = this.tokens[k];
    if (!token.isWord) return undefined;
    if (token.lower === 'he' || token.lower === 'she') return this.pronounSource(k);
    // "according to him, …", "according to them": an object pronoun, not a possessive ("her lawyer").
    if (cue.according && (token.lower === 'him' || token.lower === 'her' || token.lower === 'them') && !this.tokens[k + 1]?.isWord) return this.pronounSource(k);
    let run = this.runStartingAt(k) ?? this.runStartingAt(k + 1);
    // "said panel Chairman Rep. Jason Chaffetz": lower-case words before a titled name.
    if (!run && this.tokens[k + 1]?.isWord) {
      const later = this.runStartingAt(k + 2);
      if (later && later.name && later.role) return this.runSource(later, unit);
    }
    if (run && run.first === k + 1 && !DETERMINERS.has(token.lower) && !ROLE_MODIFIERS.has(token.lower) && run.name && run.role) return this.runSource(run, unit);
    // "said the Russian diplomat": a capitalised adjective, then a role noun, is no name.
    if (run && run.first !== k && run.words.length < 2 && !run.role) run = undefined;
    if (run && !run.name && this.tokens[run.last] && ROLE_HEADS.has(this.tokens[run.last].lower)) run = undefined;
    if (run && run.possessive && (run.first === k || DETERMINERS.has(token.lower)) && !cue.according) {
      // "said Florida’s Rick Wilson", "said Rubio’s campaign manager, Rich Beeson,": the name after the possessive.
      for (let j = run.last; j < unit.lastToken && j - run.last < 8; j++) {
        if (this.inQuote[j] || NP_STOP.has(this.tokens[j].lower) || this.tokens[j].text === '.') break;
        const later = this.runStartingAt(j);
        if (later && later.name && !later.possessive && !later.organization && later.words.length >= 2) return this.runSource(later, unit);
      }
    }
    if (run && (run.first === k || DETERMINERS.has(token.lower) || ROLE_MODIFIERS.has(token.lower))) {
      if (run.possessive && cue.according) {
        // "according to Russia's foreign ministry": take the whole phrase.
        return this.commonPhraseAfter(k, unit);
      }
      return this.runSource(run, unit);
    }
    return this.commonPhraseAfter(k, unit);
  }

  /** "the dockers' union": the apostrophe of a plural possessive, inside the noun phrase. */
  private isPluralPossessive(k: number): boolean {
    const mark = this.tokens[k];
    const before = this.tokens[k - 1];
    const after = this.tokens[k + 1];
    return (mark.text === "'" || mark.text === '\u2019') && !!before && before.isWord && before.end === mark.start && /s$/.test(before.lower) && !!after && after.isWord && after.start > mark.end;
  }

  private commonPhraseAfter(k: number, unit: Unit): Source | undefined {
    // "said after a lunch", "said on Tuesday": a tail, not a speaker.
    // "according to early results of exit polls", "… earlier reports": an adjective of time before a noun of record.
    const next = this.tokens[k + 1];
    const timedRecord = (this.tokens[k].lower === 'early' || this.tokens[k].lower === 'earlier') && !!next && k + 1 < unit.lastToken && (GENERIC_SOURCES.has(next.lower) || next.lower === 'results');
    if (!timedRecord && (TAIL_STARTERS.has(this.tokens[k].lower) || INTRODUCTORY.has(this.tokens[k].lower) || NP_STOP.has(this.tokens[k].lower))) return undefined;
    let end = k;
    // "people familiar with the matter", "a source close to the talks": the preposition such an adjective takes stays in the phrase.
    const keptPreposition = (at: number) => this.tokens[at].lower === 'of' || TWO_WORD_PREPOSITIONS.get(this.tokens[at - 1].lower) === this.tokens[at].lower;
    while (end < unit.lastToken && end - k < 10 && (this.tokens[end].isWord || this.isPluralPossessive(end)) && !this.inQuote[end] && !(NP_STOP.has(this.tokens[end].lower) && end > k && !keptPreposition(end))) {
      if (this.cueVerbs.has(this.tokens[end].lower) && end > k) break;
      end++;
    }
    if (end === k) return undefined;
    while (end > k + 1 && (this.tokens[end - 1].lower === 'of' || this.tokens[end - 1].lower === 'the')) end--;
    const runAtEnd = this.runEndingAt(end - 1);
    if (runAtEnd && runAtEnd.name && !runAtEnd.possessive && runAtEnd.first >= k && !runAtEnd.organization) return this.runSource(runAtEnd, unit);
    return this.commonNounSource(end - 1, unit) ?? (this.tokens[k].isWord ? new Source({ start: this.tokens[k].start, end: this.tokens[end - 1].end }, undefined, this.slice(k, end), this.tokens[k].start, this.tokens[end - 1].end, false) : undefined);
  }

  /** With `gender`, "he" or "she": the last speaker not known to be of the other gender. */
  private lastSpeakerBefore(at: number, gender?: 'm' | 'f'): PersonRecord | undefined {
    for (let s = this.statements.length - 1; s >= 0 && s >= this.statements.length - SPEAKER_LOOKBACK; s--) {
      const st = this.statements[s];
      if (st.contentSpan.start > at && (st.sourceSpan?.start ?? Infinity) > at) continue;
      // "Hannity asked Trump whether … “…,” he said": who is asked answers; the asker is no antecedent.
      if (!st.personKey || isReportedQuestion(st)) continue;
      const person = this.book.get(st.personKey);
      if (person && !person.isOrganization && (!gender || this.genderOf(person, at) !== (gender === 'm' ? 'f' : 'm'))) return person;
    }
    return undefined;
  }

  /**
   * What the text before `at` says of a person's gender: "Mr."/"Mrs."/"Ms." before a name, or the
   * pronouns already resolved to them. Unknown when the evidence is absent or split.
   */
  private genderOf(person: PersonRecord, at: number): 'm' | 'f' | undefined {
    let male = 0;
    let female = 0;
    const mentions = person.mentions;
    for (let i = Math.max(0, mentions.length - 48); i < mentions.length; i++) {
      const m = mentions[i];
      if (m.span.start >= at) continue;
      const word = m.text.toLowerCase();
      if (m.kind === 'pronoun') {
        if (word === 'he' || word === 'his' || word === 'him') male++;
        else if (word === 'she' || word === 'her') female++;
        continue;
      }
      const title = this.text.slice(Math.max(0, m.span.start - 6), m.span.start).toLowerCase();
      if (/\bmr\.? ?$/.test(title)) male += 2;
      else if (/\b(?:mrs|ms|miss)\.? ?$/.test(title)) female += 2;
    }
    if (male !== female) return male > female ? 'm' : 'f';
    // Nothing in the text yet: the given name, when it is nearly always a woman's or a man's.
    const given = person.name.slice(0, person.name.indexOf(' ') >>> 0).toLowerCase();
    return FEMALE_GIVEN_NAMES.has(given) ? 'f' : MALE_GIVEN_NAMES.has(given) ? 'm' : undefined;
  }

  private lastPersonBefore(at: number, gender?: 'm' | 'f'): PersonRecord | undefined {
    let best: PersonRecord | undefined;
    let bestAt = -1;
    for (const person of this.book.all()) {
      if (person.isOrganization || !person.confirmed) continue;
      if (gender && this.genderOf(person, at) === (gender === 'm' ? 'f' : 'm')) continue;
      for (const m of person.mentions) if (m.span.start < at && m.span.start > bestAt) {
        bestAt = m.span.start;
        best = person;
      }
    }
    return best;
  }

  private lastGroupBefore(at: number): PersonRecord | undefined {
    for (let s = this.statements.length - 1; s >= 0 && s >= this.statements.length - SPEAKER_LOOKBACK; s--) {
      const st = this.statements[s];
      if (!st.personKey || st.contentSpan.start > at) continue;
      const person = this.book.get(st.personKey);
      if (person?.isOrganization) return person;
      break;
    }
    return undefined;
  }

  // ---- statements ---------------------------------------------------------------------------

  private unitStatement(unit: Unit, cues: readonly Cue[]): void {
    let best: { cue: Cue; source: Source; content: Span; kind: StatementKind; quotation?: number } | undefined;
    for (const cue of cues) {
      const found = this.statementFor(cue, unit);
      if (!found) continue;
      if (!best || (found.source.named && !best.source.named)) best = { cue, source: found.source, content: found.content, kind: found.kind };
      if (best.source.named) break;
    }
    if (!best) {
      // "The board is trusted, though 32 percent said …": a later clause's own subject, with none before it.
      for (const cue of cues) if (this.pushSecondSubject(cue, unit, true)) return;
      if (!this.colonQuote(unit) && !this.quoteThenVerb(unit)) this.subjectVerbQuote(unit);
      return;
    }
    // "After Smith accused him of lying, he warned, “…”", "he laughed and said, “…”": a later cue that
    // opens a quotation inside the chosen content introduces it; the earlier verb only leads up to it.
    const chosen = best;
    const inner = cues.find((c) => c.first > chosen.cue.first && !this.inQuote[c.first] && this.tokens[c.first].start >= chosen.content.start && this.tokens[c.first].start < chosen.content.end && this.opensQuotation(c));
    if (inner && !this.joinedVerb(inner)) {
      // Only with a subject of its own between the two verbs: "…, he warned, “…”".
      const found = this.statementFor(inner, unit);
      const subject = found ? this.tokenAtOrAfter(found.source.span.start) : -1;
      if (found && found.source.span.start > this.tokens[chosen.cue.first].start && [',', '\u2015', '\u2014', '\u2013'].includes(this.tokens[subject - 1]?.text ?? '') && (found.source.named || !chosen.source.named)) best = { cue: inner, source: found.source, content: found.content, kind: found.kind };
    }
    const pushedFrom = this.statements.length;
    let previous = this.push(best.cue, best.source, best.content, best.kind, unit);
    // "…,” the mayor said, adding that it would take “more hours”", "… and called the plan “a mess”":
    // further statements by the same speaker, each a verb joined to the one before.
    for (const cue of cues) {
      if (cue.first <= best.cue.first || this.tokens[cue.first].start < previous.contentSpan.end) continue;
      const afterRelative = this.mainVerbAfterRelative(cue, best.source, unit);
      if (afterRelative) {
        previous = afterRelative;
        continue;
      }
      if (!this.joinedVerb(cue)) {
        const reportedBy = cue.according || (this.tokens[cue.first].start >= previous.contentSpan.end && this.isTrailingReporter(cue, unit));
        previous = (reportedBy ? this.pushAccordingToAccount(cue, unit) : undefined) ?? this.pushSecondSubject(cue, unit) ?? previous;
        continue;
      }
      const start = this.contentStartAfter(cue, unit);
      const content = this.trimContent({ start, end: unit.end });
      if (!content || this.wordsBetween(content.start, content.end) < 2 || this.isTailOnly(start, unit)) continue;
      const found = this.afterContentOf(content);
      if (QUOTE_ONLY_CUES.has(this.tokens[cue.first].lower) && found.kind === 'indirect' && !this.namingAt(cue, found.content) && !this.isStance(cue) && this.kindOf(this.trimContent({ start, end: this.clauseEnd(content) }) ?? content, false) === 'indirect') continue;
      // "…, but she said …": the pronoun is this statement's own mention of the speaker.
      const subject = this.tokens[cue.first - 1];
      let source = best.source;
      if (subject && (subject.lower === 'he' || subject.lower === 'she') && !this.inQuote[cue.first - 1] && source.person) {
        const span = { start: subject.start, end: subject.end };
        this.book.addMention(source.person, span, subject.text, 'pronoun');
        source = new Source(span, source.person, undefined, subject.start, subject.end, true);
      }
      previous = this.push(cue, source, found.content, found.kind, unit);
    }
    // "Cruz exhorted Republicans to “vote your conscience” and said he …": the chosen cue comes after
    // a quotation that none of its statements holds; the verb before that quotation speaks it.
    const quote = this.outer[this.outerAtOrAfter(unit.start + 1)];
    const cueStart = this.tokens[best.cue.first].start;
    if (!quote || quote.span.end > cueStart || quote.span.start < best.source.phraseEnd) return;
    for (let i = pushedFrom; i < this.statements.length; i++) {
      const held = this.statements[i].contentSpan;
      if (held.start <= quote.inner.start && quote.inner.end <= held.end) return;
    }
    this.subjectVerbQuote(unit);
  }

  /**
   * "Asked whether the quay would reopen, Park said …", "… when asked about the ferry": the question
   * put to the speaker is itself reported, by whoever asked it — nobody the sentence names, unless
   * "asked by X". Its content runs from the question word (or past "about") to the phrase's comma.
   */
  private questionsPut(unit: Unit, cues: readonly Cue[], pushedFrom: number): void {
    for (const cue of cues) {
      const k = cue.first;
      if (cue.last - k !== 1 || this.tokens[k].lower !== 'asked') continue;
      const when = this.tokens[k - 1]?.lower === 'when' && k - 1 >= unit.firstToken && !this.inQuote[k - 1];
      if (k !== unit.firstToken && !when) continue;
      let j = k + 1;
      let source: Source | undefined;
      // "Asked by the host whether …": the asker named.
      if (this.tokens[j]?.lower === 'by') {
        const run = this.runStartingAt(j + 1);
        if (!run || !run.name || run.possessive) continue;
        source = this.runSource(run, unit);
        j = run.last;
      }
      const opener = this.tokens[j];
      if (!opener || j >= unit.lastToken || this.inQuote[j] || !(QUESTION_WORDS.has(opener.lower) || opener.lower === 'about')) continue;
      const cueEnd = opener.lower === 'about' ? j + 1 : k + 1;
      const from = opener.lower === 'about' ? j + 1 : j;
      // Not when the sentence's own rules made "asked" a statement's cue already.
      if (from >= unit.lastToken || this.hasCueAt(pushedFrom, this.tokens[k].start)) continue;
      const end = this.questionEnd(from, unit);
      const content = this.trimContent({ start: this.tokens[from].start, end });
      if (!content) continue;
      const cueSpan = new KeptSpan(this.tokens[k].start, this.tokens[cueEnd - 1].end);
      const cueText = this.text.slice(cueSpan.start, cueSpan.end);
      this.statements.push(
        new CuedStatement(source?.person?.key, source?.person?.name ?? source?.label, this.kindOf(content, false), cueText, content, this.text.slice(content.start, content.end), source?.span, cueSpan, this.dateFor(unit, cueSpan, content), this.quotationIndexIn(content)),
      );
    }
  }

  /** Whether a statement pushed since index `from` has its cue at `offset`. */
  private hasCueAt(from: number, offset: number): boolean {
    for (let i = from; i < this.statements.length; i++) if (this.statements[i].cueSpan?.start === offset) return true;
    return false;
  }

  /** Where a reported question from token `from` ends: its comma outside quotations (“…,” keeps its mark), or the unit's end. */
  private questionEnd(from: number, unit: Unit): number {
    for (let k = from + 1; k < unit.lastToken; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k]) continue;
      if (t.text === ',') return t.start;
      if (isClosingQuote(t.text) && this.text[t.start - 1] === ',') return t.end;
    }
    return unit.end;
  }

  /**
   * "Barkley, who said he votes Democratic, said one candidate he likes is Kasich": after the
   * relative clause's report, the main verb past its closing comma is the named person's own statement.
   */
  private mainVerbAfterRelative(cue: Cue, relative: Source, unit: Unit): Statement | undefined {
    if (cue.last - cue.first !== 1 || !SPEECH_INVERTIBLE.has(this.tokens[cue.first].lower) || this.tokens[cue.first - 1]?.text !== ',' || this.inQuote[cue.first - 1]) return undefined;
    if (relative.span.end - relative.span.start !== 3 || this.text.slice(relative.span.start, relative.span.end).toLowerCase() !== 'who') return undefined;
    const who = this.tokenAtOrAfter(relative.span.start);
    const run = this.tokens[who - 1]?.text === ',' ? this.runEndingAt(who - 2) : undefined;
    if (!run || !run.name || run.possessive || run.organization || run.first < unit.firstToken) return undefined;
    const source = this.runSource(run, unit);
    const content = this.trimContent({ start: this.contentStartAfter(cue, unit), end: unit.end });
    if (!source || !content || this.wordsBetween(content.start, content.end) < 2 || this.isTailOnly(content.start, unit)) return undefined;
    const found = this.afterContentOf(content);
    return this.push(cue, source, found.content, found.kind, unit);
  }

  /**
   * "Most said A, and one in four said B", "…; 29 percent said …", "…, while others say …": a later
   * clause with a subject and speech verb of its own (as clauseEnd cuts the statement before it) is a
   * statement of its own. `contrastOnly`: only after ";" or a contrast, for a sentence with no statement yet.
   */
  private pushSecondSubject(cue: Cue, unit: Unit, contrastOnly = false): Statement | undefined {
    if (cue.last - cue.first !== 1) return undefined;
    let opener = -1;
    for (let k = cue.first - 1; k > unit.firstToken && cue.first - k <= 7; k--) {
      const t = this.tokens[k];
      // With no statement before it, only a clause set against another opens a subject ("and then said" does not).
      if (contrastOnly) {
        if (t.text === ';' || this.opensContrast(k)) {
          opener = k;
          break;
        }
        continue;
      }
      // "While only 7 percent said …, 27 percent said …": the main clause after an opening subordinate one.
      const mainClause = t.text === ',' && SUBORDINATORS.has(this.tokens[unit.firstToken].lower) && !this.inQuote[unit.firstToken];
      if (t.text === ';' || t.lower === 'and' || t.lower === 'but' || this.opensContrast(k) || mainClause) {
        opener = k;
        break;
      }
    }
    if (opener < 0 || this.inQuote[opener] || this.subjectAndCueAfter(opener + 1, unit.lastToken) !== cue.first) return undefined;
    const first = opener + 1;
    const last = cue.first - 1;
    let source: Source | undefined;
    const run = this.runStartingAt(first);
    if (first === last && (this.tokens[first].lower === 'he' || this.tokens[first].lower === 'she' || this.tokens[first].lower === 'they')) source = this.pronounSource(first);
    else if (run && run.last === cue.first && run.name) source = this.runSource(run, unit);
    else {
      const span = new KeptSpan(this.tokens[first].start, this.tokens[last].end);
      source = new Source(span, undefined, this.text.slice(span.start, span.end), span.start, span.end, false);
    }
    if (!source) return undefined;
    const content = this.trimContent({ start: this.contentStartAfter(cue, unit), end: unit.end });
    if (!content || this.wordsBetween(content.start, content.end) < 2) return undefined;
    const found = this.afterContentOf(content);
    return this.push(cue, source, found.content, found.kind, unit);
  }

  /**
   * "accused Cruz of opposing …", "criticized him for saying …", "described the meeting as …": a
   * verb of judging, its object and the grounds it gives — what was said, in a sentence with no quotation.
   */
  private speechActWithGrounds(cue: Cue, content: Span, unit: Unit): boolean {
    if (cue.last - cue.first !== 1) return false;
    // With a quotation in the sentence, the verb that introduces it speaks; this one only leads up to it.
    const quote = this.outer[this.outerAtOrAfter(unit.start)];
    if (quote && quote.span.start < unit.end) return false;
    const grounds = GROUNDS_OF_JUDGING.get(this.tokens[cue.first].lower);
    if (!grounds || this.tokens[cue.last]?.start !== content.start) return false;
    const last = this.tokenAtOrAfter(content.end);
    for (let k = cue.last + 1; k < last && k - cue.last <= 8; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k] || !(t.isWord || t.text === '\u2019' || t.text === "'" || t.text === '.' || t.text === '-')) return false;
      if (t.lower === grounds) return k + 1 < last;
    }
    return false;
  }

  /**
   * Where a stand's object ends: "criticized Park on Monday, another sign …" → "Park". At its first
   * comma outside quotations (not one inside a place, "Tulsa, Okla."), where it was said ("at the
   * forum", "in an interview"), a second clause ("but …"), or a time ("on Monday", "Tuesday", "last
   * week"); or its end. Left whole with a quotation in it: what the quoted words were said of.
   */
  private objectEnd(content: Span): number {
    // With a quotation in it, the object is what the quoted words were said of: left whole, as before.
    const quote = this.outer[this.outerAtOrAfter(content.start)];
    if (quote && quote.span.start < content.end) return content.end;
    const last = this.tokenAtOrAfter(content.end);
    let placeClose = -1;
    for (let k = this.tokenAtOrAfter(content.start) + 1; k < last; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k]) continue;
      // "Tulsa, Okla., police": a place and its state, with the comma that closes them.
      if (k === placeClose) continue;
      if (t.text === ',' && isUpperInitial(this.tokens[k - 1].text) && isUpperInitial(this.tokens[k + 1]?.text ?? '') && (this.tokens[k + 2]?.text === ',' || this.tokens[k + 2]?.text === '.')) {
        placeClose = this.tokens[k + 2].text === ',' ? k + 2 : this.tokens[k + 3]?.text === ',' ? k + 3 : -1;
        continue;
      }
      if (t.text === ',' || t.text === ';' || t.text === '\u2014' || t.text === '(') return t.start;
      if (t.lower === 'at' || t.lower === 'but' || (t.lower === 'in' && (this.tokens[k + 1]?.lower === 'a' || this.tokens[k + 1]?.lower === 'an'))) return t.start;
      if (t.isWord && (WEEKDAYS.has(t.lower) || ((t.lower === 'on' || t.lower === 'last' || t.lower === 'this') && (WEEKDAYS.has(this.tokens[k + 1]?.lower ?? '') || TIME_UNITS.has(this.tokens[k + 1]?.lower ?? ''))))) return t.start;
    }
    return content.end;
  }

  /** A verb of taking a stand ("criticized", "cited", "citing"): its object is the content. */
  private isStance(cue: Cue): boolean {
    return cue.last - cue.first === 1 && STANCE_CUES.has(this.tokens[cue.first].lower);
  }

  /**
   * "called him a political opportunist", "calls Ellen Park the best mayor", "labeled it a hoax": a verb
   * of naming, its object (a pronoun or a name) and what it was called (a noun phrase) — said of the
   * object, with no quotation needed. Not "called him yesterday", "called it off", "a group called …".
   */
  private namingAt(cue: Cue, content: Span): boolean {
    if (cue.last - cue.first !== 1 || !NAMING_VERBS.has(this.tokens[cue.first].lower) || this.tokens[cue.last]?.start !== content.start) return false;
    let k = cue.last;
    const object = this.tokens[k];
    if (!object || this.inQuote[k]) return false;
    if (NAMED_OBJECTS.has(object.lower)) k++;
    else {
      const run = this.runStartingAt(k);
      if (!run || !run.name || run.possessive || run.organization) return false;
      k = run.last;
    }
    const next = this.tokens[k];
    return !!next && next.start < content.end && !this.inQuote[k] && NAMING_DETERMINERS.has(next.lower) && !!this.tokens[k + 1]?.isWord && this.tokens[k + 1].start < content.end;
  }

  /**
   * "The president told her it was not that simple, according to an account she gave", "Park said
   * the pier was unsafe, the Harbour Times reported": the sentence's statement is itself reported by
   * another source — a second attribution of the clause.
   */
  private isTrailingReporter(cue: Cue, unit: Unit): boolean {
    if (cue.last - cue.first !== 1) return false;
    for (let k = cue.first - 1; k > unit.firstToken && cue.first - k <= 7; k--) {
      if (this.tokens[k].text === ',') return this.trailingReporterAt(k + 1, unit.lastToken) === cue.first;
    }
    return false;
  }

  private pushAccordingToAccount(cue: Cue, unit: Unit): Statement | undefined {
    const found = this.statementFor(cue, unit);
    if (!found || found.content.end > this.tokens[cue.first].start) return undefined;
    return this.push(cue, found.source, found.content, found.kind, unit);
  }

  /** `said, “…`, `said: “…`, `said “…`: the cue is followed by an opening quotation mark. */
  private opensQuotation(cue: Cue): boolean {
    const next = this.tokens[cue.last];
    if (!next) return false;
    if (isOpeningQuote(next.text)) return true;
    return (next.text === ',' || next.text === ':') && !!this.tokens[cue.last + 1] && isOpeningQuote(this.tokens[cue.last + 1].text);
  }

  /** A cue joined to the verb before it with the same subject: "…, adding", "… and said", "but he warned". */
  private joinedVerb(cue: Cue): boolean {
    const lower = this.tokens[cue.first].lower;
    let k = cue.first - 1;
    while (k > 0 && ADVERBS.has(this.tokens[k].lower) && cue.first - k < 3) k--;
    const before = this.tokens[k];
    if (!before) return false;
    if (PARTICIPLE_CUES.has(lower) || this.isParticiple(lower)) {
      return before.text === ',' || before.text === '\u2014' || before.text === '\u2013' || (isClosingQuote(before.text) && this.text[before.start - 1] === ',');
    }
    if (SUBJECT_PRONOUNS.has(before.lower)) k--;
    const conj = this.tokens[k];
    return !!conj && (conj.lower === 'and' || conj.lower === 'but') && !this.inQuote[k];
  }

  /**
   * "Trump is calling the plan “a disaster”": a named subject, its verb, and a quoted phrase in what
   * follows. The verb is not a known cue, but the words in quotation marks are the subject's.
   */
  private subjectVerbQuote(unit: Unit): void {
    const candidate = this.outer[this.outerAtOrAfter(unit.start + 1)];
    const quote = candidate && candidate.span.start < unit.end && candidate.span.end <= unit.end + 1 ? candidate : undefined;
    if (!quote || this.isTitleQuote(quote)) return;
    const unitWords = this.wordsBetween(unit.start, unit.end);
    if (this.wordsBetween(quote.inner.start, quote.inner.end) >= unitWords * 0.6) return;
    const quoteToken = this.tokenAtOrAfter(quote.span.start);
    // The nearest subject before the quote: a known name or he/she, then (adverbs,) a verb.
    for (let k = quoteToken - 1; k >= unit.firstToken && quoteToken - k <= 14; k--) {
      const t = this.tokens[k];
      if (this.inQuote[k] || t.text === ';' || t.text === ':') return;
      let source: Source | undefined;
      let after: number;
      const run = this.runEndingAt(k);
      if (t.lower === 'he' || t.lower === 'she') {
        source = this.pronounSource(k);
        after = k + 1;
      } else if (run && run.name && !run.possessive && !run.organization && (run.words.length >= 2 || run.role || this.book.resolveSurname(run.name, run.nameStart))) {
        if (this.tokens[run.first - 1] && OBJECT_PREPOSITIONS.has(this.tokens[run.first - 1].lower)) continue;
        source = this.runSource(run, unit);
        after = run.last;
      } else continue;
      if (!source?.person) continue;
      while (after < quoteToken && ADVERBS.has(this.tokens[after].lower)) after++;
      while (after < quoteToken && /ly$/.test(this.tokens[after].lower) && this.tokens[after].isWord) after++;
      const verb = this.tokens[after];
      if (!verb || !verb.isWord || isUpperInitial(verb.text) || NP_STOP.has(verb.lower) || after >= quoteToken) continue;
      // A past or present tense ("branded", "blasts"); not "holding up “…”", "made a “…”", "won the “…”":
      // an -ing form or an irregular past that reports no speech is the writer's own account.
      if (!/(?:ed|s)$/.test(verb.lower) && !this.cueVerbs.has(verb.lower)) continue;
      const content = this.trimContent({ start: verb.end, end: unit.end });
      if (!content || content.start > quote.span.start) continue;
      // "he laughed and said, “…”": the speech verb joined to the first one introduces the quotation.
      const joined = this.tokens[after + 1]?.lower === 'and' && this.isCueAt(after + 2) ? { first: after + 2, last: after + 3, text: this.tokens[after + 2].text, according: false } : undefined;
      if (joined && this.opensQuotation(joined)) {
        const said = this.trimContent({ start: this.contentStartAfter(joined, unit), end: unit.end });
        if (said) {
          const found = this.afterContentOf(said);
          this.push(joined, source, found.content, found.kind, unit);
          return;
        }
      }
      const cue: Cue = { first: after, last: after + 1, text: verb.text, according: false };
      // "Trump boasted, “That makes me smart.”": the verb, a comma or colon, and the quotation to the end.
      const mark = this.tokens[after + 1];
      if (mark && (mark.text === ',' || mark.text === ':') && after + 2 === quoteToken && this.trimContent({ start: quote.span.end, end: unit.end }) === undefined) {
        this.push(cue, source, this.trimContent(quote.inner) ?? quote.inner, 'direct', unit);
        return;
      }
      this.push(cue, source, content, 'partial', unit);
      return;
    }
  }

  /**
   * "“This is fantastic!” Ann Lee beamed." / "“Enough,” snapped the mayor." A quotation opening the
   * sentence, then a short attribution with a verb the lexicon does not know.
   */
  private quoteThenVerb(unit: Unit): boolean {
    const opening = this.tokens[unit.firstToken];
    const q = opening ? this.outerStartingAt(opening.start) : undefined;
    if (!q || !/[,?!\u2014]\s*$/.test(this.text.slice(q.inner.start, q.inner.end))) return false;
    let k = this.tokenAtOrAfter(q.span.end);
    if (k >= unit.lastToken) return false;
    const pastVerb = (t: Token | undefined) => !!t && t.isWord && !isUpperInitial(t.text) && (/[a-z]{3}ed$/.test(t.lower) || IRREGULAR_PAST.has(t.lower)) && !NP_STOP.has(t.lower);
    let verbAt = -1;
    let source: Source | undefined;
    const first = this.tokens[k];
    if (pastVerb(first)) {
      // "“Enough,” snapped the mayor."
      verbAt = k;
      const cue: Cue = { first: k, last: k + 1, text: first.text, according: false };
      source = this.sourceAfter(cue, unit);
      if (!source?.named && !source?.label) return false;
      const end = this.tokenAtOrAfter(source.phraseEnd);
      if (end < unit.lastToken && !['.', ',', '!', '?'].includes(this.tokens[end].text)) return false;
    } else {
      // "“This is fantastic!” Ann Lee, a delegate from Ohio, beamed."
      for (let j = k; j < unit.lastToken && j - k < 14; j++) {
        if (pastVerb(this.tokens[j]) && j > k) {
          verbAt = j;
          break;
        }
        if (this.inQuote[j] || isOpeningQuote(this.tokens[j].text)) return false;
      }
      if (verbAt < 0) return false;
      const next = this.tokens[verbAt + 1];
      if (next && verbAt + 1 < unit.lastToken && !['.', ',', '!', '?'].includes(next.text) && !TAIL_STARTERS.has(next.lower) && next.lower !== 'with') return false;
      source = this.sourceBefore({ first: verbAt, last: verbAt + 1, text: this.tokens[verbAt].text, according: false }, unit);
      if (!source || !(source.named || source.label) || source.phraseStart !== this.tokens[k].start) return false;
    }
    const cue: Cue = { first: verbAt, last: verbAt + 1, text: this.tokens[verbAt].text, according: false };
    this.push(cue, source, this.trimContent(q.inner) ?? q.inner, 'direct', unit);
    return true;
  }

  /** "Sen. Jane Roe scolded him: “…”": a name, a verb, a colon, then a quotation. */
  private colonQuote(unit: Unit): boolean {
    for (let k = unit.firstToken; k < unit.lastToken - 1 && k < unit.firstToken + 16; k++) {
      if (this.tokens[k].text !== ':' || this.inQuote[k] || !isOpeningQuote(this.tokens[k + 1].text)) continue;
      const q = this.outerStartingAt(this.tokens[k + 1].start);
      if (!q) return false;
      let runAt = -1;
      for (let j = k - 1; j >= unit.firstToken && k - j <= 4; j--) {
        const run = this.runEndingAt(j);
        if (run && run.name && !run.possessive) {
          runAt = j;
          break;
        }
        if (j === k - 1 && this.tokens[j].text === ')') continue;
      }
      if (runAt < 0) return false;
      const run = this.runEndingAt(runAt)!;
      // "Clinton: “…”", "More from Jones: “…”": a speaker's label, as in a transcript; the colon is the cue.
      const label = runAt === k - 1;
      if (label && !this.isSpeakerLabel(run, unit)) return false;
      const source = this.runSource(run, unit);
      if (!source) return false;
      const cue: Cue = label ? { first: k, last: k + 1, text: ':', according: false } : { first: runAt + 1, last: k, text: this.slice(runAt + 1, k), according: false };
      if (!label && !this.tokens[cue.first].isWord) return false;
      this.push(cue, source, this.trimContent(q.inner) ?? q.inner, 'direct', unit);
      return true;
    }
    return false;
  }

  /** A person's name that opens its sentence (or follows a dash or "from") and stands before a colon. */
  private isSpeakerLabel(run: NameRun, unit: Unit): boolean {
    if (!run.name || run.possessive || run.organization) return false;
    const before = this.tokens[run.first - 1];
    const opens = run.first === unit.firstToken || (!!before && (before.text === '-' || before.text === '\u2014' || before.text === '\u2013' || before.lower === 'from'));
    if (!opens) return false;
    return run.words.length >= 2 || !!run.role || !!this.book.resolveSurname(run.name, run.nameStart);
  }

  /**
   * "RIA quoted Kremlin spokesman Dmitry Peskov as saying …" (the one quoted, between "quoted" and
   * "as") and "Peskov was quoted by Interfax as saying …" (the subject before "was quoted"): the
   * speaker of a "saying" after "as" in a sentence with "quoted".
   */
  private quotedAsSaying(cue: Cue, unit: Unit): Source | undefined {
    const as = cue.first - 1;
    if (this.tokens[cue.first].lower !== 'saying' || this.tokens[as]?.lower !== 'as' || as <= unit.firstToken) return undefined;
    for (let q = as - 1; q >= unit.firstToken && as - q <= 12; q--) {
      const t = this.tokens[q];
      if (this.inQuote[q] || t.text === ',' || t.text === ';') return undefined;
      if (t.lower !== 'quoted') continue;
      const passive = this.tokens[q - 1];
      if (passive && (passive.lower === 'was' || passive.lower === 'were' || passive.lower === 'is' || passive.lower === 'been')) {
        let subjectEnd = q - 2;
        while (subjectEnd >= unit.firstToken && (this.tokens[subjectEnd].lower === 'has' || this.tokens[subjectEnd].lower === 'have' || this.tokens[subjectEnd].lower === 'had')) subjectEnd--;
        return subjectEnd >= unit.firstToken ? this.nounPhraseEndingAt(subjectEnd, unit) : undefined;
      }
      return q + 1 < as ? this.nounPhraseEndingAt(as - 1, unit) : undefined;
    }
    return undefined;
  }

  private statementFor(cue: Cue, unit: Unit): Found | undefined {
    const cueStart = this.tokens[cue.first].start;
    const cueEnd = this.tokens[cue.last - 1].end;
    if (cue.according) {
      // "In his words, …": the source is the cue's own pronoun.
      const own = cue.last - cue.first === 3 && this.tokens[cue.first + 2].lower === 'words' ? this.pronounSource(cue.first + 1) : undefined;
      const source = own ?? this.sourceAfter(cue, unit);
      if (!source) return undefined;
      const beforeWords = this.wordsBetween(unit.start, cueStart);
      // Opening the sentence, the phrase is set off by a comma: what follows it is the content.
      const phraseEnd = own ? cue.last : this.tokenAtOrAfter(source.phraseEnd);
      const after = beforeWords <= 2 && !own ? this.commaClosingSourcePhrase(phraseEnd, unit) : phraseEnd;
      // "…, according to X, who …", "…, according to X, an analyst": with a clause before the cue, what
      // follows the comma describes the source; only after a lead-in ("In 2015, according to X, …") or
      // as "that …" ("The diplomats said, according to X, that …") is it the content.
      const before = this.trimContent({ start: unit.start, end: cueStart });
      const leadIn = beforeWords <= 2 || (!!before && this.isLeadInOnly(before)) || this.tokens[after + 1]?.lower === 'that';
      if (after < unit.lastToken && this.tokens[after].text === ',' && (beforeWords <= 2 || (leadIn && this.wordsBetween(this.tokens[after].end, unit.end) >= 3))) {
        const content = this.trimContent({ start: this.tokens[after].end, end: unit.end });
        return content && { source, content, kind: this.kindOf(content, false) };
      }
      const content = this.trimContent({ start: unit.start, end: cueStart });
      return content && this.wordsBetween(content.start, content.end) >= 2 ? { source, content, kind: this.kindOf(content, false) } : undefined;
    }
    const quotedAs = this.quotedAsSaying(cue, unit);
    if (quotedAs) {
      const content = this.trimContent({ start: this.contentStartAfter(cue, unit), end: unit.end });
      if (content && this.wordsBetween(content.start, content.end) >= 2) return sourced(quotedAs, this.afterContentOf(content));
      return undefined;
    }
    if ((PARTICIPLE_CUES.has(this.tokens[cue.first].lower) || (this.isStance(cue) && this.tokens[cue.first].lower.endsWith('ing'))) && this.tokens[cue.first - 1]?.text === ',' && cue.first > unit.firstToken) {
      // "The union rejected the plan, saying …": a noun phrase and its verb open the sentence.
      const subject = this.subjectOf(unit, cue.first) ?? this.openingNounPhrase(unit, cue.first - 1);
      const content = this.trimContent({ start: this.contentStartAfter(cue, unit), end: unit.end });
      if (subject && content && this.isStance(cue)) return sourced(subject, this.afterContentOf(this.trimContent({ start: content.start, end: this.objectEnd(content) }) ?? content));
      if (subject && content && this.wordsBetween(content.start, content.end) >= 2) return sourced(subject, this.afterContentOf(content));
      return undefined;
    }
    const conjunction = this.tokens[cue.first - 1]?.lower;
    if ((conjunction === 'and' || (conjunction === 'but' && !this.cueBetween(unit.firstToken, cue.first - 1))) && !this.inQuote[cue.first - 1] && cue.first - 1 > unit.firstToken && SPEECH_INVERTIBLE.has(this.tokens[cue.first].lower)) {
      // "Reed, her opponent, toured the plant and said he thought …": the verb shares the sentence's subject;
      // so with "but": "The firm keeps its finances secret but says its business has tripled".
      // "…, and he laughed and said": a pronoun right before the first verb is the nearer subject.
      const pronoun = this.tokens[cue.first - 3];
      const nearer = pronoun && cue.first - 3 > unit.firstToken && (pronoun.lower === 'he' || pronoun.lower === 'she') && !this.inQuote[cue.first - 3];
      const subject = nearer ? this.pronounSource(cue.first - 3) : this.subjectOf(unit, cue.first - 1) ?? this.openingNounPhrase(unit, cue.first - 1);
      const content = this.trimContent({ start: this.contentStartAfter(cue, unit), end: unit.end });
      if (subject && content && this.wordsBetween(content.start, content.end) >= 2) return sourced(subject, this.afterContentOf(content));
    }
    if (cue.first === unit.firstToken && cue.last - cue.first === 1 && SPEECH_INVERTIBLE.has(this.tokens[cue.first].lower)) {
      // "Said Ellis: “…”" — the cue opens the sentence and the speaker follows it.
      const source = this.sourceAfter(cue, unit);
      if (source && (source.named || source.label)) {
        let k = this.tokenAtOrAfter(source.phraseEnd);
        if (k < unit.lastToken && (this.tokens[k].text === ':' || this.tokens[k].text === ',')) k++;
        const q = k < unit.lastToken ? this.outerStartingAt(this.tokens[k].start) : undefined;
        if (q) return { source, content: this.trimContent(q.inner) ?? q.inner, kind: 'direct' };
      }
    }
    const before = this.sourceBefore(cue, unit);
    if (before) {
      const content = this.contentForSubjectCue(cue, before, unit);
      const quoteOnly = cue.last - cue.first === 1 && QUOTE_ONLY_CUES.has(this.tokens[cue.first].lower);
      if (content && (!quoteOnly || content.kind !== 'indirect' || this.speechActWithGrounds(cue, content.content, unit) || this.namingAt(cue, content.content) || this.isStance(cue))) return sourced(before, content);
    } else {
      // "The lawmaker, who represents …, said Trump's remarks “…”", "About four in 10 said they were
      // “angry”": a subject the rules above cannot name, but that is all the sentence has before its verb.
      const subject = this.wholeSubjectBefore(cue, unit);
      const content = subject && this.contentForSubjectCue(cue, subject, unit);
      if (subject && content && this.tokens[cue.first].start < content.content.start) return sourced(subject, content);
    }
    const prev = this.tokens[cue.first - 1];
    const inverted = prev && cue.first > unit.firstToken && cue.last - cue.first === 1 && (SPEECH_INVERTIBLE.has(this.tokens[cue.first].lower) && (prev.text === ',' || prev.text === '\u2014' || prev.text === '-') || (isClosingQuote(prev.text) && !this.inQuote[cue.first - 1]));
    if (inverted) {
      const source = this.sourceAfter(cue, unit);
      if (source) {
        const quote = this.quoteEndingNear(cueStart, unit);
        if (quote !== undefined) return { source, content: this.contentOfQuoteBefore(quote, unit, source.phraseEnd), kind: this.kindBefore(quote, unit) };
        const content = this.trimContent({ start: unit.start, end: cueStart });
        if (content && this.wordsBetween(content.start, content.end) >= 3) return { source, content, kind: this.kindOf(content, false) };
      }
    }
    void cueEnd;
    return undefined;
  }

  /**
   * A speech verb outside quotations among tokens[from, to): "His aides say it is too early but
   * noted …" — the verb after "but" joins that statement (the joined verbs' loop), and the first
   * name after the first verb is no subject of it.
   */
  private cueBetween(from: number, to: number): boolean {
    // subjectOf looks at the sentence's first dozen words: no further back than that matters.
    for (let k = from; k < to && k < from + 24; k++) if (!this.inQuote[k] && this.isCueAt(k) && !this.isNounUse(k)) return true;
    return false;
  }

  /**
   * "According to the RealClearPolitics average, …", "according to a book by Jane Roe, …": the
   * source's name or head noun ends before the phrase does; the phrase runs on, a few plain words
   * with no verb or quotation, to the comma that sets it off. That comma's index, or `k`.
   */
  private commaClosingSourcePhrase(k: number, unit: Unit): number {
    for (let j = k; j < unit.lastToken && j - k < SOURCE_PHRASE_TOKENS; j++) {
      const t = this.tokens[j];
      if (t.text === ',') return j;
      if (this.inQuote[j] || !(t.isWord || t.text === '.' || t.text === '-' || t.text === '&' || t.text === '\u2019' || t.text === "'")) return k;
      if (t.isWord && (this.cueVerbs.has(t.lower) || AUXILIARIES.has(t.lower) || t.lower === 'that' || t.lower === 'who' || t.lower === 'which')) return k;
    }
    return k;
  }

  /**
   * The noun phrase that opens the sentence (after a lead-in such as "Although …,") and runs up to a
   * plain speech verb, cut before a set-off appositive or a relative clause; no verb of its own.
   */
  /**
   * "The central bank on Friday cut its forecast and warned that …": the noun phrase that opens the
   * sentence, up to its first verb, as the subject of a verb joined by "and". Only a short phrase
   * that starts with a determiner or a capital and meets a past-tense verb or a time phrase.
   */
  private openingNounPhrase(unit: Unit, before: number): Source | undefined {
    const from = unit.firstToken;
    const first = this.tokens[from];
    if (!first?.isWord || this.inQuote[from] || !(DETERMINERS.has(first.lower) || isUpperInitial(first.text))) return undefined;
    if (opensNoSubject(first.lower)) return undefined;
    let end = from;
    while (end < before && end - from < 6) {
      const t = this.tokens[end];
      if (!t.isWord || this.inQuote[end] || NP_STOP.has(t.lower) || CLAUSE_OPENERS.has(t.lower) || this.cueVerbs.has(t.lower)) break;
      if (end > from && !isUpperInitial(t.text) && (/[a-z]ed$/.test(t.lower) || IRREGULAR_PAST.has(t.lower))) break;
      end++;
    }
    if (end === from || end >= before || /[’']s?$/.test(this.tokens[end - 1].text)) return undefined;
    const stop = this.tokens[end];
    const verbNext = stop.isWord && !isUpperInitial(stop.text) && (/[a-z]ed$/.test(stop.lower) || IRREGULAR_PAST.has(stop.lower));
    const timeNext = stop.lower === 'on' && WEEKDAYS.has(this.tokens[end + 1]?.lower ?? '');
    if (!verbNext && !timeNext) return undefined;
    const span = { start: this.tokens[from].start, end: this.tokens[end - 1].end };
    const run = this.runStartingAt(from);
    if (run && run.name && !run.possessive && run.last === end) return this.runSource(run, unit);
    return new Source(span, undefined, this.text.slice(span.start, span.end), span.start, span.end, false);
  }

  private wholeSubjectBefore(cue: Cue, unit: Unit): Source | undefined {
    const verb = this.tokens[cue.first].lower;
    // "The harbour master posted on Instagram: “…”": so with any verb that a quotation follows where it was posted.
    // "Patient groups note that …", "Clinton's defenders argue that …": with "that" after it, any cue verb reports.
    const thatClause = this.tokens[cue.last]?.lower === 'that' && cue.last + 1 < unit.lastToken && !this.inQuote[cue.last];
    // "A spokesman for the board declined to comment": so with a commitment or refusal and its infinitive.
    if (cue.last - cue.first !== 1 || !(SPEECH_INVERTIBLE.has(verb) || (BARE_CLAUSE_CUES.has(verb) && !QUOTE_ONLY_CUES.has(verb)) || thatClause || this.quoteAfterMeans(cue.last, unit) !== undefined || this.commitmentAt(cue, unit) || this.isStance(cue))) return undefined;
    let from = unit.firstToken;
    const opener = this.tokens[from];
    // "Among ferry pilots, 74 percent said …": a place or group named before the subject is a lead-in too.
    const prepositional = !!opener && SUBJECT_PREPOSITIONS.has(opener.lower) && !INTRODUCTORY.has(opener.lower);
    if (opener && (INTRODUCTORY.has(opener.lower) || this.isParticiple(opener.lower) || prepositional)) {
      from = this.afterLeadIn(from, cue.first);
      if (prepositional && from === unit.firstToken) return undefined;
      // "But majorities in all five say …": a conjunction alone, with no lead-in after it, opens the subject.
      if (from === unit.firstToken && SENTENCE_CONJUNCTIONS.has(opener.lower)) from++;
      // "While only 7 percent said …, 27 percent …": the subordinate clause's own subject follows its opener.
      else if (from === unit.firstToken && CONTRASTS.has(opener.lower) && this.subjectAndCueAfter(from + 1, cue.last) === cue.first) from++;
    }
    // "… later Thursday forcefully told": adverbs and a time phrase before the verb are not the subject.
    let end = cue.first;
    for (let guard = 0; guard < 4 && end > from; guard++) {
      const t = this.tokens[end - 1];
      if ((ADVERBS.has(t.lower) && !AUXILIARIES.has(t.lower)) || (t.isWord && /[a-z]ly$/.test(t.text))) end--;
      else {
        const before = this.skipTimePhraseBefore(end - 1, unit) + 1;
        if (before === end) break;
        end = before;
      }
    }
    if (end <= from || cue.first - from > 24) return undefined;
    let cut = end;
    for (let k = from; k < end; k++) {
      const t = this.tokens[k];
      if (this.inQuote[k] || isOpeningQuote(t.text) || isClosingQuote(t.text) && k === from) return undefined;
      if (t.text === ',' || t.lower === 'who' || t.lower === 'which' || t.lower === 'that' || t.text === '(' || t.text === '\u2014') {
        cut = Math.min(cut, k);
        continue;
      }
      if (k >= cut) continue;
      // "The pilots’ union": a plural's possessive apostrophe stands alone as a token.
      if (!t.isWord && t.text !== '.' && t.text !== '-' && t.text !== '&' && t.text !== '\u2019' && t.text !== "'") return undefined;
      const w = t.lower;
      if (NOT_IN_SUBJECT.has(w) || (this.cueVerbs.has(w) && !this.isNounUse(k))) return undefined;
      // "The former first lady and U.S. senator said": "and" joins two nouns, never a verb and a clause.
      if (w === 'and' && (k === from || !this.tokens[k + 1]?.isWord)) return undefined;
      if (w === 'and' && !isUpperInitial(t.text) && this.tokens.slice(from, k).some((x) => !isUpperInitial(x.text) && (/[a-z]ed$/.test(x.lower) || IRREGULAR_PAST.has(x.lower)))) return undefined;
    }
    if (cut <= from || cut - from > 8) return undefined;
    // What follows the phrase is set off and closed right before the verb (", who …, said"), or is a
    // relative clause ("an official who spoke anonymously said"), never the rest of a clause.
    const cutBy = this.tokens[cut];
    if (cut < end && cutBy.text === ',' && this.tokens[end - 1].text !== ',') return undefined;
    if (cut < end && cutBy.text !== ',') for (let k = cut; k < end; k++) if (this.tokens[k].text === ',') return undefined;
    const first = this.tokens[from];
    if (opensNoSubject(first.lower)) return undefined;
    for (let k = from; k < cut; k++) if (ADVERBS.has(this.tokens[k].lower) && !DETERMINERS.has(this.tokens[k].lower)) return undefined;
    const span = { start: this.tokens[from].start, end: this.tokens[cut - 1].end };
    const label = this.text.slice(span.start, span.end);
    if (!/\p{L}/u.test(label)) return undefined;
    return new Source(span, undefined, label, span.start, this.tokens[end - 1].end, false);
  }

  /** Content for "SOURCE said …", "…, SOURCE said", "“…,” SOURCE said", "X, SOURCE said, Y". */
  private contentForSubjectCue(cue: Cue, source: Source, unit: Unit): { content: Span; kind: StatementKind } | undefined {
    const cueEnd = this.tokens[cue.last - 1].end;
    // "Asked if it was “safe,” most said yes": the quotation is the question's, not the subject's; a
    // stand's object follows its verb ("the “loopholes” he cited are …" is no statement of it).
    const quote = this.opensWithAsked(unit) || this.isStance(cue) ? undefined : this.quoteEndingNear(source.phraseStart, unit);
    if (quote !== undefined) {
      return { content: this.contentOfQuoteBefore(quote, unit, cueEnd), kind: this.kindBefore(quote, unit) };
    }
    const beforeEnd = this.commaBefore(source.phraseStart, unit);
    const afterStart = this.contentStartAfter(cue, unit);
    const afterContent = afterStart < unit.end ? this.trimContent({ start: afterStart, end: unit.end }) : undefined;
    const afterWords = afterContent ? this.wordsBetween(afterContent.start, afterContent.end) : 0;
    // "Asked if …, 72 percent said yes": a one-word answer is what they said.
    if (afterContent && afterWords === 1 && this.isYesOrNo(afterContent) && SPEECH_INVERTIBLE.has(this.tokens[cue.first].lower)) return { content: afterContent, kind: 'indirect' };
    const explicit = this.explicitComplement(cue, unit);
    if (explicit && afterContent && afterWords >= 2) return this.afterContentOf(afterContent);
    // "Park endorsed Quist", "the board cited a new survey": the object, however short, and only it.
    if (this.isStance(cue)) {
      const first = this.tokens[this.tokenAtOrAfter(afterStart)];
      // "Trump avoids condemning …", "a theme of questioning …": an -ing form with no comma before it is no one's act here.
      const gerund = this.tokens[cue.first].lower.endsWith('ing') && !PASSIVE_AUXILIARIES.has(this.tokens[cue.first - 1]?.lower ?? '');
      // "The loopholes he cited are …": the object stands before the verb, in a relative clause.
      if (!afterContent || !first || first.lower === 'by' || gerund || PASSIVE_AUXILIARIES.has(first.lower) || AUXILIARIES.has(first.lower) || this.isTailOnly(afterStart, unit)) return undefined;
      return this.afterContentOf(this.trimContent({ start: afterContent.start, end: this.objectEnd(afterContent) }) ?? afterContent);
    }
    const bareClause = BARE_CLAUSE_CUES.has(this.tokens[cue.first].lower) || cue.last - cue.first > 1;
    const substantialAfter = !!afterContent && afterWords >= 3 && bareClause && !this.isTailOnly(afterStart, unit);
    if (beforeEnd !== undefined) {
      const beforeContent = this.trimContent({ start: unit.start, end: beforeEnd });
      const beforeWords = beforeContent ? this.wordsBetween(beforeContent.start, beforeContent.end) : 0;
      const continues = this.parentheticalContinues(cue, unit);
      // Not after a lead-in when the clause runs on past the cue: "Among pilots, 74 percent said A, while …"
      // reports A alone ("In May, she said, A" is still one statement set off around its cue).
      if (beforeContent && continues && afterWords >= 2 && (this.tokens[cue.last]?.text === ',' || !this.isLeadInOnly(beforeContent))) {
        const whole = this.trimContent({ start: unit.start, end: unit.end })!;
        return { content: whole, kind: this.kindOf(whole, true) };
      }
      const introductory = beforeContent && (this.isIntroductoryPhrase(beforeContent) || this.endsWithAside(beforeContent));
      // "Nevada's governor, Brian Sandoval, said Tuesday that …": a role set off before the name, no verb of its own.
      const roleBefore = substantialAfter && beforeContent && beforeWords <= 10 && this.kindOf(beforeContent, false) === 'indirect' && this.hasNoVerb(beforeContent);
      // "Moments earlier, in his opening remarks, Trump said he was …", "Courted by …, Adelson said that he …":
      // a clause with its own subject after the verb is what was said; what stands before the subject is a lead-in.
      // After "told", the words right after the verb are the listener ("told The Times"), not a clause.
      const afterFirst = this.tokenAtOrAfter(afterStart);
      const listenerNext = LISTENER_CUES.has(this.tokens[cue.first].lower) && afterFirst === cue.last;
      const clauseAfter = substantialAfter && !listenerNext && !!beforeContent && this.kindOf(beforeContent, false) === 'indirect' && this.opensClause(afterFirst, unit);
      if (beforeContent && beforeWords >= 2 && !continues && !(substantialAfter && introductory) && !roleBefore && !clauseAfter && !this.isLeadInOnly(beforeContent)) return { content: beforeContent, kind: this.kindOf(beforeContent, false) };
    }
    const block = this.colonBlock(cue, unit);
    if (block) return block;
    if (afterContent && afterWords >= 2 && !this.isTailOnly(afterStart, unit) && (explicit || (bareClause && !this.objectNotClause(cue, afterStart, unit)))) {
      return this.afterContentOf(afterContent);
    }
    return undefined;
  }

  /** The content is the word "yes" or "no" alone (any case, any closing stop). */
  private isYesOrNo(content: Span): boolean {
    const word = this.tokens[this.tokenAtOrAfter(content.start)];
    return !!word && word.end >= content.end && (word.lower === 'yes' || word.lower === 'no');
  }

  /** Token `k` opens a clause with a subject: a determiner, a subject pronoun, a name, or "there". */
  private opensClause(k: number, unit: Unit): boolean {
    if (k >= unit.lastToken || this.inQuote[k]) return false;
    const t = this.tokens[k];
    if (!t.isWord) return false;
    if (DETERMINERS.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'it' || t.lower === 'we' || t.lower === 'i' || t.lower === 'there') return true;
    const run = this.runStartingAt(k);
    return !!run && !!run.name;
  }

  /**
   * "continued his push", "found himself embroiled", "felt the pain", "thought of him": what
   * follows a verb that also takes an object, with no "that" or quotation, opens with a possessive,
   * a reflexive, a preposition or an indefinite article — an object, not a reported clause.
   */
  private objectNotClause(cue: Cue, afterStart: number, unit: Unit): boolean {
    if (cue.last - cue.first !== 1 || !OBJECT_TAKING_CUES.has(this.tokens[cue.first].lower)) return false;
    const k = this.tokenAtOrAfter(afterStart);
    if (k >= unit.lastToken || k !== cue.last) return false;
    return OBJECT_OPENERS.has(this.tokens[k].lower);
  }

  /** Reported content after the cue; a lone quotation there is the statement itself (direct). */
  private afterContentOf(content: Span): { content: Span; kind: StatementKind } {
    const first = this.outer[this.outerAtOrAfter(content.start)];
    const q = first && first.span.start <= content.start + 1 ? first : undefined;
    const rest = q ? this.text.slice(q.span.end, content.end) : '';
    if (q && (rest.replace(/[\s.,;:!?]/g, '') === '' || /^\s*,?\s*(?:\p{Ll}+ing\b|(?:he|she|they)\s+\p{Ll}+ed\b)/u.test(rest))) {
      return { content: this.trimContent(q.inner) ?? q.inner, kind: 'direct' };
    }
    return { content, kind: this.kindOf(content, false) };
  }

  /** "… — in fact, she said …": the words right before the comma are a short lead-in after a dash. */
  private endsWithAside(span: Span): boolean {
    const last = this.tokenAtOrAfter(span.end);
    let k = last - 1;
    while (k >= 0 && this.tokens[k].start >= span.start && last - k <= 4 && !ASIDE_MARKS.has(this.tokens[k].text)) k--;
    if (k < 0 || this.tokens[k].start < span.start || last - k > 4 || !ASIDE_MARKS.has(this.tokens[k].text)) return false;
    return this.isIntroductoryPhrase({ start: this.tokens[k + 1].start, end: span.end });
  }

  /**
   * "In an interview with the Times, she joked …", "During the debate, Trump mentioned …": what
   * stands before the comma is one lead-in phrase with no verb of its own, never what was said.
   */
  private isLeadInOnly(span: Span): boolean {
    // "Asked whether the pier is “safe,”": the question put, with its verbs (questionsPut reports it).
    if (this.opensWithAsked(span)) return true;
    // A lead-in is a short phrase: longer ones are not walked (the rules stay linear on run-on text).
    return this.wordsBetween(span.start, span.end) <= 14 && this.isIntroductoryPhrase(span) && this.kindOf(span, false) === 'indirect' && this.hasNoVerb(span);
  }

  /** The span opens with "Asked" or "When asked": a question put to the sentence's subject. */
  private opensWithAsked(span: Span): boolean {
    const k = this.tokenAtOrAfter(span.start);
    const first = this.tokens[k];
    if (!first || this.inQuote[k]) return false;
    return first.lower === 'asked' || (first.lower === 'when' && this.tokens[k + 1]?.lower === 'asked');
  }

  /** Plain words with no verb among them (no auxiliary, cue verb, past tense or "that"): a phrase, not a clause. */
  private hasNoVerb(span: Span): boolean {
    const last = this.tokenAtOrAfter(span.end);
    for (let k = this.tokenAtOrAfter(span.start); k < last; k++) {
      const t = this.tokens[k];
      if (!t.isWord) {
        if (t.text !== '.' && t.text !== '-' && t.text !== '\u2019' && t.text !== "'") return false;
        continue;
      }
      if (NOT_IN_SUBJECT.has(t.lower) || AUXILIARIES.has(t.lower) || t.lower === 'that' || this.cueVerbs.has(t.lower)) return false;
      if (!isUpperInitial(t.text) && (/[a-z]ed$/.test(t.lower) || IRREGULAR_PAST.has(t.lower))) return false;
    }
    return true;
  }

  /** "Speaking at a rally," "In a statement," "On Friday,": a lead-in, not reported content. */
  private isIntroductoryPhrase(span: Span): boolean {
    const k = this.tokenAtOrAfter(span.start);
    const first = this.tokens[k];
    if (!first) return false;
    return /ing$/.test(first.lower) || TAIL_STARTERS.has(first.lower) || INTRODUCTORY.has(first.lower);
  }

  /** "X said:" at the end of a paragraph: the next paragraph is the statement. */
  private colonBlock(cue: Cue, unit: Unit): { content: Span; kind: StatementKind } | undefined {
    const tail = this.text.slice(this.tokens[cue.last - 1].end, unit.end);
    if (!/^[^.!?"“”]{0,40}:\s*$/.test(tail)) return undefined;
    const paragraphs = this.input.structure.paragraphs;
    let p = unit.paragraph + 1;
    while (p < paragraphs.length && !isReadable(paragraphs[p])) p++;
    if (p >= paragraphs.length || paragraphs[unit.paragraph].span.end > unit.end + 1) return undefined;
    const span = paragraphs[p].span;
    const q = this.outerStartingAt(span.start);
    if (q) return { content: this.trimContent(q.inner) ?? q.inner, kind: 'direct' };
    const content = this.trimContent(span);
    return content ? { content, kind: this.kindOf(content, false) } : undefined;
  }

  /** "said that …", "said: …", "said “…”", "urged NATO to …": the cue announces its content. */
  private explicitComplement(cue: Cue, unit: Unit): boolean {
    const next = this.tokens[cue.last];
    if (!next || cue.last >= unit.lastToken) return false;
    if (next.lower === 'that' || next.text === ':' || isOpeningQuote(next.text)) return true;
    if (next.text === ',' && this.tokens[cue.last + 1] && isOpeningQuote(this.tokens[cue.last + 1].text)) return true;
    if (this.askedQuestionAt(cue, unit) >= 0) return true;
    if (this.commitmentAt(cue, unit)) return true;
    // "explained how …", "revealed why …", "wondered whether …": a reported question or account.
    if (cue.last - cue.first === 1 && WH_COMPLEMENT_CUES.has(this.tokens[cue.first].lower) && QUESTION_WORDS.has(next.lower) && !this.inQuote[cue.last] && cue.last + 2 < unit.lastToken) return true;
    if (this.quoteAfterMeans(cue.last, unit) !== undefined) return true;
    if (OBJECT_CUES.has(this.tokens[cue.first].lower) || cue.last - cue.first > 1) {
      for (let j = cue.last; j < Math.min(unit.lastToken, cue.last + 8); j++) {
        if (this.tokens[j].lower === 'to' || this.tokens[j].lower === 'that') return true;
        if (!this.tokens[j].isWord) break;
      }
    }
    return false;
  }

  /** "vowed to repeal …", "pledged not to raise …": a verb of committing oneself and its infinitive. */
  private commitmentAt(cue: Cue, unit: Unit): boolean {
    if (cue.last - cue.first !== 1 || !COMMISSIVE_CUES.has(this.tokens[cue.first].lower)) return false;
    let k = cue.last;
    if (this.tokens[k]?.lower === 'not') k++;
    const verb = this.tokens[k + 1];
    // "The debate promised to be a close one": a forecast, not a commitment.
    if (verb?.lower === 'be' && this.tokens[cue.first].lower.startsWith('promis')) return false;
    return k + 1 < unit.lastToken && this.tokens[k].lower === 'to' && !this.inQuote[k] && !!verb && verb.isWord && !isUpperInitial(verb.text) && !DETERMINERS.has(verb.lower) && !NOUN_DETERMINERS.has(verb.lower);
  }

  /**
   * "asked Sanders whether …", "asked how …", "asked the students if …": the reported question
   * after "asked" and whom it was put to. The question word's token index, or -1.
   */
  private askedQuestionAt(cue: Cue, unit: Unit): number {
    if (cue.last - cue.first !== 1 || !ASKING_VERBS.has(this.tokens[cue.first].lower)) return -1;
    for (let j = cue.last; j < unit.lastToken && j - cue.last <= 6; j++) {
      const t = this.tokens[j];
      if (this.inQuote[j] || !t.isWord) return -1;
      if (QUESTION_WORDS.has(t.lower)) return j + 1 < unit.lastToken ? j : -1;
    }
    return -1;
  }

  /** After the cue, a comma and more words: "NATO, he said, lives in …". */
  private parentheticalContinues(cue: Cue, unit: Unit): boolean {
    let k = cue.last;
    let guard = 0;
    while (k < unit.lastToken && this.tokens[k].text !== ',' && guard < 12) {
      if (this.tokens[k].text === '.' || isOpeningQuote(this.tokens[k].text)) return false;
      k++;
      guard++;
    }
    return k < unit.lastToken && this.tokens[k].text === ',' && k + 1 < unit.lastToken;
  }

  /** Where reported content starts after a cue: past ":", ",", "that", and for "told X that" past the listener. */
  private contentStartAfter(cue: Cue, unit: Unit): number {
    let k = cue.last;
    const lower = this.tokens[cue.first].lower;
    if (k < unit.lastToken && (this.tokens[k].text === ':' || this.tokens[k].text === ',' || this.tokens[k].text === '\u2014')) k++;
    // "asked Sanders whether …": the question with whom it was put to, as news gives them.
    if (this.askedQuestionAt(cue, unit) >= 0) k = cue.last;
    else if (k < unit.lastToken && this.tokens[k].lower === 'that') k++;
    else if (OBJECT_QUOTE_CUES.has(lower) && this.quoteAfterTo(k, unit) !== undefined) k = this.quoteAfterTo(k, unit)!;
    else if (lower === 'told' || lower === 'tells' || lower === 'tell' || lower === 'telling' || lower === 'assured' || lower === 'warned' || lower === 'reminded' || lower === 'informed') {
      // "told reporters that …", "told the media Russia …": skip the listener up to "that" if it is near.
      let found = false;
      for (let j = k; j < Math.min(unit.lastToken, k + 14); j++) {
        if (this.tokens[j].lower === 'that' && !this.inQuote[j]) {
          k = j + 1;
          found = true;
          break;
        }
        // "told reporters, “…”", "told The Associated Press: “…”"
        if ((this.tokens[j].text === ',' || this.tokens[j].text === ':') && j > k && isOpeningQuote(this.tokens[j + 1]?.text ?? '')) {
          k = j + 1;
          found = true;
          break;
        }
        if (this.inQuote[j] || this.tokens[j].text === '.' && j > k && !this.tokens[j - 1].isWord) break;
      }
      if (!found) k = this.afterListener(k, unit);
    } else if (this.quoteAfterMeans(k, unit) !== undefined) {
      k = this.quoteAfterMeans(k, unit)!;
    } else {
      // "said on Monday that …" / "said in a statement that …"
      let found = false;
      for (let j = k; j < Math.min(unit.lastToken, k + 9); j++) {
        // "… by phone that", "… over the phone that" (a short means, not "by using … to prove that")
        const means = (this.tokens[k].lower === 'by' || this.tokens[k].lower === 'over') && j - k <= 3;
        if (this.tokens[j].lower === 'that' && !this.inQuote[j] && (TAIL_STARTERS.has(this.tokens[k].lower) || this.tokens[k].lower === 'for' || means)) {
          k = j + 1;
          found = true;
          break;
        }
        if (!this.tokens[j].isWord) break;
      }
      // "said Tuesday they may close …", "said on Monday the talks …": a time, then a clause.
      if (!found) k = this.clauseAfterTime(k, unit) ?? k;
    }
    return k < unit.lastToken ? this.tokens[k].start : unit.end;
  }

  /** "told CNN on Monday the plan …", "told reporters the plan …": the token after the listener, or `k`. */
  private afterListener(k: number, unit: Unit): number {
    let j = k;
    const run = this.runStartingAt(j) ?? (this.tokens[j]?.lower === 'the' ? this.runStartingAt(j + 1) : undefined);
    if (run && run.first <= j + 1) j = run.last;
    else {
      if (j < unit.lastToken && (this.tokens[j].lower === 'the' || this.tokens[j].lower === 'a' || this.tokens[j].lower === 'an' || this.tokens[j].lower === 'his' || this.tokens[j].lower === 'her' || this.tokens[j].lower === 'their')) j++;
      if (j >= unit.lastToken || !LISTENERS.has(this.tokens[j].lower)) return k;
      j++;
    }
    // "… on Monday", "… Monday"
    if (this.tokens[j]?.lower === 'on' && WEEKDAYS.has(this.tokens[j + 1]?.lower ?? '')) j += 2;
    else if (WEEKDAYS.has(this.tokens[j]?.lower ?? '')) j++;
    const next = this.tokens[j];
    // Only when a clause follows: a subject (determiner, pronoun, name) or a quotation.
    if (!next || j >= unit.lastToken || this.inQuote[j]) return k;
    if (DETERMINERS.has(next.lower) || SUBJECT_PRONOUNS.has(next.lower) || next.lower === 'it' || next.lower === 'i' || next.lower === 'we' || !!this.runStartingAt(j) || isOpeningQuote(next.text)) return j;
    return k;
  }

  /**
   * "posted on Instagram: “…”", "wrote in a letter to members, “…”": a short phrase of where or how
   * (a preposition, a few words, no verb), then a colon or comma and a quotation. The quotation's
   * token index, or undefined.
   */
  private quoteAfterMeans(from: number, unit: Unit): number | undefined {
    if (from >= unit.lastToken || !MEANS_PREPOSITIONS.has(this.tokens[from].lower) || this.inQuote[from]) return undefined;
    for (let j = from + 1; j < Math.min(unit.lastToken - 1, from + 8); j++) {
      const t = this.tokens[j];
      if ((t.text === ':' || t.text === ',') && j > from + 1) return isOpeningQuote(this.tokens[j + 1].text) && !!this.outerStartingAt(this.tokens[j + 1].start) ? j + 1 : undefined;
      if (!t.isWord || this.inQuote[j] || t.lower === 'that' || this.cueVerbs.has(t.lower)) return undefined;
    }
    return undefined;
  }

  /** "tells his supporters to “go vote”": the token index of the quote after a nearby "to". */
  private quoteAfterTo(from: number, unit: Unit): number | undefined {
    for (let j = from; j < Math.min(unit.lastToken - 1, from + 10); j++) {
      if (this.tokens[j].lower === 'to' && isOpeningQuote(this.tokens[j + 1].text)) return j + 1;
      if (!this.tokens[j].isWord) return undefined;
    }
    return undefined;
  }

  /**
   * "Tuesday", "on Monday", "late Friday", "yesterday", "this week" at token `k`, then the start of a
   * clause (a determiner, a subject pronoun, a name or a quotation): the clause's token index. Wire
   * copy puts the day between the cue and reported speech without "that": "said Tuesday they may …".
   */
  private clauseAfterTime(k: number, unit: Unit): number | undefined {
    const lower = (j: number) => (j < unit.lastToken ? this.tokens[j].lower : '');
    let j = k;
    if ((lower(j) === 'on' || lower(j) === 'late' || lower(j) === 'early') && WEEKDAYS.has(lower(j + 1))) j += 2;
    else if (WEEKDAYS.has(lower(j)) || lower(j) === 'yesterday' || lower(j) === 'today' || lower(j) === 'tonight') j += 1;
    else if ((lower(j) === 'this' || lower(j) === 'last') && TIME_UNITS.has(lower(j + 1))) j += 2;
    else return undefined;
    if (WEEKDAYS.has(lower(j - 1)) && PARTS_OF_DAY.has(lower(j))) j++;
    if (j >= unit.lastToken || this.inQuote[j]) return undefined;
    const next = this.tokens[j];
    const opens = DETERMINERS.has(next.lower) || SUBJECT_PRONOUNS.has(next.lower) || next.lower === 'it' || next.lower === 'we' || next.lower === 'i' || next.lower === 'there' || !!this.runStartingAt(j) || isOpeningQuote(next.text);
    return opens ? j : undefined;
  }

  /** "said on Monday." / "told Rossiya-24 TV channel on Monday." — nothing reported after the cue. */
  private isTailOnly(afterStart: number, unit: Unit): boolean {
    const k = this.tokenAtOrAfter(afterStart);
    if (k >= unit.lastToken) return true;
    const first = this.tokens[k];
    if (isOpeningQuote(first.text)) return false;
    if (TAIL_STARTERS.has(first.lower)) {
      if (this.clauseAfterTime(k, unit) !== undefined) return false;
      // A tail unless a clause follows: "said in 2008 NATO was …" is rare; accept tails.
      for (let j = k; j < unit.lastToken; j++) if (this.tokens[j].lower === 'that' || isOpeningQuote(this.tokens[j].text)) return false;
      return true;
    }
    // "told Rossiya-24 TV channel on Monday": a listener then a tail.
    const rest = this.text.slice(afterStart, unit.end);
    return /^[\p{Lu}\d][^,;:"“]{0,60}\b(?:channel|TV|television|radio|newspaper|agency|magazine|reporters|journalists|the media|interviewer|station|network|conference|briefing)\b[^,;:"“]{0,40}[.!?]?$/u.test(rest);
  }

  /** A depth-0 quotation that ends right before `at` (only punctuation and spaces between), inside the unit. */
  private quoteEndingNear(at: number, unit: Unit): number | undefined {
    // Only the last quotation ending by `at` can qualify: earlier ones start before it.
    for (let i = this.outerEndingBy(at); i >= 0; i--) {
      const q = this.outer[i];
      if (q.span.start < unit.start) return undefined;
      // Both tests below want fewer than 40 characters between: most quotations end further back.
      if (at - q.span.end >= 40) return undefined;
      // A quoted title is nobody's words (asked last: it looks at the quotation's words).
      const between = this.text.slice(q.span.end, at);
      if (between.length < 6 && /^[\s,.;:!?\u2014\u2013-]*$/.test(between)) return this.isTitleQuote(q) ? undefined : i;
      // "“…,” union leader Mart Oja said": a few role words between the quote and the name.
      if (!/^[\s,.;:!?\u2014\u2013-]*\s/.test(between)) return undefined;
      const words = between.trim().split(/\s+/);
      if (words.length <= 4 && words.every((w) => /^\p{L}[\p{L}’'.-]*$/u.test(w) && !this.cueVerbs.has(w.toLowerCase()) && !NP_STOP.has(w.toLowerCase()))) return this.isTitleQuote(q) ? undefined : i;
      return undefined;
    }
    return undefined;
  }

  /**
   * "In an interview on CBS’s “Face the Nation,” Ryan said": a quoted title (a show, a book, a
   * slogan in title case) after a preposition or a possessive names something; nobody says it.
   */
  private isTitleQuote(q: Quotation): boolean {
    const words = this.wordsOf(q.inner);
    if (words.length === 0 || words.length > 6) return false;
    if (!words.every((w) => isUpperInitial(w.text) || /^\d/.test(w.text) || TITLE_SMALL_WORDS.has(w.lower))) return false;
    if (!isUpperInitial(words[0].text) && !/^\d/.test(words[0].text)) return false;
    const before = this.tokens[this.tokenAtOrAfter(q.span.start) - 1];
    if (!before) return false;
    return /[’']s$/.test(before.text) || TITLE_LEAD_WORDS.has(before.lower);
  }

  /**
   * The word tokens of text[span), as tokenize would make them: the article's own tokens when none
   * of them runs over an end of the span (a word is cut where the span ends), else tokenized again.
   */
  private wordsOf(span: Span): Token[] {
    const first = this.tokenAtOrAfter(span.start);
    const last = this.tokenAtOrAfter(span.end);
    const straddles = (first > 0 && this.tokens[first - 1].end > span.start) || (last > first && this.tokens[last - 1].end > span.end);
    if (straddles) return tokenize(this.text, span.start, span.end).filter((t) => t.isWord);
    const words: Token[] = [];
    for (let k = first; k < last; k++) if (this.tokens[k].isWord) words.push(this.tokens[k]);
    return words;
  }

  /** The content for a quote before its attribution: the quote, plus a second part after the cue. */
  private contentOfQuoteBefore(index: number, unit: Unit, after: number): Span {
    const q = this.outer[index];
    let start = q.inner.start;
    // Writer's words before the quotation make the statement partial: take the whole clause.
    const lead = this.leadBeforeQuote(q, unit);
    if (lead && this.wordsBetween(lead.start, lead.end) >= 1) start = unit.start;
    // A partial statement is the writer's clause: it keeps the closing mark of its quoted words.
    let end = start === unit.start ? q.span.end : q.inner.end;
    // "“A,” he said, “B.”": the second part belongs to the same statement.
    const next = this.outer[index + 1];
    const between = next ? this.text.slice(after, next.span.start) : '';
    if (next && next.span.start >= after && next.span.start < unit.end && /^[^"“”]{0,60}$/.test(between) && !/[.!?]/.test(between) && !/\b\p{Ll}+ing\b/u.test(between)) end = next.inner.end;
    return this.trimContent({ start, end }) ?? q.inner;
  }

  /**
   * The writer's words before a quotation in its unit, or nothing when they end in a colon: "He
   * spelled out the need: “…,” she said" — the colon hands over to the quotation, which alone is said.
   */
  private leadBeforeQuote(q: Quotation, unit: Unit): Span | undefined {
    let e = q.span.start;
    while (e > unit.start && isSpace(this.text.charCodeAt(e - 1))) e--;
    if (e > unit.start && this.text.charCodeAt(e - 1) === 0x3a) return undefined;
    return this.trimContent({ start: unit.start, end: q.span.start });
  }

  private kindBefore(index: number, unit: Unit): StatementKind {
    const q = this.outer[index];
    const lead = this.leadBeforeQuote(q, unit);
    return lead && this.wordsBetween(lead.start, lead.end) >= 1 ? 'partial' : 'direct';
  }

  /** direct when the content is one quotation; partial when it carries one; else indirect. */
  private kindOf(span: Span, parenthetical: boolean): StatementKind {
    const inside: Quotation[] = [];
    for (let i = this.outerAtOrAfter(span.start - 1); i < this.outer.length && this.outer[i].span.end <= span.end + 1; i++) inside.push(this.outer[i]);
    if (inside.length === 0) return 'indirect';
    const quoted = inside.reduce((n, q) => n + this.wordsBetween(q.inner.start, q.inner.end), 0);
    const all = this.wordsBetween(span.start, span.end);
    if (!parenthetical && inside.length === 1 && all - quoted <= 0) return 'direct';
    return 'partial';
  }

  private commaBefore(at: number, unit: Unit): number | undefined {
    const k = this.tokenAtOrAfter(at) - 1;
    if (k < unit.firstToken) return undefined;
    const t = this.tokens[k];
    if (t.text === ',' || t.text === '\u2014' || t.text === '-' || t.text === ':') return t.start;
    return undefined;
  }

  private tokenAtOrAfter(offset: number): number {
    return countBelow(this.tokenStarts, offset);
  }

  private wordsBetween(start: number, end: number): number {
    const first = this.tokenAtOrAfter(start);
    const last = this.tokenAtOrAfter(end);
    return last > first ? this.wordsBefore[last] - this.wordsBefore[first] : 0;
  }

  /** Index of the first outer quotation starting at or after `offset` (outer quotations are sorted and disjoint). */
  private outerAtOrAfter(offset: number): number {
    return countBelow(this.outerStarts, offset);
  }

  /** Index of the last outer quotation ending at or before `offset`, or -1. */
  private outerEndingBy(offset: number): number {
    // Ends are sorted too (outer quotations are disjoint); offsets are whole numbers.
    return countBelow(this.outerEnds, offset + 1) - 1;
  }

  /** The outer quotation that starts exactly at `offset`. */
  private outerStartingAt(offset: number): Quotation | undefined {
    const q = this.outer[this.outerAtOrAfter(offset)];
    return q && q.span.start === offset ? q : undefined;
  }

  /** Trims spaces, joining punctuation and a leading "that" from a content span. */
  private trimContent(span: Span): Span | undefined {
    let { start, end } = span;
    while (start < end && isTrimmed(this.text.charCodeAt(start))) start++;
    while (end > start && isTrimmed(this.text.charCodeAt(end - 1))) end--;
    return end > start ? { start, end } : undefined;
  }

  private push(cue: Cue, source: Source, content: Span, kind: StatementKind, unit: Unit): Statement {
    const cueSpan = new KeptSpan(this.tokens[cue.first].start, this.tokens[cue.last - 1].end);
    if (content.start >= cueSpan.end) {
      let end = Math.min(this.clauseEnd(content), this.subordinateClauseEnd(cue, content, unit));
      // "Those who said they cared most about X, most …": a relative clause's report ends at its comma.
      if (source.span.end - source.span.start === 3 && this.text.slice(source.span.start, source.span.end).toLowerCase() === 'who') end = Math.min(end, this.firstCommaAfter(content));
      if (end < content.end) {
        const cut = this.trimContent({ start: content.start, end });
        if (cut) {
          content = cut;
          kind = this.kindOf(cut, false);
        }
      }
    }
    const quotation = this.quotationIndexIn(content);
    this.statements.push(
      new CuedStatement(source.person?.key, source.person?.name ?? source.label, kind, cue.text, content, this.text.slice(content.start, content.end), source.span, cueSpan, this.dateFor(unit, cueSpan, content), quotation),
    );
    return this.statements[this.statements.length - 1];
  }

  /**
   * The first comma outside quotations after the content's third word, or its end; not a comma that
   * introduces a quotation ("who declared at the hearing, “…”": the quotation is what was said).
   */
  private firstCommaAfter(content: Span): number {
    const last = this.tokenAtOrAfter(content.end);
    let words = 0;
    for (let k = this.tokenAtOrAfter(content.start); k < last; k++) {
      if (this.tokens[k].isWord) words++;
      else if (words >= 3 && this.tokens[k].text === ',' && !this.inQuote[k]) return isOpeningQuote(this.tokens[k + 1]?.text ?? '') ? content.end : this.tokens[k].start;
    }
    return content.end;
  }

  /**
   * "While Ramos said journalists cannot take sides, he appears uneasy …": a cue in a sentence's
   * opening subordinate clause reports that clause only; the main clause after its comma (a pronoun,
   * a determiner or a name opening it) is the writer's. Where the content ends, or its end.
   */
  private subordinateClauseEnd(cue: Cue, content: Span, unit: Unit): number {
    const opener = this.tokens[unit.firstToken];
    if (!opener || !SUBORDINATORS.has(opener.lower) || cue.first - unit.firstToken > 8 || this.inQuote[unit.firstToken]) return content.end;
    const last = this.tokenAtOrAfter(content.end);
    for (let k = this.tokenAtOrAfter(content.start); k < last - 1; k++) {
      if (this.tokens[k].text !== ',' || this.inQuote[k]) continue;
      const next = this.tokens[k + 1];
      if (SUBJECT_PRONOUNS.has(next.lower) || next.lower === 'it' || next.lower === 'i' || next.lower === 'we' || (next.lower === 'the' && k + 1 < last) || (!!this.runStartingAt(k + 1) && isUpperInitial(next.text) && !this.runStartingAt(k + 1)!.possessive)) return this.tokens[k].start;
      // "…, 27 percent said …": a main clause with a subject and speech verb of its own.
      if (this.subjectAndCueAfter(k + 1, last) >= 0) return this.tokens[k].start;
    }
    return content.end;
  }

  /**
   * Where the reported clause after a cue ends: before a second verb of the same subject
   * ("… “unheard of” and called him …", "…, adding that …", "— asserting …"), or before a
   * clause hung on a closing quotation ("“…” before floating the idea", "“…”, a swipe at …").
   */
  private clauseEnd(content: Span): number {
    let words = 0;
    // The last comma outside quotations after the one being read (-1: none), found once when first needed.
    let lastComma: number | undefined;
    const last = this.tokenAtOrAfter(content.end);
    for (let k = this.tokenAtOrAfter(content.start); k < last; k++) {
      const t = this.tokens[k];
      if (t.isWord) words++;
      // "declined to comment, saying …": a two-word report ends at a participle too.
      if (this.inQuote[k] || words < 2) continue;
      const next = this.tokens[k + 1];
      if (!next || k + 1 >= last) break;
      const prev = this.tokens[k - 1];
      const afterQuote = !!prev && isClosingQuote(prev.text) && !this.inQuote[k - 1] || (!!prev && prev.text === ',' && !!this.tokens[k - 2] && isClosingQuote(this.tokens[k - 2].text));
      // ", adding that …", "— asserting …", "--saying …"
      const commaQuote = isClosingQuote(t.text) && this.text[t.start - 1] === ',';
      if ((t.text === ',' || commaQuote || t.text === '\u2014' || t.text === '\u2013' || t.text === '-') && next.isWord && this.isParticiple(next.lower)) return commaQuote ? t.end : t.start;
      if (words < 3) continue;
      // ", according to X"
      if (t.text === ',' && next.lower === 'according' && this.tokens[k + 2]?.lower === 'to') return t.start;
      // "“…,” a swipe at …"
      if (t.text === ',' && isClosingQuote(prev?.text ?? '') && (next.lower === 'a' || next.lower === 'an')) return t.start;
      // "“…”, which would allow …": a relative clause hung on the quoted words.
      if (t.text === ',' && afterQuote && (next.lower === 'which' || next.lower === 'who')) return t.start;
      // "… supports the final bill, which includes …", "…, for whom he …", "…, compared with …": a
      // clause the writer hangs on the reported one's last noun, when it runs to the end (no comma
      // after it closes an aside inside the report: "the bill, which passed, is flawed").
      if (t.text === ',' && words >= 4 && this.opensWritersAside(k + 1, last)) {
        if (lastComma === undefined) {
          lastComma = -1;
          for (let j = last - 1; j > k; j--) if (this.tokens[j].text === ',' && !this.inQuote[j]) { lastComma = j; break; }
        }
        if (lastComma < 0) return t.start;
      }
      // "… the pier was unsafe, the Harbour Times reported.": the sentence's reporter, not its content.
      if (t.text === ',' && this.trailingReporterAt(k + 1, last) >= 0) return t.start;
      // "… and one in four said …", "…; 29 percent said …": another subject's statement.
      if ((t.text === ';' || t.lower === 'and' || t.lower === 'but' || this.opensContrast(k)) && words >= 4 && this.subjectAndCueAfter(k + 1, last) >= 0) return prev?.text === ',' ? prev.start : t.start;
      if (!t.isWord) continue;
      if (t.lower === 'and' || t.lower === 'but') {
        let j = k + 1;
        if (j < last && SUBJECT_PRONOUNS.has(this.tokens[j].lower)) j++;
        while (j < last && ADVERBS.has(this.tokens[j].lower) && j - k < 4) j++;
        const verb = this.tokens[j];
        if (verb && j < last && verb.isWord && !isUpperInitial(verb.text) && (this.cueVerbs.has(verb.lower) || (/[a-z]ed$/.test(verb.lower) && verb.lower.length > 4 && (afterQuote || j > k + 1)))) {
          return prev?.text === ',' ? prev.start : t.start;
        }
        continue;
      }
      // "“…” before floating the idea", "“…” as he faces …", "“…” Wednesday on a radio show"
      if (afterQuote && (t.lower === 'while' || t.lower === 'before' || t.lower === 'until' || t.lower === 'after' || t.lower === 'as' || t.lower === 'when' || t.lower === 'during' || WEEKDAYS.has(t.lower) || t.lower === 'yesterday' || t.lower === 'today' || t.lower === 'tonight')) {
        return prev?.text === ',' ? prev.start : t.start;
      }
    }
    return content.end;
  }

  /** Whether tokens from `k` open a clause the writer adds about a noun: ", which …", ", for whom …", ", compared with …". */
  private opensWritersAside(k: number, last: number): boolean {
    const t = this.tokens[k];
    if (!t || k >= last || this.inQuote[k]) return false;
    if (t.lower === 'which' || t.lower === 'whose') return true;
    const next = this.tokens[k + 1]?.lower;
    if ((t.lower === 'for' || t.lower === 'of' || t.lower === 'to' || t.lower === 'with') && (next === 'whom' || next === 'which')) return true;
    return (t.lower === 'compared' || t.lower === 'up') && (next === 'with' || next === 'to' || next === 'from');
  }

  /** ", while", ", whereas", ", though" at token `k`: a clause set against the one before it. */
  private opensContrast(k: number): boolean {
    return CONTRASTS.has(this.tokens[k].lower) && this.tokens[k - 1]?.text === ',' && !this.inQuote[k];
  }

  /**
   * A subject of its own and a finite speech verb from token `from`: "one in four said", "29
   * percent say", "the mayor said" — a short noun phrase (no verb, no clause word), then the verb.
   * The verb's index, or -1.
   */
  private subjectAndCueAfter(from: number, last: number): number {
    for (let j = from; j < last && j - from <= 6; j++) {
      const t = this.tokens[j];
      if (this.inQuote[j] || !(t.isWord || t.text === '%' || t.text === '-')) return -1;
      const w = t.lower;
      if (j > from && (SPEECH_INVERTIBLE.has(w) || w === 'say' || w === 'reported' || w === 'reports') && !isUpperInitial(t.text)) return j;
      if (this.cueVerbs.has(w) || AUXILIARIES.has(w) || NOT_IN_SUBJECT.has(w) || w === 'that' || w === 'who' || w === 'which' || w === 'to') return -1;
      // No verb or preposition inside: "liked the way she responded", "patrols in the region"; but "one in four".
      if (!isUpperInitial(t.text) && (/[a-z](?:ed|ing)$/.test(w) || IRREGULAR_PAST.has(w))) return -1;
      if (NP_STOP.has(w) && w !== 'of' && !(w === 'in' && NUMBER_WORDS.has(this.tokens[j - 1]?.lower ?? ''))) return -1;
    }
    return -1;
  }

  /**
   * ", the Harbour Times reported.", ", officials said on Monday.": a subject and a speech verb that
   * close the sentence (nothing after but a time or place). The verb's token index, or -1.
   */
  private trailingReporterAt(from: number, last: number): number {
    const verb = this.subjectAndCueAfter(from, last);
    if (verb < 0) return -1;
    const next = this.tokens[verb + 1];
    return verb + 1 >= last || next.text === '.' || TAIL_STARTERS.has(next.lower) ? verb : -1;
  }

  private isParticiple(lower: string): boolean {
    return lower.length > 5 && lower.endsWith('ing') && !NOT_PARTICIPLES.has(lower);
  }

  /** Index in input.quotations (sorted by start) of one of them. */
  private quotationIndexOf(q: Quotation): number | undefined {
    const quotations = this.input.quotations;
    for (let i = countBelow(this.quotationStarts, q.span.start); i < quotations.length && quotations[i].span.start === q.span.start; i++) {
      if (quotations[i] === q) return i;
    }
    return undefined;
  }

  /** The quotation whose words a content span is: inside its marks, with at most punctuation ("…,”) left out at its end. */
  private quotationIndexIn(span: Span): number | undefined {
    const q = this.outer[this.outerAtOrAfter(span.start - 1)];
    if (!q || q.span.start !== span.start - 1 || q.span.end <= span.end) return undefined;
    for (let i = span.end; i < q.span.end - 1; i++) if (!TRAILING_QUOTE_PUNCTUATION.has(this.text.charCodeAt(i))) return undefined;
    return this.quotationIndexOf(q);
  }

  /** The day a statement was made: a date told in its sentence (outside quotes), else the article's. */
  /** When the statement was made: the day written nearest its cue, outside quotations and outside what was said. */
  private dateFor(unit: Unit, cue: Span, content: Span): string | undefined {
    let best: DateMention | undefined;
    const dates = this.input.dates;
    for (let i = this.dateAtOrAfter(unit.start); i < dates.length && dates[i].span.start < unit.end; i++) {
      const d = dates[i];
      if (d.span.start < unit.start || d.span.end > unit.end || !isIsoDay(d.value)) continue;
      // "said the union would meet on Thursday": the meeting's day, not the statement's.
      if (content.start <= d.span.start && d.span.end <= content.end) continue;
      const q = this.outer[this.outerAtOrAfter(d.span.start + 1) - 1];
      if (q && q.span.start <= d.span.start && d.span.end <= q.span.end) continue;
      if (!best || Math.abs(d.span.start - cue.end) < Math.abs(best.span.start - cue.end)) best = d;
    }
    return best?.value ?? this.input.articleDate;
  }

  /** Index of the first date mention starting at or after `offset` (dates are in document order). */
  private dateAtOrAfter(offset: number): number {
    return countBelow(this.dateStarts, offset);
  }

  // ---- headlines and continuations ----------------------------------------------------------

  /** "… - diplomat", "… — Russian envoy", "…, says DOE DG" at the end of a headline. */
  private headlineStatement(unit: Unit): boolean {
    const line = this.text.slice(unit.start, unit.end);
    const m = /(\s[-\u2013\u2014]\s|,\s+(?:says|said)\s)([^-\u2013\u2014,]{1,60})$/i.exec(line);
    if (!m) return false;
    const tail = m[2].trim();
    if (tail.split(/\s+/).length > 6 || /[.!?]$/.test(tail)) return false;
    const cueStart = unit.start + m.index + (m[1].startsWith(',') ? 2 : 1);
    const sourceStart = unit.start + line.length - m[2].length + (m[2].length - m[2].trimStart().length);
    const sourceSpan = { start: sourceStart, end: sourceStart + tail.length };
    const words = tail.toLowerCase().split(/\s+/);
    const tailLooksLikeRole = words.some((w) => ROLE_HEADS.has(w) || isTitleWord(w) || GENERIC_SOURCES.has(w));
    const byName = this.book.all().filter((p) => !p.isOrganization && nameWords(tail).length > 0 && (p.folded === tail.toLowerCase() || p.foldedSurname === nameWords(tail).map((w) => w.toLowerCase()).pop()));
    let person: PersonRecord | undefined = byName[0];
    if (!person && tailLooksLikeRole) person = this.book.resolveRole(words, Infinity, this.mainSpeaker(), true);
    if (!person && !tailLooksLikeRole && isUpperInitial(tail)) person = this.book.personForName(tail, sourceStart, false);
    const content = this.trimContent({ start: unit.start, end: unit.start + m.index });
    if (!content) return false;
    if (person) this.book.addMention(person, sourceSpan, tail, tailLooksLikeRole ? 'role' : 'name');
    const cueText = this.text.slice(cueStart, sourceSpan.end);
    this.statements.push({
      personKey: person?.key,
      speaker: person?.name ?? tail,
      kind: this.kindOf(content, true) === 'indirect' ? 'indirect' : 'partial',
      cue: cueText,
      contentSpan: content,
      text: this.text.slice(content.start, content.end),
      sourceSpan,
      cueSpan: { start: cueStart, end: sourceSpan.end },
      date: this.input.articleDate,
      quotation: this.quotationIndexIn(content),
    });
    return true;
  }

  /**
   * "Graham: Trump’s Rhetoric Is Destroying GOP’s Chances", "Poll: Sanders Leads in Iowa": a headline
   * opened by a speaker's name (or a poll, a report) and a colon gives what that speaker says.
   */
  private labelledHeadline(unit: Unit): boolean {
    const first = unit.firstToken;
    let colon = -1;
    for (let k = first; k < unit.lastToken && k - first <= 8; k++) {
      const t = this.tokens[k];
      if (t.text === ':') {
        colon = k;
        break;
      }
      if (this.inQuote[k] || !(t.isWord || t.text === '.' || t.text === '-' || t.text === '\u2019' || t.text === "'")) return false;
      if (t.isWord && !isUpperInitial(t.text) && !TITLE_SMALL_WORDS.has(t.lower)) return false;
    }
    if (colon <= first) return false;
    const content = this.trimContent({ start: this.tokens[colon].end, end: unit.end });
    // "Trump: ‘I’m the Worst Thing …’": a quotation alone after the label is the colon rule's (direct).
    if (!content || this.wordsBetween(content.start, content.end) < 3 || this.kindOf(content, false) === 'direct') return false;
    const run = this.runStartingAt(first);
    let source: Source | undefined;
    // A name of one word must be someone the article names in full ("Graham"), not "Breaking:" or "Wow:".
    const named = run && run.name && !run.possessive && run.last <= colon && (run.words.length >= 2 || !!run.role || !!this.book.resolveSurname(run.name, Infinity));
    if (named) source = this.runSource(run, unit);
    else if (colon === first + 1 && GENERIC_SOURCES.has(this.tokens[first].lower)) {
      const span = new KeptSpan(this.tokens[first].start, this.tokens[first].end);
      source = new Source(span, undefined, this.tokens[first].text, span.start, span.end, false);
    }
    if (!source) return false;
    this.push({ first: colon, last: colon + 1, text: ':', according: false }, source, content, this.kindOf(content, true) === 'indirect' ? 'indirect' : 'partial', unit);
    return true;
  }

  /**
   * "Russia Says “Moment of Truth” Comes": when the headline's quoted words reappear in a body
   * statement by a named person, the headline speaks for that person, not the country.
   */
  private headlineSpeakerFromLead(unit: Unit): void {
    const statement = this.statements.find((s) => s.contentSpan.start >= unit.start && s.contentSpan.end <= unit.end);
    if (!statement) return;
    const current = statement.personKey ? this.book.get(statement.personKey) : undefined;
    if (current && nameWords(current.name).length >= 2) return;
    const quotes: Quotation[] = [];
    for (let i = this.outerAtOrAfter(unit.start); i < this.outer.length && this.outer[i].span.end <= unit.end && quotes.length < MAX_HEADLINE_QUOTES; i++) quotes.push(this.outer[i]);
    for (const q of quotes) {
      const words = this.text.slice(q.inner.start, q.inner.end).toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim();
      if (words.length < 4) continue;
      const echo = this.statements.find((s) => s !== statement && s.personKey && s.contentSpan.start > unit.end &&
        this.text.slice(s.contentSpan.start, s.contentSpan.end).toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').includes(words));
      const person = echo?.personKey ? this.book.get(echo.personKey) : undefined;
      if (person && nameWords(person.name).length >= 2 && !person.isOrganization) {
        statement.personKey = person.key;
        statement.speaker = person.name;
        return;
      }
    }
  }

  /** Vox-pop style: “…” ― Carla Sanchez, teacher. The dash names the speaker after the quote. */
  private dashAttributions(): void {
    const covers = this.coverageSweep(sortedByContentStart(this.statements));
    for (const q of this.outer) {
      if (covers(q)) continue;
      const after = this.text.slice(q.span.end, Math.min(this.text.length, q.span.end + 4));
      const m = /^[ \u00a0]?([\u2015\u2014\u2013]|-(?= ))[ \u00a0]?/.exec(after);
      if (!m) continue;
      const k = this.tokenAtOrAfter(q.span.end + m[0].length);
      const run = this.runStartingAt(k);
      if (!run || !run.name || run.possessive || this.paragraphOfToken[k] !== this.paragraphOfToken[this.tokenAtOrAfter(q.span.start)]) continue;
      const unit = { start: q.span.start, end: run.end, paragraph: this.paragraphOfToken[k], firstToken: this.tokenAtOrAfter(q.span.start), lastToken: run.last };
      const source = this.runSource(run, unit);
      if (!source) continue;
      const dash = q.span.end + m[0].indexOf(m[1]);
      this.statements.push({
        personKey: source.person?.key,
        speaker: source.person?.name ?? source.label,
        kind: 'direct',
        cue: m[1],
        contentSpan: this.trimContent(q.inner) ?? q.inner,
        text: this.text.slice(q.inner.start, q.inner.end).trim(),
        sourceSpan: source.span,
        cueSpan: { start: dash, end: dash + 1 },
        date: this.input.articleDate,
        quotation: this.quotationIndexOf(q),
      });
      covers.add(this.statements[this.statements.length - 1]);
    }
  }

  /**
   * Whether some statement's content covers a quotation's inner text, for quotations asked in
   * document order: a sweep over the statements sorted by start, keeping the furthest end.
   * Statements added later must start at or after the last quotation asked about. `byStart`: the
   * statements so far, sorted by start (sortedByContentStart), not changed while the sweep runs.
   */
  private coverageSweep(byStart: readonly Statement[]): { (q: Quotation): boolean; add(s: Statement): void } {
    let next = 0;
    let furthest = -Infinity;
    let added: Statement[] = [];
    const covers = (q: Quotation): boolean => {
      while (next < byStart.length && byStart[next].contentSpan.start <= q.inner.start) furthest = Math.max(furthest, byStart[next++].contentSpan.end + 1);
      if (added.length) {
        const later: Statement[] = [];
        for (const st of added) {
          if (st.contentSpan.start <= q.inner.start) furthest = Math.max(furthest, st.contentSpan.end + 1);
          else later.push(st);
        }
        added = later;
      }
      return q.inner.end <= furthest;
    };
    /** A statement added (or widened) during the sweep; it starts after the quotations asked so far. */
    covers.add = (st: Statement) => {
      added.push(st);
    };
    return covers;
  }

  /** The person the article quotes most, for headlines that name a role only. */
  private mainSpeaker(): PersonRecord | undefined {
    const counts = new Map<PersonRecord, number>();
    for (const person of this.book.all()) {
      if (person.isOrganization || !person.confirmed) continue;
      const first = person.mentions.find((m) => m.kind === 'name');
      if (!first) continue;
      counts.set(person, person.mentions.length + (first.span.start < this.input.bodyStart + 400 ? 3 : 0));
    }
    let best: PersonRecord | undefined;
    for (const [p, n] of counts) if (!best || n > counts.get(best)!) best = p;
    return best;
  }

  /**
   * A quotation with no attribution of its own, right after a statement by X in the same or the
   * previous paragraph, continues X (news style lets a speaker go on).
   */
  private continuations(units: Unit[]): void {
    // Every quotation is asked about in document order; what it needs is kept sorted once.
    const nonContinuations = sortedByContentStart(this.statements);
    const covers = this.coverageSweep(nonContinuations);
    const continued: Statement[] = [];
    const cueInside = this.cueInsideTest();
    const namedBetween = this.namedBetweenTest();
    let u = 0;
    for (let i = 0; i < this.outer.length; i++) {
      const q = this.outer[i];
      if (covers(q)) continue;
      if (cueInside(q.span)) continue;
      while (u < units.length && units[u].end <= q.span.start) u++;
      let unit: Unit | undefined;
      for (let j = u; j < units.length && units[j].start <= q.span.start; j++) {
        if (q.span.start < units[j].end) {
          unit = units[j];
          break;
        }
      }
      if (!unit) continue;
      // The quotation must be the unit's main content, not a phrase in the writer's sentence.
      const quoteWords = this.wordsBetween(q.inner.start, q.inner.end);
      if (quoteWords < 2 || quoteWords < this.wordsBetween(unit.start, unit.end) * 0.6) continue;
      // The last statement (in order of start) that ends before the quotation, then a later continuation.
      let previous: Statement | undefined;
      let k = this.lastStartingBefore(nonContinuations, q.span.start);
      for (const stop = k - SPEAKER_LOOKBACK; k >= 0 && k > stop; k--) {
        if (nonContinuations[k].contentSpan.end <= q.span.start && !isReportedQuestion(nonContinuations[k])) {
          previous = nonContinuations[k];
          break;
        }
      }
      const lastContinued = continued[continued.length - 1];
      if (previous && lastContinued && lastContinued.contentSpan.end <= q.span.start && lastContinued.contentSpan.start > previous.contentSpan.start) previous = lastContinued;
      if (!previous?.personKey && !previous?.speaker) continue;
      const prevParagraph = this.paragraphAt(previous.contentSpan.start);
      const thisParagraph = unit.paragraph;
      if (thisParagraph - prevParagraph > 1 && !this.onlyFurnitureBetween(prevParagraph, thisParagraph)) continue;
      if (namedBetween(previous, q.span.start)) continue;
      const gap = q.inner.start - previous.contentSpan.end;
      const spoken = previous.contentSpan.end - previous.contentSpan.start + (q.inner.end - q.inner.start);
      if (previous.kind !== 'indirect' && previous.cue !== 'continuation' && gap <= spoken) {
        // One utterance split by a short attribution ("“A,” he said. “B.”"): the first statement spans both.
        // After a long interruption the follow-on quote stands as its own statement (cue "continuation").
        previous.contentSpan = { start: previous.contentSpan.start, end: q.inner.end };
        previous.text = `${previous.text} \u2026 ${this.text.slice(q.inner.start, q.inner.end)}`;
        covers.add(previous);
        continue;
      }
      const statement: Statement = {
        personKey: previous.personKey,
        speaker: previous.speaker,
        kind: 'direct',
        cue: 'continuation',
        contentSpan: q.inner,
        text: this.text.slice(q.inner.start, q.inner.end),
        sourceSpan: previous.sourceSpan,
        date: previous.date,
        quotation: this.quotationIndexOf(q),
      };
      this.statements.push(statement);
      continued.push(statement);
      covers.add(statement);
    }
  }

  /** Index of the last statement in a start-sorted list that starts before `offset`, or -1. */
  private lastStartingBefore(sorted: readonly Statement[], offset: number): number {
    return lowerBound(sorted, (st) => st.contentSpan.start < offset) - 1;
  }

  /** Whether a statement's cue lies inside a span: cue spans sorted by start, with the least end from each on. */
  private cueInsideTest(): (span: Span) => boolean {
    const cues: Span[] = [];
    let inOrder = true;
    for (const st of this.statements) {
      if (!st.cueSpan) continue;
      if (cues.length > 0 && cues[cues.length - 1].start > st.cueSpan.start) inOrder = false;
      cues.push(st.cueSpan);
    }
    // Found in document order, nearly always: sorted only when not.
    if (!inOrder) cues.sort((a, b) => a.start - b.start);
    // A plain array: a typed array this size lives outside the heap, and costs more to make than the sweep.
    const leastEndFrom: number[] = new Array<number>(cues.length + 1);
    leastEndFrom[cues.length] = Infinity;
    for (let i = cues.length - 1; i >= 0; i--) leastEndFrom[i] = Math.min(cues[i].end, leastEndFrom[i + 1]);
    return (span) => leastEndFrom[lowerBound(cues, (c) => c.start < span.start)] <= span.end;
  }

  /**
   * Another person named as the subject of a sentence between a statement and a quote. Built once
   * per pass: the mentions (outside quotes) of everyone who could be talking, sorted, and each such
   * person's own, so that whether someone else is named in a stretch is two counts compared.
   */
  private namedBetweenTest(): (previous: Statement, at: number) => boolean {
    const speakers = new Set<string | undefined>();
    for (const st of this.statements) speakers.add(st.personKey);
    // Only someone who could be talking: a speaker elsewhere, or a person with a title.
    const talkers = this.book.all().filter((person) => !person.isOrganization && (speakers.has(person.key) || person.roles.length > 0));
    let count = 0;
    for (const person of talkers) count += this.book.startsOutsideQuotes(person).length;
    // Sorted natively as numbers: everyone's starts, then each person's own in a stretch of their own.
    if (mentionScratch.length < 2 * count) mentionScratch = new Int32Array(Math.max(2 * count, 2 * mentionScratch.length));
    const everyone = mentionScratch;
    const own = new Map<string, Int32Array>();
    let at = count;
    for (const person of talkers) {
      const starts = this.book.startsOutsideQuotes(person);
      everyone.set(starts, at - count);
      const theirs = everyone.subarray(at, at + starts.length);
      theirs.set(starts);
      own.set(person.key, theirs.sort());
      at += starts.length;
    }
    const all = everyone.subarray(0, count).sort();
    const sentences = this.input.structure.sentences;
    return (previous, at) => {
      // Names inside the attribution's own sentence ("…,” said X, who works with Y.) do not interrupt.
      const anchor = previous.cueSpan?.start ?? previous.sourceSpan?.start ?? previous.contentSpan.end;
      const s = lowerBound(sentences, (sentence) => sentence.span.end < anchor);
      const sentence = s < sentences.length && sentences[s].span.start <= anchor ? sentences[s] : undefined;
      const from = Math.max(previous.contentSpan.end, sentence?.span.end ?? 0);
      // Mentions that start after `from` and before `at`: any that is not the previous speaker's.
      const named = countBelow(all, at) - countBelow(all, from + 1);
      if (named <= 0) return false;
      const theirs = previous.personKey === undefined ? undefined : own.get(previous.personKey);
      return theirs === undefined || named > countBelow(theirs, at) - countBelow(theirs, from + 1);
    };
  }

  private paragraphAt(offset: number): number {
    const paragraphs = this.input.structure.paragraphs;
    // The first paragraph whose end is at or after the offset (paragraphs are sorted and disjoint).
    const lo = lowerBound(paragraphs, (p) => p.span.end < offset);
    return lo < paragraphs.length && paragraphs[lo].span.start <= offset ? lo : -1;
  }

  private onlyFurnitureBetween(a: number, b: number): boolean {
    for (let p = a + 1; p < b; p++) if (isReadable(this.input.structure.paragraphs[p])) return false;
    return true;
  }

  private isInsideQuote(offset: number): boolean {
    const q = this.outer[this.outerAtOrAfter(offset) - 1];
    return !!q && offset < q.span.end;
  }
}

/**
 * Sorts statements by where their content starts, as `sort` by that key would (stably), but only
 * when they are out of order: the rules find them in document order, nearly always.
 */
function sortByContentStart(statements: Statement[]): Statement[] {
  for (let i = 1; i < statements.length; i++) {
    if (statements[i - 1].contentSpan.start > statements[i].contentSpan.start) return statements.sort((a, b) => a.contentSpan.start - b.contentSpan.start);
  }
  return statements;
}

/** A copy of the statements sorted by where their content starts (sortByContentStart). */
function sortedByContentStart(statements: readonly Statement[]): Statement[] {
  return sortByContentStart(statements.slice());
}

/** /^\d{4}-\d{2}-\d{2}$/ without the regex: YYYY-MM-DD. */
function isIsoDay(value: string): boolean {
  if (value.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = value.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 0x2d : c < 48 || c > 57) return false;
  }
  return true;
}

/** What trimContent takes off a content span's ends: /[\s,;:\u2014\u2013\-.]/ on one code unit. */
function isTrimmed(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2d || c === 0x2e;
  return c === 0x2014 || c === 0x2013 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A space or line break, as trimContent trims them. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
}

/** "X asked Y whether …": a question put to someone, whose answer is theirs, not the asker's. */
function isReportedQuestion(statement: Statement): boolean {
  return statement.kind === 'indirect' && ASKING_VERBS.has(statement.cue.toLowerCase());
}

function isReadable(p: Paragraph): boolean {
  return p.role !== 'furniture' && p.role !== 'caption' && p.role !== 'byline';
}

function isClosingQuote(ch: string): boolean {
  return ch === '"' || ch === '\u201d' || ch === '\u2019' || ch === "'" || ch === '\u00bb' || ch === '\u201c';
}

function isOpeningQuote(ch: string): boolean {
  return ch === '"' || ch === '\u201c' || ch === '\u2018' || ch === '\u00ab' || ch === '\u201e';
}

/** Two or more capitalised words without an organisation word read as a person's name. */
function looksLikePersonName(words: string[]): boolean {
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}’'.-]/u.test(w) || /^(?:al|el|bin|ibn)-/.test(w) || /^\p{Lu}\.?$/u.test(w));
}
