// What the corpus index reads and may take per file: shared by the extension host, which sends
// tasks, and the workers, which run them (no import of the engine, so the host's bundle stays small).

/**
 * The largest article file the index reads (128 MiB, an export of tens of thousands of stories): its
 * analysis takes about nine times its size in memory, within a worker's heap (`WORKER_HEAP_MB`). A
 * larger file is listed as not indexed, unread.
 */
export const MAX_INDEXED_FILE_BYTES = 128 * 1024 * 1024;

function sizeInWords(bytes: number): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MiB'] : [bytes / 1024, 'KiB'];
  return `${value.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`;
}

/** Why a file is not indexed for its size, e.g. "221 MiB, larger than the 128 MiB the index reads; not analysed". */
export function tooLargeToIndex(size: number, maxBytes: number): string {
  return `${sizeInWords(size)}, larger than the ${sizeInWords(maxBytes)} the index reads; not analysed`;
}
