// Phrases that mark a line as web-page boilerplate on any English news site, grouped by kind.
// `header` patterns open a block (the lines under "Top stories" are headlines of other articles);
// `line` patterns mark only their own line. Short-line patterns apply to lines of a few words only.
import type { NoiseKind } from './types';

export interface PhraseRule {
  readonly kind: NoiseKind;
  readonly name: string;
  readonly pattern: RegExp;
  /** Opens a block of the same kind below it. */
  readonly header: boolean;
  /** Only lines of at most this many words are tested. */
  readonly maxWords: number;
}

const SHORT = 8;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "Wednesday, November 20, 2019", "19 Nov 2019, 9:42am", "2019-11-13", "Nov. 20, 2019, 9:28 AM UTC". */
const DATELINE = new RegExp(
  `^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,? )?(?:${MONTH} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}(?:st|nd|rd|th)? ${MONTH},? \\d{4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})` +
    `(?:(?:,|\\||,? at|,? -)? ?\\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?(?: [a-z]{2,4})?)?$`,
  'i',
);
const ANY = Number.MAX_SAFE_INTEGER;
const BYLINE_LEADS = ['by', 'written by', 'reviewed by', 'medically reviewed by', 'posted by', 'reporting by', 'additional reporting by', 'with reporting by', 'contributing reporting by', 'edited by', 'story by', 'words by', 'photo by', 'photos by'];
/**
 * "By Tom Parfitt", "BY TOM PARFITT", "Written By Jane Doe": a lead in any case, then a capital.
 * Without the `i` flag, because under it `\p{Lu}` matches lower-case letters too and "By noon the
 * doors had opened." would be a byline; each letter of a lead is a class of its two cases instead.
 */
const BYLINE = new RegExp(
  `^(?:${BYLINE_LEADS.map((lead) => lead.replace(/\p{L}/gu, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('|')})\\s+\\p{Lu}`,
  'u',
);

export const PHRASE_RULES: readonly PhraseRule[] = [
  // Comment sections and forms.
  { kind: 'comment', name: 'comments-header', header: true, maxWords: 6, pattern: /^(\d+\s+)?(no |show |view |read |load |hide |add |post )?(reader |user )?(comments?|responses?|replies)\b( \(\d+\))?|^(leave|post|add|write) (a|your) (comment|reply|response)|^join the (discussion|conversation)|^(\d+ )?thoughts? on\b|^discussion\b|^what do you think\??$/i },
  // "Alex on September 17, 2018 at 6:34 am said:", "Colin Rust commented on": a reader's comment starts.
  { kind: 'comment', name: 'comment-signature', header: true, maxWords: 16, pattern: /\d{1,2}:\d{2}(?: ?[ap]\.?m\.?)? (?:said|says|wrote|commented) ?:?$|^\S.{0,40} commented on$/i },
  { kind: 'comment-form', name: 'comment-form', header: false, maxWords: 20, pattern: /please enter your|your email address will not be published|required fields are marked|save my name, email|^(post|submit) (comment|reply)|notify me of (follow-up|new)|^(name|email|website|comment)[\s*:]*$|^cancel reply|you must be logged in to post|log in to (comment|reply)|^reply$|^\d+ (likes?|replies)$|comments are (closed|moderated)|^enter (?:your )?e-?mail(?: address)?$/i },
  // Lists of other articles.
  { kind: 'related-links', name: 'related-header', header: true, maxWords: 6, pattern: /^(popular|top|trending|latest|recent|related|recommended|featured|sponsored|promoted|partner|more|most|editor'?s|editors'?|other|similar|best|hot|breaking)\b.{0,30}\b(posts?|stories|story|news|articles?|reads?|videos?|content|links|picks|headlines|now|today|from|in|on|read|popular|viewed|shared|commented|watched|updates|topics)\b|^(must read|read (more|next|also|this next)|also read|see also|you (may|might) (also )?(like|enjoy)|around the web|from the web|in case you missed it|what to read next|up next|don't miss|further reading|more on this|recent posts|archives|categories|tags|topics)\b[:.]?/i },
  // "More", "Latest", "Related" … alone, or before a capitalised word ("More Sports", "Latest Issue"): a
  // header. Before a word in lower case the line is the article's own ("More expensive than rivals").
  { kind: 'related-links', name: 'related-header', header: true, maxWords: 6, pattern: /^(?:[Tt]rending|TRENDING|[Pp]opular|POPULAR|[Rr]elated|RELATED|[Rr]ecommended|RECOMMENDED|[Mm]ore|MORE|[Ll]atest|LATEST)(?:[\s:.…]*$|\s+[\p{Lu}\d“"‘'(]|\s+by\s|\s+for you$)/u },
  { kind: 'related-links', name: 'read-more', header: false, maxWords: 30, pattern: /^(read more|read also|also read|related|see also|more|recommended|watch|listen|next|also|previously|up next|read)\s*[:>»|\-–—]|^(?:to )?read the full (?:story|article|report|interview)\b|^also on \S+\.\S+|^on \S+\.(?:com|org|net|co\.uk)\s*:|^cross-?posted (?:from|with)\b|^view all (?:stories|articles|posts|news)\b|^read more$|^continue reading|~?\d{1,6} (minutes?|hours?|days?|weeks?|months?) ago$|^(more|all) (news|stories|articles)\b/i },
  // Social networks and sharing.
  { kind: 'social', name: 'social', header: false, maxWords: 5, pattern: /^(share|tweet|pin|pin it|email|e-mail|print|facebook|twitter|x|linkedin|reddit|pinterest|whatsapp|telegram|instagram|youtube|tiktok|flipboard|tumblr|buffer|rss|rss feed|copy link|messenger|vk|snapchat|google\+?|mail|comment|save|like|follow)(\s*[:|/,·•-](?:\s*[\n\r\u2028\u2029])?.*)?$/i },
  { kind: 'social', name: 'social-link', header: false, maxWords: 12, pattern: /^[\p{L} ]{0,30}:?\s*(https?:\/\/)?(www\.)?((twitter|facebook|instagram|linkedin|youtube|tiktok|pinterest|telegram)\.com|t\.me|x\.com|wa\.me)\/\S+\s*$/iu },
  { kind: 'social', name: 'social-prompt', header: false, maxWords: 16, pattern: /^(follow|like|find|join|connect with) us\b|^share (this|on|the|or comment)\b|\bsharing options\b|^a post shared by\b|\bshare it with (?:a )?friends?\b|\bsharing buttons\b|^share your thoughts\b|^follow (?:\S+ ){1,4}on (?:twitter|instagram|facebook|x|tiktok|youtube|linkedin|threads|bluesky)\b|\b(follow|find) (us|me) on\b|^\d[\d,.]*k? (shares?|likes?|followers|views|retweets)$|^(followers|following|likes|shares)$|\bclick to tweet\b/i },
  // "View this post on Instagram" over an embedded post; "Facebook Twitter Email": a row of sharing buttons.
  { kind: 'social', name: 'embed-prompt', header: false, maxWords: 8, pattern: /^view (?:this|the) (?:post|video|photo|tweet) on (?:instagram|facebook|twitter|x|tiktok|youtube)$/i },
  {
    kind: 'social',
    name: 'share-row',
    header: false,
    maxWords: 12,
    pattern: /^(?:(?:share|facebook|twitter|x|email|e-mail|linkedin|reddit|pinterest|whatsapp|telegram|flipboard|print|copy link|messenger|threads|bluesky)\s+){1,8}(?:share|facebook|twitter|x|email|e-mail|linkedin|reddit|pinterest|whatsapp|telegram|flipboard|print|copy link|messenger|threads|bluesky)$/i,
  },
  { kind: 'subscribe', name: 'subscribe', header: false, maxWords: 25, pattern: /\bsubscribe\b|\bunlimited digital access\b|^get unlimited access\b|^(?:download|install|get) (?:the|our) (?:\S+ ){0,3}app\b|\bnewsletters?\b|\bsign up (for|to) (our|get|free|e-?mail|updates|alerts|news)\b|\bsign up (for|to) \S{1,30} news\b|\bmailing list\b|\bdelivered (to|straight to) your inbox\b|^get (the|our) .{0,30}(email|updates|alerts)|\bunsubscribe\b|\byour inbox\b|\bmeet your inbox\b/i },
  // Appeals for readers' money: "Support our journalism", "Consider supporting … by contributing as little as $1", "Become a member".
  {
    kind: 'subscribe',
    name: 'support-appeal',
    header: false,
    maxWords: 40,
    pattern: /^support (?:us|our (?:journalism|work))$|\bsupport (?:independent|our|quality|local) (?:journalism|reporting|newsroom)|\bconsider (?:supporting|contributing|making a contribution|a (?:one-time )?contribution)|\bcontribute (?:as little as|today|now)\b|\bbecome a (?:member|supporter|patron)\b|^(?:make|making) a (?:donation|contribution)\b/iu,
  },
  { kind: 'contact', name: 'contact', header: false, maxWords: 12, pattern: /^contact( us| me| the author)?\b|^(e-?mail|tel|phone|fax|telephone)\s*:|^send (us )?(a )?(tips?|news tips)\b|^got a (news )?tip/i },
  { kind: 'video', name: 'video', header: false, maxWords: 12, pattern: /^video( id| on demand| length| duration)?\s*:|^(watch|play)( (the |full )?(video|now|live|more))?$|^\d{1,2}:\d{2}(:\d{2})?$|^(duration|runtime)\s*:/i },
  { kind: 'byline', name: 'byline', header: false, maxWords: 14, pattern: BYLINE },
  { kind: 'byline', name: 'byline', header: false, maxWords: 14, pattern: /^(published|updated|posted|last updated|first published)( on| at)?\b|^author:\s|^\d+ min(ute)?s? read$|\bcontributed (?:reporting )?to this (?:report|story|article)\.?$|\bcontributed reporting(?: from [^.!?]{1,40})?\.$/i },
  // A wire story's credits, however many names: "(Reporting by Will Dunham; Editing by Tom Brown)",
  // "Reporting by Rodrigo Campos; additional reporting by …; Editing by …".
  { kind: 'byline', name: 'wire-credit', header: false, maxWords: 60, pattern: /^\(?(?:additional )?(?:reporting|writing) by\b[^\n]{0,400}?\bedit(?:ing|ed) by\b/i },
  // A line that is only a date, perhaps with a time: when a piece or a comment was posted, never a sentence.
  { kind: 'byline', name: 'dateline', header: false, maxWords: 9, pattern: DATELINE },
  { kind: 'other', name: 'caption', header: false, maxWords: 60, pattern: /^(image|photo|picture|video)( caption| credit| copyright)?\s*:|^(?:image|photo|video) (?:caption|source|credit),|^image (caption|copyright)\b|^\(?(photo|image|picture|credit)s?( by)?\s*:|\b(file photo|photo credit|getty images|associated press photo)\b|^(pictured|above|below|top|left|right)\s*:|\((?:image|photo|picture|pic)s?: [^():]{1,80}\)$/i },
  // The credit closing a picture's caption, or alone under it: "… Credit: Microsoft", "(AP Photo/Ng Han Guan)",
  // "Courtesy of Netflix", "Guy Bell/Shutterstock"; a gallery's counter ("Image 2 of 5"). Between two
  // paragraphs of the article it splits no block.
  { kind: 'other', name: 'credit', header: false, maxWords: 60, pattern: /^(?:image|photo|picture|slide) \d{1,3} of \d{1,3}$|\b(?:image |photo |picture )?credits?\s*(?::|\.\.\.|…)\s*\S|\b(?:ap|afp|epa|upi) photo\s*\/|^(?:photo(?:graph)?s? )?courtesy (?:of )?\S|^photograph(?:s| by)?\s*:|\bphotograph by \S|\S\s?\/\s?(?:getty(?: images)?|shutterstock|alamy|reuters)\)?$|^\((?:getty|ap|afp|reuters)\)$|^\[(?:illustration|image|photo|picture)s?\b/i },
  // Who wrote the piece, in a line of its own: "Jane Roe is a freelance writer whose work has
  // appeared in …", "John Doe writes about national security from Washington." (Never a line that
  // reports speech: "X is a CNN contributor who … said" is the article's.)
  {
    kind: 'byline',
    name: 'author-bio',
    header: false,
    maxWords: 60,
    pattern: /^(?!.*\b(?:said|says|told)\b)(?:\p{Lu}[\p{L}.'’-]*\s){1,3}(?:(?:is|was) (?:a|an|the) (?:[\p{L}-]+,? ){0,5}(?:writer|editor|reporter|correspondent|contributor|journalist|columnist|producer|critic|author|dietitian|freelancer|blogger)\b|(?:writes|reports|covers) (?:about|on|for)\b)/u,
  },
  // Site chrome.
  // How the site earns from the products it names, and how it checks its pieces: "we may earn a commission", "independently selected by our editors", "Fact checked by".
  {
    kind: 'chrome',
    name: 'disclosure',
    header: false,
    maxWords: 80,
    pattern: /\b(?:we|site|publisher|editors?) (?:may|might|could|will) (?:earn|receive|get|be paid) (?:a |an )?(?:small |share|commission|affiliate|portion|compensation|payment|revenue|money)|\baffiliate (?:links?|commissions?|partnerships?)\b|\bindependently (?:selected|chosen|reviewed|researched)\b|\beditorial (?:process|guidelines|policy|standards)\b|^fact[- ]checked by\b|\bwhen you (?:buy|click|purchase) (?:something |through |via )/i,
  },
  // The site's own notes to its readers, under or around the article: consent to its terms ("By
  // submitting your information you agree to …"), an invitation to write in or join its forums, a
  // disclaimer ("for informational purposes only", "not intended as medical advice"), where the piece
  // first ran ("This story originally appeared in …"), a bare "click here" link.
  {
    kind: 'other',
    name: 'site-note',
    header: false,
    maxWords: 80,
    pattern:
      /\bby (?:submitting|signing up|clicking|registering|subscribing|entering)(?: [^\s,]+){0,3},? you (?:agree|accept|consent|acknowledge)\b|\bwe(?:'d|’d| would) (?:like|love) to hear (?:from you|what you think)\b|\bjoin our (?:\S+ )?forums?\b|\bsign in (?:and|to) (?:join|comment)\b|\bfor (?:educational|informational|general information(?:al)?) (?:and (?:educational|informational) )?purposes only\b|\bnot (?:intended|meant) (?:as|to be|to provide) (?:a substitute for )?(?:professional )?(?:medical|health|legal|financial|investment) advice\b|^(?:editor['’]s note: )?this (?:story|article|post|essay|column|interview) (?:was )?(?:originally|first) (?:published|appeared|ran)\b|\bclick here\.?$/i,
  },
  // What a widget of the page says when it runs or fails: "Something went wrong. Try again later", "Be the first to rate & review!".
  { kind: 'chrome', name: 'widget', header: false, maxWords: 12, pattern: /^something went wrong\b|^why you can trust\b|^be the first to (?:rate|review|comment)|^this live blog has ended|^jump to (?:a )?section$|^(?:rate|review) this (?:recipe|article)|^(?:was|is) this (?:page|article) helpful\??$|^(?:skip |story continues below |article continues below |continue reading below )?advertisement\b|\badvertisement$|^scroll to continue\b|\(?opens (?:in )?(?:a )?new (?:tab|window)\)?$|^our standards:|^listen to this (?:article|story)$|^story continues$/i },
  // A pager's arrows around a link are read past ("← Previous post", "Next post →").
  { kind: 'chrome', name: 'chrome', header: false, maxWords: 6, pattern: /^[←«‹<]?\s*(skip to (the |main )?content|skip navigation|report|menu|main menu|navigation|search|search for:?|home|homepage|sign in|sign up|log ?in|log ?out|sign out|register|my account|account|profile|settings|close|open|toggle navigation|back to top|top of page|next|previous|next (article|post|story)|previous (article|post|story)|advertisement|advertise( with us| on .*)?|sponsored|about|about us|privacy( policy| settings)?|terms( of (use|service))?|terms and conditions|cookie (policy|settings)|site ?map|careers|jobs|faq|help|loading\.*|more|less|show more|see more|load more|view all|see all|all rights reserved\.?|en|english|edition|ad|ads|store|shop|podcasts?|rss|newsletters?|follow|tags?:?|categories:?|filed under:?|topics:?)\s*[→»›>]?$/i },
  { kind: 'chrome', name: 'legal', header: false, maxWords: ANY, pattern: /©(?<!(?:\u00C3|A\u0303)©)|\(c\) \d{4}|\ball rights reserved\b|\bwe use cookies\b|\buses cookies\b|\bcookie (policy|settings|preferences)\b|\bprivacy policy\b.{0,200}\bterms\b|\bterms of (use|service)\b.{0,200}\bprivacy\b|\benable javascript\b|\brequires javascript\b|\byour browser (does not|doesn't) support\b/i },
  { kind: 'chrome', name: 'page-parts', header: false, maxWords: 6, pattern: /^(?:about the author|more from (?:this|the) (?:author|writer))$/i },
  { kind: 'chrome', name: 'tags', header: false, maxWords: 60, pattern: /^(tags?|topics?|filed under|categories|related topics|more about|keywords|in this (article|story))\s*:/i },
  { kind: 'chrome', name: 'breadcrumb', header: false, maxWords: SHORT, pattern: /^[^.!?\s>»/|]+(?:\s+[^.!?\s>»/|]+)*(?:\s+[>»/|]\s+[^.!?\s>»/|]+(?:\s+[^.!?\s>»/|]+)*){2,}$/ },
];
