import * as vscode from 'vscode';
import type { AnalysisCache } from '../detections/analysisCache';
import { isArticleDocument } from '../articles/language';
import { Commands } from '../base/constants';
import { anchorAt } from '../core/annotations/anchoring/capture';
import { createAnnotation, createRejection } from '../core/annotations/model/create';
import type { Label } from '../core/annotations/labels/labelConfig';
import type { Annotation, AttributeValue } from '../core/annotations/model/types';
import { annotationAt, detectionAt, detectionsOf, sentenceAt, type Detection } from '../core/tagging/targets';
import { excerpt } from '../core/text/markdown';
import { currentAuthor } from './author';
import type { LabelRegistry } from './labelRegistry';
import type { AnnotationStore } from './store';

/** Arguments of `sourceAnnotator.tagSelection` for scripts and keybindings: tags without any UI. */
export interface TagArguments {
  readonly label: string;
  readonly note?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** A detection named by a hover link or a script: `{uri, kind, start, end}`, or `{kind, all: true}`. */
interface DetectionArguments {
  readonly uri?: string;
  readonly kind?: Detection['kind'];
  readonly start?: number;
  readonly end?: number;
  readonly all?: boolean;
}

interface AnnotationArguments {
  readonly uri?: string;
  readonly id?: string;
  readonly label?: string;
  readonly note?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function now(): string {
  return new Date().toISOString();
}

function report(err: unknown): undefined {
  void vscode.window.showErrorMessage(err instanceof Error ? err.message : String(err));
  return undefined;
}

/** The `uri` a hover link or script passed, if any. */
function uriArgument(args: unknown): string | undefined {
  return isObject(args) && typeof args['uri'] === 'string' ? args['uri'] : undefined;
}

async function articleEditor(uri?: string): Promise<vscode.TextEditor | undefined> {
  if (uri) {
    const target = vscode.Uri.parse(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
    return visible ?? vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
  }
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticleDocument(editor.document)) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open an article (a .txt file of the workspace) first.'));
  return undefined;
}

/** Where each selection's tag goes; an empty selection takes the quote, sentence or line under it. */
function tagRanges(editor: vscode.TextEditor, cache: AnalysisCache): { start: number; end: number; what: string }[] {
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

interface LabelItem extends vscode.QuickPickItem {
  readonly name: string;
}

/** A quick pick of labels; typing a label's key picks it at once. */
function pickLabel(labels: readonly Label[], title: string, current?: string): Promise<Label | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<LabelItem>();
    pick.title = title;
    pick.placeholder = vscode.l10n.t('Type a label’s key to pick it at once, or filter by name');
    pick.items = labels.map((l) => ({ name: l.name, label: l.key ? `${l.key}  ${l.name}` : l.name, description: l.description ?? '', alwaysShow: false }));
    const active = pick.items.find((i) => i.name === current);
    if (active) pick.activeItems = [active];
    let done = false;
    const finish = (label: Label | undefined): void => {
      if (done) return;
      done = true;
      resolve(label);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      const byKey = value.length === 1 ? labels.find((l) => l.key === value) : undefined;
      if (byKey) finish(byKey);
    });
    pick.onDidAccept(() => finish(labels.find((l) => l.name === pick.selectedItems[0]?.name)));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

async function askNote(value?: string): Promise<string | null | undefined> {
  const note = await vscode.window.showInputBox({
    title: vscode.l10n.t('Note (optional)'),
    prompt: vscode.l10n.t('Press Enter to save the tag; leave empty for no note.'),
    value: value ?? '',
  });
  if (note === undefined) return null;
  return note.trim() === '' ? undefined : note;
}

export interface TaggingDeps {
  readonly store: AnnotationStore;
  readonly cache: AnalysisCache;
  readonly labels: LabelRegistry;
}

export function registerTaggingCommands(context: vscode.ExtensionContext, deps: TaggingDeps): void {
  const { store, cache, labels } = deps;

  const tagSelection = async (args?: unknown): Promise<string[] | undefined> => {
    const editor = await articleEditor(uriArgument(args));
    if (!editor) return undefined;
    const doc = editor.document;
    if (isObject(args) && typeof args['start'] === 'number' && typeof args['end'] === 'number') {
      editor.selection = new vscode.Selection(doc.positionAt(args['start']), doc.positionAt(args['end']));
    }
    const ranges = tagRanges(editor, cache);
    await labels.ready;
    let label: Label | undefined;
    let note: string | undefined;
    let attributes: Readonly<Record<string, AttributeValue>> = {};
    if (isObject(args) && typeof args['label'] === 'string') {
      label = labels.find(args['label']);
      if (!label) return report(new Error(vscode.l10n.t('There is no label “{0}”. Labels: {1}.', args['label'], labels.labels.map((l) => l.name).join(', '))));
      note = typeof args['note'] === 'string' ? args['note'] : undefined;
      attributes = isObject(args['attributes']) ? (args['attributes'] as Record<string, AttributeValue>) : {};
    } else {
      const what = ranges.length === 1 ? vscode.l10n.t('Tag the {0}', ranges[0]?.what ?? '') : vscode.l10n.t('Tag {0} passages', ranges.length);
      const first = ranges[0];
      const title = first ? `${what}: “${excerpt(doc.getText().slice(first.start, first.end), 50)}”` : what;
      label = await pickLabel(labels.labels, title);
      if (!label) return undefined;
      const answer = await askNote();
      if (answer === null) return undefined;
      note = answer;
    }
    const author = await currentAuthor();
    const time = now();
    const text = doc.getText();
    const analysis = cache.get(doc);
    const created = ranges
      .filter((r) => r.end > r.start)
      .map((r) => {
        // A quote tag on a detected quote keeps the detected speaker unless one was given.
        const detected = detectionsOf(analysis, 'quote').find((d) => d.start === r.start && d.end === r.end);
        const attrs = label?.name === 'quote' && detected && attributes['speaker'] === undefined ? { ...detected.attributes, ...attributes } : attributes;
        return createAnnotation(text, { label: label?.name ?? '', start: r.start, end: r.end, author, now: time, attributes: attrs, ...(note === undefined ? {} : { note }) });
      });
    if (created.length === 0) return report(new Error(vscode.l10n.t('Nothing to tag here: select some text.')));
    try {
      await store.update(doc, (s) => ({ ...s, annotations: [...s.annotations, ...created] }));
    } catch (err) {
      return report(err);
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged {0} as {1}.', created.length === 1 ? vscode.l10n.t('1 passage') : vscode.l10n.t('{0} passages', created.length), label.name), 3000);
    return created.map((a) => a.id);
  };

  const chooseDetections = async (editor: vscode.TextEditor, args: unknown, verb: string): Promise<Detection[] | undefined> => {
    const doc = editor.document;
    const analysis = cache.get(doc);
    if (isObject(args)) {
      const a = args as DetectionArguments;
      if (a.all && a.kind) return detectionsOf(analysis, a.kind);
      if (typeof a.start === 'number' && typeof a.end === 'number') {
        const found = detectionsOf(analysis, a.kind).find((d) => d.start === a.start && d.end === a.end);
        return found ? [found] : [];
      }
    }
    const under = detectionAt(analysis, doc.offsetAt(editor.selection.active));
    if (under) return [under];
    const kinds: { detection: Detection['kind']; label: string }[] = [
      { detection: 'quote', label: vscode.l10n.t('All quotes') },
      { detection: 'speaker', label: vscode.l10n.t('All speaker mentions') },
      { detection: 'cue', label: vscode.l10n.t('All cues') },
      { detection: 'noise', label: vscode.l10n.t('All boilerplate lines') },
    ];
    const picked = await vscode.window.showQuickPick(
      kinds.map((k) => ({ ...k, description: String(detectionsOf(analysis, k.detection).length) })),
      { title: vscode.l10n.t('{0} which detections of this article?', verb) },
    );
    return picked ? detectionsOf(analysis, picked.detection) : undefined;
  };

  /** The article and the detections an accept or reject command works on; undefined when cancelled or none. */
  const targetDetections = async (args: unknown, verb: string, none: string): Promise<{ doc: vscode.TextDocument; detections: Detection[] } | undefined> => {
    const editor = await articleEditor(uriArgument(args));
    if (!editor) return undefined;
    const detections = await chooseDetections(editor, args, verb);
    if (!detections) return undefined;
    if (detections.length === 0) return report(new Error(none));
    return { doc: editor.document, detections };
  };

  const acceptSuggestion = async (args?: unknown): Promise<string[] | undefined> => {
    const target = await targetDetections(args, vscode.l10n.t('Accept'), vscode.l10n.t('There is no detection here to accept.'));
    if (!target) return undefined;
    const { doc, detections } = target;
    const text = doc.getText();
    const author = await currentAuthor();
    const time = now();
    let ids: string[] = [];
    try {
      await store.update(doc, (s) => {
        const exists = (d: Detection): boolean => s.annotations.some((a) => a.status === 'active' && a.label === d.label && a.start === d.start && a.end === d.end);
        const created = detections.filter((d) => !exists(d)).map((d) => createAnnotation(text, { label: d.label, start: d.start, end: d.end, author, now: time, attributes: d.attributes }));
        ids = created.map((a) => a.id);
        return { ...s, annotations: [...s.annotations, ...created] };
      });
    } catch (err) {
      return report(err);
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('Accepted {0} detection(s) as annotations.', ids.length), 3000);
    return ids;
  };

  const rejectSuggestion = async (args?: unknown): Promise<string[] | undefined> => {
    const target = await targetDetections(args, vscode.l10n.t('Reject'), vscode.l10n.t('There is no detection here to reject.'));
    if (!target) return undefined;
    const { doc, detections } = target;
    const text = doc.getText();
    const author = await currentAuthor();
    const time = now();
    const created = detections.map((d) => createRejection(text, { kind: d.kind, start: d.start, end: d.end, author, now: time }));
    try {
      await store.update(doc, (s) => ({ ...s, rejections: [...s.rejections, ...created] }));
    } catch (err) {
      return report(err);
    }
    return created.map((r) => r.id);
  };

  /** The annotation named by the arguments, else the one under the cursor, else one picked from the file's. */
  const chooseAnnotation = async (editor: vscode.TextEditor, args: unknown, filter: (a: Annotation) => boolean): Promise<Annotation | undefined> => {
    const file = await store.load(editor.document);
    const annotations = (file?.annotations ?? []).filter(filter);
    if (isObject(args) && typeof args['id'] === 'string') return annotations.find((a) => a.id === args['id']);
    const under = annotationAt(annotations, editor.document.offsetAt(editor.selection.active));
    if (under) return under;
    if (annotations.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This article has no such annotation.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      annotations.map((a) => ({ label: a.label, description: `“${excerpt(a.text, 60)}”`, detail: a.note, annotation: a })),
      { title: vscode.l10n.t('Which annotation?') },
    );
    return picked?.annotation;
  };

  const editAnnotation = async (args?: unknown): Promise<string | undefined> => {
    const a = (isObject(args) ? args : {}) as AnnotationArguments;
    const editor = await articleEditor(a.uri);
    if (!editor) return undefined;
    const target = await chooseAnnotation(editor, args, (x) => x.status !== 'rejected');
    if (!target) return undefined;
    await labels.ready;
    let label = a.label;
    let note: string | undefined = a.note ?? target.note;
    if (a.label === undefined && a.note === undefined && a.attributes === undefined) {
      const picked = await pickLabel(labels.labels, vscode.l10n.t('Edit the {0} tag: “{1}”', target.label, excerpt(target.text, 50)), target.label);
      if (!picked) return undefined;
      label = picked.name;
      const answer = await askNote(target.note);
      if (answer === null) return undefined;
      note = answer;
    }
    if (label !== undefined && !labels.find(label)) return report(new Error(vscode.l10n.t('There is no label “{0}”.', label)));
    try {
      await store.update(editor.document, (s) => ({
        ...s,
        annotations: s.annotations.map((x) => {
          if (x.id !== target.id) return x;
          const updated = { ...x, label: label ?? x.label, attributes: a.attributes ?? x.attributes, modified: now() };
          if (note === undefined) delete (updated as { note?: string }).note;
          else (updated as { note?: string }).note = note;
          return updated;
        }),
      }));
    } catch (err) {
      return report(err);
    }
    return target.id;
  };

  const removeAnnotation = async (args?: unknown): Promise<string | undefined> => {
    const a = (isObject(args) ? args : {}) as AnnotationArguments;
    const editor = await articleEditor(a.uri);
    if (!editor) return undefined;
    const target = await chooseAnnotation(editor, args, () => true);
    if (!target) return undefined;
    try {
      await store.update(editor.document, (s) => ({ ...s, annotations: s.annotations.filter((x) => x.id !== target.id) }));
    } catch (err) {
      return report(err);
    }
    vscode.window.setStatusBarMessage(vscode.l10n.t('Removed the {0} tag. Undo with “Source Annotator: Undo Last Annotation Change”.', target.label), 4000);
    return target.id;
  };

  const reattachAnnotation = async (args?: unknown): Promise<string | undefined> => {
    const a = (isObject(args) ? args : {}) as AnnotationArguments;
    const editor = await articleEditor(a.uri);
    if (!editor) return undefined;
    if (editor.selection.isEmpty) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage the orphaned annotation belongs to, then run this command again.'));
      return undefined;
    }
    const file = await store.load(editor.document);
    const orphans = (file?.annotations ?? []).filter((x) => x.status === 'orphaned');
    let target = typeof a.id === 'string' ? orphans.find((x) => x.id === a.id) : orphans.length === 1 ? orphans[0] : undefined;
    if (!target && typeof a.id !== 'string') {
      const picked = await vscode.window.showQuickPick(
        orphans.map((x) => ({ label: x.label, description: `“${excerpt(x.text, 60)}”`, detail: x.note, annotation: x })),
        { title: vscode.l10n.t('Attach which orphaned annotation to the selection?') },
      );
      target = picked?.annotation;
    }
    if (!target) {
      if (orphans.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('This article has no orphaned annotations.'));
      return undefined;
    }
    const doc = editor.document;
    const anchor = anchorAt(doc.getText(), doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end));
    const id = target.id;
    try {
      await store.update(doc, (s) => ({ ...s, annotations: s.annotations.map((x) => (x.id === id ? { ...x, ...anchor, status: 'active', modified: now() } : x)) }));
    } catch (err) {
      return report(err);
    }
    return id;
  };

  const undo = async (): Promise<boolean> => {
    const editor = await articleEditor();
    if (!editor) return false;
    const undone = await store.undo(editor.document);
    if (!undone) void vscode.window.showInformationMessage(vscode.l10n.t('No annotation change to undo in this article.'));
    return undone;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.tagSelection, tagSelection),
    vscode.commands.registerCommand(Commands.acceptSuggestion, acceptSuggestion),
    vscode.commands.registerCommand(Commands.rejectSuggestion, rejectSuggestion),
    vscode.commands.registerCommand(Commands.editAnnotation, editAnnotation),
    vscode.commands.registerCommand(Commands.removeAnnotation, removeAnnotation),
    vscode.commands.registerCommand(Commands.reattachAnnotation, reattachAnnotation),
    vscode.commands.registerCommand(Commands.undoAnnotationChange, undo),
  );
}
