// A 5 MB article in the real editor: analysed off the extension host, typing applied at once while
// the analysis runs, and what is finally painted and outlined is the analysis of the final text;
// the same in a 5 MB archive export (synthetic, test/bench/syntheticArchive.ts), typed in its middle article.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { LANGUAGE_ID } from '../../src/base/constants';
import { analyze } from '../../src/core/analysis/analyze';
import { syntheticArchive } from '../bench/syntheticArchive';
import { closeAll, extensionApi, waitFor, workspaceUri } from './support';

const TARGET_BYTES = 5 * 1024 * 1024;
const TYPED = '“We will rebuild the harbour wall before winter,” said Marta Kowalska, the mayor.\n\n';

/** The seed articles one after another until the text reaches 5 MB (generated here: 5 MB is not committed). */
function fiveMegabyteArticle(): string {
  const dir = workspaceUri('seeds').fsPath;
  const seeds = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const seed = seeds[i % seeds.length] ?? '';
    parts.push(seed);
    size += seed.length + 2;
  }
  return parts.join('\n\n');
}

function rangeKey(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function quoteSymbols(symbols: readonly vscode.DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + (s.kind === vscode.SymbolKind.String ? 1 : 0) + quoteSymbols(s.children), 0);
}

describe('Big files: a 5 MB article', () => {
  let api: SourceAnnotatorApi;
  let editor: vscode.TextEditor;

  before(async function () {
    this.timeout(120_000);
    api = await extensionApi();
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: fiveMegabyteArticle() });
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });

  after(async () => {
    // Reverted, then closed: a dirty untitled 5 MB document must not stay open for the suites after this one.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAll();
  });

  it('types while the full analysis runs: each edit applies at once, the typed quote is painted, and the final paint is the analysis of the final text', async function () {
    this.timeout(600_000);
    const doc = editor.document;
    const uri = doc.uri;
    // The first paint comes at once from the visible part, the whole document being analysed on a worker.
    await waitFor('a first paint', () => api.shownHighlights(uri)?.version === doc.version, 60_000);

    // Typing: a pause after the first words lets a full analysis start; the rest is typed while it runs.
    const versionsSeen: number[] = [];
    const watch = setInterval(() => {
      const shown = api.shownHighlights(uri);
      if (shown) versionsSeen.push(shown.version);
    }, 50);
    try {
      let typedWhileAnalysing = 0;
      for (const [i, ch] of [...TYPED].entries()) {
        if (i === 12) await waitFor('a full analysis running', () => api.analysisState(uri)?.background, 10_000);
        if (api.analysisState(uri)?.background) typedWhileAnalysing++;
        const applied = await editor.edit((b) => b.insert(new vscode.Position(0, i), ch));
        assert.ok(applied);
        assert.ok(doc.getText(new vscode.Range(0, 0, 3, 0)).startsWith(TYPED.slice(0, i + 1)), `keystroke ${i} is in the document`);
      }
      assert.ok(typedWhileAnalysing > 0, 'some keystrokes were typed while a full analysis ran');
      // The quick splice paints the typed quote before the full analysis of this version exists.
      const typedQuote = await waitFor('the typed quote painted', () => {
        const shown = api.shownHighlights(uri);
        return shown?.version === doc.version && shown.quotes.find((r) => r.start.line === 0 && doc.getText(r).startsWith('We will rebuild'));
      }, 30_000);
      assert.ok(typedQuote);

      // Once the worker has caught up, what is painted is exactly the analysis of the final text.
      const final = await waitFor('the full analysis of the final text painted', () => {
        const shown = api.shownHighlights(uri);
        return shown?.version === doc.version && shown.exact && shown.complete ? shown : undefined;
      }, 120_000);
      const text = doc.getText();
      const expected = analyze(text);
      assert.deepEqual(final.quotes.map(rangeKey), expected.quotes.map((q) => rangeKey(new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end)))));
      assert.deepEqual(final.cues.map(rangeKey), expected.cues.map((c) => rangeKey(new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)))));
      // Runs of boilerplate lines are painted as one range each: every line of the analysis lies in one.
      let run = 0;
      for (const n of expected.noise) {
        const start = doc.positionAt(n.start);
        while (run < final.noise.length && (final.noise[run]?.end.isBefore(start) ?? false)) run++;
        assert.ok(final.noise[run]?.contains(new vscode.Range(start, doc.positionAt(n.end))), `boilerplate line ${start.line} is painted`);
      }
      const speaker = api.analysisFor(uri)?.speakers.find((s) => s.name === 'Marta Kowalska');
      assert.ok(speaker, 'the typed speaker is found');

      // The outline is built from the whole analysis of the final text.
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      assert.equal(quoteSymbols(symbols), expected.quotes.length);

      // No older result is painted over the newer one afterwards.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const later = api.shownHighlights(uri);
      assert.equal(later?.version, doc.version);
      assert.ok(later?.exact);
    } finally {
      clearInterval(watch);
    }
    for (let i = 1; i < versionsSeen.length; i++) assert.ok((versionsSeen[i] ?? 0) >= (versionsSeen[i - 1] ?? 0), `painted versions never go back (${versionsSeen[i - 1]} then ${versionsSeen[i]})`);
  });
});

describe('Big files: a 5 MB archive export', () => {
  const QUOTE = '“The ferry will run all winter,” said Ottilie Brandvold.\n\n';

  it('types in the middle article while a full analysis runs: each keystroke is painted from the quick splice, and the final paint is the analysis of the final text', async function () {
    this.timeout(600_000);
    const api = await extensionApi();
    const archive = syntheticArchive(5 << 20);
    const body = archive.bodies[Math.floor(archive.bodies.length / 2)];
    assert.ok(body);
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: archive.text });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    try {
      const uri = doc.uri;
      await waitFor('a first paint', () => api.shownHighlights(uri)?.version === doc.version, 60_000);
      const at = doc.positionAt(body.start);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      const versionsSeen: number[] = [];
      const watch = setInterval(() => versionsSeen.push(api.shownHighlights(uri)?.version ?? 0), 50);
      try {
        // Typed one character at a time while the worker analyses the whole text: the first full
        // analysis of the opened text, or, on a machine fast enough to have finished it already, the
        // one a pause after the first keystroke starts.
        let first = 0;
        if (!api.analysisState(uri)?.background) {
          assert.ok(await editor.edit((b) => b.insert(at, QUOTE.charAt(0))));
          await waitFor('a full analysis after the first keystroke', () => api.analysisState(uri)?.background === true, 60_000);
          first = 1;
        }
        let typedWhileAnalysing = 0;
        for (const [i, ch] of [...QUOTE].entries()) {
          if (i < first) continue;
          if (api.analysisState(uri)?.background) typedWhileAnalysing++;
          assert.ok(await editor.edit((b) => b.insert(at.translate(0, i), ch)));
          if (i % 10 === 9) await waitFor('a repaint after typing', () => api.shownHighlights(uri)?.version === doc.version, 60_000);
        }
        assert.ok(typedWhileAnalysing > 0, 'some keystrokes were typed while a full analysis ran');
        const typed = await waitFor('the typed quote painted', () => {
          const shown = api.shownHighlights(uri);
          return shown?.version === doc.version && shown.quotes.find((r) => r.start.line === at.line && doc.getText(r).startsWith('The ferry'));
        }, 60_000);
        assert.ok(typed);

        const final = await waitFor('the full analysis of the final text painted', () => {
          const shown = api.shownHighlights(uri);
          return shown?.version === doc.version && shown.exact && shown.complete ? shown : undefined;
        }, 300_000);
        const text = doc.getText();
        const expected = analyze(text);
        const asRange = (s: { start: number; end: number }): string => rangeKey(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
        assert.deepEqual(final.quotes.map(rangeKey), expected.quotes.map(asRange));
        assert.deepEqual(final.cues.map(rangeKey), expected.cues.map(asRange));
        assert.deepEqual(final.speakers.map(rangeKey), expected.speakers.flatMap((s) => s.mentions).sort((a, b) => a.start - b.start).map(asRange));
        const plain = (a: unknown): unknown => JSON.parse(JSON.stringify(a));
        assert.deepEqual(plain(api.analysisFor(uri)), plain(expected));

        // The outline lists every article; the middle one holds the typed speaker.
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
        assert.equal(symbols.length, archive.bodies.length);
        const middle = symbols.find((s) => s.range.contains(at));
        assert.ok(middle?.children.some((s) => s.name === 'Ottilie Brandvold'), 'the typed speaker is outlined in the middle article');
        // A large export's outline counts each speaker's quotes instead of listing them (tens of thousands of symbols).
        const speakers = symbols.flatMap((a) => a.children);
        assert.ok(speakers.every((s) => s.children.length === 0 && /^\d+ quotes?$/.test(s.detail)), 'speakers carry a count of their quotes, no quote symbols');
      } finally {
        clearInterval(watch);
      }
      for (let i = 1; i < versionsSeen.length; i++) assert.ok((versionsSeen[i] ?? 0) >= (versionsSeen[i - 1] ?? 0), `painted versions never go back (${versionsSeen[i - 1]} then ${versionsSeen[i]})`);
    } finally {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await closeAll();
    }
  });
});

describe('Big files: a 2 MB article without a line break', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAll();
  });

  it('paints its visible part first without analysing the whole line on the extension host, then all of it', async function () {
    this.timeout(240_000);
    const api = await extensionApi();
    const sentence = 'The “ceasefire” would mean surrender, Ilona Varga said on Friday. ';
    const content = sentence.repeat(Math.ceil(2_000_000 / sentence.length));
    const paints: { complete: boolean; lastQuote: number }[] = [];
    let uri: vscode.Uri | undefined;
    const listener = api.onDidPaint((painted) => {
      const shown = painted.toString() === uri?.toString() ? api.shownHighlights(painted) : undefined;
      if (shown) paints.push({ complete: shown.complete, lastQuote: Math.max(0, ...shown.quotes.map((r) => r.end.character)) });
    });
    try {
      const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
      uri = doc.uri;
      await vscode.window.showTextDocument(doc, { preview: false });
      await waitFor('the whole line painted', () => paints.find((p) => p.complete), 180_000);
      const first = paints[0];
      assert.ok(first && !first.complete, 'the first paint is the visible part');
      assert.ok(first.lastQuote > 0 && first.lastQuote <= 70_000, `the first paint reached character ${first.lastQuote} of ${content.length}`);
      const whole = paints.find((p) => p.complete);
      assert.ok(whole && whole.lastQuote > content.length - 200, `the complete paint reaches the end (${whole?.lastQuote})`);
    } finally {
      listener.dispose();
    }
  });
});
