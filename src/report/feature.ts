import * as vscode from 'vscode';
import { Registrations, toDisposable } from '../base/dispose';
import { registerCommands } from '../base/commandTable';
import { Commands } from '../base/constants';
import type { Services } from '../base/services';
import type { ReportPanelHandle } from './reportPanel';
import { ReportPanel, REPORT_VIEW_TYPE } from './reportPanel';
import { IndexReportSource } from './reportSource';

/** The report feature as the API sees it. */
export interface ReportFeature extends vscode.Disposable {
  /** The open report panel, if any. */
  reportPanel(): ReportPanelHandle | undefined;
  /** Draws the report into a panel VS Code restored after a reload, with the state its page kept. */
  restore(restored: vscode.WebviewPanel, state: unknown): ReportPanelHandle;
}

/** `Show Corpus Report`: one panel, for the workspace or the folder chosen in the Explorer. */
export function registerReport(services: Services, extensionUri: vscode.Uri): ReportFeature {
  const r = new Registrations();
  const source = r.add(new IndexReportSource(services.index, services.store));
  let panel: ReportPanel | undefined;
  const show = (scope: unknown): ReportPanelHandle => {
    // From the Explorer the folder comes as a Uri; from the palette or the Sources view, nothing.
    const folder = scope instanceof vscode.Uri ? scope : undefined;
    if (panel) panel.show(folder);
    else panel = new ReportPanel(source, extensionUri, folder, () => (panel = undefined));
    return panel;
  };
  const restore = (restored: vscode.WebviewPanel, state: unknown): ReportPanelHandle => {
    panel?.dispose();
    const made = new ReportPanel(source, extensionUri, restoredScope(state), () => {
      if (panel === made) panel = undefined;
    }, restored);
    panel = made;
    return made;
  };
  r.add(registerCommands({ [Commands.showReport]: show }));
  // After a reload VS Code gives back the panel it had open: the report is drawn into it again,
  // for the folder it covered (kept by the page) when that is still a folder of the workspace.
  r.add(
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: (restored, state: unknown) => {
        restore(restored, state);
        return Promise.resolve();
      },
    }),
  );
  r.add(toDisposable(() => panel?.dispose()));
  return { reportPanel: () => panel, restore, dispose: () => r.dispose() };
}

/** The scope a restored page kept, if it is still inside a workspace folder (state is page data: checked). */
export function restoredScope(state: unknown): vscode.Uri | undefined {
  if (typeof state !== 'object' || state === null || !('scope' in state) || typeof state.scope !== 'string' || state.scope === '') return undefined;
  try {
    const uri = vscode.Uri.parse(state.scope, true);
    return vscode.workspace.getWorkspaceFolder(uri) ? uri : undefined;
  } catch {
    return undefined;
  }
}
