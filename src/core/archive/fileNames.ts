// Names of the files `split` writes: the export's name, the article's number and a slug of its
// headline, e.g. `export-03-council-approves-new-sea-wall.txt`. Names are compared case-blind,
// as macOS and Windows folders do, and made distinct with a suffix when two would clash.

import type { ArchiveArticle } from './types';

const MAX_SLUG_LENGTH = 48;

/** Lower-case ASCII letters and digits joined by hyphens, accents dropped; '' when nothing is left. */
export function slugify(headline: string, maxLength = MAX_SLUG_LENGTH): string {
  const words = headline
    .slice(0, 400)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > maxLength) return slug === '' ? word.slice(0, maxLength) : slug;
    slug = next;
  }
  return slug;
}

/**
 * One file name (without extension) per article. `taken` holds names already used in the output
 * folder by this run, lower-cased; the new names are added to it.
 */
export function articleFileNames(exportBaseName: string, articles: readonly ArchiveArticle[], taken: Set<string>): string[] {
  const width = Math.max(2, String(articles.length).length);
  return articles.map((article) => {
    const number = String(article.index + 1).padStart(width, '0');
    const slug = slugify(article.fields.headline ?? '');
    const wanted = slug === '' ? `${exportBaseName}-${number}` : `${exportBaseName}-${number}-${slug}`;
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
