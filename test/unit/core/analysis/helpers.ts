// Shared helpers of the analysis tests: read spans back as text, locate the fixture workspace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Analysis, SpeakerMention } from '../../../../src/core/analysis/types';
import { analyze } from '../../../../src/core/analysis/analyze';

export function quoteTexts(text: string): string[] {
  return analyze(text).quotes.map((q) => text.slice(q.start, q.end));
}

export function speakerOf(a: Analysis, quoteStart: string, text: string): string | null {
  const q = a.quotes.find((x) => text.slice(x.start, x.end).startsWith(quoteStart));
  if (!q || !q.speakerId) return null;
  return a.speakers.find((s) => s.id === q.speakerId)?.name ?? null;
}

/** The name a mention was read from: its head inside a longer phrase ("Jeff Weaver" of "Jeff Weaver, a spokesman,"), else its text. */
export function mentionName(m: SpeakerMention | null | undefined): string | undefined {
  return m ? (m.head ?? m.text) : undefined;
}

/** The repository root: the nearest folder above whose package.json is this project's. */
export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      const name = (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name;
      if (name === 'source-annotator') return dir;
    }
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export function seedText(file: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'seeds', file), 'utf8');
}
