import type * as vscode from 'vscode';
import { registerCommands } from '../base/commandTable';
import { Registrations } from '../base/dispose';
import type { Services } from '../base/services';
import { articleCommands } from './commands';
import { registerArticleLanguage } from './language';

/** Which files are articles (their language), Show Article Info, and the clean-text commands. */
export function registerArticles(services: Services): vscode.Disposable {
  const r = new Registrations();
  r.add(registerArticleLanguage());
  r.add(registerCommands(articleCommands(services.cache)));
  return r;
}
