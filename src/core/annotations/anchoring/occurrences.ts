// Where each stored passage occurs in the text, for many passages at once in time linear in the
// text: one pass per key length collects the places of every passage's first characters, then
// each place is checked. Searching the whole text once per passage instead grows with tags × text
// (it is done only for a passage whose key is so common that checking its places would cost more).

/** Passages of this length or more are keyed by their first KEY_LONG characters. */
const KEY_LONG = 32;
const KEY_SHORT = 8;

export class OccurrenceIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly byPassage = new Map<string, readonly number[]>();

  constructor(
    private readonly text: string,
    passages: readonly string[],
  ) {
    const keysByLength = new Map<number, Set<string>>();
    for (const passage of passages) {
      if (passage.length === 0) continue;
      const key = passage.slice(0, keyLength(passage.length));
      let keys = keysByLength.get(key.length);
      if (keys === undefined) keysByLength.set(key.length, (keys = new Set()));
      keys.add(key);
    }
    for (const [length, keys] of keysByLength) {
      for (let at = 0; at + length <= text.length; at++) {
        const key = text.slice(at, at + length);
        if (!keys.has(key)) continue;
        let places = this.byKey.get(key);
        if (places === undefined) this.byKey.set(key, (places = []));
        places.push(at);
      }
    }
  }

  /** Start offsets of every copy of `passage`, ascending (copies may overlap). */
  of(passage: string): readonly number[] {
    const known = this.byPassage.get(passage);
    if (known !== undefined) return known;
    const keyed = passage.length === 0 ? [] : (this.byKey.get(passage.slice(0, keyLength(passage.length))) ?? []);
    let places: readonly number[] = keyed;
    if (passage.length > KEY_SHORT && passage.length !== KEY_LONG) {
      // Checking each place of a common key ("aaaa…" in a text of "a"s, a line of dashes) would
      // cost more than reading the text: it is searched instead, so a lookup never costs more
      // than about one pass over the text.
      places = keyed.length * passage.length <= this.text.length ? keyed.filter((at) => this.text.startsWith(passage, at)) : copiesOf(this.text, passage);
    }
    this.byPassage.set(passage, places);
    return places;
  }
}

/** Start offsets of every copy of `passage` in `text`, ascending, overlapping ones too. */
function copiesOf(text: string, passage: string): number[] {
  const places: number[] = [];
  for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) places.push(at);
  return places;
}

function keyLength(passageLength: number): number {
  if (passageLength >= KEY_LONG) return KEY_LONG;
  return Math.min(passageLength, KEY_SHORT);
}

/**
 * Up to `limit` of the sorted `places`, those nearest to `around`: a passage repeated thousands
 * of times (a common word) is weighed among the copies near its old place only.
 */
export function nearest(places: readonly number[], around: number, limit: number): readonly number[] {
  if (places.length <= limit) return places;
  let low = 0;
  let high = places.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((places[mid] ?? Infinity) < around) low = mid + 1;
    else high = mid;
  }
  let from = Math.max(0, low - Math.floor(limit / 2));
  from = Math.min(from, places.length - limit);
  return places.slice(from, from + limit);
}
