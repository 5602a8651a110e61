// What a label is, the labels used when a workspace names none, and where a workspace names its
// own. Apart from the parser (labelConfig.ts) so that the extension reads them without loading yaml.

export const LABEL_CONFIG_FILE = '.source-annotator.yaml';

export type AttributeType = 'string' | 'number' | 'boolean';

export interface LabelAttribute {
  readonly name: string;
  readonly description?: string;
  readonly type: AttributeType;
  readonly required: boolean;
}

export interface Label {
  readonly name: string;
  readonly description?: string;
  /** A theme color id or `#hex`, as written; undefined to use the extension's color for the label. */
  readonly color?: string;
  readonly key?: string;
  readonly attributes: readonly LabelAttribute[];
}

export const DEFAULT_LABELS: readonly Label[] = [
  { name: 'speaker', description: 'A person or organisation quoted or paraphrased', key: 's', attributes: [] },
  {
    name: 'quote',
    description: 'Words reported as said or written by someone',
    key: 'q',
    attributes: [{ name: 'speaker', description: 'Who said it', type: 'string', required: false }],
  },
  {
    name: 'noise',
    description: 'Text that is not part of the article (web-page leftovers)',
    key: 'n',
    attributes: [{ name: 'kind', description: 'What kind of leftover, e.g. comment, related-links', type: 'string', required: false }],
  },
  { name: 'claim', description: 'A statement of fact to check', key: 'c', attributes: [] },
  { name: 'paraphrase', description: "Someone's words reported indirectly", key: 'p', attributes: [] },
  { name: 'note', description: 'A remark of the person reading', key: 'o', attributes: [] },
];
