// The corpus in the editor: a few hundred articles generated into the test workspace are indexed
// on worker threads while the editor keeps answering; the index is saved and reused; changes are
// picked up; quotes are found in other articles; lines repeated across a folder are boilerplate.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { Commands, EXTENSION_ID } from '../../src/base/constants';
import type { QuoteHit } from '../../src/core/corpus/quoteSearch';
import { WorkspaceIndex } from '../../src/corpus/workspaceIndex';
import { AnalysisCache } from '../../src/detections/analysisCache';
import { takeScreenshot } from './index';
import { closeAll, extensionApi, hoversAt, hoverText, openArticle, waitFor, workspaceUri } from './support';

const GENERATED = 'corpus-generated';
const ARTICLES = 600;
const FOOTER = 'Follow Northern Wire on Telegram for the latest updates';
const SEED_004 = ['seeds', '004_7c365add9fe75bb6.txt'] as const;
const CITIES = ['Geneva', 'Ankara', 'Moscow', 'Damascus', 'Brussels', 'Berlin', 'Cairo'];

/** Articles built from the seeds' paragraphs in another order, with a headline and site footer of their own. */
function generateArticles(root: string): void {
  const seedDir = path.join(root, 'seeds');
  const seeds = fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(seedDir, f), 'utf8'));
  for (let i = 0; i < ARTICLES; i++) {
    const paragraphs = (seeds[i % seeds.length] ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== '');
    const turn = i % Math.max(1, paragraphs.length);
    const body = [...paragraphs.slice(turn), ...paragraphs.slice(0, turn)];
    const folder = path.join(root, GENERATED, `site-${i % 3}`);
    fs.mkdirSync(folder, { recursive: true });
    const text = [`Dispatch ${i} from the ${CITIES[i % CITIES.length] ?? ''} desk`, '', ...body.flatMap((p) => [p, '']), FOOTER, ''].join('\n');
    fs.writeFileSync(path.join(folder, `article-${String(i).padStart(4, '0')}.txt`), text);
  }
}

function workerScript(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return vscode.Uri.joinPath(extension.extensionUri, 'dist', 'corpusWorker.js').fsPath;
}

const noRejections = { rejectedIn: () => new Set<string>(), rejectedOnDisk: () => Promise.resolve(new Set<string>()), onDidChange: () => ({ dispose: () => undefined }) };

describe('The corpus in the editor', function () {
  this.timeout(240_000);
  let api: SourceAnnotatorApi;
  let root = '';

  before(async () => {
    api = await extensionApi();
    await api.whenCorpusIndexed();
    root = workspaceUri().fsPath;
    generateArticles(root);
  });

  after(async () => {
    await closeAll();
    fs.rmSync(path.join(root, GENERATED), { recursive: true, force: true });
  });

  it('indexes the new articles in the background while a hover still answers, filling the Speakers view', async () => {
    const doc = (await openArticle(...SEED_004)).document;
    const analysedBefore = api.corpusAnalysedFiles();
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('indexing to start', () => (api.corpusProgress()?.total ?? 0) > ARTICLES / 2, 30_000);
    // The extension host's thread stays free while the workers index: its timers keep firing
    // between results (counted, not timed), and hovers are answered meanwhile.
    let turns = 0;
    const ticker = setInterval(() => {
      if (api.corpusProgress()) turns++;
    }, 20);
    let hovered = 0;
    try {
      while (api.corpusProgress()) {
        const hovers = await hoversAt(doc, doc.getText().indexOf('capitulating before terrorists and even'));
        assert.match(hoverText(hovers), /\*\*Quote\*\*/);
        hovered++;
      }
    } finally {
      clearInterval(ticker);
    }
    assert.ok(hovered > 0 && turns >= 5, `${turns} event-loop turns and ${hovered} hovers while indexing`);
    await api.whenCorpusIndexed();
    assert.equal(api.corpusProgress(), undefined);
    // The file watchers may have indexed a few new files before the refresh: most go through this run.
    assert.ok(api.corpusAnalysedFiles() - analysedBefore > ARTICLES / 2, `analysed ${api.corpusAnalysedFiles() - analysedBefore}`);
    const roots = await api.speakerTree();
    const lavrov = roots.find((n) => n.type === 'speaker' && /Lavrov/.test(n.name));
    assert.ok(lavrov && lavrov.type === 'speaker', `people: ${roots.map((n) => (n.type === 'speaker' ? n.name : '')).join(', ')}`);
    assert.ok(lavrov.person.articles.length > ARTICLES / 5, `Lavrov in ${lavrov.person.articles.length} articles`);
    assert.equal(roots.filter((n) => n.type === 'speaker' && /Lavrov/.test(n.name)).length, 1, 'Lavrov listed once');
  });

  it('re-checks every file without analysing any unchanged one', async () => {
    await api.whenCorpusIndexed();
    const before = api.corpusAnalysedFiles();
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('a run to start', () => api.corpusProgress(), 10_000).catch(() => undefined);
    await api.whenCorpusIndexed();
    assert.equal(api.corpusAnalysedFiles(), before);
  });

  // Changes are followed through file watchers; the test host's watcher does not deliver every
  // event when the machine is busy, so these two tests ask for a refresh, which re-analyses only
  // the files whose content changed and drops the files that are gone.
  it('re-analyses a changed file and finds its new quote', async () => {
    const file = path.join(root, GENERATED, 'site-0', 'article-0000.txt');
    const text = fs.readFileSync(file, 'utf8');
    const cut = text.indexOf('\n\n') + 2;
    fs.writeFileSync(file, `${text.slice(0, cut)}“The harbour of Tartus will stay open to every ship carrying grain,” the port director said.\n\n${text.slice(cut)}`);
    await vscode.commands.executeCommand(Commands.refreshSources);
    const hits = await waitFor('the new quote to be found', () => {
      const found = api.searchQuotes('harbour Tartus grain');
      return found.length > 0 ? found : undefined;
    }, 30_000);
    assert.equal(vscode.Uri.parse(hits[0]?.path ?? '').fsPath, file);
  });

  it('forgets a deleted file', async () => {
    const file = path.join(root, GENERATED, 'site-0', 'article-0003.txt');
    const text = fs.readFileSync(file, 'utf8');
    const cut = text.indexOf('\n\n') + 2;
    fs.writeFileSync(file, `${text.slice(0, cut)}“Nobody will ever hear these exact words about the lighthouse keeper,” she said.\n\n${text.slice(cut)}`);
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the quote to be indexed', () => api.searchQuotes('lighthouse keeper').length > 0, 30_000);
    fs.rmSync(file);
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the quote to be forgotten', () => api.searchQuotes('lighthouse keeper').length === 0, 30_000);
  });

  it('drops the analysis of a file deleted while a worker was analysing it', async () => {
    const file = path.join(root, GENERATED, 'site-0', 'long-article.txt');
    const paragraph = '“Every tram to the depot will run on time from the new platform,” Zorblat Quimby said on Friday.\n\nOfficials met at the depot office to discuss the timetable for the summer season.\n\n';
    // Long enough that its analysis is still running when it is deleted.
    fs.writeFileSync(file, paragraph.repeat(Math.ceil(12_000_000 / paragraph.length)));
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('indexing to start', () => api.corpusProgress(), 30_000);
    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(vscode.Uri.file(file));
    assert.ok(await vscode.workspace.applyEdit(remove));
    await api.whenCorpusIndexed();
    assert.deepEqual(api.searchQuotes('tram depot platform'), []);
  });

  it('lists a file too large to index in the status bar and in Show Article Files Not Indexed, until it is gone', async () => {
    const file = path.join(root, GENERATED, 'site-2', 'whole-wire-dump.txt');
    // Sparse: past the bound by its size alone, written and read by nobody.
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 200 * 1024 * 1024);
    const key = vscode.Uri.file(file).toString();
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the file to be listed as not indexed', () => api.corpusNotIndexed().has(key), 30_000);
    await api.whenCorpusIndexed();
    assert.equal(api.corpusNotIndexed().get(key), '200 MiB, larger than the 128 MiB the index reads; not analysed');
    await waitFor('the status bar to say so', () => api.indexStatusText() === `$(warning) ${api.corpusNotIndexed().size === 1 ? '1 file' : `${api.corpusNotIndexed().size} files`} not indexed`, 10_000);
    await takeScreenshot('corpus-not-indexed-status');
    const items = await vscode.commands.executeCommand<{ label: string; detail?: string; uri: vscode.Uri }[]>(Commands.showNotIndexed);
    const item = items.find((i) => i.uri.toString() === key);
    assert.ok(item, 'the file is listed');
    assert.equal(item.label, 'whole-wire-dump.txt');
    assert.equal(item.detail, '200 MiB, larger than the 128 MiB the index reads; not analysed');
    await takeScreenshot('corpus-not-indexed-list');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // Deleted in the Explorer: reported for sure (a file watcher's event may come late on a busy machine).
    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(vscode.Uri.file(file));
    assert.ok(await vscode.workspace.applyEdit(remove));
    await waitFor('the file to leave the list', () => !api.corpusNotIndexed().has(key), 30_000);
    assert.equal(api.corpusNotIndexed().size, 0);
    await waitFor('the status bar item to go', () => api.indexStatusText() === undefined, 10_000);
  });

  it('counts an article reached through a symbolic link once', async () => {
    const file = path.join(root, GENERATED, 'site-0', 'linked-original.txt');
    fs.writeFileSync(file, 'Market news\n\n“The clock tower in the market square will be rebuilt in granite,” Ilse Marwick said.\n');
    fs.symlinkSync(file, path.join(root, GENERATED, 'site-1', 'linked-copy.txt'));
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the quote to be indexed', () => api.searchQuotes('clock tower market granite').length > 0, 30_000);
    await api.whenCorpusIndexed();
    assert.equal(api.searchQuotes('clock tower market granite').length, 1);
  });

  it('forgets the articles of a folder deleted outside the editor', async () => {
    const folder = path.join(root, GENERATED, 'removed-outside');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'gone.txt'), 'Quay news\n\n“The floating dock at the quay will be towed away in March,” Odile Fenwright said.\n');
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the quote to be indexed', () => api.searchQuotes('floating dock quay towed').length > 0, 30_000);
    fs.rmSync(folder, { recursive: true });
    await waitFor('the quote to be forgotten without a refresh', () => api.searchQuotes('floating dock quay towed').length === 0, 30_000);
  });

  it('keeps the articles of a folder renamed outside the editor, under their new path, and finds those of a folder moved in', async () => {
    const before = path.join(root, GENERATED, 'renamed-outside-old');
    const after = path.join(root, GENERATED, 'renamed-outside-new');
    fs.mkdirSync(before, { recursive: true });
    fs.writeFileSync(path.join(before, 'pier.txt'), 'Harbour news\n\n“The copper weathervane on the lighthouse will be regilded in June,” Odette Varnsworth said.\n');
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the quote to be indexed', () => api.searchQuotes('copper weathervane lighthouse regilded').length > 0, 30_000);
    fs.renameSync(before, after);
    await waitFor('the quote under the renamed folder alone, without a refresh', () => {
      const hits = api.searchQuotes('copper weathervane lighthouse regilded');
      return hits.length === 1 && vscode.Uri.parse(hits[0]?.path ?? '').fsPath === path.join(after, 'pier.txt');
    }, 30_000);
    // A folder made outside the workspace and moved in: only the folder's creation is reported.
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'sa-moved-in-'));
    fs.writeFileSync(path.join(outside, 'tide.txt'), 'Coast news\n\n“The tide gauge at the breakwater will be replaced by a radar in autumn,” Ysolde Carraway said.\n');
    const movedIn = path.join(root, GENERATED, 'moved-in');
    try {
      fs.renameSync(outside, movedIn);
    } catch {
      // Another file system: copied, then the original removed (what `mv` does there).
      fs.cpSync(outside, movedIn, { recursive: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
    await waitFor('the quote of the folder moved in, without a refresh', () => api.searchQuotes('tide gauge breakwater radar').length === 1, 30_000);
    fs.rmSync(after, { recursive: true, force: true });
    fs.rmSync(movedIn, { recursive: true, force: true });
  });

  // Operations done through the editor (Explorer, refactorings) are reported for sure, unlike a
  // file watcher's events: these are followed without a refresh, whole folders included.
  it('follows an article renamed, and a folder created and deleted, in the Explorer without a refresh', async () => {
    const file = vscode.Uri.file(path.join(root, GENERATED, 'site-1', 'article-0004.txt'));
    const text = fs.readFileSync(file.fsPath, 'utf8');
    const cut = text.indexOf('\n\n') + 2;
    const quote = '“The ferry to the northern islands will sail twice a week from now on,” the harbour master said.';
    fs.writeFileSync(file.fsPath, `${text.slice(0, cut)}${quote}\n\n${text.slice(cut)}`);
    await vscode.commands.executeCommand(Commands.refreshSources);
    await waitFor('the ferry quote to be indexed', () => api.searchQuotes('ferry northern islands').length > 0, 30_000);

    const renamed = vscode.Uri.file(path.join(root, GENERATED, 'site-1', 'renamed-0004.txt'));
    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(file, renamed);
    assert.ok(await vscode.workspace.applyEdit(rename));
    await waitFor('the quote under the new name', () => {
      const hits = api.searchQuotes('ferry northern islands');
      return hits.length === 1 && vscode.Uri.parse(hits[0]?.path ?? '').fsPath === renamed.fsPath;
    }, 30_000);

    const folder = vscode.Uri.file(path.join(root, GENERATED, 'pasted'));
    const create = new vscode.WorkspaceEdit();
    const pasted = `Dispatch from the pasted desk\n\n“Every lantern on the old pier will be relit by spring,” the mayor said.\n`;
    create.createFile(vscode.Uri.joinPath(folder, 'lantern.txt'), { contents: new TextEncoder().encode(pasted) });
    assert.ok(await vscode.workspace.applyEdit(create));
    await waitFor('the created article to be indexed', () => api.searchQuotes('lantern old pier').length > 0, 30_000);

    const remove = new vscode.WorkspaceEdit();
    remove.deleteFile(folder, { recursive: true });
    assert.ok(await vscode.workspace.applyEdit(remove));
    await waitFor('the deleted folder to be forgotten', () => api.searchQuotes('lantern old pier').length === 0, 30_000);
    assert.equal(api.searchQuotes('ferry northern islands').length, 1, 'other articles are kept');
  });

  it('lists the other articles of the seeds that quote the words under the hover', async () => {
    const doc = (await openArticle(...SEED_004)).document;
    const text = hoverText(await hoversAt(doc, doc.getText().indexOf('capitulating before terrorists and even')));
    assert.match(text, /Also quoted in/);
    assert.match(text, /001_fafea784eeeba758\.txt.*identical/);
    assert.match(text, /002_2831f1d8eb210064\.txt.*(inside a longer quote|overlapping)/);
    assert.match(text, /command:sourceAnnotator\.revealRange/);
    const in001 = api.corpus.quotedElsewhere(doc.uri, doc.getText().indexOf('This is capitulating')).find((o) => o.uri.path.endsWith('001_fafea784eeeba758.txt'));
    assert.ok(in001);
    await vscode.commands.executeCommand(Commands.revealRange, in001.uri.toString(), in001.version.start, in001.version.end);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), in001.uri.toString());
    assert.equal(editor?.document.getText(editor.selection), in001.version.text);
  });

  it('shows one person across articles in the speaker hover', async () => {
    const doc = (await openArticle(...SEED_004)).document;
    const text = hoverText(await hoversAt(doc, doc.getText().indexOf('Lavrov told')));
    assert.match(text, /\*\*Speaker:\*\* .*Lavrov/);
    assert.match(text, /in \d+ other articles/);
  });

  it('shows a line repeated across a folder as boilerplate, with its count in the hover', async () => {
    const editor = await openArticle(GENERATED, 'site-1', 'article-0001.txt');
    const doc = editor.document;
    const offset = doc.getText().indexOf(FOOTER);
    const line = doc.positionAt(offset).line;
    await waitFor('the repeated line to be painted', () => api.shownHighlights(doc.uri)?.noise.some((r) => r.start.line === line), 20_000);
    const text = hoverText(await hoversAt(doc, offset + 3));
    assert.match(text, /recurs in \d+ articles of this folder/);
    const count = Number(/recurs in (\d+)/.exec(text)?.[1]);
    assert.equal(count, ARTICLES / 3);
  });

  it('searches quotes by words and by speaker, and the command opens one', async () => {
    const byWords = api.searchQuotes('capitulating before terrorists');
    assert.ok(byWords.length > 0 && byWords.every((h) => /capitulating before terrorists/i.test(h.text)));
    const bySpeaker = api.searchQuotes('speaker:Lavrov');
    assert.ok(bySpeaker.length > 0 && bySpeaker.every((h) => /Lavrov/.test(`${h.person ?? ''} ${h.speaker ?? ''}`)));
    const fromCommand = await vscode.commands.executeCommand<QuoteHit[]>(Commands.searchQuotes, 'capitulating speaker:Lavrov');
    assert.ok(fromCommand.length > 0 && fromCommand.every((h) => /capitulating/i.test(h.text)));
  });

  it('lists each statement with its versions in the Statements view', () => {
    const statements = api.statementTree();
    const capitulating = statements.find((s) => s.type === 'statement' && s.group.versions.some((v) => v.text.includes('capitulating before terrorists')));
    assert.ok(capitulating);
    const versions = api.statementTree(capitulating);
    assert.ok(versions.some((v) => v.type === 'version' && v.version.path.endsWith('001_fafea784eeeba758.txt')));
  });

  // Last: the indexes made here watch the same files, and disposing them must not touch the
  // workspace index that the tests above rely on.
  it('reopens from the saved index, analysing no file again', async () => {
    const storageUri = vscode.Uri.file(fs.mkdtempSync(path.join(os.tmpdir(), 'sa-corpus-storage-')));
    const cache = new AnalysisCache(noRejections, path.join(path.dirname(workerScript()), 'analysisWorker.js'));
    const options = { cache, storageUri, engine: 'test-engine', workerScript: workerScript() };
    const first = new WorkspaceIndex(options);
    await first.whenIndexed();
    assert.ok(first.analysedFiles >= ARTICLES);
    await first.saveNow();
    const count = first.summaries().length;
    first.dispose();
    const second = new WorkspaceIndex(options);
    await second.whenIndexed();
    assert.equal(second.analysedFiles, 0);
    assert.equal(second.summaries().length, count);
    second.dispose();
    const third = new WorkspaceIndex({ ...options, engine: 'another-engine' });
    await third.whenIndexed();
    assert.ok(third.analysedFiles >= ARTICLES, 'a cache of another engine was trusted');
    third.dispose();
    cache.dispose();
    fs.rmSync(storageUri.fsPath, { recursive: true, force: true });
  });
});
