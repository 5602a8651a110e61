import type * as vscode from 'vscode';
import { rejectedKeys } from '../core/detections/rejections';
import type { RejectionSource } from '../detections/analysisCache';
import type { AnnotationStore } from './store/annotationStore';
import { readYamlTextIfExists, sidecarUri } from './store/sidecarFiles';
import { textSha256 } from './store/textHash';
import { sidecarCore } from '../base/lazyBundles';

/** The rejections a person recorded, as the analysis cache asks for them. */
export function rejectionsOf(store: AnnotationStore<vscode.Uri>): RejectionSource {
  return {
    rejectedIn: (uri) => rejectedKeys(store.get(uri)?.rejections ?? []),
    rejectedOnDisk: async (uri, text) => {
      let sidecar: string | undefined;
      try {
        sidecar = await readYamlTextIfExists(sidecarUri(uri));
      } catch {
        return new Set();
      }
      const parsed = sidecar === undefined || sidecar.trim() === '' ? undefined : sidecarCore().parseSidecar(sidecar);
      // A malformed sidecar hides nothing; opening the article reports it.
      if (!parsed?.ok) return new Set();
      return rejectedKeys(sidecarCore().loadAnnotations(parsed.sidecar, text, textSha256(text)).set.rejections);
    },
    onDidChange: (listener) => store.onDidChange(listener),
  };
}
