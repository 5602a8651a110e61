import * as vscode from 'vscode';

/** A one-character problem at a 1-based line and column, from Source Annotator. */
export function lineDiagnostic(line: number, column: number, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const at = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), message, severity);
  d.source = 'Source Annotator';
  return d;
}
