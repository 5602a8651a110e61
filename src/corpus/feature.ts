import * as vscode from 'vscode';
import { Registrations } from '../base/dispose';
import { Commands, Views } from '../base/constants';
import type { Services } from '../base/services';
import { SpeakersTreeProvider, type SpeakerNode } from './speakersView';

/** The corpus feature as the API sees it. */
export interface CorpusFeature extends vscode.Disposable {
  speakerTree(node?: SpeakerNode): Promise<SpeakerNode[]>;
}

/** The Speakers view over the workspace index, and its commands. */
export function registerCorpus(services: Services): CorpusFeature {
  const r = new Registrations();
  const speakers = r.add(new SpeakersTreeProvider(services.index));
  r.add(vscode.window.createTreeView(Views.speakers, { treeDataProvider: speakers, showCollapseAll: true }));
  r.add(vscode.commands.registerCommand(Commands.showSources, () => vscode.commands.executeCommand(`${Views.speakers}.focus`)));
  r.add(vscode.commands.registerCommand(Commands.refreshSources, () => services.index.refresh()));
  return { speakerTree: (node) => speakers.getChildren(node), dispose: () => r.dispose() };
}
