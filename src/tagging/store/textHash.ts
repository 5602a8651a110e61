import { createHash } from 'node:crypto';
import { textForHashing } from '../../core/annotations/anchoring/capture';

/** The sidecar's `sha256`: of the text without a BOM, as UTF-8. */
export function textSha256(documentText: string): string {
  return createHash('sha256').update(textForHashing(documentText), 'utf8').digest('hex');
}
