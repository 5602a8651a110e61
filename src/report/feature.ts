import * as vscode from 'vscode';
import { Registrations, toDisposable } from '../base/dispose';
import { registerCommands } from '../base/commandTable';
import { Commands } from '../base/constants';
import type { Services } from '../base/services';
import type { ReportPanelHandle } from './reportPanel';
import { ReportPanel } from './reportPanel';
import { IndexReportSource } from './reportSource';

/** The report feature as the API sees it. */
export interface ReportFeature extends vscode.Disposable {
  /** The open report panel, if any. */
  reportPanel(): ReportPanelHandle | undefined;
}

/** `Show Corpus Report`: one panel, for the workspace or the folder chosen in the Explorer. */
export function registerReport(services: Services, extensionUri: vscode.Uri): ReportFeature {
  const r = new Registrations();
  const source = new IndexReportSource(services.index);
  let panel: ReportPanel | undefined;
  const show = (scope: unknown): ReportPanelHandle => {
    // From the Explorer the folder comes as a Uri; from the palette or the Sources view, nothing.
    const folder = scope instanceof vscode.Uri ? scope : undefined;
    if (panel) panel.show(folder);
    else panel = new ReportPanel(source, extensionUri, folder, () => (panel = undefined));
    return panel;
  };
  r.add(registerCommands({ [Commands.showReport]: show }));
  r.add(toDisposable(() => panel?.dispose()));
  return { reportPanel: () => panel, dispose: () => r.dispose() };
}
