import * as vscode from 'vscode';
import { offsetChanges } from '../base/textChanges';
import type { AnalysisCache } from '../detections/analysisCache';
import { articleEditor } from '../articles/editor';
import type { CommandTable } from '../base/commandTable';
import { Commands } from '../base/constants';
import { anchorAt } from '../core/annotations/anchoring/capture';
import { createAnnotation, createRejection } from '../core/annotations/model/create';
import type { Label } from '../core/annotations/labels/labelConfig';
import type { Annotation, AttributeValue } from '../core/annotations/model/types';
import { detectionsOf, type Detection } from '../core/detections/lookup';
import { sentenceAt } from '../core/tagging/lookup';
import { labelExcerpt } from '../core/text/excerpt';
import { currentAuthor } from './author';
import type { LabelRegistry } from './labelRegistry';
import { askNote, chooseAnnotation, chooseDetections, isObject, pickAnnotation, pickLabel } from './pickers';
import type { Snapshot } from './store/fileState';
import type { AnnotationStore } from './store/annotationStore';
import { showError, showInfo } from '../base/notify';
import { engine } from '../base/lazyBundles';
import type { EditMap, TextChange } from '../core/analysis/editMap';

/** Arguments of `sourceAnnotator.tagSelection` for scripts and keybindings: tags without any UI. */
export interface TagArguments {
  readonly label: string;
  readonly note?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

interface AnnotationArguments {
  readonly uri?: string;
  readonly id?: string;
  readonly label?: string;
  readonly note?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** What the tagging commands work with. */
export interface TaggingDeps {
  readonly store: AnnotationStore<vscode.Uri>;
  readonly cache: AnalysisCache;
  readonly labels: LabelRegistry;
}

interface TagRange {
  readonly start: number;
  readonly end: number;
  readonly what: string;
}

interface LabelChoice {
  readonly label: Label;
  readonly note: string | undefined;
  readonly attributes: Readonly<Record<string, AttributeValue>>;
}

function now(): string {
  return new Date().toISOString();
}

function report(err: unknown): undefined {
  void showError(err instanceof Error ? err.message : String(err));
  return undefined;
}

/** The `uri` a hover link or script passed, if any. */
function uriArgument(args: unknown): string | undefined {
  return isObject(args) && typeof args['uri'] === 'string' ? args['uri'] : undefined;
}

/** Applies a change through the store; false (the error shown) when it could not be made. */
async function change(store: AnnotationStore<vscode.Uri>, doc: vscode.TextDocument, fn: (s: Snapshot) => Snapshot): Promise<boolean> {
  try {
    await store.update(doc, fn);
    return true;
  } catch (err) {
    report(err);
    return false;
  }
}

/** Where each selection's tag goes; an empty selection takes the quote, sentence or line under it. */
function tagRanges(editor: vscode.TextEditor, cache: AnalysisCache): TagRange[] {
  const doc = editor.document;
  const text = doc.getText();
  return editor.selections.map((sel) => {
    if (!sel.isEmpty) return { start: doc.offsetAt(sel.start), end: doc.offsetAt(sel.end), what: vscode.l10n.t('selection') };
    const offset = doc.offsetAt(sel.active);
    const quote = cache.get(doc).quotes.find((q) => q.start <= offset && offset <= q.end);
    if (quote) return { start: quote.start, end: quote.end, what: vscode.l10n.t('quote') };
    const sentence = sentenceAt(text, offset);
    if (sentence && sentence.end > sentence.start) return { ...sentence, what: vscode.l10n.t('sentence') };
    const line = doc.lineAt(sel.active.line);
    return { start: doc.offsetAt(line.range.start), end: doc.offsetAt(line.range.end), what: vscode.l10n.t('line') };
  });
}

/** The label, note and attributes of a new tag: from the arguments, else asked; undefined when cancelled or unknown. */
async function chooseLabel(labels: LabelRegistry, args: unknown, doc: vscode.TextDocument, ranges: readonly TagRange[]): Promise<LabelChoice | undefined> {
  await labels.ready;
  if (isObject(args) && typeof args['label'] === 'string') {
    const label = labels.find(args['label']);
    if (!label) return report(new Error(vscode.l10n.t('There is no label “{0}”. Labels: {1}.', args['label'], labels.labels.map((l) => l.name).join(', '))));
    const note = typeof args['note'] === 'string' ? args['note'] : undefined;
    const attributes = isObject(args['attributes']) ? (args['attributes'] as Record<string, AttributeValue>) : {};
    return { label, note, attributes };
  }
  const what = ranges.length === 1 ? vscode.l10n.t('Tag the {0}', ranges[0]?.what ?? '') : vscode.l10n.t('Tag {0} passages', ranges.length);
  const first = ranges[0];
  const title = first ? `${what}: “${labelExcerpt(doc.getText().slice(first.start, first.end), 50)}”` : what;
  const label = await pickLabel(labels.labels, title);
  if (!label) return undefined;
  const note = await askNote();
  if (note === null) return undefined;
  return { label, note, attributes: {} };
}

/**
 * Runs `ask` (a picker, a prompt) and returns its answer with the edits the article underwent
 * meanwhile (reloaded from disk, another extension's edit), as a map from the offsets before to
 * those after: what was chosen before asking follows them, and what an edit touched is not used.
 */
async function whileAsking<T>(doc: vscode.TextDocument, ask: () => Promise<T>): Promise<{ answer: T; moved: EditMap }> {
  const edits: TextChange[][] = [];
  const listening = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document === doc && e.contentChanges.length > 0) edits.push(offsetChanges(e.contentChanges));
  });
  try {
    const answer = await ask();
    return { answer, moved: edits.reduce((map, batch) => map.then(batch), engine().EditMap.none) };
  } finally {
    listening.dispose();
  }
}

async function tagSelection(deps: TaggingDeps, args?: unknown): Promise<string[] | undefined> {
  const editor = await articleEditor(uriArgument(args));
  if (!editor) return undefined;
  const doc = editor.document;
  if (isObject(args) && typeof args['start'] === 'number' && typeof args['end'] === 'number') {
    editor.selection = new vscode.Selection(doc.positionAt(args['start']), doc.positionAt(args['end']));
  }
  const chosenIn = tagRanges(editor, deps.cache);
  const { answer: choice, moved } = await whileAsking(doc, async () => {
    const chosen = await chooseLabel(deps.labels, args, doc, chosenIn);
    return chosen && { ...chosen, author: await currentAuthor() };
  });
  if (!choice) return undefined;
  const { label, note, attributes, author } = choice;
  const ranges = chosenIn.map((r) => moved.span(r));
  if (ranges.some((r) => r === undefined) || doc.isClosed) return report(new Error(vscode.l10n.t('The passage changed while the label was chosen: nothing was tagged. Select it again.')));
  const time = now();
  const text = doc.getText();
  const quotes = detectionsOf(deps.cache.get(doc), 'quote');
  const created = ranges
    .filter((r): r is TagRange => r !== undefined && r.end > r.start)
    .map((r) => {
      // A quote tag on a detected quote keeps the detected speaker unless one was given.
      const detected = quotes.find((d) => d.start === r.start && d.end === r.end);
      const attrs = label.name === 'quote' && detected && attributes['speaker'] === undefined ? { ...detected.attributes, ...attributes } : attributes;
      return createAnnotation(text, { label: label.name, start: r.start, end: r.end, author, now: time, attributes: attrs, ...(note === undefined ? {} : { note }) });
    });
  if (created.length === 0) return report(new Error(vscode.l10n.t('Nothing to tag here: select some text.')));
  if (!(await change(deps.store, doc, (s) => ({ ...s, annotations: [...s.annotations, ...created] })))) return undefined;
  vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged {0} as {1}.', created.length === 1 ? vscode.l10n.t('1 passage') : vscode.l10n.t('{0} passages', created.length), label.name), 3000);
  return created.map((a) => a.id);
}

/** What an accept or reject command works on: the article, its text, the detections, who and when. */
interface DetectionChoice {
  readonly doc: vscode.TextDocument;
  readonly text: string;
  readonly detections: readonly Detection[];
  readonly author: string;
  readonly time: string;
}

/** The detections an accept or reject command works on; undefined when cancelled or none. */
async function chosenDetections(deps: TaggingDeps, args: unknown, verb: string, none: string): Promise<DetectionChoice | undefined> {
  const editor = await articleEditor(uriArgument(args));
  if (!editor) return undefined;
  const doc = editor.document;
  const { answer, moved } = await whileAsking(doc, async () => {
    const detections = await chooseDetections(deps.cache, editor, args, verb);
    return detections && { detections, author: await currentAuthor() };
  });
  if (!answer) return undefined;
  const { detections: chosen, author } = answer;
  if (chosen.length === 0) return report(new Error(none));
  // Detections chosen before an edit made meanwhile follow it; one the edit touched is not used.
  const detections = chosen.map((d) => moved.span(d));
  if (detections.some((d) => d === undefined) || doc.isClosed) return report(new Error(vscode.l10n.t('The article changed there while the choice was made: nothing was recorded. Try again.')));
  return { doc, text: doc.getText(), detections: detections.filter((d): d is Detection => d !== undefined), author, time: now() };
}

async function acceptSuggestion(deps: TaggingDeps, args?: unknown): Promise<string[] | undefined> {
  const chosen = await chosenDetections(deps, args, vscode.l10n.t('Accept'), vscode.l10n.t('There is no detection here to accept.'));
  if (!chosen) return undefined;
  const { doc, text, detections, author, time } = chosen;
  let ids: string[] = [];
  const accepted = await change(deps.store, doc, (s) => {
    const exists = (d: Detection): boolean => s.annotations.some((a) => a.status === 'active' && a.label === d.label && a.start === d.start && a.end === d.end);
    const created = detections.filter((d) => !exists(d)).map((d) => createAnnotation(text, { label: d.label, start: d.start, end: d.end, author, now: time, attributes: d.attributes }));
    ids = created.map((a) => a.id);
    return { ...s, annotations: [...s.annotations, ...created] };
  });
  if (!accepted) return undefined;
  vscode.window.setStatusBarMessage(vscode.l10n.t('Accepted {0} detection(s) as annotations.', ids.length), 3000);
  return ids;
}

async function rejectSuggestion(deps: TaggingDeps, args?: unknown): Promise<string[] | undefined> {
  const chosen = await chosenDetections(deps, args, vscode.l10n.t('Reject'), vscode.l10n.t('There is no detection here to reject.'));
  if (!chosen) return undefined;
  const { doc, text, detections, author, time } = chosen;
  const created = detections.map((d) => createRejection(text, { kind: d.kind, start: d.start, end: d.end, author, now: time }));
  if (!(await change(deps.store, doc, (s) => ({ ...s, rejections: [...s.rejections, ...created] })))) return undefined;
  return created.map((r) => r.id);
}

async function editAnnotation(deps: TaggingDeps, args?: unknown): Promise<string | undefined> {
  const a = (isObject(args) ? args : {}) as AnnotationArguments;
  const editor = await articleEditor(a.uri);
  if (!editor) return undefined;
  const target = await chooseAnnotation(deps.store, editor, args, (x) => x.status !== 'rejected');
  if (!target) return undefined;
  await deps.labels.ready;
  let label = a.label;
  let note: string | undefined = a.note ?? target.note;
  if (a.label === undefined && a.note === undefined && a.attributes === undefined) {
    const picked = await pickLabel(deps.labels.labels, vscode.l10n.t('Edit the {0} tag: “{1}”', target.label, labelExcerpt(target.text, 50)), target.label);
    if (!picked) return undefined;
    label = picked.name;
    const answer = await askNote(target.note);
    if (answer === null) return undefined;
    note = answer;
  }
  if (label !== undefined && !deps.labels.find(label)) return report(new Error(vscode.l10n.t('There is no label “{0}”.', label)));
  const edited = (x: Annotation): Annotation => {
    const updated = { ...x, label: label ?? x.label, attributes: a.attributes ?? x.attributes, modified: now() };
    if (note === undefined) delete (updated as { note?: string }).note;
    else (updated as { note?: string }).note = note;
    return updated;
  };
  if (!(await change(deps.store, editor.document, (s) => ({ ...s, annotations: s.annotations.map((x) => (x.id === target.id ? edited(x) : x)) })))) return undefined;
  return target.id;
}

async function removeAnnotation(deps: TaggingDeps, args?: unknown): Promise<string | undefined> {
  const a = (isObject(args) ? args : {}) as AnnotationArguments;
  const editor = await articleEditor(a.uri);
  if (!editor) return undefined;
  const target = await chooseAnnotation(deps.store, editor, args, () => true);
  if (!target) return undefined;
  if (!(await change(deps.store, editor.document, (s) => ({ ...s, annotations: s.annotations.filter((x) => x.id !== target.id) })))) return undefined;
  vscode.window.setStatusBarMessage(vscode.l10n.t('Removed the {0} tag. Undo with “Source Annotator: Undo Last Annotation Change”.', target.label), 4000);
  return target.id;
}

/** The orphan to attach: named by id, the only one, or picked from a list. */
async function chooseOrphan(orphans: readonly Annotation[], id: string | undefined): Promise<Annotation | undefined> {
  if (typeof id === 'string') return orphans.find((x) => x.id === id);
  if (orphans.length === 1) return orphans[0];
  return pickAnnotation(orphans, vscode.l10n.t('Attach which orphaned annotation to the selection?'));
}

async function reattachAnnotation(deps: TaggingDeps, args?: unknown): Promise<string | undefined> {
  const a = (isObject(args) ? args : {}) as AnnotationArguments;
  const editor = await articleEditor(a.uri);
  if (!editor) return undefined;
  if (editor.selection.isEmpty) {
    void showInfo(vscode.l10n.t('Select the passage the orphaned annotation belongs to, then run this command again.'));
    return undefined;
  }
  const file = await deps.store.load(editor.document);
  const orphans = (file?.annotations ?? []).filter((x) => x.status === 'orphaned');
  const target = await chooseOrphan(orphans, a.id);
  if (!target) {
    if (orphans.length === 0) void showInfo(vscode.l10n.t('This article has no orphaned annotations.'));
    return undefined;
  }
  const doc = editor.document;
  const anchor = anchorAt(doc.getText(), doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end));
  const id = target.id;
  if (!(await change(deps.store, doc, (s) => ({ ...s, annotations: s.annotations.map((x) => (x.id === id ? { ...x, ...anchor, status: 'active', modified: now() } : x)) })))) return undefined;
  return id;
}

/** The tag under the cursor (or named) keeps its place: it no longer waits for review. */
async function confirmAnnotationPlace(deps: TaggingDeps, args?: unknown): Promise<string | undefined> {
  const a = (isObject(args) ? args : {}) as AnnotationArguments;
  const editor = await articleEditor(a.uri);
  if (!editor) return undefined;
  const file = await deps.store.load(editor.document);
  const inReview = (x: Annotation): boolean => x.status === 'active' && file?.review.has(x.id) === true;
  if (!(file?.annotations ?? []).some(inReview)) {
    void showInfo(vscode.l10n.t('No tag of this article waits for its place to be checked.'));
    return undefined;
  }
  const target = await chooseAnnotation(deps.store, editor, args, inReview);
  if (!target || !deps.store.confirmPlace(editor.document.uri, target.id)) return undefined;
  return target.id;
}

async function undoAnnotationChange(deps: TaggingDeps): Promise<boolean> {
  const editor = await articleEditor();
  if (!editor) return false;
  const undone = await deps.store.undo(editor.document);
  if (!undone) void showInfo(vscode.l10n.t('No annotation change to undo in this article.'));
  return undone;
}

/** The tagging commands by id. */
export function taggingCommands(deps: TaggingDeps): CommandTable {
  return {
    [Commands.tagSelection]: (args) => tagSelection(deps, args),
    [Commands.acceptSuggestion]: (args) => acceptSuggestion(deps, args),
    [Commands.rejectSuggestion]: (args) => rejectSuggestion(deps, args),
    [Commands.editAnnotation]: (args) => editAnnotation(deps, args),
    [Commands.removeAnnotation]: (args) => removeAnnotation(deps, args),
    [Commands.reattachAnnotation]: (args) => reattachAnnotation(deps, args),
    [Commands.confirmAnnotationPlace]: (args) => confirmAnnotationPlace(deps, args),
    [Commands.undoAnnotationChange]: () => undoAnnotationChange(deps),
  };
}
