import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../base/constants';
import { annotationAt } from '../core/tagging/lookup';
import type { Detection } from '../core/detections/lookup';
import type { DetectionHoverProvider } from '../detections/hover';
import { escapeMarkdown } from '../core/text/markdown';
import { labelExcerpt } from '../core/text/excerpt';
import { commandLink, trustedMarkdown } from '../base/hoverMarkdown';
import type { AnnotationStore } from './store/annotationStore';

const ANNOTATION_COMMANDS = [Commands.editAnnotation, Commands.removeAnnotation, Commands.confirmAnnotationPlace];
const DETECTION_COMMANDS = [Commands.tagSelection, Commands.acceptSuggestion, Commands.rejectSuggestion];

/** Label, note, author and date of the annotation under the cursor, with edit and remove links. */
export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore<vscode.Uri>) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = this.store.get(doc.uri);
    const a = file ? annotationAt(file.annotations, doc.offsetAt(position)) : undefined;
    if (!a) return undefined;
    const md = trustedMarkdown(ANNOTATION_COMMANDS);
    md.appendMarkdown(`**Tag:** ${escapeMarkdown(a.label)}\n\n`);
    const confidence = file?.review.get(a.id);
    if (confidence !== undefined) {
      md.appendMarkdown(
        `⚠ ${escapeMarkdown(vscode.l10n.t('Check its place: found again after the article changed outside the editor, but not surely (confidence {0}): these words occur more than once, or their surroundings changed.', confidence.toFixed(2)))}\n\n`,
      );
    }
    if (a.note) md.appendMarkdown(`**Note:** ${escapeMarkdown(labelExcerpt(a.note, 400))}\n\n`);
    const attributes = Object.entries(a.attributes);
    if (attributes.length > 0) md.appendMarkdown(`${attributes.map(([k, v]) => `**${escapeMarkdown(k)}:** ${escapeMarkdown(String(v))}`).join(' · ')}\n\n`);
    const when = a.modified !== a.created ? vscode.l10n.t('{0}, edited {1}', a.created.slice(0, 10), a.modified.slice(0, 10)) : a.created.slice(0, 10);
    md.appendMarkdown(`${escapeMarkdown(a.author)} · ${escapeMarkdown(when)}`);
    if (file?.problem !== undefined) {
      md.appendMarkdown(`\n\n${escapeMarkdown(vscode.l10n.t('Read-only: {0}', file.problem))}`);
    } else {
      const args = { uri: doc.uri.toString(), id: a.id };
      const confirm = confidence === undefined ? '' : `${commandLink(vscode.l10n.t('Confirm Place'), Commands.confirmAnnotationPlace, args)} · `;
      md.appendMarkdown(`\n\n---\n\n${confirm}${commandLink(vscode.l10n.t('Edit'), Commands.editAnnotation, args)} · ${commandLink(vscode.l10n.t('Remove'), Commands.removeAnnotation, args)}`);
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
  }
}

/** Adds “Tag as… · Accept · Reject” under each detection's hover. */
export function addDetectionActions(hover: DetectionHoverProvider): void {
  hover.addActions(DETECTION_COMMANDS, (doc: vscode.TextDocument, detection: Detection) => {
    const args = { uri: doc.uri.toString(), kind: detection.kind, start: detection.start, end: detection.end };
    return [
      commandLink(vscode.l10n.t('Tag as…'), Commands.tagSelection, { uri: args.uri, start: detection.start, end: detection.end }),
      commandLink(vscode.l10n.t('Accept'), Commands.acceptSuggestion, args),
      commandLink(vscode.l10n.t('Reject'), Commands.rejectSuggestion, args),
    ];
  });
}

export function registerAnnotationHover(store: AnnotationStore<vscode.Uri>): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ language: LANGUAGE_ID }], new AnnotationHoverProvider(store));
}
