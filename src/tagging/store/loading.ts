import type { LoadedAnnotations } from '../../core/annotations/sidecar/load';
import { errorMessage, newState, sortByPosition, type FileState } from './fileState';
import { textSha256 } from './textHash';
import type { AnnotationWorkspace, ArticleDocument, StoreReporter } from './workspace';
import { sidecarCore } from '../../base/lazyBundles';
import { Utf8FaultError } from '../../core/text/strictUtf8';

/** The tags placed, but not surely, by a load: kept where found and marked for a person to check. */
export function reviewMarks(loaded: LoadedAnnotations): Map<string, number> {
  const review = new Map<string, number>();
  loaded.set.annotations.forEach((a, i) => {
    const outcome = loaded.outcomes[i];
    if (a.status === 'active' && outcome?.needsReview === true) review.set(a.id, outcome.confidence);
  });
  return review;
}

/**
 * Reads a sidecar into the state of its open article, re-anchoring every passage to the live text.
 * A sidecar that cannot be read or parsed gives a read-only state, reported once per content.
 */
export class SidecarLoader<U> {
  private readonly reportedProblems = new Set<string>();

  constructor(
    private readonly workspace: AnnotationWorkspace<U>,
    private readonly reporter: StoreReporter<U>,
  ) {}

  /** `formerFileName`: the article was just renamed through the editor, its sidecar moved along and still naming it so. */
  async read(doc: ArticleDocument<U>, formerFileName?: string): Promise<FileState<U>> {
    const sidecarUri = this.workspace.sidecarOf(doc.uri);
    let sidecarText: string | undefined;
    try {
      sidecarText = await this.workspace.readText(sidecarUri);
    } catch (err) {
      // Bytes that are not UTF-8 are shown where the first one stands, as a parse error is.
      if (err instanceof Utf8FaultError) this.reporter.sidecarErrors(sidecarUri, [{ line: err.fault.line, column: err.fault.column, message: err.message }]);
      return this.broken(doc, sidecarUri, undefined, this.reporter.t('cannot be read ({0})', errorMessage(err)));
    }
    return this.fromText(doc, sidecarUri, sidecarText, formerFileName);
  }

  /** The state of `doc` for the given sidecar content (undefined: there is no sidecar). */
  fromText(doc: ArticleDocument<U>, sidecarUri: U, sidecarText: string | undefined, formerFileName?: string): FileState<U> {
    this.reporter.sidecarErrors(sidecarUri, []);
    if (sidecarText === undefined || sidecarText.trim() === '') return newState(doc.uri, sidecarUri, sidecarText, undefined, { annotations: [], rejections: [] });
    const text = doc.getText();
    const sha256 = textSha256(text);
    const fileName = this.workspace.fileName(doc.uri);
    const parsed = sidecarCore().parseSidecarOf(sidecarText, { fileName, sha256, ...(formerFileName === undefined ? {} : { formerFileName }) });
    if (!parsed.ok) {
      this.reporter.sidecarErrors(sidecarUri, parsed.errors);
      const first = parsed.errors[0];
      const where = first ? this.reporter.t('line {0}: {1}', first.line, first.message) : '';
      const problem = parsed.newerVersion && first ? first.message.replace(/\.$/, '') : this.reporter.t('not a valid sidecar ({0})', where);
      return this.broken(doc, sidecarUri, sidecarText, problem);
    }
    const loaded = sidecarCore().loadAnnotations(parsed.sidecar, text, sha256);
    this.reportedProblems.delete(this.workspace.key(sidecarUri));
    const review = reviewMarks(loaded);
    const state = newState(
      doc.uri,
      sidecarUri,
      sidecarText,
      undefined,
      { annotations: sortByPosition(loaded.set.annotations), rejections: sortByPosition(loaded.set.rejections) },
      review,
    );
    // Still naming the article's former name: written again at once, with its name now.
    if (formerFileName !== undefined && parsed.sidecar.file === formerFileName) state.positionsChanged = true;
    return state;
  }

  private broken(doc: ArticleDocument<U>, sidecarUri: U, sidecarText: string | undefined, problem: string): FileState<U> {
    // One notification per broken content; the Problems panel keeps the details.
    const key = `${this.workspace.key(sidecarUri)}\n${sidecarText ?? ''}`;
    if (!this.reportedProblems.has(key)) {
      this.reportedProblems.add(key);
      this.reporter.sidecarUnusable(sidecarUri, problem);
    }
    return newState(doc.uri, sidecarUri, sidecarText, problem, { annotations: [], rejections: [] });
  }
}
