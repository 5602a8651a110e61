import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/text/markdown';

/** A command link; `args` are JSON-encoded as VS Code expects. */
export function commandLink(label: string, command: string, args: unknown): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** A hover body that may run only the listed commands and renders no HTML. */
export function trustedMarkdown(enabledCommands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = { enabledCommands: [...enabledCommands] };
  md.supportHtml = false;
  return md;
}
