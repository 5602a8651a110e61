// Which article of the target folder an imported document belongs to: the one with its file name
// (the same relative path, else the one whose path ends the path the file gives, else the only one
// with that base name), else the one with its text. Names are compared in NFC: a file made on macOS
// may write "Núñez.txt" with separate accents.

import { normalizeLineBreaks } from '../annotations/anchoring/normalizedText';
import type { ImportedDocument } from './types';

export interface CandidateArticle {
  /** Relative path with `/` separators. */
  readonly name: string;
  readonly text: string;
}

export type ArticleMatch = { readonly article: CandidateArticle; readonly by: 'name' | 'text' } | { readonly article: undefined; readonly reason: string };

export class ArticleMatcher {
  private readonly byPath = new Map<string, CandidateArticle>();
  private readonly byBaseName = new Map<string, CandidateArticle[]>();
  private byText: Map<string, CandidateArticle[]> | undefined;

  constructor(private readonly articles: readonly CandidateArticle[]) {
    for (const article of articles) {
      this.byPath.set(nameKey(article.name), article);
      const base = nameKey(baseName(article.name));
      const sameBase = this.byBaseName.get(base);
      if (sameBase === undefined) this.byBaseName.set(base, [article]);
      else sameBase.push(article);
    }
  }

  match(document: ImportedDocument): ArticleMatch {
    const name = document.name?.replace(/\\/g, '/');
    let sameBase: CandidateArticle[] = [];
    if (name !== undefined) {
      const key = nameKey(name);
      const exact = this.byPath.get(key) ?? this.byPath.get(key.replace(/^\.?\//, ''));
      if (exact) return { article: exact, by: 'name' };
      sameBase = this.byBaseName.get(nameKey(baseName(name))) ?? [];
      if (sameBase.length === 1 && sameBase[0]) return { article: sameBase[0], by: 'name' };
      // "exports/siteA/story.txt" for siteA/story.txt of two story.txt: the article whose path ends the given one.
      const ending = sameBase.filter((a) => `/${key}`.endsWith(`/${nameKey(a.name)}`));
      if (ending.length === 1 && ending[0]) return { article: ending[0], by: 'name' };
    }
    if (document.text !== undefined) {
      const sameText = this.textIndex().get(textKey(document.text)) ?? [];
      if (sameText.length === 1 && sameText[0]) return { article: sameText[0], by: 'text' };
      if (sameText.length > 1) return { article: undefined, reason: `its text is in ${sameText.length} articles (${sameText.map((a) => a.name).join(', ')})` };
    }
    if (name !== undefined && sameBase.length > 1) return { article: undefined, reason: `${sameBase.length} articles are named ${baseName(name)} (${sameBase.map((a) => a.name).join(', ')}) and its path names none of them` };
    return { article: undefined, reason: name === undefined ? 'no article has its text' : `no article is named ${baseName(name)}${document.text === undefined ? '' : ' or has its text'}` };
  }

  /** Built on first need: hashing every text is wasted when every document comes with a name. */
  private textIndex(): Map<string, CandidateArticle[]> {
    if (this.byText === undefined) {
      this.byText = new Map();
      for (const article of this.articles) {
        const key = textKey(article.text);
        const sameText = this.byText.get(key);
        if (sameText === undefined) this.byText.set(key, [article]);
        else sameText.push(article);
      }
    }
    return this.byText;
  }
}

function nameKey(name: string): string {
  return name.normalize('NFC');
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Texts are the same article whatever their line breaks, BOM or surrounding white space. */
function textKey(text: string): string {
  return normalizeLineBreaks(text).trim();
}
