import * as vscode from 'vscode';
import { Disposable, Registrations, toDisposable } from '../base/dispose';
import { readArchiveSeparator, readArticleFileSettings } from '../base/config';
import { ConfigKeys } from '../base/constants';
import type { AnalysisCache } from '../detections/analysisCache';
import { LARGE_DOCUMENT_CHARS, documentLength } from '../detections/largeDocuments';
import { findArticleFiles, isArticleDocument } from '../articles/language';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import type { SpeakerDirectory } from '../core/corpus/people';
import type { QuoteGroup } from '../core/corpus/quoteGroups';
import type { QuoteHit, QuoteQuery } from '../core/corpus/quoteSearch';
import type { RepeatedLineMark } from '../core/corpus/repeatedLines';
import type { ArticleSummary } from '../core/corpus/summary';
import type { CorpusStorage, IndexedCorpus } from '../core/corpus/indexedCorpus';
import { IndexPool } from './indexPool';
import { MAX_INDEXED_FILE_BYTES, tooLargeToIndex } from './indexLimits';
import type { IndexResult, IndexTask } from './indexTask';
import { readTextIfExists, readYamlTextIfExists, sidecarUri, writeAtomically } from '../tagging/store/sidecarFiles';
import { corpusCore } from '../base/lazyBundles';

/** Far above any newsroom folder; a bound only so a mistaken glob over a disk cannot run forever. */
const MAX_ARTICLES = 200_000;
const CACHE_FILE = 'corpus-index.jsonl';
/** Live documents are summarised again this long after the last keystroke. */
const LIVE_DELAY_MS = 500;
/** Created and renamed files arrive in bursts (a folder pasted, a rename of many): one re-scan for them. */
const RESCAN_DELAY_MS = 300;
/** Deletions heard within this time are forgotten in one pass over the index. */
const DELETED_BATCH_MS = 200;
/** Whether a path lies in a `.git` folder (a repository's own files). */
function isInGitFolder(uri: vscode.Uri): boolean {
  return /(^|\/)\.git(\/|$)/.test(uri.path);
}

/** Created paths looked at one by one for a folder; a batch of more is answered by a listing of the workspace. */
const MAX_CREATED_LOOKED_AT = 64;
/** Summaries of live documents never match a file's hash, so the next session re-reads the file. */
const LIVE_HASH = 'live';
/** While workers index, people and statements are recombined at most this often, so hovers and views stay quick. */
const RECOMBINE_WHILE_INDEXING_MS = 5000;

interface Snapshot<T> {
  readonly value: T;
  readonly at: number;
}

export interface IndexProgress {
  readonly done: number;
  readonly total: number;
}

export interface IndexOptions {
  readonly cache: AnalysisCache;
  /** Workspace storage; without it nothing is saved between sessions. */
  readonly storageUri: vscode.Uri | undefined;
  /** Names the engine that made the summaries: a cache from another one is discarded. */
  readonly engine: string;
  /** dist/corpusWorker.js */
  readonly workerScript: string;
  readonly workers?: number;
  /** Article files larger are not read (default `MAX_INDEXED_FILE_BYTES`). */
  readonly maxFileBytes?: number;
  /** The heap each worker may take, in MB (default `WORKER_HEAP_MB`). */
  readonly workerHeapMb?: number;
}

/** The cache file in workspace storage, written atomically. */
function storageAt(folder: vscode.Uri): CorpusStorage {
  const file = vscode.Uri.joinPath(folder, CACHE_FILE);
  return {
    read: () => readTextIfExists(file),
    write: async (text) => {
      await vscode.workspace.fs.createDirectory(folder);
      await writeAtomically(file, text);
    },
  };
}

const folderOf = (uri: vscode.Uri): string => vscode.Uri.joinPath(uri, '..').toString();

/**
 * Every article of the workspace, summarised on worker threads and kept as summaries only (no
 * texts): the Speakers, Statements and search views, the speaker and quote hovers and the
 * boilerplate learned from the corpus read it. Saved in workspace storage keyed by each file's hash,
 * so a reopened workspace shows its corpus at once and re-analyses only what changed. Open
 * documents count with their live text, as the analysis cache shows them.
 */
export class WorkspaceIndex extends Disposable {
  /** Created on first use: building it loads dist/corpus.js, which activation does not need. */
  private corpusState: IndexedCorpus | undefined;
  private readonly storage: CorpusStorage | undefined;
  private readonly pool: IndexPool;
  private readonly queue = new Map<string, vscode.Uri>();
  /** Files a worker analyses now, and those of them changed or gone since they were sent. */
  private readonly inFlightKeys = new Set<string>();
  /** Which path each file analysed was first indexed under, by device and inode. */
  private readonly identities = new Map<string, string>();
  private readonly staleInFlight = new Set<string>();
  /** Article files the last attempt could not index (unreadable, too large, out of memory), with why. */
  private readonly failures = new Map<string, { readonly uri: vscode.Uri; readonly reason: string }>();
  private readonly notIndexedEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the list of files not indexed changed. */
  readonly onDidChangeNotIndexed = this.notIndexedEmitter.event;
  private readonly live = new Set<string>();
  private readonly liveTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private running: Promise<void> | undefined;
  private cancelled = false;
  private started: Promise<void> | undefined;
  private indexed: Promise<void> = Promise.resolve();
  private scanning: Promise<void> = Promise.resolve();
  private done = 0;
  private inFlight = 0;
  private analysedCount = 0;
  private readonly changeEmitter = this.register(new vscode.EventEmitter<void>());
  /** Fires (debounced) when summaries were added, replaced or removed. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly progressEmitter = this.register(new vscode.EventEmitter<IndexProgress | undefined>());
  /** Fires as files are indexed; undefined when a run ended. */
  readonly onDidProgress = this.progressEmitter.event;
  private changeTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  /** Paths deleted outside the editor, forgotten together shortly after (a folder removed by `rm -rf` or a checkout is one event). */
  private deletedOutside: vscode.Uri[] = [];
  private deletedTimer: ReturnType<typeof setTimeout> | undefined;
  private createdOutside: vscode.Uri[] = [];
  private createdTimer: ReturnType<typeof setTimeout> | undefined;
  private watchers = this.register(new Registrations());
  private peopleSnapshot: Snapshot<SpeakerDirectory> | undefined;
  private groupsSnapshot: Snapshot<readonly QuoteGroup[]> | undefined;

  private get corpus(): IndexedCorpus {
    return (this.corpusState ??= new (corpusCore().IndexedCorpus)(this.options.engine));
  }

  /** The corpus as a reader of the index sees it: reading it starts the indexing. */
  private get read(): IndexedCorpus {
    void this.start();
    return this.corpus;
  }

  constructor(private readonly options: IndexOptions) {
    super();
    this.storage = options.storageUri ? storageAt(options.storageUri) : undefined;
    this.pool = new IndexPool(options.workerScript, options.workers, options.workerHeapMb);
    this.register(toDisposable(() => this.stopAll()));
    this.listen();
  }

  /**
   * Loads the saved index and starts indexing the workspace in the background (once). It starts
   * when the workspace is first used as a corpus: an article opened, or the index read (a view
   * shown, a search, a hover), not because some plain-text file opened.
   */
  start(): Promise<void> {
    this.started ??= this.startOnce();
    return this.started;
  }

  /** Resolves once every article known so far is indexed (or indexing was cancelled). */
  async whenIndexed(): Promise<void> {
    await this.start();
    // A scan or a run may start another while we wait: settle only when neither moved.
    for (;;) {
      const scan = this.scanning;
      const run = this.indexed;
      await scan;
      await run;
      if (scan === this.scanning && run === this.indexed) return;
    }
  }

  /** Forgets nothing but re-checks every file (a file changed behind the watchers' back). */
  refresh(): void {
    this.scanning = this.start().then(() => this.scanWorkspace());
  }

  /** Stops the current indexing; what was indexed stays. */
  cancel(): void {
    this.cancelled = true;
    this.queue.clear();
    this.pool.stop();
  }

  /** Writes the index to workspace storage now (it is otherwise saved a moment after it changed). */
  async saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.storage) await this.corpus.save(this.storage);
  }

  get progress(): IndexProgress | undefined {
    return this.running ? { done: this.done, total: this.done + this.inFlight + this.queue.size } : undefined;
  }

  /** Files analysed (not found unchanged in the cache) since the window opened. */
  get analysedFiles(): number {
    return this.analysedCount;
  }

  /** Article files the index could not read or analyse, by URI, with why (in words). */
  notIndexed(): ReadonlyMap<string, { readonly uri: vscode.Uri; readonly reason: string }> {
    return this.failures;
  }

  private failed(uri: vscode.Uri, reason: string): void {
    this.failures.set(uri.toString(), { uri, reason });
    this.notIndexedEmitter.fire();
  }

  /** The file is indexed, gone or counted with its live text: off the list of files not indexed. */
  private notFailing(key: string): void {
    if (this.failures.delete(key)) this.notIndexedEmitter.fire();
  }

  summaries(): readonly ArticleSummary[] {
    const corpus = this.read;
    return [...corpus.keys()].flatMap((k) => corpus.index.get(k) ?? []);
  }

  /** The summary of a file (an export's summary holds all its articles). */
  summaryOf(uri: vscode.Uri): ArticleSummary | undefined {
    return this.read.index.get(uri.toString());
  }

  /** The summary of one article as the corpus counts it: a file, or one article of an export (`…/export.txt#2`). */
  articleSummary(id: string): ArticleSummary | undefined {
    return this.read.index.get(id);
  }

  people(): SpeakerDirectory {
    this.peopleSnapshot = this.recent(this.peopleSnapshot, () => this.read.index.people());
    return this.peopleSnapshot.value;
  }

  quoteGroups(): readonly QuoteGroup[] {
    this.groupsSnapshot = this.recent(this.groupsSnapshot, () => this.read.index.quoteGroups());
    return this.groupsSnapshot.value;
  }

  /** The combined value: cached by the core index until a change, and while indexing kept a few seconds. */
  private recent<T>(snapshot: Snapshot<T> | undefined, compute: () => T): Snapshot<T> {
    if (snapshot && this.running && Date.now() - snapshot.at < RECOMBINE_WHILE_INDEXING_MS) return snapshot;
    const value = compute();
    return snapshot?.value === value ? snapshot : { value, at: Date.now() };
  }

  repeatedLinesOf(uri: vscode.Uri): RepeatedLineMark[] {
    return this.read.index.repeatedLinesOf(uri.toString());
  }

  searchQuotes(query: QuoteQuery): QuoteHit[] {
    return this.read.index.quoteSearch().search(query);
  }

  private listen(): void {
    this.watchArticles();
    const sidecars = this.register(vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`));
    const textOf = (uri: vscode.Uri): vscode.Uri => uri.with({ path: uri.path.slice(0, -SIDECAR_SUFFIX.length) });
    this.register(sidecars.onDidCreate((uri) => this.enqueue(textOf(uri))));
    this.register(sidecars.onDidChange((uri) => this.enqueue(textOf(uri))));
    this.register(sidecars.onDidDelete((uri) => this.enqueue(textOf(uri))));
    // Files and folders created, deleted or renamed through the editor (Explorer, refactorings,
    // extensions): reported for sure, where file watchers may drop events on a busy machine, and
    // for whole folders.
    this.register(vscode.workspace.onDidDeleteFiles((e) => this.removedTrees(e.files)));
    // A folder deleted or renamed outside the editor (`mv`, a checkout, a sync client) is reported
    // as the folder alone, which the articles' own watchers never match: every path deleted is
    // heard, its articles forgotten; a folder created (the new name of one renamed, or one moved in)
    // makes the workspace listed again (what the listing finds that the index lacks is indexed).
    // Git's own files (its lock files come and go with every status) are never articles.
    const anything = this.register(vscode.workspace.createFileSystemWatcher('**/*', false, true, false));
    this.register(
      anything.onDidDelete((uri) => {
        if (isInGitFolder(uri)) return;
        this.deletedOutside.push(uri);
        clearTimeout(this.deletedTimer);
        this.deletedTimer = setTimeout(() => {
          this.deletedTimer = undefined;
          this.removedTrees(this.deletedOutside.splice(0));
        }, DELETED_BATCH_MS);
      }),
    );
    this.register(
      anything.onDidCreate((uri) => {
        // An article is heard by its own watcher; any other path may be a folder holding articles.
        if (uri.path.toLowerCase().endsWith('.txt') || isInGitFolder(uri)) return;
        this.createdOutside.push(uri);
        clearTimeout(this.createdTimer);
        this.createdTimer = setTimeout(() => {
          this.createdTimer = undefined;
          void this.rescanIfFolderCreated(this.createdOutside.splice(0));
        }, DELETED_BATCH_MS);
      }),
    );
    this.register(vscode.workspace.onDidCreateFiles(() => this.scheduleRescan()));
    this.register(
      vscode.workspace.onDidRenameFiles((e) => {
        this.removedTrees(e.files.map((f) => f.oldUri));
        this.scheduleRescan();
      }),
    );
    this.register(vscode.workspace.onDidOpenTextDocument((doc) => this.scheduleLive(doc)));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.scheduleLive(e.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => this.closed(doc)));
    this.register(this.options.cache.onDidChangeShown((uri) => this.liveDocument(uri)));
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Another separator cuts exports differently: the files' hashes change with it, so the
        // refresh re-analyses exactly the files the setting applies to.
        if (e.affectsConfiguration(`${ConfigKeys.section}.${ConfigKeys.archiveSeparator}`)) this.refresh();
        if (!e.affectsConfiguration(`${ConfigKeys.section}.articles`)) return;
        this.watchArticles();
        this.refresh();
      }),
    );
  }

  /** One watcher per included glob of each folder, so files outside `articles.include` are not watched. */
  private watchArticles(): void {
    this.watchers.dispose();
    this.watchers = this.register(new Registrations());
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of readArticleFileSettings(folder.uri).include) {
        const watcher = this.watchers.add(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob)));
        this.watchers.add(watcher.onDidCreate((uri) => this.enqueue(uri)));
        this.watchers.add(watcher.onDidChange((uri) => this.enqueue(uri)));
        this.watchers.add(watcher.onDidDelete((uri) => this.removed(uri)));
      }
    }
  }

  private async startOnce(): Promise<void> {
    if (this.storage) {
      const outcome = await this.corpus.load(this.storage);
      if ('discarded' in outcome) console.warn(`Source Annotator: corpus cache discarded (${outcome.discarded}); rebuilding.`);
      if (outcome.loaded > 0) this.scheduleChange();
    }
    // Open articles count with their live text from the start, so the scan does not queue them.
    for (const doc of vscode.workspace.textDocuments) this.liveDocument(doc.uri);
    this.scanning = this.scanWorkspace();
    await this.scanning;
  }

  private async scanWorkspace(): Promise<void> {
    this.cancelled = false;
    const uris = await findArticleFiles(MAX_ARTICLES);
    const present = new Set(uris.map((u) => u.toString()));
    for (const key of this.live) present.add(key);
    if (this.corpus.retainOnly(present) > 0) this.scheduleChange();
    for (const key of [...this.failures.keys()]) if (!present.has(key)) this.notFailing(key);
    for (const uri of uris) this.queue.set(uri.toString(), uri);
    this.pump();
  }

  private enqueue(uri: vscode.Uri): void {
    if (this.isDisposed || !this.isIndexable(uri)) return;
    this.staleIfInFlight(uri.toString());
    this.queue.set(uri.toString(), uri);
    if (this.started) this.pump();
  }

  private isIndexable(uri: vscode.Uri): boolean {
    return vscode.workspace.getWorkspaceFolder(uri) !== undefined && uri.path.toLowerCase().endsWith('.txt');
  }

  /**
   * Deleted files and folders: each file, and every article under each folder, is forgotten. One
   * pass over the known keys for the whole batch (a folder of thousands deleted at once), each key
   * checked against the deleted paths through its few parent folders.
   */
  private removedTrees(uris: readonly vscode.Uri[]): void {
    const gone = new Set(uris.map((u) => u.toString().replace(/\/$/, '')));
    if (gone.size === 0) return;
    const isGone = (key: string): boolean => {
      for (let at = key.length; at > 0; at = key.lastIndexOf('/', at - 1)) if (gone.has(key.slice(0, at))) return true;
      return false;
    };
    let any = false;
    for (const key of this.inFlightKeys) if (isGone(key)) this.staleInFlight.add(key);
    for (const key of [...this.queue.keys()]) if (isGone(key)) this.queue.delete(key);
    for (const key of [...this.failures.keys()]) if (isGone(key)) this.notFailing(key);
    for (const key of [...this.corpus.keys()]) if (isGone(key) && !this.live.has(key) && this.corpus.delete(key)) any = true;
    if (any) this.changed();
  }

  /**
   * New files or folders (or renamed ones) are found by listing the workspace again, which applies
   * the include and exclude settings; only files not in the index yet are read and analysed.
   */
  private scheduleRescan(): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      if (!this.isDisposed && this.started) this.scanning = this.start().then(() => this.scanForNewFiles());
    }, RESCAN_DELAY_MS);
  }

  /**
   * Lists the workspace again when one of the paths created (not articles) is a folder: a folder
   * moved or renamed into the workspace brings its articles, which no article watcher reports. A
   * batch of more paths than are worth a look each (a checkout, an unpacked archive) is listed again
   * without one.
   */
  private async rescanIfFolderCreated(uris: readonly vscode.Uri[]): Promise<void> {
    if (uris.length > MAX_CREATED_LOOKED_AT) {
      this.scheduleRescan();
      return;
    }
    for (const uri of uris) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        (s) => s,
        () => undefined,
      );
      if (stat && (stat.type & vscode.FileType.Directory) !== 0) {
        this.scheduleRescan();
        return;
      }
    }
  }

  /** Queues the article files not indexed yet (a listing of the workspace; nothing known is read again). */
  private async scanForNewFiles(): Promise<void> {
    const uris = await findArticleFiles(MAX_ARTICLES);
    for (const uri of uris) {
      const key = uri.toString();
      if (this.corpus.hashOf(key) === undefined && !this.live.has(key)) this.queue.set(key, uri);
    }
    this.pump();
  }

  private removed(uri: vscode.Uri): void {
    const key = uri.toString();
    this.staleIfInFlight(key);
    this.queue.delete(key);
    this.notFailing(key);
    if (this.live.has(key)) return;
    if (this.corpus.delete(key)) this.changed();
  }

  private pump(): void {
    if (this.running || this.queue.size === 0 || this.isDisposed) return;
    this.cancelled = false;
    this.done = 0;
    this.inFlight = 0;
    this.running = this.pool
      .run({ next: () => this.nextTask(), onResult: (r) => this.accept(r), isCancelled: () => this.cancelled || this.isDisposed })
      .catch((e: unknown) => console.error('Source Annotator: corpus indexing failed', e))
      .finally(() => {
        this.running = undefined;
        // A cancelled run answers no more: nothing is in flight.
        this.inFlightKeys.clear();
        this.staleInFlight.clear();
        this.progressEmitter.fire(undefined);
        this.scheduleSave();
        // Files that changed while the last task was answered start the next run.
        if (!this.cancelled) this.pump();
      });
    this.indexed = this.running;
  }

  /**
   * A file changed, was deleted or renamed while a worker analyses it: that result describes a text
   * that is gone, and arriving after a newer one it would replace it. It is dropped when it comes.
   */
  private staleIfInFlight(key: string): void {
    if (this.inFlightKeys.has(key)) this.staleInFlight.add(key);
  }

  private async nextTask(): Promise<IndexTask | undefined> {
    for (const [key, uri] of this.queue) {
      // One task per file at a time: queued again while analysed, it waits for that result.
      if (this.inFlightKeys.has(key)) continue;
      this.queue.delete(key);
      if (this.live.has(key)) continue;
      const separator = readArchiveSeparator(uri);
      const maxBytes = this.options.maxFileBytes ?? MAX_INDEXED_FILE_BYTES;
      const base = { key, folder: folderOf(uri), knownHash: this.corpus.hashOf(key), maxBytes, ...(separator === '' ? {} : { separator }) };
      if (uri.scheme === 'file') {
        this.inFlight++;
        this.inFlightKeys.add(key);
        return { ...base, file: uri.fsPath };
      }
      try {
        // A file of another file system is read here, on the extension host: never one over the bound.
        const size = await vscode.workspace.fs.stat(uri).then((st) => st.size, () => 0);
        if (size > maxBytes) {
          if (this.corpus.delete(key)) this.changed();
          this.failed(uri, tooLargeToIndex(size, maxBytes));
          continue;
        }
        const text = await readTextIfExists(uri);
        if (text !== undefined) {
          const task = { ...base, text, sidecar: await readYamlTextIfExists(sidecarUri(uri)).catch(() => undefined) };
          this.inFlight++;
          this.inFlightKeys.add(key);
          return task;
        }
        this.removed(uri);
      } catch (e) {
        // Unreadable: left out, and listed with why.
        this.removed(uri);
        this.failed(uri, e instanceof Error ? e.message : String(e));
      }
    }
    return undefined;
  }

  private accept(result: IndexResult): void {
    this.done++;
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.inFlightKeys.delete(result.key);
    this.progressEmitter.fire(this.progress);
    if (this.staleInFlight.delete(result.key) || this.live.has(result.key)) return;
    if (!result.ok) {
      if (this.corpus.delete(result.key)) this.changed();
      // A file deleted since it was queued is simply gone, not a file that could not be indexed.
      if (result.gone === true) this.notFailing(result.key);
      else this.failed(vscode.Uri.parse(result.key), result.error);
      return;
    }
    this.notFailing(result.key);
    // The same file reached by another path (a symbolic link, found by a watcher): counted once.
    if (result.identity !== undefined) {
      const holder = this.identities.get(result.identity);
      if (holder !== undefined && holder !== result.key && this.corpus.hashOf(holder) !== undefined) {
        if (this.corpus.delete(result.key)) this.changed();
        return;
      }
      this.identities.set(result.identity, result.key);
    }
    if (result.summary === null) return;
    this.analysedCount++;
    this.corpus.set(result.key, result.hash, result.summary);
    this.changed();
  }

  private scheduleLive(doc: vscode.TextDocument): void {
    if (!isArticleDocument(doc) || doc.uri.scheme === 'output') return;
    void this.start();
    const key = doc.uri.toString();
    clearTimeout(this.liveTimers.get(key));
    this.liveTimers.set(
      key,
      setTimeout(() => {
        this.liveTimers.delete(key);
        this.liveDocument(doc.uri);
      }, LIVE_DELAY_MS),
    );
  }

  /** An open article counts with its text as shown (typed, not yet saved; rejections left out). */
  private liveDocument(uri: vscode.Uri): void {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.isClosed || !isArticleDocument(doc) || this.isDisposed) return;
    // A large document keeps counting as saved (its summary is made on the index's workers): summarising
    // its live text would hold the extension host for about a second per megabyte and a half.
    if (documentLength(doc) >= LARGE_DOCUMENT_CHARS) return;
    const key = doc.uri.toString();
    this.live.add(key);
    this.queue.delete(key);
    this.notFailing(key);
    this.corpus.set(key, LIVE_HASH, corpusCore().summariseArticle(doc.getText(), this.options.cache.get(doc), { path: key, folder: folderOf(doc.uri) }));
    this.changed();
  }

  private closed(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.liveTimers.get(key));
    this.liveTimers.delete(key);
    if (!this.live.delete(key)) return;
    // Back to the file on disk (or gone, for an untitled or deleted one).
    this.corpus.delete(key);
    this.changed();
    this.enqueue(doc.uri);
  }

  private changed(): void {
    this.scheduleChange();
    this.scheduleSave();
  }

  private scheduleChange(): void {
    if (this.changeTimer) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.changeEmitter.fire();
    }, 300);
  }

  private scheduleSave(): void {
    if (!this.storage || this.running) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      if (this.storage && !this.isDisposed) this.corpus.save(this.storage).catch((e: unknown) => console.warn('Source Annotator: cannot save the corpus index', e));
    }, 2000);
  }

  private stopAll(): void {
    this.cancelled = true;
    this.pool.stop();
    clearTimeout(this.changeTimer);
    clearTimeout(this.rescanTimer);
    clearTimeout(this.deletedTimer);
    clearTimeout(this.createdTimer);
    clearTimeout(this.saveTimer);
    this.liveTimers.forEach((t) => clearTimeout(t));
  }
}
