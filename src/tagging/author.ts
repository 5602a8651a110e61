import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { ConfigKeys } from '../base/constants';

let gitUserName: Promise<string | undefined> | undefined;

function readGitUserName(cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined));
    } catch {
      resolve(undefined);
    }
  });
}

/** Who a new tag is by: the `sourceAnnotator.author` setting, else git's user.name, else the OS user. */
export async function currentAuthor(): Promise<string> {
  const configured = vscode.workspace.getConfiguration(ConfigKeys.section).get<string>(ConfigKeys.author, '').trim();
  if (configured) return configured;
  const folder = vscode.workspace.workspaceFolders?.[0];
  // Git is run only in a trusted workspace: a program may look for `git` in the folder it runs in
  // (Windows does) before the PATH, and an untrusted folder could hold one.
  if (vscode.workspace.isTrusted) gitUserName ??= readGitUserName(folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
  const fromGit = gitUserName === undefined ? undefined : await gitUserName;
  if (fromGit) return fromGit;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
