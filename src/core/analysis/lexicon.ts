// Word lists of general English news usage. They name kinds of words (reporting verbs, titles,
// roles, boilerplate phrases), never text of particular articles.

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/** Reporting verbs in every inflection, lower case. */
export const REPORTING_VERBS = set(`
say says said saying tell tells told telling add adds added adding stated announce announces
announced declare declares declared explain explains explained noted warn warns warned insist
insists insisted argue argues argued claimed accuse accuses accused acknowledge acknowledges
acknowledged admit admits admitted assert asserts asserted replies replied responds responded write
writes wrote tweet tweets tweeted tweeting posted urge urges urged ask asks asked suggest suggests
suggested recall recalls recalled remark remarked commented conclude concluded described predicted
promised vow vows vowed pledged demanded confirm confirms confirmed deny denies denied reject
rejects rejected reports reported testify testified concede conceded boast boasted complain
complains complained criticized criticised praised slammed blasted dismissed contend contended
maintains maintained emphasize emphasized emphasise emphasised stressed reiterate reiterated agree
agreed joked mused shouted yelled recounted informed called continued cautioned charged countered
quipped observed lamented threatened thanked welcomed condemned calling scolded exhorted compared
reads states noting saying writing asking arguing warning insisting explaining describing adding
recalling claiming declaring urging quoted quoting acknowledging admitting
call calls describe describes yells yell shouts
notes continues chanted chanting assure assures assured promise promising portray portrays portrayed portraying express expresses expressed expressing
predict predicts predicting interjected answered replying responding
agrees adds explains warns argues insists recalls concludes observes cautions counters quips laments
exclaimed exclaims retorted retorts snapped proclaimed proclaims vented fumed scoffed decried decries surmised
elaborated gushed groused bemoaned bemoans touted touts lambasted derided chided opined opines griped mocked
mocks denounced denounces wondered wonders whispered muttered screamed boasts emailed texted
reiterates hinted hints marveled marvelled pleaded pleads begged
cited cites citing remembered recommended questioned implied dubbed labeled labelled branded termed read
highlighted referenced pointed
referred referring refers promises chants blamed remarking accusing stating confided confessed barked
echoed echoes echoing denouncing mocking praising chiding suggesting retorting conceding vowing pledging
allege alleges alleged alleging shouting yelling jeered assailed gloated quipping
retweeted titled entitled labeling labelling
released releasing issued published publishing
`);

/** Verbs that only report speech when a quote or `that`-clause follows: weaker evidence. */
export const WEAK_REPORTING_VERBS = set(`
call calls called calling continue continued continues welcome welcomed thank thanked condemn condemned
compared reads states quoted
reject rejects rejected describe describes described
chanted chanting assure assures assured promise promised promising portray
portrays portrayed portraying express expresses expressed expressing answered
cited cites citing remembered recommended questioned implied dubbed labeled labelled branded termed read
highlighted referenced pointed
referred referring refers blamed chants denouncing mocking praising chiding
titled entitled labeling labelling
released releasing issued published publishing
`);

/**
 * Verbs of motion, possession and change that never report words, though a rule that takes the
 * verb after a quote's subject may meet them ("She took her phone everywhere, “sending …”").
 */
export const NON_REPORTING_VERBS = set(`
take takes took come comes came become becomes became get gets got look looks looked serve serves served
earn earns earned begin begins began appear appears appeared seem seems seemed hold holds held win wins won
lead leads led pay pays paid choose chooses chose
`);

/**
 * Words besides reporting verbs that make a quoted word someone's: a judgement ("considered a true
 * “genius”", "seen by organizers as a “lifeboat”"), a source ("according to"), or the word itself
 * talked about ("the term “pivot”", "a self-styled “new-media” journalist").
 */
export const WORDING_MARKERS = set(`
according consider considers considered deem deems deemed view views viewed regard regards regarded
see sees seen term terms phrase word words admission styled known
`);

/**
 * Conjunctions that open an adverbial clause with a subject of its own (time, cause, condition,
 * concession): "When Roe accused Doe …, she said", "even though he found “…”".
 */
export const SUBORDINATING_CONJUNCTIONS = set(`
when whenever while because since as after before until once if unless although though whether whereas
`);

/** Objects that make a cue a phrase ("told reporters"). */
export const CUE_OBJECTS = set(`reporters journalists the a an press media lawmakers senators supporters`);

export const PRONOUNS = set(`he she they it we i`);
export const PERSON_PRONOUNS = set(`he she`);

/** Words that may stand between a subject and its verb ("Lavrov on Tuesday said"). */
export const SKIPPABLE_BEFORE_VERB = set(`
also has have had was is were will would could may might later earlier previously reportedly then
further separately again once repeatedly recently publicly privately often never not quickly flatly
on last this today yesterday tonight week month year morning afternoon evening night just already
monday tuesday wednesday thursday friday saturday sunday however himself herself themselves itself too
even since long frequently openly privately personally angrily bluntly did does do
first initially originally subsequently eventually finally now still ever
`);

export const WEEKDAYS_AND_MONTHS = set(`
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec today
`);

/** Titles and ranks that precede a name; stripped from the canonical name. */
export const TITLES = set(`
president minister secretary senator sen. rep. representative gov. governor mayor chancellor premier
prime foreign deputy vice ambassador general gen. col. colonel lt. sgt. admiral judge justice chief
director spokesman spokeswoman spokesperson chairman chairwoman chair ceo cfo founder leader speaker
attorney king queen prince princess pope sheikh emir dr. mr. mrs. ms. miss prof. professor
commissioner envoy commander officer head executive manager coach captain rev. reverend sir lord lady
secretary-general undersecretary under-secretary defense defence interior finance health state
former acting senior counterpart analyst economist author reporter correspondent editor
administrator assistant press adviser advisor counsel strategist president-elect candidate nominee
lawmaker official anchor host manager inspector superintendent treasurer sheriff prosecutor detective
dean provost co-founder owner whip majority minority associate principal secretary-of-state
constable sergeant corporal lieutenant councillor councilor councilman councilwoman councilmember
alderman alderwoman assemblyman assemblywoman assemblymember cllr cllr. supt supt. insp insp. det. cmdr cmdr.
capt. maj. adm. brig. cpl. pvt. shri smt smt. shrimati
republican democrat democratic gop labour tory mp mep
`);

/** Lower-case role nouns heading a description of a source ("a Turkish security official"). */
export const ROLE_NOUNS = set(`
official officials spokesman spokeswoman spokesperson spokespeople source sources activist activists
witness witnesses analyst analysts expert experts resident residents diplomat diplomats aide aides
observer observers lawyer lawyers police officer officers statement authorities authority
minister ministry government administration agency group groups monitor organisation organization
leader leaders commander commanders militants rebels protesters people doctor doctors medics
investigators prosecutors prosecutor officials' member members lawmaker lawmakers senator senators
campaign campaigners critics critic supporters supporter economists researchers scientists study
report survey poll executive executives president spokesmen source's adviser advisers advisor
narrator moderator questioner voter voters candidate nominee writer columnist editor reporter host
anchor judge attorney professor teacher teachers student students parent parents mother father
woman man women men chief chairman chairwoman director manager owner founder economist strategist
pollster surrogate surrogates insider insiders memo document letter ruling complaint person
secretary governor mayor ambassador envoy commissioner agent agents commentator commentators pundit
pundits delegate delegates staffer staffers employee employees organizer organizers organiser organisers
demonstrators negotiator negotiators representative representatives
investor investors trader traders shopper shoppers customer customers fan fans neighbour neighbours
neighbor neighbors victim victims survivor survivors worker workers farmer farmers nurse nurses
patient patients driver drivers passenger passengers tenant tenants landlord buyer buyers researcher
scientist investigator
`);

export const DETERMINERS = set(`a an the one two three four several some many other another its his her their our`);
/** Participles that take the description after them as their object: "the union representing the workers", "the lawyer defending the mayor". */
export const POSTMODIFYING_PARTICIPLES = set(`representing leading running overseeing managing operating owning investigating prosecuting defending advising monitoring supporting opposing backing organizing organising coordinating studying tracking covering`);

/** Words that mark an organisation rather than a person. */
export const ORGANISATION_WORDS = set(`
committee council ministry agency organisation organization party army court department office union
association institute bank company inc inc. corp corp. group church university commission news times post
cross house senate congress government police forces force observatory network federation foundation
fund service services administration board authority coalition alliance front movement campaign
center centre programme program league club team bureau reuters press tass agency's kremlin pentagon
parliament assembly embassy democrats republicans officials lawmakers senators campaign
`);

/**
 * Words that end the names of companies and institutions ("Harbor Freight Lines", "Northwind
 * Energy", "Apex Logistics"): read on the last word of a name only, since before a title they name
 * an office ("Energy Secretary Rick Perry").
 */
export const ORGANISATION_ENDINGS = set(`
lines airlines airways airline energy logistics holdings motors systems technologies technology pharmaceuticals
pharma therapeutics biosciences labs laboratories industries llc ltd ltd. plc corporation incorporated
partners capital media communications telecom entertainment studios foods brands enterprises solutions
insurance bancorp securities investments ventures railways railway shipping airport hospital clinic
school college academy institution museum library watch watchdog monitor
`);

/**
 * What people do, written before their name with a capital when it opens a sentence ("Teacher
 * Marcus Olufemi", "Pastor Kevin Swanson", "Billionaire Donald Trump"): no first name.
 */
export const OCCUPATIONS = set(`
teacher pastor priest bishop rabbi imam preacher evangelist televangelist retiree pensioner student
journalist columnist commentator pundit pollster blogger billionaire millionaire philanthropist
businessman businesswoman entrepreneur investor tycoon mogul banker lobbyist donor activist
congressman congresswoman ombudsman singer guitarist drummer bassist vocalist rapper musician
songwriter singer-songwriter comedian actor actress filmmaker producer novelist poet playwright
artist photographer designer architect engineer scientist researcher historian physician surgeon
nurse doctor lawyer farmer rancher chef veteran survivor widow homeowner landlord shopkeeper
neighbour neighbor resident challenger rival incumbent frontrunner front-runner hopeful contender
presenter broadcaster model supermodel striker midfielder defender goalkeeper quarterback pitcher
`);

/** Whether a lower-case word is one of OCCUPATIONS, as a plural too or the first of a pair ("Singer-guitarists"). */
export function isOccupation(w: string): boolean {
  if (OCCUPATIONS.has(w) || (w.endsWith('s') && OCCUPATIONS.has(w.slice(0, -1)))) return true;
  const dash = w.indexOf('-');
  return dash > 0 && OCCUPATIONS.has(w.slice(0, dash));
}

/** A short list of country and capital names, so that "Russia says" is not taken as a person. */
export const PLACES = set(`
russia ukraine syria turkey iran iraq israel china japan india pakistan afghanistan germany france
britain uk u.k. england spain italy poland egypt jordan lebanon saudi arabia qatar us u.s. usa america
canada mexico brazil nato un u.n. eu washington moscow beijing ankara damascus tehran kyiv kiev london
paris berlin brussels geneva cairo jerusalem
`);

/** Function words of English, for stop-word density in the manner of jusText. */
export const STOP_WORDS = set(`
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she should
so some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves also said says would could may might must shall one two new like
`);

// ---- Speaker choice: gender of names and nouns, for pronoun resolution and people sharing a surname.

/** What follows a surname and is no word of the name, in lower case: "Harry B. Harris Jr.", "John D. Rockefeller III", "Simon Hartley KC". */
const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'kc', 'qc', 'obe', 'cbe', 'mbe']);

/** Whether `word` (any case, its dot or none) is one of NAME_SUFFIXES. */
export function isNameSuffix(word: string): boolean {
  return NAME_SUFFIXES.has(word.toLowerCase().replace(/\.$/, ''));
}

/** Common English given names read as female. */
export const FEMALE_FIRST_NAMES = set(`
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra
ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon
cynthia kathleen amy shirley angela helen anna brenda pamela nicole ruth katherine samantha christine
catherine virginia debra rachel janet emma carolyn maria heather diane julie joyce evelyn joan victoria
kelly christina lauren frances martha judith cheryl megan andrea olivia ann jean alice jacqueline hannah
doris kathryn gloria teresa sara janice julia marie madison grace judy theresa beverly denise marilyn
amber danielle rose brittany diana abigail natalie jane lori alexis tiffany kayla hillary hilary sally
nikki carly elaine nancy michele sheila susanna suzanne ellen eleanor chelsea
sarah katie kate claire valerie loretta janet elena sonia ruth debbie tammy kirsten
jill jennifer barbara meghan hope donna maxine dianne patty lisa liz dana gwen
nicola fiona siobhan aoife niamh ciara sinead bridget moira morag kirsty lindsay gillian jacqui
tracey tracy joanne joanna jo yvonne wendy beverley lesley mandy gemma holly chloe sophie sophia
charlotte lucy hayley zoe jade ella isabella isabel mia amelia ava harriet imogen phoebe poppy freya
georgia alison alicia anita annie annette beatrice bethany carla caroline cecilia clara colleen
constance daisy deirdre edith eileen elise eloise esther eva evelyn felicity florence gabrielle
geraldine gina hazel ingrid irene iris isla jenny jessie josephine kara karin katrina leah lena
lily lydia mabel marcia margot marian marion marissa matilda maureen melanie mildred miriam molly
monica nadia naomi nina nora norma paula pauline penelope philippa priscilla rachael rosa rosemary
roxanne sabrina serena shannon silvia sylvia stella tanya tessa thea ursula vanessa vera vivian
yolanda yasmin yasmine fatima aisha ayesha amina zainab mariam maryam leila layla noor priya
anjali sunita lakshmi deepa kavita meera neha pooja shreya divya ananya sakura mei
hana jiyeon chiara francesca giulia giovanna alessandra elisabetta federica valentina
carmen dolores guadalupe lucia mercedes pilar rocio beatriz ines camila daniela gabriela mariana
fernanda juliana luciana ana paola claudia veronica adriana alejandra marta agnieszka katarzyna
malgorzata magdalena olga tatiana svetlana natalia irina yulia ekaterina anastasia oksana helga
ursula brigitte gudrun annika astrid sigrid ingeborg greta margarethe angelika sabine petra
monique sylvie nathalie isabelle brigitte celine amelie chantal genevieve juliette margaux
ngozi chioma amara adaeze folake wanjiru nomvula thandiwe zanele
`);

/** Common English given names read as male. */
export const MALE_FIRST_NAMES = set(`
james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence
jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy
eugene vincent russell elijah louis bobby philip johnny bill bernie ted ben chris mike
rick tim tom jim bob dick al joe harry paul chuck ron jimmy
hugh howard martin benjamin
neil ian alan peter tom hans gary kevin colin graham nigel trevor clive derek barry stuart
malcolm gordon duncan angus hamish fergus callum ewan euan rory liam niall declan ciaran conor
sean seamus padraig eamon dermot cormac oisin alastair alistair craig darren dean gareth gavin
glenn luke mathew marcus nathaniel oliver oscar owen phillip quentin reginald
rhys rupert simon spencer stanley stewart toby victor warren wesley wilfred william
harvey jake jonah jude kieran leo lewis max miles neville norman percy reece rodney ross
sid sidney theo tobias tristan vaughan boris vladimir dmitri dmitry sergei sergey igor ivan
alexei mikhail nikolai yuri oleg andrei viktor volodymyr petro taras bogdan pavel piotr pawel
tomasz krzysztof marek jakub lukas matthias klaus jurgen wolfgang helmut dieter gunter
heinz stefan markus friedrich olaf sven lars anders erik magnus nils bjorn jens henrik pierre
jacques francois olivier philippe thierry didier laurent emmanuel nicolas sebastien julien
antoine yves giovanni giuseppe luigi marco matteo lorenzo alessandro francesco stefano paolo
roberto massimo fabio carlo enrico pietro salvatore vittorio umberto carlos miguel jorge luis
pedro pablo javier alejandro diego fernando rafael ricardo sergio manuel antonio eduardo
gustavo mauricio ramon raul andres felipe joaquin santiago mateo rodrigo hugo joao paulo
mohammed muhammad mohamed ahmed ahmad ali omar hassan hussein ibrahim khalid mahmoud mustafa
youssef yusuf tariq abdul abdullah rashid karim imran faisal hamid nabil bilal rahul raj
rajesh ramesh suresh sanjay vijay amit anil sunil arjun vikram rohit arun ashok deepak
narendra manoj pradeep hiroshi takeshi kenji haruki shinzo
kwame kofi chidi emeka oluwaseun tunde jomo uhuru thabo sipho nelson cyril desmond
`);

/** A word without its accents ("maría" → "maria"); the word itself when it has none (read in ASCII first). */
export function withoutAccents(w: string): string {
  return /^[\u0000-\u007f]*$/.test(w) ? w : w.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A given name the lexicon knows, lower case, written with or without its accents ("maría", "josé"). */
export function isGivenName(w: string): boolean {
  const plain = withoutAccents(w);
  return FEMALE_FIRST_NAMES.has(plain) || MALE_FIRST_NAMES.has(plain);
}

/** Nouns that name a woman or a man ("the spokeswoman", "his mother"). */
export const FEMALE_NOUNS = set(`woman women spokeswoman chairwoman congresswoman businesswoman mother wife daughter sister widow actress queen princess lady girl grandmother aunt niece`);
export const MALE_NOUNS = set(`man men spokesman chairman congressman businessman father husband son brother widower actor king prince lord boy grandfather uncle nephew`);

/** Irregular past tenses, which no ending gives away ("The billionaire businessman began by …"). */
export const IRREGULAR_PAST = new Set([
  'began', 'became', 'brought', 'built', 'came', 'chose', 'drew', 'drove', 'fell', 'felt', 'fought', 'found', 'gave', 'got',
  'grew', 'heard', 'held', 'kept', 'knew', 'led', 'left', 'lost', 'made', 'meant', 'met', 'paid', 'ran', 'rose', 'sat', 'saw',
  'sent', 'shot', 'sold', 'sought', 'spent', 'spoke', 'stood', 'struck', 'swore', 'took', 'thought', 'threw', 'told', 'went',
  'won', 'wrote', 'broke', 'forgot', 'hid', 'fled', 'shook', 'wore', 'tore', 'bore', 'rode', 'ate', 'sang', 'woke', 'withdrew', 'said', 'cut',
]);

/** Words that open a phrase of time or circumstance before the subject ("Back in 1999, …", "Each election cycle, …"). */
export const MORE_OPENERS = new Set(['back', 'each', 'every', 'first', 'finally', 'once', 'when', 'as', 'throughout', 'within', 'across', 'despite', 'until', 'upon', 'having', 'facing']);
