import * as vscode from 'vscode';
import { readArchiveSeparator } from '../base/config';
import { ConfigKeys } from '../base/constants';
import type { AnalyzeOptions } from '../core/analysis/archive';
import { engine } from '../base/lazyBundles';
import { showWarning } from '../base/notify';

/**
 * The `sourceAnnotator.archive.separator` setting as analysis options. A pattern is compiled once
 * per text of the setting; a refused one is warned about once and ignored, so a typo in a setting
 * never stops the articles from being analysed.
 */
export class ArchiveSeparatorSetting {
  private readonly compiled = new Map<string, AnalyzeOptions>();

  optionsFor(uri: vscode.Uri): AnalyzeOptions {
    const source = readArchiveSeparator(uri);
    if (source === '') return {};
    let options = this.compiled.get(source);
    if (!options) {
      const result = engine().compileSeparatorPattern(source);
      if (result.ok) options = { separator: result.pattern };
      else {
        options = {};
        void showWarning(vscode.l10n.t('Source Annotator: {0}. Check the setting {1}.', result.message, `${ConfigKeys.section}.${ConfigKeys.archiveSeparator}`));
      }
      this.compiled.set(source, options);
    }
    return options;
  }
}

export function affectsArchiveSeparator(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${ConfigKeys.section}.${ConfigKeys.archiveSeparator}`);
}
