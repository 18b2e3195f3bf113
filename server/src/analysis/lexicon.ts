// Word lists the rules lean on. Kept in one place so that a newsroom's additions (the registry's
// cue_verbs) and our own tuning touch one file. All entries are lower case.

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/**
 * Speech verbs in every inflection we look for. Multi-word cues ("according to", "went on to say",
 * "called on") live in MULTIWORD_CUES.
 */
export const CUE_VERBS = set(`
  say says said saying tell tells told telling stress stresses stressed note notes noted
  add adds added affirm affirms affirmed indicate indicates indicated assure assures assured
  consider considers considered urge urges urged explain explains explained stated
  declare declares declared claim claims claimed argue argues argued insist insists insisted
  warn warns warned announce announces announced emphasize emphasizes emphasized emphasise
  emphasises emphasised continue continues continued ask asks asked reply replies replied
  answer answers answered write writes wrote tweet tweets tweeted admit admits admitted
  acknowledge acknowledges acknowledged suggest suggests suggested observe observes observed
  remark remarks remarked comment comments commented report reports reported confirm confirms
  confirmed deny denies denied recall recalls recalled underline underlines underlined
  underscore underscores underscored highlight highlights highlighted predict predicts predicted
  promise promises promised vow vows vowed estimate estimates estimated conclude concludes
  concluded maintain maintains maintained contend contends contended allege alleges alleged
  complain complains complained reiterate reiterates reiterated propose proposes proposed
  recommend recommends recommended caution cautions cautioned respond responds responded
  agree agrees agreed accuse accuses accused criticize criticizes criticized criticise
  criticised believe believes believed think thinks thought feel feels felt hope hopes hoped
  expect expects expected demand demands demanded mention mentions mentioned point points pointed
  reckon reckons reckoned quip quips quipped joke jokes joked boast boasts boasted concede concedes
  conceded charge charges charged counter counters countered retort retorts retorted shout shouts
  shouted exclaim exclaims exclaimed explain whisper whispers whispered testify testifies testified
  show shows showed found finds find announced revealed reveal reveals argue
  acknowledge added blasted slammed praised
  saying adding noting arguing warning insisting claiming stressing telling explaining suggesting
  declaring writing tweeting asking accusing recalling acknowledging admitting predicting promising
  vowing urging complaining
  described describes dubbed branded labeled labelled dismissed mocked decried hailed characterized
  deemed termed sings sang chanted yelled screamed calls called calling describing dubbing branding labeling labelling reads
  yell yells yelling chant chants chanting scream screams screaming
  pledge pledges pledged pledging threaten threatens threatened threatening
  posted posts
  assert asserts asserted asserting stating announcing alleging remarking contending
  remind reminds reminded reminding lament laments lamented lamenting reaffirm
  reaffirms reaffirmed disclose discloses disclosed
  wondered wonders wondering questioned questioning
  declined declines refused refuses
  defended cites cited citing expressed rejected condemned denounced criticizes
`);

/**
 * Verbs of committing oneself, whose reported content may be an infinitive: "vowed to repeal the
 * law", "pledged not to raise taxes". The commitment is what was said. A refusal is one too:
 * "declined to comment", "refused to answer questions" — news reports it as the speaker's answer.
 */
export const COMMISSIVE_CUES = set(`
  vow vows vowed vowing promise promises promised promising pledge pledges pledged pledging
  threaten threatens threatened threatening declined declines refused refuses
`);

/**
 * Verbs of taking a public stand on something, whose object is what was said: "endorsed Cruz",
 * "criticized the plan", "cited a new poll", "expressed concern". The object alone is the content.
 */
export const STANCE_CUES = set(`
  defended cites cited citing expressed rejected condemned denounced criticizes criticized criticised
  praised dismissed mocked questioned
`);

/** Cues of more than one word; matched token by token, case-insensitively. */
export const MULTIWORD_CUES: readonly string[][] = [
  ['according', 'to'],
  ['went', 'on', 'to', 'say'],
  ['goes', 'on', 'to', 'say'],
  ['go', 'on', 'to', 'say'],
  ['called', 'on'],
  ['called', 'upon'],
  ['calls', 'on'],
  ['calls', 'for'],
  ['called', 'for'],
  ['pointed', 'out'],
  ['points', 'out'],
  ['made', 'clear'],
  ['makes', 'clear'],
  ['in', 'the', 'words', 'of'],
  ['in', 'his', 'words'],
  ['in', 'her', 'words'],
  ['in', 'their', 'words'],
  ['quoted', 'by'],
];

/** Cue verbs whose complement is an infinitive clause with an object: "urged NATO to begin". */
export const OBJECT_CUES = set('urge urges urged called calls told tells tell telling asked asks ask warned warns');

/** Words of titles and roles: "Deputy Foreign Minister", "spokesman", "Gen.". */
export const TITLE_WORDS = set(`
  president presidents vice prime minister ministers secretary secretary-general spokesman spokeswoman
  spokesperson aide aides advisor adviser ambassador envoy chief head director chairman
  chairwoman chair ceo cfo coo governor senator sen rep representative congressman congresswoman
  mayor gen general lt col colonel admiral adm commander officer official leader king queen prince
  princess pope judge justice attorney prosecutor lawyer professor prof dr mr mrs ms miss sir lord
  dame delegate diplomat negotiator analyst economist expert researcher scientist candidate nominee
  manager coach founder co-founder owner executive chancellor premier speaker commissioner inspector
  sheriff captain capt sergeant sgt detective agent lawmaker legislator activist author writer editor
  journalist correspondent reporter host anchor strategist pollster consultant counsel dean rector
  bishop archbishop cardinal rabbi imam rev reverend marshal deputy undersecretary under-secretary
  ombudsman treasurer comptroller superintendent principal chancellor mp mep emir sheikh ayatollah
  patriarch metropolitan commissar councillor councilor councilman councilwoman alderman
  spokespeople representative-elect president-elect chairperson director-general
  gov govs sens reps atty maj cmdr hon supt insp det cpl pvt supervisor supervisors
`);

/** Adjectives and nouns that sit inside roles without being titles themselves. */
export const ROLE_MODIFIERS = set(`
  deputy foreign presidential national security senior former acting interim chief general
  political economic press military defense defence state top leading first assistant associate
  executive special regional federal local white house senate campaign party democratic republican
  communications foreign-policy intelligence finance health justice interior trade energy
  education labor labour transport culture agriculture environment affairs development public
  international external internal permanent principal vice
`);

/** Role nouns that, after "the", refer back to a person: "the diplomat said". */
/**
 * Nouns that describe a person without naming an office: kin, occupations. They make an
 * appositive a role ("His daughter, Mira, says …") but, unlike ROLE_HEADS, are not resolved to a
 * person named before ("the doctor said" is not the last speaker).
 */
export const DESCRIPTIVE_HEADS = set(`
  daughter son wife husband mother father brother sister widow widower cousin uncle aunt niece
  nephew grandson granddaughter grandmother grandfather fiancé fiancee fiance neighbor neighbour
  friend colleague farmer teacher nurse doctor engineer pilot soldier veteran student
`);

export const ROLE_HEADS = set(`
  diplomat diplomats minister president envoy ambassador official officials spokesman spokeswoman
  spokesperson senator governor mayor leader chief head premier chancellor secretary
  general commander delegate negotiator lawmaker congressman congresswoman candidate nominee
  prosecutor judge attorney lawyer expert analyst economist official aide adviser advisor
  director chairman chairwoman executive politician diplomat republican democrat king queen
  pope prince activist author professor scientist researcher businessman businesswoman
  billionaire actor actress singer player coach captain manager founder owner officer
`);

/** What a role noun may be called back by: "the diplomat" for a deputy foreign minister. */
export const ROLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  diplomat: ['diplomat', 'foreign', 'ambassador', 'envoy', 'delegate', 'delegation', 'negotiator'],
  envoy: ['envoy', 'ambassador', 'delegate', 'delegation', 'diplomat', 'representative', 'negotiator'],
  official: ['official', 'minister', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary', 'aide', 'director', 'head', 'chief'],
  officials: ['official', 'minister', 'spokesman'],
  politician: ['senator', 'governor', 'minister', 'president', 'lawmaker', 'congressman', 'congresswoman', 'mayor', 'candidate', 'nominee'],
  lawmaker: ['senator', 'congressman', 'congresswoman', 'representative', 'lawmaker', 'mp', 'legislator'],
  leader: ['leader', 'president', 'premier', 'prime', 'chancellor', 'head', 'chief', 'king', 'queen'],
  minister: ['minister'],
  head: ['head', 'chief', 'director', 'chairman', 'leader'],
};

/** Organisation words: a capitalised run holding one is an organisation, not a person. */
export const ORGANIZATION_WORDS = set(`
  ministry alliance council organization organisation party agency department office committee
  union bank university court times post news center centre institute association group inc corp
  corporation company commission house senate congress government administration federation
  republic kingdom states nations forces army navy tv channel club foundation fund service
  police church campaign network review journal herald tribune guardian telegraph express mirror
  press agency reuters ap afp tass efe interfax ria xinhua bloomberg cnn bbc fox nbc abc cbs msnbc
  npr pbs foundation coalition front movement assembly parliament duma kremlin pentagon
  treasury board bureau authority authorities commission fbi cia nsa nato un eu opec who imf
  school college hospital airlines airways systems technologies labs laboratory laboratories
  delegation mission embassy consulate secretariat police legion brigade regiment battalion division command ministry's guard
  poll survey study report data research statement document draft website magazine newspaper
  show program programme live youtube facebook twitter instagram tiktok
  trust ltd llc plc gmbh holdings industries enterprises society museum library charity league chamber airport railway railways
`);

/** Words that open sentences or clauses and are never names, even capitalised. */
export const NON_NAME_WORDS = set(`
  the a an and but or nor so yet for if then than that this these those there here it its he she
  they we i you his her their our your my me him them us who whom whose what which when where why
  how in on at by to of from with without into onto over under after before during since until
  while as about above below between among through throughout across against toward towards upon
  within also still now then however meanwhile moreover furthermore nevertheless nonetheless thus
  therefore hence indeed instead earlier later today tomorrow yesterday tonight monday tuesday
  wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec not no yes
  all any both each every few many more most much other another some such only own same very just
  even ever never always often sometimes already again once twice last next first second third
  according although though because unless whether despite besides beyond near like unlike
  is are was were be been being has have had do does did will would shall should can could may
  might must ought let let's one two three four five six seven eight nine ten hundreds thousands
  mr mrs ms dr precisely perhaps maybe well oh please thank thanks sorry read click share follow
  subscribe sign watch photo video image file getty related advertisement
`);

export const PERSONAL_PRONOUNS = set('he she him her they them');
export const SUBJECT_PRONOUNS = set('he she they');

/** Lower-case particles inside names: "Ursula von der Leyen", "Ludwig van Beethoven". */
export const NAME_PARTICLES = set('de da di del della der den van von la le du dos das bin ibn al el ben');

/** Lines that are page furniture, not article text (compared lower case, trimmed). */
export const FURNITURE_LINES = set(`
  all\u00a0news
`);
export const FURNITURE_PATTERNS: readonly RegExp[] = [
  /^(?:all news|leave a reply|advertisement|share this article|share this|share|read more|related|related articles?|related stories|more from [^.]{0,60}|comments?|print|email|tweet|subscribe|sign up|follow us[^.]{0,60}|read the rest here\.?|continue reading|click here[^.]{0,80}|see also|tags?:?[^.]{0,200}|photo gallery|watch:?|video:?|listen:?|top stories|most read|trending|you may also like|recommended)\.?$/i,
  /^your email address will not be published/i,
  /^required fields are marked/i,
  /^(?:©|copyright\b)/i,
  /^(?:photo|image|picture|file photo|video)\s*:/i,
];

/** Credit markers in photo captions: "EFE / EPA / NAME / POOL", "(AP Photo/Name)", "Getty Images". */
export const CAPTION_CREDIT = /(?:\bAP Photo\b|\bGetty Images\b|\bReuters\/|\/\s*POOL\b|\bEFE\s*\/|\bEPA\s*\/|\bAFP\b[^.]{0,40}$|\bPhoto(?:graph)?:|\bPhoto by\b|\bCredit:|\bTASS\s*\/)/;

/** Abbreviations after which a full stop does not end a sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr prof gen lt col sen rep gov st sgt capt adm maj cmdr jr sr rev fr hon
  sens reps govs atty supt insp det cpl pvt
  jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp ltd co bros mt ft
  u.s u.k u.n e.u a.m p.m d.c u.s.a i.e e.g
`);

/**
 * Common Chinese and Korean family names, which English-language news writes first ("Zhao
 * Mingrui", "Moon Jae-in") and repeats alone ("Zhao said"): a lone such word is looked for as the
 * first word of a full name when it is no one's last. Lower case, not folded.
 */
export const FAMILY_NAMES_WRITTEN_FIRST = set(`
  wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang
  xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su
  lu ding ren shen yao jin xi qin bai hou meng fan fu kong mao qian wen xue yan lei long duan
  kim lee park choi jung chung kang cho yoon yun jang lim moon ban hong shin kwon hwang ahn yoo ko
  oh seo nam roh chun baek
`);

/**
 * Given names that, in English-language news, nearly always name a woman or a man: a hint of a
 * person's gender for "she"/"he" when the text itself gives none (no "Mrs.", no pronoun yet).
 * Names used for both (Alex, Jordan, Kim, Jean, Andrea …) are in neither list. Lower case.
 */
export const FEMALE_GIVEN_NAMES = set(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty
  margaret sandra ashley kimberly emily donna michelle carol amanda melissa deborah stephanie
  rebecca sharon laura cynthia amy kathleen angela shirley anna brenda pamela emma nicole helen
  samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie
  olivia joyce virginia victoria lauren christina joan evelyn judith megan cheryl
  hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice abigail alice judy
  sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
  charlotte marie kayla lori hillary elena elina olga irina natalia svetlana tatiana yulia
  marina anastasia ekaterina ingrid astrid greta elin ilse inge ursula annalena sophie claire
  isabelle nathalie valerie camille chloe lea manon ines lucia sofia giulia francesca chiara carmen
  rosa ana isabel pilar marta beatriz fatima aisha amina leila mira nina vera lena kristen kirsten
  megyn melania ivanka michele kamala nikki elise tulsi
`);

export const MALE_GIVEN_NAMES = set(`
  james robert john michael david william richard joseph thomas charles christopher daniel matthew
  anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
  jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin
  samuel gregory frank alexander raymond patrick jack dennis jerry tyler aaron jose adam nathan
  henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald
  harold sean austin carl arthur lawrence dylan jesse bryan joe billy bruce albert willie gabriel
  logan ralph roy eugene russell wayne louis philip bobby johnny mitt ted marco jeb bernie barack
  vladimir sergei sergey dmitry dmitri alexei alexey ivan igor pavel mikhail nikolai andrei yuri
  oleg boris viktor vladislav hans klaus jurgen wolfgang olaf friedrich heinrich emmanuel francois
  jacques pierre michel jean-pierre jean-luc luigi giuseppe giovanni matteo carlos juan luis miguel
  pedro jorge manuel francisco rui tomas jonas lars nils erik henrik magnus muhammad mohammed
  mohammad ahmed ali omar hassan hussein recep
`);
