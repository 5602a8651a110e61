// The layout a person (or another tool) gave a sidecar, so a rewrite keeps it: line endings, a
// byte order mark, the indentation step, and whether list items (`- id:`) stand at their key's
// column or are indented under it.

export interface FileStyle {
  /** The text without BOM and with `\n` line breaks: what is parsed and updated. */
  readonly plainText: string;
  readonly byteOrderMark: boolean;
  readonly lineBreak: '\n' | '\r\n';
  /** Spaces per nesting level. */
  readonly indent: number;
  /** `- ` indented under its key (`annotations:\n  - id:`) rather than at its column. */
  readonly indentSeq: boolean;
}

const DEFAULT_INDENT = 2;
const MAX_INDENT = 8;

export function detectFileStyle(text: string): FileStyle {
  const byteOrderMark = text.startsWith('\uFEFF');
  const withoutBom = byteOrderMark ? text.slice(1) : text;
  const firstBreak = withoutBom.indexOf('\n');
  const lineBreak = firstBreak > 0 && withoutBom.charCodeAt(firstBreak - 1) === 13 ? '\r\n' : '\n';
  const plainText = withoutBom.replace(/\r\n/g, '\n');
  const lines = plainText.split('\n');
  const dash = listItemColumn(lines);
  const indentSeq = dash === undefined ? true : dash > 0;
  const indent = indentSeq && dash !== undefined ? dash : (nestedMapStep(lines) ?? DEFAULT_INDENT);
  return { plainText, byteOrderMark, lineBreak, indent: Math.max(1, Math.min(MAX_INDENT, indent)), indentSeq };
}

/** Puts back the file's BOM and line breaks on text written with `\n`. */
export function withFileStyle(text: string, style: FileStyle): string {
  const broken = style.lineBreak === '\n' ? text : text.replace(/\n/g, '\r\n');
  return style.byteOrderMark ? `\uFEFF${broken}` : broken;
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed === '' || trimmed.startsWith('#');
}

/** The column of the first `- ` under a top-level list key, or undefined when there is none. */
function listItemColumn(lines: readonly string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!/^(annotations|rejections):\s*(#.*)?$/.test(lines[i] ?? '')) continue;
    let next = i + 1;
    while (next < lines.length && isBlankOrComment(lines[next] ?? '')) next++;
    const item = /^( *)- /.exec(lines[next] ?? '');
    if (item?.[1] !== undefined) return item[1].length;
  }
  return undefined;
}

/** The step from a block map key (such as `attributes:`) to its first child's column. */
function nestedMapStep(lines: readonly string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const parent = /^( *)(?:- )?[A-Za-z_][\w-]*:\s*(#.*)?$/.exec(lines[i] ?? '');
    if (parent === null || /^(annotations|rejections):/.test(lines[i] ?? '')) continue;
    const parentColumn = (lines[i] ?? '').search(/[A-Za-z_]/);
    let next = i + 1;
    while (next < lines.length && isBlankOrComment(lines[next] ?? '')) next++;
    const child = /^( *)[^\s-]/.exec(lines[next] ?? '');
    if (child?.[1] !== undefined && child[1].length > parentColumn) return child[1].length - parentColumn;
  }
  return undefined;
}
