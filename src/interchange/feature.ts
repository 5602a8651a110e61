import type * as vscode from 'vscode';
import { registerCommands } from '../base/commandTable';
import { Commands } from '../base/constants';
import { Registrations } from '../base/dispose';
import type { Services } from '../base/services';
import { AnnotatorComparisons, type ComparisonView } from './compare';
import { ConflictProblems } from './conflicts';
import { exportAnnotations } from './exportCommand';
import { importAnnotations } from './importCommand';
import { ExchangeLog } from './report';

/** The exchange features as the API sees them. */
export interface InterchangeFeature extends vscode.Disposable {
  comparison(): ComparisonView | undefined;
  conflictProblems(uri: vscode.Uri): readonly vscode.Diagnostic[];
}

/** Export and import of tags, merge conflicts in sidecars as Problems, and Compare Annotators. */
export function registerInterchange(services: Services): InterchangeFeature {
  const r = new Registrations();
  const log = r.add(new ExchangeLog());
  const conflicts = r.add(new ConflictProblems());
  const comparisons = r.add(new AnnotatorComparisons(services.store, services.drawnElsewhere));
  r.add(
    registerCommands({
      [Commands.exportAnnotations]: (args) => exportAnnotations(services, log, args),
      [Commands.importAnnotations]: (args) => importAnnotations(services, log, args),
      [Commands.resolveConflict]: (args) => conflicts.resolve(args),
      [Commands.compareAnnotators]: (args) => comparisons.start(args),
      [Commands.adoptVersion]: (args) => comparisons.adopt(args),
      [Commands.endComparison]: () => comparisons.end(),
    }),
  );
  return {
    comparison: () => comparisons.view(),
    conflictProblems: (uri) => conflicts.shown(uri),
    dispose: () => r.dispose(),
  };
}
