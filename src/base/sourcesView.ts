import * as vscode from 'vscode';
import { Commands, Views } from './constants';
import type { WorkspaceIndex } from '../corpus/workspaceIndex';
import { AnnotationsTreeProvider } from '../tagging/annotationsTree';
import { SpeakersTreeProvider } from '../corpus/speakersView';

/** The Sources view container: the workspace's speakers, and the active article's annotations. */
export interface SourcesViews {
  readonly speakers: SpeakersTreeProvider;
  readonly annotations: AnnotationsTreeProvider;
}

export function registerSourcesView(context: vscode.ExtensionContext, index: WorkspaceIndex): SourcesViews {
  const speakers = new SpeakersTreeProvider(index);
  const annotations = new AnnotationsTreeProvider();
  context.subscriptions.push(
    speakers,
    annotations,
    vscode.window.createTreeView(Views.speakers, { treeDataProvider: speakers, showCollapseAll: true }),
    vscode.window.createTreeView(Views.annotations, { treeDataProvider: annotations }),
    vscode.commands.registerCommand(Commands.showSources, () => vscode.commands.executeCommand(`${Views.speakers}.focus`)),
    vscode.commands.registerCommand(Commands.refreshSources, () => speakers.refresh()),
  );
  return { speakers, annotations };
}
