import * as vscode from 'vscode';
import { Registrations } from './dispose';

/** A feature's commands: id → handler. */
export type CommandTable = Record<string, (...args: unknown[]) => unknown>;

export function registerCommands(table: CommandTable): vscode.Disposable {
  const r = new Registrations();
  for (const [id, handler] of Object.entries(table)) r.add(vscode.commands.registerCommand(id, handler));
  return r;
}
