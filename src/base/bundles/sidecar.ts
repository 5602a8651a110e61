// dist/sidecar.js: the sidecar and label files (yaml) and the re-anchoring of tags, loaded on first
// use (src/base/lazyBundles.ts). Pure core only: the annotation store stays in extension.js.
export { parseSidecar, parseSidecarOf } from '../../core/annotations/sidecar/parse';
export { serialiseSidecar } from '../../core/annotations/sidecar/serialise';
export { loadAnnotations } from '../../core/annotations/sidecar/load';
export { parseLabelConfig } from '../../core/annotations/labels/labelConfig';
export { reanchorEntries, reattachOrphans, refreshAnchor } from '../../core/tagging/reattach';
export { mergeSidecars } from '../../core/interchange/mergeSidecars';
export { detectFileStyle, withFileStyle } from '../../core/annotations/sidecar/fileStyle';
