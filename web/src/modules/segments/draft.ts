// The rule editor's draft: a model's name and its ordered segments with their sub-classes, as the
// page edits them (each with a `uid` that stays while the cards move), and what the server is sent.
// Codes are the server's keys for the segments (the profiles and counts name them): a segment keeps
// its code while edited, a new one gets one here; people never see them.
import { ApiError } from '../../shared/api/client';
import { ruleErrorsOf } from './api';
import type { ModelInput, PresetCode, RuleError, Segment, SegmentInput, SegmentModel, SegmentPreset } from './types';

export interface DraftSub {
  uid: string;
  code: string;
  name: string;
  rule: string;
  description: string;
  published_share: number | null;
}

export interface DraftSegment extends DraftSub {
  subs: DraftSub[];
}

export interface Draft {
  name: string;
  description: string;
  /** The preset it starts from (sent when created), null from blank. */
  preset: PresetCode | null;
  segments: DraftSegment[];
}

let lastUid = 0;
const nextUid = () => `s${++lastUid}`;

const subOf = (s: Segment): DraftSub => ({ uid: nextUid(), code: s.code, name: s.name, rule: s.rule, description: s.description, published_share: s.published_share });
const segmentOf = (s: Segment): DraftSegment => ({ ...subOf(s), subs: s.subs.map(subOf) });

export const draftOfModel = (model: SegmentModel): Draft => ({ name: model.name, description: model.description, preset: null, segments: model.segments.map(segmentOf) });

export const draftOfPreset = (preset: SegmentPreset, name: string): Draft => ({
  name,
  description: preset.description,
  preset: preset.code as PresetCode,
  segments: preset.segments.map(segmentOf),
});

/** A code no other segment (or sub-class) of `taken` has: `segment_3`, `segment_3_1`. */
function freshCode(prefix: string, taken: readonly { code: string }[]): string {
  const codes = new Set(taken.map((s) => s.code));
  for (let n = taken.length + 1; ; n += 1) {
    const code = `${prefix}_${n}`;
    if (!codes.has(code)) return code;
  }
}

export function newSegment(segments: readonly DraftSegment[], name: string): DraftSegment {
  return { uid: nextUid(), code: freshCode('segment', segments), name, rule: '', description: '', published_share: null, subs: [] };
}

export function newSub(segment: DraftSegment, name: string): DraftSub {
  return { uid: nextUid(), code: freshCode(segment.code, segment.subs), name, rule: '', description: '', published_share: null };
}

/** A blank model: one segment, its rule to be written. */
export const blankDraft = (name: string, firstSegment: string): Draft => ({ name, description: '', preset: null, segments: [newSegment([], firstSegment)] });

const subOut = (s: DraftSub): NonNullable<SegmentInput['subs']>[number] => ({
  code: s.code,
  name: s.name.trim(),
  rule: s.rule,
  ...(s.description ? { description: s.description } : {}),
  published_share: s.published_share,
});

/** The segments as the server takes them. */
export const segmentsOut = (draft: Draft): SegmentInput[] => draft.segments.map((s) => ({ ...subOut(s), subs: s.subs.map(subOut) }));

/** The body of 保存 for a new model. */
export const createBody = (draft: Draft): ModelInput => ({
  name: draft.name.trim(),
  description: draft.description,
  segments: segmentsOut(draft),
  ...(draft.preset ? { preset: draft.preset } : {}),
});

/**
 * The body of the live preview: the segments only, in order. A segment or sub-class whose rule is
 * not written yet takes nobody (`false`), and one without a name a stand-in, so that the others'
 * shares show meanwhile; the card says what is missing.
 */
export function previewBody(draft: Draft): ModelInput {
  const ready = (s: DraftSub) => ({ ...subOut(s), name: s.name.trim() || s.code, rule: s.rule.trim() ? s.rule : 'false' });
  return { segments: draft.segments.map((s) => ({ ...ready(s), subs: s.subs.map(ready) })) };
}

/** Whether two drafts say the same (the uids aside). */
export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(createBody(a)) === JSON.stringify(createBody(b));
}

/** What the server found wrong with one card: its rule's fault, its other fields' reasons (`name` → `required`). */
export interface CardFaults {
  rule?: RuleError;
  /** The rule's text the fault was found in (its position counts in it). */
  ruleText?: string;
  fields: Map<string, string>;
}

/** The faults of a save or a preview placed on the cards (by uid), and those of the model itself (`name`…). */
export interface Faults {
  cards: Map<string, CardFaults>;
  model: Map<string, string>;
}

const kCardField = /^segments\[(\d+)\](?:\.subs\[(\d+)\])?(?:\.(\w+))?$/;

/**
 * Where each fault of a 422 goes, by the draft that was sent: `segments[2].subs[0].rule` to that
 * sub-class's card, `name` to the model's name. Null for any other failure.
 */
export function placeFaults(err: unknown, sent: Draft): Faults | null {
  if (!(err instanceof ApiError) || err.status !== 422) return null;
  const faults: Faults = { cards: new Map(), model: new Map() };
  const cardAt = (field: string): { uid: string; rule: string; rest: string } | null => {
    const match = field.match(kCardField);
    if (!match) return null;
    const segment = sent.segments[Number(match[1])];
    const card = match[2] === undefined ? segment : segment?.subs[Number(match[2])];
    return card ? { uid: card.uid, rule: card.rule, rest: match[3] ?? '' } : null;
  };
  const entry = (uid: string) => {
    const found = faults.cards.get(uid) ?? { fields: new Map<string, string>() };
    faults.cards.set(uid, found);
    return found;
  };
  for (const ruleError of ruleErrorsOf(err)) {
    const at = cardAt(ruleError.field);
    if (!at) continue;
    const card = entry(at.uid);
    card.rule = ruleError;
    card.ruleText = at.rule;
  }
  for (const [field, reason] of Object.entries(err.fields)) {
    const at = cardAt(field);
    if (!at) faults.model.set(field, reason);
    else if (!(at.rest === 'rule' && reason === 'invalid_rule')) entry(at.uid).fields.set(at.rest, reason);
  }
  return faults;
}
