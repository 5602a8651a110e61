import * as vscode from 'vscode';
import type { Services } from '../base/services';
import type { AnnotationSet } from '../core/annotations/model/types';
import type { ImportFormat } from '../core/interchange/formats';
import type { ImportedDocument, InputFile, ParsedImport } from '../core/interchange/types';
import { currentAuthor } from '../tagging/author';
import { readTextIfExists, readYamlTextIfExists, sidecarUri, writeSidecarAtomically } from '../tagging/store/sidecarFiles';
import { textSha256 } from '../tagging/store/textHash';
import { articleText, errorText, workspaceArticles, type WorkspaceArticle } from './articleFiles';
import { toUri } from './exportCommand';
import type { ExchangeLog } from './report';
import { interchangeCore, sidecarCore } from '../base/lazyBundles';
import { withoutLinks } from '../base/notify';

/** Arguments of `sourceAnnotator.importAnnotations` for scripts and tests: no UI is shown. */
export interface ImportArguments {
  readonly format: ImportFormat;
  /** The exchange files, as URI strings or absolute paths. */
  readonly files: readonly string[];
  /** Author of tags the files do not credit; the `sourceAnnotator.author` setting (or git's name) otherwise. */
  readonly author?: string;
}

export interface ArticleImport {
  readonly name: string;
  readonly added: number;
  readonly alreadyPresent: number;
  readonly orphaned: number;
  /** Of the added, found but not surely: marked for review, as the editor marks such places. */
  readonly review: number;
}

export interface ImportSummary {
  readonly articles: readonly ArticleImport[];
  readonly problems: readonly string[];
  readonly cancelled: boolean;
}

interface Totals {
  added: number;
  alreadyPresent: number;
  orphaned: number;
  review: number;
  withoutLabel: number;
  empty: number;
}

function importArguments(args: unknown): ImportArguments | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const { format, files, author } = args as Record<string, unknown>;
  if (typeof format !== 'string' || !interchangeCore().isImportFormat(format) || !Array.isArray(files)) return undefined;
  const paths = (files as unknown[]).filter((f): f is string => typeof f === 'string');
  if (paths.length !== files.length) return undefined;
  return { format, files: paths, ...(typeof author === 'string' ? { author } : {}) };
}

async function askImport(): Promise<{ format: ImportFormat; files: vscode.Uri[] } | undefined> {
  const picked = await vscode.window.showQuickPick(
    interchangeCore().IMPORT_FORMATS.map((format) => ({ label: format, description: interchangeCore().IMPORT_EXTENSIONS[format].join(' '), format })),
    { title: vscode.l10n.t('Import annotations from…'), placeHolder: vscode.l10n.t('Exchange format') },
  );
  if (!picked) return undefined;
  const files = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: vscode.l10n.t('Import'),
    title: vscode.l10n.t('{0} files to import', picked.format),
    filters: { [picked.format]: interchangeCore().IMPORT_EXTENSIONS[picked.format].map((e) => e.slice(1)) },
  });
  return files && files.length > 0 ? { format: picked.format, files } : undefined;
}

async function readInputs(format: ImportFormat, uris: readonly vscode.Uri[]): Promise<ParsedImport> {
  const files: InputFile[] = [];
  const problems: { file: string; message: string }[] = [];
  for (const uri of uris) {
    const content = await readTextIfExists(uri).catch((err: unknown) => {
      problems.push({ file: uri.path, message: errorText(err) });
      return undefined;
    });
    if (content === undefined) problems.push({ file: uri.path, message: vscode.l10n.t('cannot be read') });
    else files.push({ path: uri.path, content });
  }
  if (format !== 'brat') {
    const parsed = interchangeCore().parseImport(format, files);
    return { documents: parsed.documents, problems: [...problems, ...parsed.problems] };
  }
  const texts = new Map<string, string>();
  for (const file of files) {
    const ann = uris.find((u) => u.path === file.path);
    const text = ann ? await readTextIfExists(ann.with({ path: ann.path.replace(/\.ann$/i, '.txt') })).catch(() => undefined) : undefined;
    if (text !== undefined) texts.set(file.path, text);
  }
  // brat names documents by their .ann path; the article is matched by its base name.
  const parsed = interchangeCore().parseBrat(files, texts);
  const documents = parsed.documents.map((d) => (d.name === undefined ? d : { ...d, name: d.name.slice(d.name.lastIndexOf('/') + 1) }));
  return { documents, problems: [...problems, ...parsed.problems] };
}

/** Adds the documents' tags to `set`; the totals say what happened. */
function placeAll(text: string, set: AnnotationSet, documents: readonly ImportedDocument[], author: string, now: string): { set: AnnotationSet; totals: Totals } {
  const totals: Totals = { added: 0, alreadyPresent: 0, orphaned: 0, review: 0, withoutLabel: 0, empty: 0 };
  let current = set;
  for (const document of documents) {
    const outcome = interchangeCore().importTags(text, current, document, { author, now });
    current = outcome.set;
    totals.added += outcome.counts.added;
    totals.alreadyPresent += outcome.counts.alreadyPresent;
    totals.orphaned += outcome.counts.orphaned;
    totals.review += outcome.counts.review;
    totals.withoutLabel += outcome.counts.withoutLabel;
    totals.empty += outcome.counts.empty;
  }
  return { set: current, totals };
}

/** An open article: through the store, so decorations, undo and the sidecar write stay in step. */
async function importIntoOpen(services: Services, doc: vscode.TextDocument, documents: readonly ImportedDocument[], author: string, now: string): Promise<Totals> {
  const loaded = await services.store.load(doc);
  if (!loaded) throw new Error(vscode.l10n.t('it is not an article'));
  if (loaded.problem !== undefined) throw new Error(vscode.l10n.t('its sidecar has problems and is left untouched: {0}', loaded.problem));
  const text = doc.getText();
  const base = (annotations: AnnotationSet['annotations']): AnnotationSet => ({ file: '', sha256: '', annotations, rejections: [] });
  const dryRun = placeAll(text, base(loaded.annotations), documents, author, now);
  if (dryRun.totals.added === 0) return dryRun.totals;
  let totals = dryRun.totals;
  await services.store.update(doc, (current) => {
    const placed = placeAll(text, base(current.annotations), documents, author, now);
    totals = placed.totals;
    return { annotations: placed.set.annotations, rejections: current.rejections };
  });
  return totals;
}

/** A closed article: its sidecar is read, checked, and rewritten atomically with the core serialiser. */
async function importIntoClosed(article: WorkspaceArticle, text: string, documents: readonly ImportedDocument[], author: string, now: string): Promise<Totals> {
  const sidecar = sidecarUri(article.uri);
  const yaml = await readYamlTextIfExists(sidecar);
  const fileName = article.name.slice(article.name.lastIndexOf('/') + 1);
  const sha256 = textSha256(text);
  let set: AnnotationSet = { file: fileName, sha256, annotations: [], rejections: [] };
  if (yaml !== undefined && yaml.trim() !== '') {
    const parsed = sidecarCore().parseSidecarOf(yaml, { fileName, sha256 });
    if (!parsed.ok) throw new Error(vscode.l10n.t('its sidecar has problems and is left untouched (line {0}: {1})', parsed.errors[0]?.line ?? 0, parsed.errors[0]?.message ?? ''));
    set = sidecarCore().loadAnnotations(parsed.sidecar, text, sha256).set;
  }
  const placed = placeAll(text, set, documents, author, now);
  if (placed.totals.added === 0) return placed.totals;
  const written = sidecarCore().serialiseSidecar(yaml, placed.set, text);
  // The editor must be able to read what is written; refuse rather than leave a file it rejects.
  const check = sidecarCore().parseSidecar(written);
  if (!check.ok) throw new Error(vscode.l10n.t('the result would not be a valid sidecar ({0})', check.errors[0]?.message ?? ''));
  // Over the file as read only: a tag written meanwhile (the article opened and tagged) is not undone.
  await writeSidecarAtomically(sidecar, written, { text: yaml });
  return placed.totals;
}


async function matchDocuments(articles: readonly WorkspaceArticle[], documents: readonly ImportedDocument[], problems: string[]): Promise<Map<WorkspaceArticle, { text: string; documents: ImportedDocument[] }>> {
  const texts = await Promise.all(articles.map(async (a) => articleText(a).catch(() => '')));
  const candidates = articles.map((a, i) => ({ name: a.name, text: texts[i] ?? '', article: a }));
  const matcher = new (interchangeCore().ArticleMatcher)(candidates);
  const byArticle = new Map<WorkspaceArticle, { text: string; documents: ImportedDocument[] }>();
  for (const document of documents) {
    const match = matcher.match(document);
    if (match.article === undefined) {
      problems.push(vscode.l10n.t('{0}: not imported, {1} in the workspace', document.name ?? vscode.l10n.t('a document'), match.reason));
      continue;
    }
    const candidate = candidates.find((c) => c === match.article);
    if (!candidate) continue;
    const entry = byArticle.get(candidate.article);
    if (entry) entry.documents.push(document);
    else byArticle.set(candidate.article, { text: candidate.text, documents: [document] });
  }
  return byArticle;
}

async function runImport(services: Services, format: ImportFormat, files: readonly vscode.Uri[], author: string, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ImportSummary> {
  const parsed = await readInputs(format, files);
  const problems = parsed.problems.map((p) => `${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`);
  const articles = await workspaceArticles(token);
  const byArticle = await matchDocuments(articles, parsed.documents, problems);
  const now = new Date().toISOString();
  const results: ArticleImport[] = [];
  for (const [article, { text, documents }] of byArticle) {
    if (token.isCancellationRequested) return { articles: results, problems, cancelled: true };
    progress.report({ message: withoutLinks(article.name), increment: 100 / Math.max(1, byArticle.size) });
    // An article opened since the search goes through the store too.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === article.uri.toString());
    try {
      const totals = open ? await importIntoOpen(services, open, documents, author, now) : await importIntoClosed(article, text, documents, author, now);
      results.push({ name: article.name, added: totals.added, alreadyPresent: totals.alreadyPresent, orphaned: totals.orphaned, review: totals.review });
      if (totals.withoutLabel > 0) problems.push(vscode.l10n.t('{0}: {1} tags without a label were skipped', article.name, totals.withoutLabel));
      if (totals.empty > 0) problems.push(vscode.l10n.t('{0}: {1} tags covering no words (an empty span, or empty words) were skipped', article.name, totals.empty));
    } catch (err) {
      problems.push(vscode.l10n.t('{0}: nothing imported, {1}', article.name, errorText(err)));
    }
  }
  return { articles: results, problems, cancelled: false };
}

/** `sourceAnnotator.importAnnotations`: tags from exchange files added to the workspace's articles. */
export async function importAnnotations(services: Services, log: ExchangeLog, args: unknown): Promise<ImportSummary | undefined> {
  const given = importArguments(args);
  const choice = given ? { format: given.format, files: given.files.map(toUri) } : await askImport();
  if (!choice) return undefined;
  const author = given?.author ?? (await currentAuthor());
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0} annotations', choice.format), cancellable: true },
    (progress, token) => runImport(services, choice.format, choice.files, author, progress, token),
  );
  const added = summary.articles.reduce((n, a) => n + a.added, 0);
  const present = summary.articles.reduce((n, a) => n + a.alreadyPresent, 0);
  const headline = summary.cancelled
    ? vscode.l10n.t('Import cancelled after {0} articles ({1} tags added).', summary.articles.length, added)
    : vscode.l10n.t('Imported {0} tags into {1} articles ({2} already present).', added, summary.articles.length, present);
  const lines = [
    ...summary.articles.map((a) =>
      a.review > 0
        ? vscode.l10n.t('{0}: {1} added, {2} already present, {3} orphaned, {4} to check (found, but not surely)', a.name, a.added, a.alreadyPresent, a.orphaned, a.review)
        : vscode.l10n.t('{0}: {1} added, {2} already present, {3} orphaned', a.name, a.added, a.alreadyPresent, a.orphaned),
    ),
    ...summary.problems,
  ];
  log.report(headline, lines, summary.problems.length > 0 || summary.cancelled);
  return summary;
}
