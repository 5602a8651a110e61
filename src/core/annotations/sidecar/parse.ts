// Reading a sidecar: YAML syntax, then the format version, then the schema, then the rules a
// schema cannot say (unique ids, start not after end). Every error carries the sidecar line so the
// editor can point at it.

import type { Document } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { nodeOffset, validateNode } from '../schema/jsonSchemaSubset';
import { parseYamlData } from '../schema/yamlData';
import type { JsonSchema } from '../schema/jsonSchemaSubset';
import type { AttributeValue } from '../model/types';
import type { LineCharacter } from '../anchoring/positions';
import sidecarSchemaJson from './sidecarSchema.json';
import { MAX_SIDECAR_CHARACTERS, SIDECAR_VERSION } from './types';
import type { SidecarError, StoredAnnotation, StoredRejection, StoredSidecar } from './types';

export const sidecarSchema: JsonSchema = sidecarSchemaJson;


/**
 * `writable` says whether the file may be overwritten: never when it was refused, so a person's
 * broken edit, or a file made by a newer version, is kept as it is until they fix it.
 */
export type SidecarParseResult =
  | { readonly ok: true; readonly writable: true; readonly sidecar: StoredSidecar; readonly document: Document }
  | { readonly ok: false; readonly writable: false; readonly errors: readonly SidecarError[]; readonly newerVersion: boolean };

export interface SidecarParseOptions {
  /** The name of the article the sidecar sits beside (no folder): a `file:` naming another is refused. */
  readonly articleFileName?: string;
}

export function parseSidecar(yamlText: string, options: SidecarParseOptions = {}): SidecarParseResult {
  const fail = (errors: readonly SidecarError[], newerVersion = false): SidecarParseResult => ({ ok: false, writable: false, errors, newerVersion });
  const data = parseYamlData(yamlText, 'A sidecar', MAX_SIDECAR_CHARACTERS);
  if (!data.ok) return fail(data.problems);
  const { document, lines } = data;
  const root = document.contents;
  const at = (node: unknown, message: string): SidecarError => {
    const { line, col } = lines.linePos(nodeOffset(node, 0));
    return { line, column: col, message };
  };
  if (isMap(root)) {
    const versionNode = root.get('version', true);
    const version: unknown = isScalar(versionNode) ? versionNode.value : undefined;
    if (typeof version === 'number' && version > SIDECAR_VERSION) {
      return fail(
        [at(versionNode, `This sidecar has format version ${version}: it was made by a newer version of Source Annotator, which this version (reading version ${SIDECAR_VERSION}) cannot read. Update Source Annotator; the file is left untouched.`)],
        true,
      );
    }
  }
  const problems = validateNode(root, sidecarSchema, { root: sidecarSchema, document, lines, path: '' });
  if (problems.length > 0) return fail(problems);

  const ruleErrors = checkRules(root, at);
  if (ruleErrors.length > 0) return fail(ruleErrors);
  const fileError = checkFileName(root, options.articleFileName, at);
  if (fileError !== undefined) return fail([fileError]);

  const raw = document.toJS() as RawSidecar;
  return {
    ok: true,
    writable: true,
    document,
    sidecar: {
      version: SIDECAR_VERSION,
      file: raw.file,
      sha256: raw.sha256,
      annotations: raw.annotations.map(toStoredAnnotation),
      rejections: (raw.rejections ?? []).map(toStoredRejection),
    },
  };
}

/** Rules beyond the schema: ids unique within the file, and no range ending before it starts. */
function checkRules(root: unknown, at: (node: unknown, message: string) => SidecarError): SidecarError[] {
  const errors: SidecarError[] = [];
  if (!isMap(root)) return errors;
  const seenIds = new Set<string>();
  for (const listKey of ['annotations', 'rejections']) {
    const list = root.get(listKey, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const idNode = item.get('id', true);
      const id = isScalar(idNode) ? String(idNode.value) : '';
      if (seenIds.has(id)) errors.push(at(idNode, `The id ${id} is used twice; every entry needs its own id`));
      seenIds.add(id);
      const start = item.toJSON() as { start: LineCharacter; end: LineCharacter };
      if (comparePositions(start.start, start.end) > 0) errors.push(at(item.get('end', true), `\`${listKey}\` entry ${id} ends before it starts`));
    }
  }
  return errors;
}

const codePoints = (name: string): string => [...name].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');

/** A sidecar copied or renamed along with another article would put its tags on the wrong text. */
function checkFileName(root: unknown, articleFileName: string | undefined, at: (node: unknown, message: string) => SidecarError): SidecarError | undefined {
  if (articleFileName === undefined || !isMap(root)) return undefined;
  const fileNode = root.get('file', true);
  const named = isScalar(fileNode) ? String(fileNode.value) : '';
  // The same name in another Unicode normalization (a sidecar written on a disk that decomposes
  // accents, the article checked out where they are composed) is the same name.
  if (named.normalize('NFC') === articleFileName.normalize('NFC')) return undefined;
  // Names that look alike are told apart by their code points.
  const looksAlike = named.normalize('NFKC').toLowerCase() === articleFileName.normalize('NFKC').toLowerCase();
  const shown = (name: string): string => (looksAlike ? `${JSON.stringify(name)} (${codePoints(name)})` : JSON.stringify(name));
  return at(
    fileNode,
    `This sidecar belongs to ${shown(named)}, not to ${shown(articleFileName)} beside which it lies: if its tags are meant for ${JSON.stringify(articleFileName)}, change \`file:\` to ${JSON.stringify(articleFileName)}`,
  );
}

function comparePositions(a: LineCharacter, b: LineCharacter): number {
  return a.line - b.line || a.character - b.character;
}

interface RawEntry {
  id: string;
  start: LineCharacter;
  end: LineCharacter;
  text: string;
  prefix?: string;
  suffix?: string;
  author?: string;
  created?: string;
}

interface RawSidecar {
  file: string;
  sha256: string;
  annotations: (RawEntry & {
    label: string;
    note?: string;
    attributes?: Record<string, AttributeValue>;
    modified?: string;
    status: StoredAnnotation['status'];
    review?: number;
  })[];
  rejections?: (RawEntry & { kind: string; status?: StoredRejection['status'] })[];
}

/** The anchor part that annotations and rejections share. */
function storedAnchor(raw: RawEntry): Pick<StoredAnnotation, 'start' | 'end' | 'text' | 'prefix' | 'suffix'> {
  return {
    start: { line: raw.start.line, character: raw.start.character },
    end: { line: raw.end.line, character: raw.end.character },
    text: raw.text,
    prefix: raw.prefix ?? '',
    suffix: raw.suffix ?? '',
  };
}

function toStoredAnnotation(raw: RawSidecar['annotations'][number]): StoredAnnotation {
  return {
    id: raw.id,
    label: raw.label,
    ...storedAnchor(raw),
    ...(raw.note === undefined ? {} : { note: raw.note }),
    attributes: { ...raw.attributes },
    author: raw.author ?? '',
    created: raw.created ?? '',
    modified: raw.modified ?? raw.created ?? '',
    status: raw.status,
    ...(raw.review === undefined || raw.status !== 'active' ? {} : { review: raw.review }),
  };
}

function toStoredRejection(raw: NonNullable<RawSidecar['rejections']>[number]): StoredRejection {
  return {
    id: raw.id,
    kind: raw.kind,
    ...storedAnchor(raw),
    author: raw.author ?? '',
    created: raw.created ?? '',
    status: raw.status ?? 'active',
  };
}

/**
 * Parses the sidecar lying beside an article. A `file:` naming another article means the sidecar
 * was copied or renamed without it, and its tags would land on foreign words — unless it was
 * written for exactly this text (renamed together with its article; the next write updates `file:`),
 * or it names the article's former name (`formerFileName`: the editor moved the sidecar along when
 * the article was renamed).
 */
export function parseSidecarOf(yamlText: string, article: { readonly fileName: string; readonly sha256: string; readonly formerFileName?: string }): SidecarParseResult {
  const parsed = parseSidecar(yamlText);
  if (!parsed.ok || parsed.sidecar.sha256 === article.sha256) return parsed;
  if (article.formerFileName !== undefined && parsed.sidecar.file === article.formerFileName) return parsed;
  return parseSidecar(yamlText, { articleFileName: article.fileName });
}
