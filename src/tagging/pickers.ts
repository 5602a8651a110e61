import * as vscode from 'vscode';
import type { AnalysisCache } from '../detections/analysisCache';
import type { Label } from '../core/annotations/labels/labelConfig';
import type { Annotation } from '../core/annotations/model/types';
import { detectionAt, detectionsOf, type Detection } from '../core/detections/lookup';
import { annotationAt } from '../core/tagging/lookup';
import { labelExcerpt } from '../core/text/excerpt';
import type { AnnotationStore } from './store/annotationStore';
import { showInfo } from '../base/notify';

/** A detection named by a hover link or a script: `{uri, kind, start, end}`, or `{kind, all: true}`. */
export interface DetectionArguments {
  readonly uri?: string;
  readonly kind?: Detection['kind'];
  readonly start?: number;
  readonly end?: number;
  readonly all?: boolean;
}

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

interface LabelItem extends vscode.QuickPickItem {
  readonly name: string;
}

/** A quick pick of labels; typing a label's key picks it at once. */
export function pickLabel(labels: readonly Label[], title: string, current?: string): Promise<Label | undefined> {
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

/** The note of a tag: undefined for none, null when the person cancelled. */
export async function askNote(value?: string): Promise<string | null | undefined> {
  const note = await vscode.window.showInputBox({
    title: vscode.l10n.t('Note (optional)'),
    prompt: vscode.l10n.t('Press Enter to save the tag; leave empty for no note.'),
    value: value ?? '',
  });
  if (note === undefined) return null;
  return note.trim() === '' ? undefined : note;
}

/** The detections named by the arguments, else the one under the cursor, else all of a kind picked from a list. */
export async function chooseDetections(cache: AnalysisCache, editor: vscode.TextEditor, args: unknown, verb: string): Promise<Detection[] | undefined> {
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
}

/** Picks one of the annotations from a list; undefined when cancelled. */
export async function pickAnnotation(annotations: readonly Annotation[], title: string): Promise<Annotation | undefined> {
  const picked = await vscode.window.showQuickPick(
    annotations.map((a) => ({ label: a.label, description: `“${labelExcerpt(a.text, 60)}”`, detail: a.note, annotation: a })),
    { title },
  );
  return picked?.annotation;
}

/** The annotation named by the arguments, else the one under the cursor, else one picked from the file's. */
export async function chooseAnnotation(store: AnnotationStore<vscode.Uri>, editor: vscode.TextEditor, args: unknown, filter: (a: Annotation) => boolean): Promise<Annotation | undefined> {
  const file = await store.load(editor.document);
  const annotations = (file?.annotations ?? []).filter(filter);
  if (isObject(args) && typeof args['id'] === 'string') return annotations.find((a) => a.id === args['id']);
  const under = annotationAt(annotations, editor.document.offsetAt(editor.selection.active));
  if (under) return under;
  if (annotations.length === 0) {
    void showInfo(vscode.l10n.t('This article has no such annotation.'));
    return undefined;
  }
  return pickAnnotation(annotations, vscode.l10n.t('Which annotation?'));
}
