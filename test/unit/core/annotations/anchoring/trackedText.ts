// Ground truth for anchoring tests: a text whose every character remembers where it came from,
// so after any scripted edit we know exactly where an annotated passage really went.

export class TrackedText {
  private chars: string[];
  private origins: number[];

  constructor(text: string) {
    this.chars = text.split('');
    this.origins = this.chars.map((_, i) => i);
  }

  get text(): string {
    return this.chars.join('');
  }

  /** Replaces [start, end) of the current text with `insert`; inserted characters have no origin. */
  replace(start: number, end: number, insert: string): void {
    const inserted = insert.split('');
    this.chars.splice(start, end - start, ...inserted);
    this.origins.splice(start, end - start, ...inserted.map(() => -1));
  }

  /** Moves [start, end) so it begins at `to` (an offset in the text after its removal), origins kept. */
  move(start: number, end: number, to: number): void {
    const chars = this.chars.splice(start, end - start);
    const origins = this.origins.splice(start, end - start);
    this.chars.splice(to, 0, ...chars);
    this.origins.splice(to, 0, ...origins);
  }

  /**
   * Where the original [start, end) is now: from its first to its last surviving character, with
   * the share of its characters that survived and whether it is still in one piece (no original
   * text from elsewhere moved in between); undefined when none survived.
   */
  whereIs(start: number, end: number): { start: number; end: number; survived: number; whole: boolean } | undefined {
    let first = -1;
    let last = -1;
    let kept = 0;
    this.origins.forEach((origin, index) => {
      if (origin >= start && origin < end) {
        if (first < 0) first = index;
        last = index;
        kept++;
      }
    });
    if (first < 0) return undefined;
    const whole = this.origins.slice(first, last + 1).every((origin) => origin === -1 || (origin >= start && origin < end));
    return { start: first, end: last + 1, survived: kept / (end - start), whole };
  }

  /**
   * Where [start, end) of the current text sits among the surviving original text: the origin of
   * the nearest original character before it (-1 if none) and after it (Infinity if none).
   */
  between(start: number, end: number): { before: number; after: number } {
    let before = -1;
    for (let i = start - 1; i >= 0 && before < 0; i--) before = this.origins[i] ?? -1;
    let after = Infinity;
    for (let i = end; i < this.origins.length && after === Infinity; i++) {
      const origin = this.origins[i] ?? -1;
      if (origin >= 0) after = origin;
    }
    return { before, after };
  }

  /** Whether every character of [start, end) of the current text was typed by the edits. */
  insertedOnly(start: number, end: number): boolean {
    return this.origins.slice(start, end).every((origin) => origin === -1);
  }

  /** The widest original stretch around the original [start, end) of which no character is left. */
  lostAround(start: number, end: number, originalLength: number): { start: number; end: number } {
    const left = new Set(this.origins);
    let from = start;
    while (from > 0 && !left.has(from - 1)) from--;
    let to = end;
    while (to < originalLength && !left.has(to)) to++;
    return { start: from, end: to };
  }
}
