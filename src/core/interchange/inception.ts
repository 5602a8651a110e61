// UIMA CAS JSON (the JSON CAS format, spec 0.4.0, as read by DKPro Cassis and INCEpTION): one
// `<name>.json` per article. The text is the sofa; each tag is a feature structure of a custom
// span layer (`webanno.custom.SourceAnnotatorTag`, which INCEpTION shows once a layer of that name
// with features `label` and `note` exists in the project). Offsets are UTF-16 code units, as UIMA
// counts them in Java. A DKPro `DocumentMetaData` names the document, which INCEpTION expects.

import { articleStem, exportedText } from './exportTags';
import type { ExportArticle, ExportFile, ExportResult } from './types';

export const INCEPTION_LAYER = 'webanno.custom.SourceAnnotatorTag';
const DOCUMENT_METADATA = 'de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData';

const stringFeature = (name: string): Record<string, string> => ({ '%NAME': name, '%RANGE': 'uima.cas.String' });

const TYPES = {
  [DOCUMENT_METADATA]: {
    '%NAME': DOCUMENT_METADATA,
    '%SUPER_TYPE': 'uima.tcas.DocumentAnnotation',
    documentTitle: stringFeature('documentTitle'),
    documentId: stringFeature('documentId'),
    documentUri: stringFeature('documentUri'),
    documentBaseUri: stringFeature('documentBaseUri'),
    collectionId: stringFeature('collectionId'),
    isLastSegment: { '%NAME': 'isLastSegment', '%RANGE': 'uima.cas.Boolean' },
  },
  [INCEPTION_LAYER]: {
    '%NAME': INCEPTION_LAYER,
    '%SUPER_TYPE': 'uima.tcas.Annotation',
    label: stringFeature('label'),
    note: stringFeature('note'),
    author: stringFeature('author'),
    created: stringFeature('created'),
    modified: stringFeature('modified'),
    tagId: stringFeature('tagId'),
    attributes: stringFeature('attributes'),
  },
};

export function exportInception(articles: readonly ExportArticle[]): ExportResult {
  let skipped = 0;
  const files: ExportFile[] = articles.map((article) => {
    const exported = exportedText(article);
    skipped += exported.orphaned.length + exported.rejected.length;
    const sofa = { '%ID': 1, '%TYPE': 'uima.cas.Sofa', sofaNum: 1, sofaID: '_InitialView', mimeType: 'text/plain', sofaString: exported.text };
    const metadata = {
      '%ID': 2,
      '%TYPE': DOCUMENT_METADATA,
      '@sofa': 1,
      begin: 0,
      end: exported.text.length,
      language: 'x-unspecified',
      documentTitle: article.name,
      documentId: article.name,
      isLastSegment: false,
    };
    const tags = exported.placed.map((tag, i) => {
      const a = tag.annotation;
      return {
        '%ID': i + 3,
        '%TYPE': INCEPTION_LAYER,
        '@sofa': 1,
        begin: tag.start,
        end: tag.end,
        label: a.label,
        ...(a.note === undefined || a.note === '' ? {} : { note: a.note }),
        author: a.author,
        created: a.created,
        modified: a.modified,
        tagId: a.id,
        ...(Object.keys(a.attributes).length > 0 ? { attributes: JSON.stringify(a.attributes) } : {}),
      };
    });
    const cas = {
      '%TYPES': TYPES,
      '%FEATURE_STRUCTURES': [sofa, metadata, ...tags],
      '%VIEWS': { _InitialView: { '%SOFA': 1, '%MEMBERS': [2, ...tags.map((t) => t['%ID'])] } },
    };
    return { path: `${articleStem(article.name)}.json`, content: `${JSON.stringify(cas, null, 2)}\n` };
  });
  return { files, skipped };
}
