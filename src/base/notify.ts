// Notifications of the extension. Its own messages hold no link, but they carry names of files,
// values read from sidecars and settings, and error messages: every notification goes through
// here, made link-free (src/core/text/linkFree.ts), so that none of those can run a command.
import * as vscode from 'vscode';
import { withoutLinks } from '../core/text/linkFree';

export { withoutLinks };

export function showInfo<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(withoutLinks(message), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(withoutLinks(message), ...items);
}

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(withoutLinks(message), ...items);
}
