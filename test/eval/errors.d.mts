// Types of errors.mjs for the unit tests (test/unit/eval/errors.test.ts).
export interface GoldSpan {
  start: number;
  end: number;
  attrs?: string[];
  mixed?: boolean;
  kind?: string;
}
export interface Doc {
  quotes?: (GoldSpan & { mention?: (GoldSpan & { kind: string }) | null; cue?: GoldSpan | null; rules?: string[] })[];
  speakers?: GoldSpan[];
  cues?: GoldSpan[];
  noise?: GoldSpan[];
  ignore?: Record<string, GoldSpan[]>;
  meta?: { domain?: string };
}
export interface EvalError {
  group: string;
  kind: string;
  example: string;
  form?: string;
  shape?: string;
  place?: string;
  quote?: string;
  rule?: string;
  chars?: number;
  site?: string;
}
export interface TallyRow {
  kind: string;
  count: number;
  weight: number;
  examples: string[];
}
export interface TallyGroup {
  group: string;
  total: number;
  weight: number;
  rows: TallyRow[];
}
export function normalise(text: string, start: number, end: number): [number, number];
export function matchOverlap(text: string, gold: GoldSpan[], pred: GoldSpan[]): { goldMatched: Set<number>; predMatched: Set<number> };
export function excerpt(s: string, max?: number): string;
export function inContext(text: string, start: number, end: number, width?: number): string;
export function attributionRule(quote: { rules?: string[] } | undefined): string;
export function speakerShape(span: string): string;
export function lineStarts(text: string): number[];
export function speakerPlace(starts: number[], speaker: GoldSpan, quotes: GoldSpan[]): string;
export function speakerErrors(text: string, gold: Doc, pred: Doc): EvalError[];
export function speakerExtentErrors(text: string, gold: Doc, pred: Doc): EvalError[];
export function openingMark(text: string, start: number): string;
export function quoteErrors(text: string, gold: Doc, pred: Doc): EvalError[];
export function cueHead(span: string): string;
export function cueStem(word: string): string;
export function cueErrors(text: string, gold: Doc, pred: Doc, knownVerbs?: ReadonlySet<string> | null): EvalError[];
export function lineShape(line: string): string;
export function noiseErrors(text: string, gold: Doc, pred: Doc): EvalError[];
export function tally(errors: EvalError[], key?: (e: EvalError) => string): TallyGroup[];
export function spread<T>(examples: T[], n: number): T[];
export function formatTally(title: string, tallied: TallyGroup[], options?: { top?: number; examples?: number; unit?: string }): string;
