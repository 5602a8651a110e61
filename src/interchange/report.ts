import * as vscode from 'vscode';
import { Disposable } from '../base/dispose';
import { showInfo, showWarning } from '../base/notify';

/**
 * Where the exchange commands write their per-file details (files written, tags added, problems
 * with their lines); the notification at the end gives the totals and opens this on request.
 */
export class ExchangeLog extends Disposable {
  private channel: vscode.OutputChannel | undefined;

  /** Writes the lines and offers them from a notification headed by `summary`. */
  report(summary: string, lines: readonly string[], problem: boolean): void {
    this.channel ??= this.register(vscode.window.createOutputChannel('Source Annotator: Exchange'));
    this.channel.appendLine(`[${new Date().toLocaleTimeString()}] ${summary}`);
    for (const line of lines) this.channel.appendLine(`  ${line}`);
    const details = vscode.l10n.t('Show Details');
    const shown = problem ? showWarning(summary, details) : showInfo(summary, details);
    void shown.then((choice) => {
      if (choice === details) this.channel?.show(true);
    });
  }
}
