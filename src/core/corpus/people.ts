// One person (or organisation) across the corpus: speakers of all articles merged by identity.
// Full names that agree up to spelling are one person; a name with fewer given names ("Tayyip
// Erdogan", "George Bush") joins a fuller one only when exactly one fuller identity fits; a bare
// surname joins a full name only when that is unambiguous in its article, else in the corpus.
import type { PersonName } from './nameKeys';
import { organisationKey, parsePersonName, personKey } from './nameKeys';
import type { ArticleSummary } from './summary';
import { UnionFind } from './unionFind';

export interface NameVariant {
  /** The name as written in the articles. */
  readonly name: string;
  readonly quotes: number;
  readonly articles: number;
}

export interface CorpusPerson {
  /** The most used full form of the name. */
  readonly name: string;
  readonly kind: 'person' | 'organisation';
  readonly variants: readonly NameVariant[];
  readonly quotes: number;
  /** Paths of the articles that quote or name this speaker, in corpus order. */
  readonly articles: readonly string[];
}

export interface SpeakerDirectory {
  /** Most quoted first. */
  readonly people: readonly CorpusPerson[];
  /** Per article path, per speaker index of its summary: the index in `people`, or null (not a person or organisation). */
  readonly assignments: ReadonlyMap<string, readonly (number | null)[]>;
}

interface Entry {
  readonly article: number;
  readonly speaker: number;
  readonly name: string;
  readonly quotes: number;
  /** Identity node in the union-find. */
  readonly node: number;
}

/** A surname shared by more full names than this is merged only on exactly equal keys (keeps cost linear on hostile input). */
const MAX_SURNAME_IDENTITIES = 400;

function tokenMatches(short: string, long: string): boolean {
  return short === long || (short.length === 1 && long.startsWith(short)) || (long.length === 1 && short.startsWith(long));
}

/** `s` names the same person as the fuller `l` unless something contradicts it (another given name, another initial, another suffix). */
function fitsFuller(s: PersonName, l: PersonName): boolean {
  if (s.suffix !== '' && l.suffix !== '' && s.suffix !== l.suffix) return false;
  let j = 0;
  for (const g of s.given) {
    while (j < l.given.length && !tokenMatches(g, l.given[j] ?? '')) {
      // A dropped initial is deliberate ("George W. Bush" is not "George H. W. Bush") unless only a first name is left.
      if ((l.given[j] ?? '').length === 1 && s.given.length > 1) return false;
      j++;
    }
    if (j === l.given.length) return false;
    j++;
  }
  return true;
}

function specificity(n: PersonName): number {
  return n.given.reduce((sum, g) => sum + (g.length > 1 ? 2 : 1), 0) + (n.suffix === '' ? 0 : 1);
}

class IdentityGraph {
  readonly names: PersonName[] = [];
  readonly byKey = new Map<string, number>();
  readonly bySurname = new Map<string, number[]>();
  uf = new UnionFind(0);

  /** A bare surname means whoever its context says: one node per article, tied to others only when resolved. */
  bareNodeFor(name: PersonName, article: number): number {
    return this.nodeFor(name, `${personKey(name)}\u0000${article}`);
  }

  nodeFor(name: PersonName, key = personKey(name)): number {
    let node = this.byKey.get(key);
    if (node === undefined) {
      node = this.names.length;
      this.names.push(name);
      this.byKey.set(key, node);
      if (name.given.length > 0) {
        const list = this.bySurname.get(name.surname) ?? [];
        list.push(node);
        this.bySurname.set(name.surname, list);
      }
    }
    return node;
  }

  /** Shorter full names join the one fuller identity they fit; ambiguous ones stay apart. */
  mergeFullNames(): void {
    this.uf = new UnionFind(this.names.length);
    for (const nodes of this.bySurname.values()) {
      if (nodes.length < 2 || nodes.length > MAX_SURNAME_IDENTITIES) continue;
      const sorted = [...nodes].sort((a, b) => specificity(this.names[b] as PersonName) - specificity(this.names[a] as PersonName));
      for (let i = 1; i < sorted.length; i++) {
        const s = this.names[sorted[i] as number] as PersonName;
        const roots = new Set<number>();
        for (let j = 0; j < i; j++) {
          const l = this.names[sorted[j] as number] as PersonName;
          if (specificity(l) > specificity(s) && fitsFuller(s, l)) roots.add(this.uf.find(sorted[j] as number));
        }
        const [only] = roots;
        if (roots.size === 1 && only !== undefined) this.uf.union(only, sorted[i] as number);
      }
    }
  }

  /** The single identity a bare surname can mean among `candidates` (full-name nodes), or undefined; stops at a second one. */
  onlyIdentity(candidates: readonly number[]): number | undefined {
    let only: number | undefined;
    for (const c of candidates) {
      const root = this.uf.find(c);
      if (only === undefined) only = root;
      else if (root !== only) return undefined;
    }
    return only;
  }
}

function collectEntries(summaries: readonly ArticleSummary[], graph: IdentityGraph, orgNodes: Map<string, number>): Entry[] {
  const entries: Entry[] = [];
  summaries.forEach((summary, article) => {
    summary.speakers.forEach((sp, speaker) => {
      let node: number | undefined;
      if (sp.kind === 'person') {
        const parsed = parsePersonName(sp.name);
        if (parsed) node = parsed.given.length === 0 ? graph.bareNodeFor(parsed, article) : graph.nodeFor(parsed);
      } else if (sp.kind === 'organisation') {
        const key = organisationKey(sp.name);
        if (key !== '') {
          node = orgNodes.get(key) ?? graph.nodeFor({ given: [], surname: `\u0000org:${key}`, suffix: '' });
          orgNodes.set(key, node);
        }
      }
      if (node !== undefined) entries.push({ article, speaker, name: sp.name, quotes: sp.quotes, node });
    });
  });
  return entries;
}

/** Bare surnames: the one full name of their article, else the one full-name identity of the corpus. */
function resolveBareSurnames(entries: readonly Entry[], graph: IdentityGraph): void {
  const fullInArticle = new Map<string, number[]>();
  for (const e of entries) {
    const n = graph.names[e.node];
    if (n && n.given.length > 0) {
      const k = `${e.article}\u0000${n.surname}`;
      const list = fullInArticle.get(k);
      if (list) list.push(e.node);
      else fullInArticle.set(k, [e.node]);
    }
  }
  // Surnames that stay ambiguous are one entry per surname ("Clinton"), apart from every full name.
  const unresolved = new Map<string, number>();
  // The corpus-wide answer per surname, found once: joining bare names to it changes no full name's
  // identity, and asking again for each of thousands of bare "Smith"s read every "… Smith" each time.
  const corpusWide = new Map<string, number | undefined>();
  const onlyInCorpus = (surname: string): number | undefined => {
    if (!corpusWide.has(surname)) corpusWide.set(surname, graph.onlyIdentity(graph.bySurname.get(surname) ?? []));
    return corpusWide.get(surname);
  };
  for (const e of entries) {
    const n = graph.names[e.node];
    if (!n || n.given.length > 0 || n.surname.startsWith('\u0000')) continue;
    const local = fullInArticle.get(`${e.article}\u0000${n.surname}`);
    const target = local ? graph.onlyIdentity(local) : onlyInCorpus(n.surname);
    if (target !== undefined) graph.uf.union(target, e.node);
    else {
      const first = unresolved.get(n.surname);
      if (first === undefined) unresolved.set(n.surname, e.node);
      else graph.uf.union(first, e.node);
    }
  }
}

function displayName(variants: readonly NameVariant[], isOrganisation: boolean): string {
  const words = (v: NameVariant): number => (isOrganisation ? 0 : v.name.split(/\s+/).length > 1 ? 1 : 0);
  const best = [...variants].sort((a, b) => words(b) - words(a) || b.articles - a.articles || b.quotes - a.quotes || b.name.length - a.name.length || a.name.localeCompare(b.name));
  return best[0]?.name ?? '';
}

/** Merges the speakers of all summaries into people and organisations. Pure; near-linear in the number of speakers. */
export function mergeSpeakers(summaries: readonly ArticleSummary[]): SpeakerDirectory {
  const graph = new IdentityGraph();
  const orgNodes = new Map<string, number>();
  const entries = collectEntries(summaries, graph, orgNodes);
  graph.mergeFullNames();
  resolveBareSurnames(entries, graph);
  const orgRoots = new Set([...orgNodes.values()]);

  const groups = new Map<number, Entry[]>();
  for (const e of entries) {
    const root = graph.uf.find(e.node);
    const list = groups.get(root);
    if (list) list.push(e);
    else groups.set(root, [e]);
  }
  const built = [...groups.entries()].map(([root, members]) => {
    const variants = new Map<string, { quotes: number; articles: Set<number> }>();
    const articles = new Set<number>();
    let quotes = 0;
    for (const m of members) {
      const v = variants.get(m.name) ?? { quotes: 0, articles: new Set<number>() };
      v.quotes += m.quotes;
      v.articles.add(m.article);
      variants.set(m.name, v);
      articles.add(m.article);
      quotes += m.quotes;
    }
    const isOrganisation = orgRoots.has(root);
    const list: NameVariant[] = [...variants].map(([name, v]) => ({ name, quotes: v.quotes, articles: v.articles.size }));
    list.sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || a.name.localeCompare(b.name));
    const person: CorpusPerson = {
      name: displayName(list, isOrganisation),
      kind: isOrganisation ? 'organisation' : 'person',
      variants: list,
      quotes,
      articles: [...articles].sort((a, b) => a - b).map((a) => summaries[a]?.path ?? ''),
    };
    return { person, members };
  });
  built.sort((a, b) => b.person.quotes - a.person.quotes || b.person.articles.length - a.person.articles.length || a.person.name.localeCompare(b.person.name));

  const assignments = new Map<string, (number | null)[]>(summaries.map((s) => [s.path, s.speakers.map(() => null)]));
  built.forEach(({ members }, id) => {
    for (const m of members) {
      const row = assignments.get(summaries[m.article]?.path ?? '');
      if (row) row[m.speaker] = id;
    }
  });
  return { people: built.map((b) => b.person), assignments };
}
