// The "Source Text" TextMate grammar (syntaxes/source-text.tmLanguage.json), run through the same
// engine VS Code uses (vscode-textmate + the Oniguruma WebAssembly build), line by line with the
// rule stack carried across lines as the editor does.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const SUFFIX = '.source-text';

/** The repository root: the nearest folder above `start` whose package.json is this extension's. */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (parsed.name === 'source-annotator') return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no source-annotator package.json above ${start}`);
    dir = parent;
  }
}

const ROOT = findRoot(__dirname);
const GRAMMAR_FILE = path.join(ROOT, 'syntaxes', 'source-text.tmLanguage.json');
const CONFIG_FILE = path.join(ROOT, 'syntaxes', 'language-configuration.json');
const SEEDS_DIR = path.join(ROOT, 'test', 'fixtures', 'workspace', 'seeds');

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Scopes below the root scope `text.source-text`, outermost first. */
  readonly scopes: readonly string[];
}

let grammar: vsctm.IGrammar | undefined;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: (scopeName: string) =>
      Promise.resolve(scopeName === 'text.source-text' ? vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_FILE, 'utf8'), GRAMMAR_FILE) : null),
  });
  const loaded = await registry.loadGrammar('text.source-text');
  if (!loaded) throw new Error('grammar text.source-text did not load');
  return loaded;
}

function theGrammar(): vsctm.IGrammar {
  if (!grammar) throw new Error('grammar not loaded (the before() hook failed)');
  return grammar;
}

interface TokenizedLine {
  readonly text: string;
  readonly tokens: Token[];
  /** Depth of the rule stack after the line: 2 (root + document) once every quote has closed. */
  readonly depthAfter: number;
}

/** Tokenizes a document line by line, carrying the rule stack like the editor does. */
function tokenizeLines(lines: readonly string[]): TokenizedLine[] {
  const g = theGrammar();
  let stack = vsctm.INITIAL;
  return lines.map((text) => {
    const result = g.tokenizeLine(text, stack);
    assert.equal(result.stoppedEarly, false, `tokenizing stopped early on ${JSON.stringify(text)}`);
    stack = result.ruleStack;
    const tokens = result.tokens.map((t) => ({
      text: text.slice(t.startIndex, Math.min(t.endIndex, text.length)),
      start: t.startIndex,
      end: Math.min(t.endIndex, text.length),
      scopes: t.scopes.slice(1),
    }));
    return { text, tokens, depthAfter: stack.depth };
  });
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The exact scope name, `.source-text` added when the table leaves it out. */
function full(scope: string): string {
  return scope.endsWith(SUFFIX) ? scope : scope + SUFFIX;
}

/** True when `scope` is `prefix` or lies under it (`string` covers `string.quoted.double.source-text`). */
function under(scope: string, prefix: string): boolean {
  return scope === prefix || scope.startsWith(prefix + '.');
}

function show(tokens: readonly Token[]): string {
  return tokens.map((t) => `  ${JSON.stringify(t.text)} → [${t.scopes.join(', ')}]`).join('\n');
}

/** The tokens covering `substring` (its first occurrence at or after `after`'s end) in a tokenized line. */
function tokensOf(line: TokenizedLine, substring: string, after?: string): Token[] {
  let from = 0;
  if (after !== undefined) {
    const a = line.text.indexOf(after);
    assert.ok(a >= 0, `${JSON.stringify(after)} is not in line ${JSON.stringify(line.text)}`);
    from = a + after.length;
  }
  const start = line.text.indexOf(substring, from);
  assert.ok(start >= 0, `${JSON.stringify(substring)} is not in line ${JSON.stringify(line.text)}`);
  const end = start + substring.length;
  return line.tokens.filter((t) => t.end > start && t.start < end);
}

/** Tokenizes `line` after `context` (by default one headline, so `line` is body text). */
function tokenizeInContext(line: string, context: readonly string[] = ['Headline']): TokenizedLine {
  const all = tokenizeLines([...context, line]);
  const last = all[all.length - 1];
  assert.ok(last);
  return last;
}

/** The scopes at the first character of `substring` in `lineText` (tokenized as a body line). */
function scopesAt(lineText: string, substring: string, context?: readonly string[]): readonly string[] {
  const first = tokensOf(tokenizeInContext(lineText, context), substring)[0];
  assert.ok(first, `no token for ${JSON.stringify(substring)}`);
  return first.scopes;
}

interface Expectation {
  /** Text inside the line to check; every token overlapping it is checked. */
  readonly text: string;
  /** Search for `text` after the first occurrence of this. */
  readonly after?: string;
  /** Exact scope every token of `text` must carry (`.source-text` may be left out). */
  readonly scope?: string;
  /** No token of `text` may carry a scope under this prefix. */
  readonly noScope?: string;
}

function check(line: TokenizedLine, e: Expectation): void {
  const tokens = tokensOf(line, e.text, e.after);
  const where = `${JSON.stringify(e.text)} in ${JSON.stringify(line.text.length > 120 ? line.text.slice(0, 117) + '...' : line.text)}`;
  if (e.scope !== undefined) {
    const want = full(e.scope);
    if (tokens.some((t) => !t.scopes.includes(want))) assert.fail(`${where} should carry ${want} throughout; tokens:\n${show(tokens)}`);
  }
  if (e.noScope !== undefined) {
    const prefix = e.noScope;
    if (tokens.some((t) => t.scopes.some((s) => under(s, prefix)))) assert.fail(`${where} should carry no ${prefix}* scope; tokens:\n${show(tokens)}`);
  }
}

function label(e: Expectation): string {
  return e.scope !== undefined ? `${JSON.stringify(e.text)} is ${e.scope}` : `${JSON.stringify(e.text)} is not ${e.noScope ?? '?'}`;
}

// ---------------------------------------------------------------------------------------------
// Seeds

const SEED_FILES = fs
  .readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

function seedFile(prefix: string): string {
  const name = SEED_FILES.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}*.txt in ${SEEDS_DIR}`);
  return name;
}

const seedCache = new Map<string, TokenizedLine[]>();
function tokenizedSeed(prefix: string): TokenizedLine[] {
  const name = seedFile(prefix);
  let lines = seedCache.get(name);
  if (!lines) {
    lines = tokenizeLines(splitLines(fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8')));
    seedCache.set(name, lines);
  }
  return lines;
}

/** The one line of a seed that contains `at` (tokenized in its real place in the document). */
function seedLine(prefix: string, at: string): TokenizedLine {
  const matches = tokenizedSeed(prefix).filter((l) => l.text.includes(at));
  assert.equal(matches.length, 1, `seed ${prefix}: ${JSON.stringify(at)} should pick exactly one line, picks ${matches.length}`);
  const line = matches[0];
  assert.ok(line);
  return line;
}

interface SeedCase extends Expectation {
  readonly seed: string;
  /** A substring that picks the line. */
  readonly at: string;
}

const seedCases: readonly SeedCase[] = [
  // 000: Ruptly, curly quotes, links, numbered reader comments
  { seed: '000', at: 'Switzerland: Ceasefire with militants in Idlib would mean ‘', text: 'Switzerland: Ceasefire', scope: 'markup.heading' },
  { seed: '000', at: 'Switzerland: Ceasefire with militants in Idlib would mean ‘', text: 'Switzerland', noScope: 'meta.dateline' },
  { seed: '000', at: 'Switzerland: Ceasefire with militants in Idlib would mean ‘', text: 'surrendering to terrorists', scope: 'string.quoted.single.curly' },
  { seed: '000', at: 'Switzerland: Ceasefire with militants in Idlib would mean ‘', text: ' – Lavrov', noScope: 'string' },
  { seed: '000', at: 'would mean  ‘', text: 'Switzerland', noScope: 'markup.heading' },
  { seed: '000', at: 'would mean  ‘', text: '‘', scope: 'punctuation.definition.string.begin' },
  { seed: '000', at: 'would mean  ‘', text: '’', scope: 'punctuation.definition.string.end' },
  { seed: '000', at: 'Subscribe to our channel!', text: 'rupt.ly/subscribe', scope: 'markup.underline.link' },
  { seed: '000', at: 'Subscribe to our channel!', text: 'Subscribe to our channel!', noScope: 'markup' },
  { seed: '000', at: '“The international community', text: 'The international community', scope: 'string.quoted.double.curly' },
  { seed: '000', at: '“The international community', text: '“', scope: 'punctuation.definition.string.begin' },
  { seed: '000', at: '“The international community', text: '”', scope: 'punctuation.definition.string.end' },
  { seed: '000', at: '“The international community', text: ' Lavrov said.', noScope: 'string' },
  { seed: '000', at: '“Otherwise, it is difficult', text: 'activities – a gross violation', scope: 'string.quoted.double.curly' },
  { seed: '000', at: '“Otherwise, it is difficult', text: ' he added.', noScope: 'string' },
  { seed: '000', at: 'Video on Demand:', text: 'https://ruptly.tv/videos/20200225-032', scope: 'markup.underline.link' },
  { seed: '000', at: 'Video on Demand:', text: 'Video on Demand', noScope: 'meta.dateline' },
  { seed: '000', at: 'Contact:', text: 'cd@ruptly.tv', scope: 'markup.underline.link.email' },
  { seed: '000', at: 'Twitter:', text: 'http://twitter.com/Ruptly', scope: 'markup.underline.link' },
  { seed: '000', at: 'Facebook:', text: 'http://www.facebook.com/Ruptly', scope: 'markup.underline.link' },
  { seed: '000', at: '  1. Well done', text: '1', scope: 'constant.numeric.integer' },
  { seed: '000', at: '  1. Well done', text: '1.', scope: 'markup.list.numbered' },
  { seed: '000', at: '  1. Well done', text: 'Well done', noScope: 'markup.list' },
  { seed: '000', at: '  2. It was the same', text: '2', scope: 'constant.numeric.integer' },
  { seed: '000', at: '  2. It was the same', text: '.', scope: 'punctuation.definition.list.numbered' },
  { seed: '000', at: '  2. It was the same', text: "wouldn't negotiate", noScope: 'string' },
  { seed: '000', at: 'Here they are now', text: 'Here', noScope: 'markup.list' },

  // 001: straight quotes, a hashtag, unclosed quotes across paragraphs
  { seed: '001', at: 'news', text: 'news', scope: 'entity.name.section' },
  { seed: '001', at: '#SYRIANWAR', text: '#SYRIANWAR', scope: 'entity.name.tag.hashtag' },
  { seed: '001', at: '#SYRIANWAR', text: '#', scope: 'punctuation.definition.hashtag' },
  { seed: '001', at: '#SYRIANWAR', text: '#SYRIANWAR', noScope: 'markup.list' },
  { seed: '001', at: '#SYRIANWAR', text: "Russia's Lavrov", noScope: 'string' },
  { seed: '001', at: '#SYRIANWAR', text: 'capitulating before terrorists', scope: 'string.quoted.single' },
  { seed: '001', at: '#SYRIANWAR', text: "'", after: 'ceasefire as ', scope: 'punctuation.definition.string.begin' },
  { seed: '001', at: '"This is capitulating', text: 'This is capitulating', scope: 'string.quoted.double' },
  { seed: '001', at: '"This is capitulating', text: ' Lavrov told the UN', noScope: 'string' },
  { seed: '001', at: 'Lavrov accused some', text: 'a desire to justify outrageous acts', scope: 'string.quoted.double' },
  { seed: '001', at: 'Lavrov accused some', text: 'Lavrov accused', noScope: 'string' },
  { seed: '001', at: '"Otherwise, it would be', text: 'Otherwise, it would be difficult', scope: 'string.quoted.double' },
  { seed: '001', at: '"Otherwise, it would be', text: ' he said, referring', noScope: 'string' },
  { seed: '001', at: '"deeply alarmed"', text: 'deeply alarmed', scope: 'string.quoted.double' },
  { seed: '001', at: '"This is the worst wave', text: "we've seen", scope: 'string.quoted.double' },
  { seed: '001', at: "It's completely unacceptable", text: "It's completely unacceptable", noScope: 'string' },
  { seed: '001', at: "It's completely unacceptable", text: ' said Fabrizio Carboni', noScope: 'string' },
  { seed: '001', at: "It's completely unacceptable", text: "ICRC's director", noScope: 'string' },
  { seed: '001', at: '"immediately"', text: 'immediately', scope: 'string.quoted.double' },
  { seed: '001', at: '(With AFP)', text: '(With AFP)', noScope: 'string' },

  // 002: curly apostrophes, curly quotes, a related headline
  { seed: '002', at: 'Russia rejects idea of truce', text: 'Syria’s rebels', scope: 'markup.heading' },
  { seed: '002', at: 'Russia rejects idea of truce', text: 'Syria’s rebels', noScope: 'string' },
  { seed: '002', at: '“Russia would never agree', text: 'Such a truce would encourage them', scope: 'string.quoted.double.curly' },
  { seed: '002', at: '“Russia would never agree', text: ', Russia’s foreign minister', noScope: 'string' },
  { seed: '002', at: 'Assad’s rule', text: 'Assad’s rule', noScope: 'string' },
  { seed: '002', at: '‘Not Hospital', text: 'Not Hospital, Al-Shifa is Hamas Hideout & HQ in Gaza', scope: 'string.quoted.single.curly' },
  { seed: '002', at: '‘Not Hospital', text: ': Israel Releases ', noScope: 'string' },
  { seed: '002', at: '‘Not Hospital', text: 'Terrorists', after: 'Releases ', scope: 'string.quoted.single.curly' },
  { seed: '002', at: '‘Not Hospital', text: ' Confessions', noScope: 'string' },
  { seed: '002', at: 'Popular posts from this blog', text: 'Popular', noScope: 'markup.heading' },

  // 003: a source-name dateline, straight quotes, a speaker label, nested straight quotes
  { seed: '003', at: 'Russia says no reconciliation with "', text: 'terrorists', scope: 'string.quoted.double' },
  { seed: '003', at: 'Russia says no reconciliation with "', text: 'terrorists', scope: 'markup.heading' },
  { seed: '003', at: 'Russia says no reconciliation with "', text: ' in Idlib', noScope: 'string' },
  { seed: '003', at: 'PanARMENIAN.Net', text: 'PanARMENIAN.Net', scope: 'entity.name.type.dateline' },
  { seed: '003', at: 'PanARMENIAN.Net', text: '-', scope: 'punctuation.separator.dateline' },
  { seed: '003', at: 'PanARMENIAN.Net', text: 'PanARMENIAN.Net', noScope: 'markup.underline' },
  { seed: '003', at: 'PanARMENIAN.Net', text: 'Russian Foreign Minister', noScope: 'meta.dateline' },
  { seed: '003', at: 'According to Lavrov', text: 'there will be no reconciliation', scope: 'string.quoted.double' },
  { seed: '003', at: 'According to Lavrov', text: 'Hay’at Tahrir', noScope: 'string' },
  { seed: '003', at: 'SOT, Sergei Lavrov', text: 'SOT, Sergei Lavrov', noScope: 'meta.dateline' },
  { seed: '003', at: 'SOT, Sergei Lavrov', text: 'Together with our Turkish partners', scope: 'string.quoted.double.curly' },
  { seed: '003', at: '"compatriot"', text: 'eliminate the shortcomings', scope: 'string.quoted.double' },
  { seed: '003', at: '"compatriot"', text: 'compatriot', scope: 'string.quoted.double' },
  { seed: '003', at: '"compatriot"', text: '"', after: 'compatriot', scope: 'punctuation.definition.string.end' },
  { seed: '003', at: '($650 million)', text: '($650 million)', noScope: 'string' },

  // 004: a colon dateline, unclosed curly quote, two quotes on one line
  { seed: '004', at: 'Lavrov rejects Idlib cease-fire', text: 'capitulating before terrorists', scope: 'string.quoted.single.curly' },
  { seed: '004', at: 'Lavrov rejects Idlib cease-fire', text: 'capitulating before terrorists', scope: 'entity.name.section' },
  { seed: '004', at: 'GENEVA:', text: 'GENEVA', scope: 'entity.name.type.dateline' },
  { seed: '004', at: 'GENEVA:', text: 'GENEVA:', scope: 'meta.dateline' },
  { seed: '004', at: 'GENEVA:', text: ':', scope: 'punctuation.separator.dateline' },
  { seed: '004', at: 'GENEVA:', text: ' Russian Foreign', noScope: 'meta.dateline' },
  { seed: '004', at: 'Lavrov accused some', text: 'a desire to justify', scope: 'string.quoted.double.curly' },
  { seed: '004', at: '“Otherwise, it would be', text: ' he said, referring', noScope: 'string' },
  { seed: '004', at: 'Their next goal', text: 'Syria’s main north-south highway', noScope: 'string' },
  { seed: '004', at: 'Their next goal', text: 'This will happen soon.', scope: 'string.quoted.double.curly' },
  { seed: '004', at: 'Their next goal', text: ' the Turkish official said.', noScope: 'string' },
  { seed: '004', at: 'Russia supports Syria', text: ' Erdogan told reporters', noScope: 'string' },
  { seed: '004', at: 'Russia supports Syria', text: 'Even if they deny it', scope: 'string.quoted.double.curly' },
  { seed: '004', at: 'Russia supports Syria', text: '”', after: 'this fight.', scope: 'punctuation.definition.string.end' },
  { seed: '004', at: 'FASTFACT', text: 'FASTFACT', noScope: 'meta.dateline' },
];

// ---------------------------------------------------------------------------------------------
// Crafted lines (each tokenized as a body line, after a headline)

interface LineCase extends Expectation {
  readonly line: string;
}

const craftedCases: Readonly<Record<string, readonly LineCase[]>> = {
  'quotation marks': [
    { line: 'He said "yes" twice.', text: 'yes', scope: 'string.quoted.double' },
    { line: 'He said "yes" twice.', text: '"', scope: 'punctuation.definition.string.begin' },
    { line: 'He said "yes" twice.', text: '"', after: 'yes', scope: 'punctuation.definition.string.end' },
    { line: 'He said "yes" twice.', text: ' twice.', noScope: 'string' },
    { line: "She called it 'a farce' on Monday.", text: 'a farce', scope: 'string.quoted.single' },
    { line: "She called it 'a farce' on Monday.", text: ' on Monday.', noScope: 'string' },
    { line: 'The minister said “we will respond” today.', text: 'we will respond', scope: 'string.quoted.double.curly' },
    { line: 'The minister said “we will respond” today.', text: '”', scope: 'punctuation.definition.string.end' },
    { line: 'The minister said “we will respond” today.', text: ' today.', noScope: 'string' },
    { line: 'A so-called ‘safe zone’ was declared.', text: 'safe zone', scope: 'string.quoted.single.curly' },
    { line: 'A so-called ‘safe zone’ was declared.', text: ' was declared.', noScope: 'string' },
    { line: 'Le ministre a dit « nous répondrons » hier.', text: ' nous répondrons ', scope: 'string.quoted.double.guillemet' },
    { line: 'Le ministre a dit « nous répondrons » hier.', text: '«', scope: 'punctuation.definition.string.begin' },
    { line: 'Le ministre a dit « nous répondrons » hier.', text: '»', scope: 'punctuation.definition.string.end' },
    { line: 'Le ministre a dit « nous répondrons » hier.', text: ' hier.', noScope: 'string' },
    { line: 'Il parle d’une ‹ trêve › fragile.', text: ' trêve ', scope: 'string.quoted.single.guillemet' },
    { line: 'Il parle d’une ‹ trêve › fragile.', text: ' fragile.', noScope: 'string' },
    { line: 'Der Minister sagte „wir antworten“ heute.', text: 'wir antworten', scope: 'string.quoted.double.low' },
    { line: 'Der Minister sagte „wir antworten“ heute.', text: '„', scope: 'punctuation.definition.string.begin' },
    { line: 'Der Minister sagte „wir antworten“ heute.', text: '“', scope: 'punctuation.definition.string.end' },
    { line: 'Der Minister sagte „wir antworten“ heute.', text: ' heute.', noScope: 'string' },
    { line: 'Minister powiedział „odpowiemy” dziś.', text: 'odpowiemy', scope: 'string.quoted.double.low' },
    { line: 'Minister powiedział „odpowiemy” dziś.', text: ' dziś.', noScope: 'string' },
    { line: "The page called it ''a farce'' in bold.", text: 'a farce', scope: 'string.quoted.double.apostrophes' },
    { line: "The page called it ''a farce'' in bold.", text: "''", scope: 'punctuation.definition.string.begin' },
    { line: "The page called it ''a farce'' in bold.", text: "''", after: 'farce', scope: 'punctuation.definition.string.end' },
    { line: "The page called it ''a farce'' in bold.", text: ' in bold.', noScope: 'string' },
    { line: '(“Bracketed” quote)', text: 'Bracketed', scope: 'string.quoted.double.curly' },
    { line: 'A truce—‘in name only’—held.', text: 'in name only', scope: 'string.quoted.single.curly' },
  ],
  'nested quotes': [
    { line: '“He called it ‘a farce’ again,” she said.', text: 'a farce', scope: 'string.quoted.single.curly' },
    { line: '“He called it ‘a farce’ again,” she said.', text: 'a farce', scope: 'string.quoted.double.curly' },
    { line: '“He called it ‘a farce’ again,” she said.', text: ' again,', scope: 'string.quoted.double.curly' },
    { line: '“He called it ‘a farce’ again,” she said.', text: ' again,', noScope: 'string.quoted.single' },
    { line: '“He called it ‘a farce’ again,” she said.', text: ' she said.', noScope: 'string' },
    { line: '"They said \'never\' then," he added.', text: 'never', scope: 'string.quoted.single' },
    { line: '"They said \'never\' then," he added.', text: ' he added.', noScope: 'string' },
    { line: '“A stray ‘inner mark” ends with its outer quote.', text: 'inner mark', scope: 'string.quoted.single.curly' },
    { line: '“A stray ‘inner mark” ends with its outer quote.', text: '”', scope: 'punctuation.definition.string.end' },
    { line: '“A stray ‘inner mark” ends with its outer quote.', text: ' ends with its outer quote.', noScope: 'string' },
    { line: '“A stray "straight mark” ends too.', text: ' ends too.', noScope: 'string' },
  ],
  apostrophes: [
    { line: 'Syria’s president and Russia’s minister met.', text: 'Syria’s president and Russia’s minister met.', noScope: 'string' },
    { line: "Russia's minister said the ICRC's staff left.", text: "Russia's minister said the ICRC's staff left.", noScope: 'string' },
    { line: 'It isn ‘t over, he said.', text: 'isn ‘t over', noScope: 'string' },
    { line: 'It isn \'t over, he said.', text: "isn 't over", noScope: 'string' },
    { line: 'The war of the ’90s returned.', text: '’90s returned.', noScope: 'string' },
    { line: 'The war of the ‘90s returned.', text: '‘90s returned.', noScope: 'string' },
    { line: "The war of the '90s returned.", text: "'90s returned.", noScope: 'string' },
    { line: "In the 1980's they met.", text: "1980's they met.", noScope: 'string' },
    { line: "Rock 'n' roll is back.", text: "'n' roll is back.", noScope: 'string' },
    { line: "He is 5'10\" tall.", text: '5\'10" tall.', noScope: 'string' },
    { line: 'the rebels’ positions and the troops’ advance', text: 'positions and the troops', noScope: 'string' },
    { line: "Hay’at Tahrir al-Sham and O'Brien", text: "Hay’at Tahrir al-Sham and O'Brien", noScope: 'string' },
  ],
  'unbalanced marks': [
    { line: 'He said “this goes on to the end', text: 'this goes on to the end', scope: 'string.quoted.double.curly' },
    { line: 'A lone closing mark” is ignored.', text: 'A lone closing mark” is ignored.', noScope: 'string' },
    { line: 'A lone closing mark’ is ignored.', text: 'A lone closing mark’ is ignored.', noScope: 'string' },
    { line: 'A lone » is ignored.', text: 'A lone » is ignored.', noScope: 'string' },
    { line: 'He said, " and left.', text: '" and left.', noScope: 'string' },
    { line: "A mark at the end '", text: "A mark at the end '", noScope: 'string' },
  ],
  links: [
    { line: 'See https://example.org/news/2020/idlib?id=3&x=y.', text: 'https://example.org/news/2020/idlib?id=3&x=y', scope: 'markup.underline.link' },
    { line: 'See https://example.org/news/2020/idlib?id=3&x=y.', text: '.', after: 'x=y', noScope: 'markup.underline' },
    { line: '(source: http://example.com/a)', text: 'http://example.com/a', scope: 'markup.underline.link' },
    { line: '(source: http://example.com/a)', text: ')', noScope: 'markup.underline' },
    { line: 'Visit www.example.com today', text: 'www.example.com', scope: 'markup.underline.link' },
    { line: 'Visit www.example.com today', text: ' today', noScope: 'markup.underline' },
    { line: 'Subscribe: example.tv/subscribe now', text: 'example.tv/subscribe', scope: 'markup.underline.link' },
    { line: 'Quoted “https://example.org/q” link', text: 'https://example.org/q', scope: 'markup.underline.link' },
    { line: 'Quoted “https://example.org/q” link', text: '”', noScope: 'markup.underline' },
    { line: 'The U.S. and/or Russia, 1.1 billion', text: 'The U.S. and/or Russia, 1.1 billion', noScope: 'markup.underline' },
  ],
  'e-mail': [
    { line: 'Write to news.desk+tips@example.co.uk.', text: 'news.desk+tips@example.co.uk', scope: 'markup.underline.link.email' },
    { line: 'Write to news.desk+tips@example.co.uk.', text: '.', after: '.uk', noScope: 'markup.underline' },
    { line: 'mailto:editor@example.org', text: 'mailto:editor@example.org', scope: 'markup.underline.link.email' },
    { line: 'Write to editor@example.org', text: '@', noScope: 'entity.name.tag' },
  ],
  'handles and hashtags': [
    { line: 'Follow @RuptlyTV and @un_news.', text: '@RuptlyTV', scope: 'entity.name.tag.handle' },
    { line: 'Follow @RuptlyTV and @un_news.', text: '@', scope: 'punctuation.definition.handle' },
    { line: 'Follow @RuptlyTV and @un_news.', text: '@un_news', scope: 'entity.name.tag.handle' },
    { line: 'Follow @RuptlyTV and @un_news.', text: '.', after: 'un_news', noScope: 'entity.name.tag' },
    { line: 'Trending: #Idlib, #SyriaCeasefire2020 and #صحافة', text: '#Idlib', scope: 'entity.name.tag.hashtag' },
    { line: 'Trending: #Idlib, #SyriaCeasefire2020 and #صحافة', text: ',', noScope: 'entity.name.tag' },
    { line: 'Trending: #Idlib, #SyriaCeasefire2020 and #صحافة', text: '#SyriaCeasefire2020', scope: 'entity.name.tag.hashtag' },
    { line: 'Trending: #Idlib, #SyriaCeasefire2020 and #صحافة', text: '#صحافة', scope: 'entity.name.tag.hashtag' },
    { line: 'Item #2 and C# and &#39; and 5 @ 6', text: 'Item #2 and C# and &#39; and 5 @ 6', noScope: 'entity.name.tag' },
    { line: '“Thanks @RuptlyTV #Idlib”', text: '@RuptlyTV', scope: 'entity.name.tag.handle' },
    { line: '“Thanks @RuptlyTV #Idlib”', text: '#Idlib', scope: 'string.quoted.double.curly' },
  ],
  datelines: [
    { line: 'BEIRUT (Reuters) - Syrian troops advanced.', text: 'BEIRUT', scope: 'entity.name.type.dateline' },
    { line: 'BEIRUT (Reuters) - Syrian troops advanced.', text: 'Reuters', scope: 'entity.name.type.agency' },
    { line: 'BEIRUT (Reuters) - Syrian troops advanced.', text: '(', scope: 'punctuation.definition.agency.begin' },
    { line: 'BEIRUT (Reuters) - Syrian troops advanced.', text: '-', scope: 'punctuation.separator.dateline' },
    { line: 'BEIRUT (Reuters) - Syrian troops advanced.', text: 'BEIRUT (Reuters) -', scope: 'meta.dateline' },
    { line: 'BEIRUT (Reuters) - Syrian troops advanced.', text: ' Syrian troops', noScope: 'meta.dateline' },
    { line: 'WASHINGTON — The talks resumed.', text: 'WASHINGTON', scope: 'entity.name.type.dateline' },
    { line: 'WASHINGTON — The talks resumed.', text: '—', scope: 'punctuation.separator.dateline' },
    { line: 'WASHINGTON—The talks resumed.', text: 'WASHINGTON', scope: 'entity.name.type.dateline' },
    { line: 'GENEVA: The council met.', text: 'GENEVA', scope: 'entity.name.type.dateline' },
    { line: 'KYIV, Ukraine (AP) — Sirens sounded.', text: 'KYIV, Ukraine', scope: 'entity.name.type.dateline' },
    { line: 'KYIV, Ukraine (AP) — Sirens sounded.', text: 'AP', scope: 'entity.name.type.agency' },
    { line: 'ST. PETERSBURG: The forum opened.', text: 'ST. PETERSBURG', scope: 'entity.name.type.dateline' },
    { line: 'PanARMENIAN.Net - The minister said.', text: 'PanARMENIAN.Net', scope: 'entity.name.type.dateline' },
    { line: 'News.am – The minister said.', text: 'News.am', scope: 'entity.name.type.dateline' },
    { line: 'BEIRUT, Feb 25 (Reuters) - Shelling resumed.', text: 'BEIRUT, Feb 25', scope: 'entity.name.type.dateline' },
    { line: 'BEIRUT, Feb 25 (Reuters) - Shelling resumed.', text: 'Reuters', scope: 'entity.name.type.agency' },
    { line: 'Moscow (AFP) - The ministry said.', text: 'Moscow', scope: 'entity.name.type.dateline' },
    { line: 'Moscow (AFP) - The ministry said.', text: 'AFP', scope: 'entity.name.type.agency' },
    { line: 'Moscow - The ministry said.', text: 'Moscow', noScope: 'meta.dateline' },
    { line: 'Lavrov (Russian): We will not agree.', text: 'Lavrov (Russian):', noScope: 'meta.dateline' },
    { line: 'Russia (and Turkey) - no deal.', text: 'Russia (and Turkey) -', noScope: 'meta.dateline' },
    { line: '  GENEVA: Indented paragraph.', text: 'GENEVA', scope: 'entity.name.type.dateline' },
    { line: 'The talks in GENEVA: nothing new.', text: 'GENEVA', noScope: 'meta.dateline' },
    { line: 'Russia - the war goes on.', text: 'Russia', noScope: 'meta.dateline' },
    { line: 'OK - fine by me.', text: 'OK', noScope: 'meta.dateline' },
    { line: 'NATO-backed forces moved.', text: 'NATO', noScope: 'meta.dateline' },
    { line: 'Video ID: 20200225-032', text: 'Video ID', noScope: 'meta.dateline' },
  ],
  'comment markers': [
    { line: '  1. Great article.', text: '1.', scope: 'markup.list.numbered' },
    { line: '  1. Great article.', text: '1', scope: 'constant.numeric.integer' },
    { line: '  1. Great article.', text: 'Great article.', noScope: 'markup.list' },
    { line: '2) Nonsense.', text: '2', scope: 'constant.numeric.integer' },
    { line: '2) Nonsense.', text: ')', scope: 'punctuation.definition.list.numbered' },
    { line: '#3 Agreed with #2', text: '#3', scope: 'markup.list.numbered' },
    { line: '#3 Agreed with #2', text: '3', scope: 'constant.numeric.integer' },
    { line: '#3 Agreed with #2', text: '#2', noScope: 'markup.list' },
    { line: '1.1 billion manats were spent.', text: '1.1', noScope: 'markup.list' },
    { line: '2019. A year of war.', text: '2019.', noScope: 'markup.list' },
    { line: 'Comment 4. Not a marker.', text: '4.', noScope: 'markup.list' },
  ],
};

// ---------------------------------------------------------------------------------------------

describe('Source Text grammar (syntaxes/source-text.tmLanguage.json)', function () {
  this.timeout(20_000);

  before(async () => {
    grammar = await loadGrammar();
  });

  describe('seeds', () => {
    for (const name of SEED_FILES) {
      it(`tokenizes ${name} fully, closing every quotation within its line`, () => {
        const lines = tokenizeLines(splitLines(fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8')));
        assert.ok(lines.length > 5);
        for (const [i, line] of lines.entries()) {
          let at = 0;
          for (const t of line.tokens) {
            assert.equal(t.start, at, `line ${i + 1}: tokens leave a gap at ${at}`);
            at = t.end;
          }
          assert.equal(at, line.text.length, `line ${i + 1}: tokens stop at ${at} of ${line.text.length}`);
          // Root + document: nothing (no quote, no headline) stays open into the next line.
          assert.equal(line.depthAfter, 2, `line ${i + 1} leaves rules open: ${JSON.stringify(line.text.slice(0, 80))}`);
        }
      });

      it(`gives the first non-empty line of ${name}, and only it, the heading scope`, () => {
        const lines = tokenizedSeed(name.slice(0, 3));
        const first = lines.findIndex((l) => l.text.trim() !== '');
        const heading = lines[first];
        assert.ok(heading);
        for (const t of heading.tokens) {
          assert.ok(t.scopes.includes(full('markup.heading')), `headline token ${JSON.stringify(t.text)}: [${t.scopes.join(', ')}]`);
          assert.ok(t.scopes.includes(full('entity.name.section')), `headline token ${JSON.stringify(t.text)}: [${t.scopes.join(', ')}]`);
        }
        for (const [i, line] of lines.entries()) {
          if (i === first) continue;
          const bad = line.tokens.find((t) => t.scopes.some((s) => under(s, 'markup.heading')));
          assert.equal(bad, undefined, `line ${i + 1} (${JSON.stringify(line.text.slice(0, 60))}) has the heading scope`);
        }
      });
    }

    for (const c of seedCases) {
      it(`${c.seed}: ${label(c)} (line “${c.at.length > 40 ? c.at.slice(0, 40) + '…' : c.at}”)`, () => {
        check(seedLine(c.seed, c.at), c);
      });
    }
  });

  describe('headline', () => {
    it('is the first non-empty line even after blank and blank-looking lines', () => {
      const lines = tokenizeLines(['', '   ', '\u00a0', '  The headline “quoted”', 'Body text', 'GENEVA: x']);
      const heading = lines[3];
      assert.ok(heading);
      check(heading, { text: 'The headline', scope: 'markup.heading' });
      check(heading, { text: 'quoted', scope: 'string.quoted.double.curly' });
      check(heading, { text: 'quoted', scope: 'entity.name.section' });
      const body = lines[4];
      assert.ok(body);
      check(body, { text: 'Body text', noScope: 'markup.heading' });
      const dateline = lines[5];
      assert.ok(dateline);
      check(dateline, { text: 'GENEVA', scope: 'entity.name.type.dateline' });
    });

    it('wins over a dateline, a comment marker or a hashtag on the first line', () => {
      for (const first of ['GENEVA: Talks fail', '1. Talks fail', '#Idlib talks fail']) {
        const scopes = scopesAt(first, 'alks fail', []);
        assert.ok(scopes.includes(full('markup.heading')), `${JSON.stringify(first)}: [${scopes.join(', ')}]`);
        const start = scopesAt(first, first.slice(0, 1), []);
        assert.ok(!start.some((s) => under(s, 'meta.dateline') || under(s, 'markup.list')), `${JSON.stringify(first)}: [${start.join(', ')}]`);
      }
    });

    it('does not carry an unclosed quotation into the body', () => {
      const lines = tokenizeLines(['Lavrov says “no truce', 'Body text']);
      const body = lines[1];
      assert.ok(body);
      check(body, { text: 'Body text', noScope: 'string' });
      check(body, { text: 'Body text', noScope: 'markup.heading' });
    });

    it('leaves an empty document and a blank one without scopes', () => {
      for (const text of ['', '\n\n  \n']) {
        for (const line of tokenizeLines(splitLines(text))) {
          for (const t of line.tokens) assert.deepEqual(t.scopes, []);
        }
      }
    });
  });

  for (const [group, cases] of Object.entries(craftedCases)) {
    describe(group, () => {
      for (const c of cases) {
        it(`${label(c)} in ${JSON.stringify(c.line)}`, () => {
          check(tokenizeInContext(c.line), c);
        });
      }
    });
  }

  describe('paragraph bounds', () => {
    it('closes every unbalanced mark at the end of its line', () => {
      for (const mark of ['"', "'", '“', '‘', '«', '‹', '„', "''"]) {
        const lines = tokenizeLines(['Headline', `He said ${mark}never closed`, 'Next paragraph.']);
        const open = lines[1];
        const next = lines[2];
        assert.ok(open && next);
        check(open, { text: 'never closed', scope: openScopeFor(mark) });
        assert.equal(open.depthAfter, 2, `${mark}: the quotation stays open after its line`);
        check(next, { text: 'Next paragraph.', noScope: 'string' });
      }
    });

    it('gives nested quotes the scopes of both quotations', () => {
      const scopes = scopesAt('«Er sagte „nein“ dazu»', 'nein');
      assert.deepEqual(
        scopes.filter((s) => under(s, 'string')),
        [full('string.quoted.double.guillemet'), full('string.quoted.double.low')],
      );
    });

    it('does not nest a quotation in one of the same style', () => {
      const scopes = scopesAt('designed to "eliminate the key concept of "compatriot".', 'compatriot');
      assert.deepEqual(
        scopes.filter((s) => under(s, 'string')),
        [full('string.quoted.double')],
      );
    });
  });
});

/** The scope a quotation opened by `mark` gets. */
function openScopeFor(mark: string): string {
  const byMark: Readonly<Record<string, string>> = {
    '"': 'string.quoted.double',
    "'": 'string.quoted.single',
    '“': 'string.quoted.double.curly',
    '‘': 'string.quoted.single.curly',
    '«': 'string.quoted.double.guillemet',
    '‹': 'string.quoted.single.guillemet',
    '„': 'string.quoted.double.low',
    "''": 'string.quoted.double.apostrophes',
  };
  const scope = byMark[mark];
  if (scope === undefined) throw new Error(`no scope for mark ${mark}`);
  return scope;
}

describe('Source Text language configuration (syntaxes/language-configuration.json)', () => {
  interface LanguageConfiguration {
    autoClosingPairs: { open: string; close: string }[];
    surroundingPairs: [string, string][];
    brackets: [string, string][];
    wordPattern: string;
  }
  const config = JSON.parse(fs.readFileSync(CONFIG_FILE, 'utf8')) as LanguageConfiguration;
  const markPairs: [string, string][] = [
    ['"', '"'],
    ["'", "'"],
    ['“', '”'],
    ['‘', '’'],
    ['«', '»'],
    ['‹', '›'],
    ['„', '“'],
    ['(', ')'],
    ['[', ']'],
  ];

  it('auto-closes and surrounds with every quote mark and bracket', () => {
    for (const [open, close] of markPairs) {
      assert.ok(
        config.autoClosingPairs.some((p) => p.open === open && p.close === close),
        `no auto-closing pair ${open}${close}`,
      );
      assert.ok(
        config.surroundingPairs.some(([o, c]) => o === open && c === close),
        `no surrounding pair ${open}${close}`,
      );
    }
    assert.ok(config.brackets.some(([o, c]) => o === '(' && c === ')'));
  });

  it('keeps apostrophes inside words and leaves quote marks out', () => {
    const re = new RegExp(config.wordPattern, 'g');
    const words = (s: string): string[] => s.match(re) ?? [];
    assert.deepEqual(words('Syria’s president'), ['Syria’s', 'president']);
    assert.deepEqual(words("Russia's minister isn't"), ["Russia's", 'minister', "isn't"]);
    assert.deepEqual(words('the ’90s'), ['the', '’90s']);
    assert.deepEqual(words('‘surrendering to terrorists’ – Lavrov'), ['surrendering', 'to', 'terrorists', 'Lavrov']);
    assert.deepEqual(words('«Bonjour» „Hallo“ "yes" \'no\''), ['Bonjour', 'Hallo', 'yes', 'no']);
    assert.deepEqual(words('Москва’s Hay’at'), ['Москва’s', 'Hay’at']);
  });
});
