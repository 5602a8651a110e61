import * as vscode from 'vscode';
import { ConfigKeys } from './constants';
import { DEFAULT_ARTICLE_EXCLUDE } from '../core/articles/defaultExclusions';

/** Typed view of the extension's settings; read fresh each time so changes apply at once. */
export interface HighlightSettings {
  readonly enabled: boolean;
  readonly quotes: boolean;
  readonly speakers: boolean;
  readonly cues: boolean;
  readonly boilerplate: boolean;
  readonly debounceMs: number;
}

export function readHighlightSettings(scope?: vscode.Uri): HighlightSettings {
  const c = vscode.workspace.getConfiguration(ConfigKeys.section, scope);
  return {
    enabled: c.get<boolean>(ConfigKeys.highlightsEnabled, true),
    quotes: c.get<boolean>(ConfigKeys.highlightQuotes, true),
    speakers: c.get<boolean>(ConfigKeys.highlightSpeakers, true),
    cues: c.get<boolean>(ConfigKeys.highlightCues, true),
    boilerplate: c.get<boolean>(ConfigKeys.highlightBoilerplate, true),
    debounceMs: Math.max(0, c.get<number>(ConfigKeys.debounceMs, 100)),
  };
}

export interface ArticleFileSettings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export function readArticleFileSettings(scope?: vscode.Uri): ArticleFileSettings {
  const c = vscode.workspace.getConfiguration(ConfigKeys.section, scope);
  return {
    include: c.get<string[]>(ConfigKeys.articleFiles, ['**/*.txt']),
    exclude: c.get<string[]>(ConfigKeys.articleExclude, [...DEFAULT_ARTICLE_EXCLUDE]),
  };
}

export function affectsHighlights(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${ConfigKeys.section}.highlights`);
}

/** The user's separator between articles of an archive export; '' when none is set. */
export function readArchiveSeparator(scope?: vscode.Uri): string {
  return vscode.workspace.getConfiguration(ConfigKeys.section, scope).get<string>(ConfigKeys.archiveSeparator, '').trim();
}
