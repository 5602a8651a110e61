// What `check` and `reanchor` work on: the sidecars (and label configurations) named by the
// command line. A folder gives every `*.annotations.yaml` below it and the `.source-annotator.yaml`
// at its root; a file is taken as what its name says, an article standing for its sidecar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LABEL_CONFIG_FILE } from '../core/annotations/labels/labelConfig';
import { SIDECAR_SUFFIX } from '../core/annotations/sidecar/types';
import { walkInputs } from './inputWalker';
import type { InputProblem } from './inputWalker';

export interface SidecarTarget {
  readonly kind: 'sidecar';
  readonly sidecarPath: string;
  /** The article the sidecar belongs to: its name without the suffix, in the same folder. */
  readonly articlePath: string;
}

export interface LabelConfigTarget {
  readonly kind: 'labelConfig';
  readonly path: string;
}

/** An article named on the command line that has no sidecar: nothing to check or re-anchor. */
export interface UntaggedArticle {
  readonly kind: 'untagged';
  readonly articlePath: string;
}

export type Target = SidecarTarget | LabelConfigTarget | UntaggedArticle | InputProblem;

const isSidecarName = (name: string): boolean => name.endsWith(SIDECAR_SUFFIX) && name.length > SIDECAR_SUFFIX.length;

function sidecarTarget(sidecarPath: string): SidecarTarget {
  return { kind: 'sidecar', sidecarPath, articlePath: sidecarPath.slice(0, -SIDECAR_SUFFIX.length) };
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** The targets of `inputs` in command-line order; with no inputs, the current folder. */
export function collectTargets(inputs: readonly string[], options: { labelConfigs: boolean }): Target[] {
  const targets: Target[] = [];
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const folder = isFolder(input);
    const config = path.join(input, LABEL_CONFIG_FILE);
    if (folder && options.labelConfigs && exists(config)) targets.push(...walkInputs([config], () => true).map((e) => (e.kind === 'file' ? { kind: 'labelConfig' as const, path: e.path } : e)));
    for (const entry of walkInputs([input], isSidecarName)) {
      if (entry.kind === 'problem') targets.push(entry);
      else if (!entry.explicit || isSidecarName(path.basename(entry.path))) targets.push(sidecarTarget(entry.path));
      else {
        const target = explicitFile(entry.path, options);
        if (target) targets.push(target);
      }
    }
  }
  return targets;
}

/** A file named on the command line; undefined for a label configuration the command does not read. */
function explicitFile(p: string, options: { labelConfigs: boolean }): Target | undefined {
  if (path.basename(p) === LABEL_CONFIG_FILE) return options.labelConfigs ? { kind: 'labelConfig', path: p } : undefined;
  const sidecar = p + SIDECAR_SUFFIX;
  if (exists(sidecar)) return sidecarTarget(sidecar);
  return { kind: 'untagged', articlePath: p };
}
