import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { escapeHtml } from '../core/report/html';

/** The folder the report's webview may load from, and nothing else. */
export function reportMediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media', 'report');
}

/**
 * The webview page around the report's body: a strict Content Security Policy (nothing but the
 * extension's own stylesheet, and its script with this page's nonce; no inline script, no eval).
 */
export function reportWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, body: string, scope?: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const media = reportMediaRoot(extensionUri);
  const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}'`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(css)}">
</head><body class="report-webview" data-scope="${escapeHtml(scope?.toString() ?? '')}">${body}<script nonce="${nonce}" src="${escapeHtml(script)}"></script></body></html>`;
}

/** The options every report webview is created (or restored) with. */
export function reportWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [reportMediaRoot(extensionUri)] };
}
