// The editor benchmark (npm run bench:editor), in the real VS Code: the extension's activation,
// the bundles it loads on first use, first paint and keystroke-to-repaint on a 5 KB and a 5 MB
// article and a 5 MB archive export (synthetic, test/bench/syntheticArchive.ts). Prints a table; asserts only
// that each measured paint happened. Included only when SOURCE_ANNOTATOR_BENCH is set, so the
// integration suite does not pay for it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { SourceAnnotatorApi } from '../../src/api';
import { LANGUAGE_ID } from '../../src/base/constants';
import { syntheticArchive } from '../bench/syntheticArchive';
import { closeAll, extensionApi, waitFor, workspaceUri } from './support';

const KEYSTROKES = 15;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function seeds(): string[] {
  const dir = workspaceUri('seeds').fsPath;
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8'));
}

function grown(parts: readonly string[], bytes: number): string {
  const out: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const t = parts[i % parts.length] ?? '';
    out.push(t);
    size += t.length + 2;
  }
  return out.join('\n\n');
}

/**
 * Resolves when the highlights of `version` of the document (or a later one) are painted: told by the
 * extension as it paints (no polling, which would add up to its interval to every figure).
 */
function paintOf(api: SourceAnnotatorApi, doc: vscode.TextDocument, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error('timed out waiting for the repaint after a keystroke'));
    }, 120_000);
    const listener = api.onDidPaint((uri) => {
      if (uri.toString() === doc.uri.toString() && (api.shownHighlights(doc.uri)?.version ?? -1) >= version) done();
    });
  });
}

/**
 * With SOURCE_ANNOTATOR_BENCH_PROFILE=DIR, the extension host's CPU profile of each document's
 * keystrokes is written there (`<document>.cpuprofile`, for DevTools or a script): where the host
 * spends a keystroke.
 */
async function startProfile(): Promise<Session | undefined> {
  if (!process.env.SOURCE_ANNOTATOR_BENCH_PROFILE) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session | undefined, name: string): Promise<void> {
  const dir = process.env.SOURCE_ANNOTATOR_BENCH_PROFILE;
  if (!session || !dir) return;
  const { profile } = await session.post('Profiler.stop');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}/${name.replace(/[^\w.-]+/g, '-')}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
}

/** `editAt`: where the keystrokes go (by default two lines below the top of the first screen). */
async function measure(api: SourceAnnotatorApi, name: string, content: string, editAt?: number): Promise<string> {
  const started = performance.now();
  const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const opened = performance.now();
  await waitFor('a first paint', () => api.shownHighlights(doc.uri)?.version === doc.version, 120_000);
  const firstPaint = performance.now();
  await waitFor('the full analysis painted', () => api.shownHighlights(doc.uri)?.exact, 300_000);
  const fullPaint = performance.now();
  let line = Math.min(doc.lineCount - 1, editor.visibleRanges[0]?.start.line ?? 0) + 2;
  if (editAt !== undefined) {
    line = doc.positionAt(editAt).line;
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenter);
  }
  const repaints: number[] = [];
  const busy: number[] = [];
  const profiler = await startProfile();
  for (let i = 0; i < KEYSTROKES; i++) {
    const t0 = performance.now();
    const elu = performance.eventLoopUtilization();
    // One insertion: the document's next version.
    const painted = paintOf(api, doc, doc.version + 1);
    const applied = await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'x'));
    assert.ok(applied);
    await painted;
    repaints.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Up to the next keystroke: what the host does after the paint counts too.
    busy.push(performance.eventLoopUtilization(elu).active);
  }
  // Typing paused: the full analysis (the worker's, for a large document) makes the answer exact.
  const paused = performance.now();
  const pausedElu = performance.eventLoopUtilization();
  await waitFor('the analysis of the final text', () => api.analysisState(doc.uri)?.exact, 300_000);
  const exactAfter = performance.now() - paused;
  const exactBusy = performance.eventLoopUtilization(pausedElu).active;
  await stopProfile(profiler, name);
  await closeAll();
  console.log(`${name}: keystroke to repaint, each in turn: ${repaints.map((r) => r.toFixed(0)).join(' ')} ms`);
  console.log(`${name}: extension host busy from each keystroke to the next (all extensions), each in turn: ${busy.map((r) => r.toFixed(0)).join(' ')} ms`);
  console.log(`${name}: typing paused, the analysis of the final text exact after ${exactAfter.toFixed(0)} ms, the extension host busy ${exactBusy.toFixed(0)} ms of it${process.env.SOURCE_ANNOTATOR_BENCH_PROFILE ? ' (under the CPU profiler: figures not comparable)' : ''}`);
  const ms = (x: number): string => x.toFixed(0);
  return `| ${name} | ${(content.length / (1 << 20)).toFixed(2)} | ${ms(opened - started)} | ${ms(firstPaint - started)} | ${ms(fullPaint - started)} | ${ms(repaints[0] ?? NaN)} | ${ms(median(repaints))} | ${ms(Math.max(...repaints))} | ${ms(median(busy))} |`;
}

/**
 * The first keystrokes in a plain text document that is not an article (none of the extension's
 * features apply): what a fresh window costs on its first edit (the editor starts its tokenizer,
 * editor and language detection workers), apart from anything the extension does.
 */
async function windowFirstKeystrokes(content: string): Promise<string> {
  const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(2, 0), 'x')));
    times.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await closeAll();
  return `window's first keystrokes, plain text that is no article (the editor's own start): ${times.map((t) => t.toFixed(0)).join(' ')} ms`;
}

if (process.env.SOURCE_ANNOTATOR_BENCH) {
  describe('Editor bench', () => {
    it('activation, first paint and keystroke to repaint on 5 KB and 5 MB', async function () {
      this.timeout(1_200_000);
      const api = await extensionApi();
      const parts = seeds();
      const small = parts.find((p) => p.length > 4000 && p.length < 8000) ?? parts[0] ?? '';
      const archive = syntheticArchive(5 << 20);
      const middle = archive.bodies[Math.floor(archive.bodies.length / 2)];
      assert.ok(middle);
      const window = await windowFirstKeystrokes(small);
      const rows = [
        await measure(api, 'article, 5 KB', small),
        await measure(api, 'article, 5 MB', grown(parts, 5 << 20)),
        await measure(api, `archive export, 5 MB (${archive.bodies.length} articles; typing in article ${Math.floor(archive.bodies.length / 2) + 1})`, archive.text, middle.start),
      ];
      const a = api.activation;
      console.log(`\nactivation: extension.js evaluated in ${a.loadMillis.toFixed(1)} ms, VS Code until activate() ${a.hostMillis.toFixed(1)} ms, activate() ${a.activateMillis.toFixed(1)} ms (CPU ${a.activateCpuMillis.toFixed(1)} ms), bundles loaded by activate(): ${a.bundlesAtActivation.length}`);
      console.log(window);
      console.log(`loaded on first use: ${[...api.loadedBundles()].map(([file, ms]) => `${file} ${ms.toFixed(1)} ms`).join(', ')}\n`);
      console.log('| text | MB | open ms | first paint ms | full analysis painted ms | first keystroke to repaint ms | keystroke to repaint, median ms | max ms | extension host busy per keystroke, median ms (all extensions) |\n|---|---|---|---|---|---|---|---|---|');
      for (const row of rows) console.log(row);
    });
  });
}
