import type { Analysis, SpeakerMention } from '../analysis/types';

/** The identity of a detection a person rejected: its kind and exact place. */
export function detectionKey(kind: string, start: number, end: number): string {
  return `${kind}:${start}:${end}`;
}

/** The keys of the active rejections among `rejections` (orphaned ones hide nothing). */
export function rejectedKeys(rejections: readonly { readonly kind: string; readonly start: number; readonly end: number; readonly status: string }[]): Set<string> {
  return new Set(rejections.filter((r) => r.status === 'active').map((r) => detectionKey(r.kind, r.start, r.end)));
}

/**
 * The analysis as shown: without the rejected detections. A speaker whose every mention was
 * rejected disappears, and quotes attributed to them become unattributed.
 */
export function withoutRejected(analysis: Analysis, rejected: ReadonlySet<string>): Analysis {
  if (rejected.size === 0) return analysis;
  const kept = (kind: string) => (s: { start: number; end: number }): boolean => !rejected.has(detectionKey(kind, s.start, s.end));
  const keptMention = kept('speaker');
  // A mention rejected when it was only the name ("Jeff Weaver") stays rejected now that it spans the
  // phrase around the name ("Jeff Weaver, a spokesman"): the name's place is found inside it.
  const keptSpeaker = (m: SpeakerMention): boolean => {
    if (!keptMention(m)) return false;
    const at = m.head === undefined ? -1 : m.text.indexOf(m.head);
    return at < 0 || !rejected.has(detectionKey('speaker', m.start + at, m.start + at + (m.head?.length ?? 0)));
  };
  const speakers = analysis.speakers.map((s) => ({ ...s, mentions: s.mentions.filter(keptSpeaker) })).filter((s) => s.mentions.length > 0);
  const speakerIds = new Set(speakers.map((s) => s.id));
  return {
    ...analysis,
    quotes: analysis.quotes.filter(kept('quote')).map((q) => (q.speakerId !== null && !speakerIds.has(q.speakerId) ? { ...q, speakerId: null, mention: null } : q)),
    speakers,
    cues: analysis.cues.filter(kept('cue')),
    noise: analysis.noise.filter(kept('noise')),
  };
}
