// One article of the corpus index, as a worker thread handles it: read the file and its sidecar
// (or take the text the host sent for a file outside the local disk), hash both, and when the hash
// differs from the one the index knows, analyse, drop the detections the sidecar rejects and
// summarise. No vscode import: this runs in worker threads and in plain-Node tests.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { FileTooLargeError, NotRegularFileError, readRegularFile, readYamlFile } from '../base/regularFile';
import { analyze } from '../core/analysis/analyze';
import { loadAnnotations } from '../core/annotations/sidecar/load';
import { separatorOptions } from '../core/archive/separatorPattern';
import { parseSidecar } from '../core/annotations/sidecar/parse';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import { rejectedKeys, withoutRejected } from '../core/detections/rejections';
import type { ArticleSummary } from '../core/corpus/summary';
import { summariseArticle } from '../core/corpus/summary';
import { textSha256 } from '../tagging/store/textHash';
import { MAX_INDEXED_FILE_BYTES, tooLargeToIndex } from './indexLimits';

export interface IndexTask {
  /** The article's key in the index (its URI as a string). */
  readonly key: string;
  readonly folder: string;
  /** A local path the worker reads, with the sidecar beside it… */
  readonly file?: string;
  /** …or the texts the host read (virtual and remote file systems). */
  readonly text?: string;
  readonly sidecar?: string;
  /** The hash of the version the index holds: when it is still the same, nothing is analysed. */
  readonly knownHash?: string;
  /** The `sourceAnnotator.archive.separator` pattern for this file, as set (empty: none). */
  readonly separator?: string;
  /** Files larger are not read (default `MAX_INDEXED_FILE_BYTES`). */
  readonly maxBytes?: number;
}

export type IndexResult =
  | {
      readonly key: string;
      readonly ok: true;
      readonly hash: string;
      readonly summary: ArticleSummary | null;
      /** A file of the local disk: its device and inode, which two paths to it (a link) share. */
      readonly identity?: string;
    }
  | {
      readonly key: string;
      readonly ok: false;
      /** Why, in words (the list of files not indexed shows it). */
      readonly error: string;
      /** The worker itself failed (out of memory, crashed): it is replaced. */
      readonly workerLost?: true;
      /** The file is gone (deleted or renamed since it was queued): nothing to list as not indexed. */
      readonly gone?: true;
    };

/**
 * The sidecar's text; undefined when there is none, or when it cannot be a sidecar (a FIFO, a folder,
 * a file over a sidecar's bound): it then hides nothing, as a malformed one, and opening the article
 * reports it. A FIFO is never waited on.
 */
function readSidecarIfUsable(file: string): string | undefined {
  try {
    return readYamlFile(file);
  } catch (e) {
    if (e instanceof NotRegularFileError || (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** The hash an index entry is keyed by: the article's text and its sidecar's, as read, and the separator that cut it into articles. */
export function articleHash(text: string, sidecar: string | undefined, separator = ''): string {
  const hash = createHash('sha256').update(text, 'utf8').update('\u0000').update(sidecar ?? '', 'utf8');
  // Without a separator the hash is the same as before separators existed, so saved indexes stay valid.
  if (separator !== '') hash.update('\u0000').update(separator, 'utf8');
  return hash.digest('hex');
}

/** The summary of the article as the editor would show it: detections rejected in its sidecar left out. */
export function summariseShown(key: string, folder: string, text: string, sidecar: string | undefined, separator?: string): ArticleSummary {
  let analysis = analyze(text, separatorOptions(separator));
  if (sidecar !== undefined && sidecar.trim() !== '') {
    const parsed = parseSidecar(sidecar);
    // A malformed sidecar hides nothing, as in the editor; opening the article reports it.
    if (parsed.ok) analysis = withoutRejected(analysis, rejectedKeys(loadAnnotations(parsed.sidecar, text, textSha256(text)).set.rejections));
  }
  return summariseArticle(text, analysis, { path: key, folder });
}

function fileIdentity(file: string): string | undefined {
  try {
    const stats = fs.statSync(file, { bigint: true });
    return `${stats.dev}:${stats.ino}`;
  } catch {
    return undefined;
  }
}

export function runIndexTask(task: IndexTask): IndexResult {
  let text: string;
  let sidecar: string | undefined;
  try {
    if (task.file !== undefined) {
      text = readRegularFile(task.file, task.maxBytes ?? MAX_INDEXED_FILE_BYTES);
      sidecar = readSidecarIfUsable(task.file + SIDECAR_SUFFIX);
    } else {
      text = task.text ?? '';
      sidecar = task.sidecar;
    }
  } catch (e) {
    if (e instanceof FileTooLargeError) return { key: task.key, ok: false, error: tooLargeToIndex(e.size, e.maxBytes) };
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { key: task.key, ok: false, error: 'no longer there', gone: true };
    return { key: task.key, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const hash = articleHash(text, sidecar, task.separator);
  const identity = task.file === undefined ? undefined : fileIdentity(task.file);
  const known = identity === undefined ? {} : { identity };
  if (hash === task.knownHash) return { key: task.key, ok: true, hash, summary: null, ...known };
  try {
    return { key: task.key, ok: true, hash, summary: summariseShown(task.key, task.folder, text, sidecar, task.separator), ...known };
  } catch (e) {
    return { key: task.key, ok: false, error: `analysis failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
