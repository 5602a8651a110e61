import { anchorAt } from '../anchoring/capture';
import { newAnnotationId } from './ids';
import type { Annotation, AttributeValue, Rejection } from './types';

export interface NewAnnotation {
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly author: string;
  /** ISO 8601 timestamp, taken from the caller so the core stays deterministic. */
  readonly now: string;
  readonly note?: string;
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly id?: string;
}

export function createAnnotation(documentText: string, init: NewAnnotation): Annotation {
  return {
    ...anchorAt(documentText, init.start, init.end),
    id: init.id ?? newAnnotationId(),
    label: init.label,
    ...(init.note === undefined ? {} : { note: init.note }),
    attributes: { ...init.attributes },
    author: init.author,
    created: init.now,
    modified: init.now,
    status: 'active',
  };
}

export interface NewRejection {
  readonly id?: string;
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly author: string;
  readonly now: string;
}

export function createRejection(documentText: string, init: NewRejection): Rejection {
  return {
    ...anchorAt(documentText, init.start, init.end),
    id: init.id ?? newAnnotationId(),
    kind: init.kind,
    author: init.author,
    created: init.now,
    status: 'active',
  };
}

/** Whether a detection of `kind` over [start, end) was dismissed by a person and must stay hidden. */
export function isRejected(rejections: readonly Rejection[], kind: string, start: number, end: number): boolean {
  return rejections.some((r) => r.status === 'active' && r.kind === kind && r.start === start && r.end === end);
}

/**
 * `annotation` marked as waiting for a check of its place (with that place's confidence), or with
 * the mark cleared (`review` undefined). Only an active tag can wait for a check.
 */
export function withReview(annotation: Annotation, review: number | undefined): Annotation {
  const next = review === undefined || annotation.status !== 'active' ? undefined : review;
  if (annotation.review === next) return annotation;
  const copy: { -readonly [K in keyof Annotation]: Annotation[K] } = { ...annotation };
  if (next === undefined) delete copy.review;
  else copy.review = next;
  return copy;
}
