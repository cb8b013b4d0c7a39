// The questionnaire builder's model: the draft as the page edits it (each question with a key of its
// own for React), what each kind of question keeps, the keys made from positions, and the server's
// faults put back on the question they name ("questions[2].options" → the third card).
import type { CallbackRule, Measure, Question, QuestionKind, ShowIf, ShowIfOp } from './types';

/** A question on the page: the server's members, and `uid`, which stays when it moves. */
export type DraftQuestion = Question & { uid: string };

export interface Draft {
  title: string;
  description: string;
  questions: DraftQuestion[];
  callback_rule: CallbackRule;
}

let nextUid = 0;
const uid = () => `q-${++nextUid}`;

/** The scale a rating or a matrix starts with, and its bounds. */
export const kDefaultScale = 5;
export const kScaleBounds = { min: 3, max: 10 } as const;
/** Keys: lower-case letters, digits and underscores, 1–40 of them (as the server checks). */
export const kKeyPattern = /^[a-z0-9_]{1,40}$/;

export const draftOf = (survey: { title: string; description: string; questions: Question[]; callback_rule: CallbackRule }): Draft => ({
  title: survey.title,
  description: survey.description,
  questions: survey.questions.map((question) => ({ ...question, uid: uid() })),
  callback_rule: survey.callback_rule ?? null,
});

/** The first of q1, q2, … from `position` (1-based) that no other question has. */
export function freeKey(questions: readonly Pick<Question, 'key'>[], position: number): string {
  const taken = new Set(questions.map((question) => question.key));
  for (let n = position; ; n++) if (!taken.has(`q${n}`)) return `q${n}`;
}

/** The first of r1, r2, … that no row of the matrix has. */
export function freeRowKey(rows: readonly { key: string }[]): string {
  const taken = new Set(rows.map((row) => row.key));
  for (let n = rows.length + 1; ; n++) if (!taken.has(`r${n}`)) return `r${n}`;
}

/** Whether a kind is rated on 1..scale (a rating, a matrix's rows). */
export const hasScale = (kind: QuestionKind) => kind === 'rating' || kind === 'matrix';
/** Whether a kind offers options (单选, 多选). */
export const hasOptions = (kind: QuestionKind) => kind === 'single' || kind === 'multi';
/** The measures a kind may carry: 总体满意度 a rating only; 再次购买 and 推荐 a rating, an NPS or a single choice. */
export function measuresFor(kind: QuestionKind): Measure[] {
  if (kind === 'rating') return ['satisfaction', 'rebuy', 'recommend'];
  if (kind === 'nps' || kind === 'single') return ['rebuy', 'recommend'];
  return [];
}

/** A new question of `kind` at `position` (1-based), with what its kind needs to be valid but its words. */
export function newQuestion(kind: QuestionKind, questions: readonly Question[], position: number): DraftQuestion {
  const question: DraftQuestion = { uid: uid(), key: freeKey(questions, position), kind, text: '', required: kind !== 'text' };
  return withKind(question, kind);
}

/** The question as `kind`: what the new kind does not use goes, what it needs comes with defaults. */
export function withKind(question: DraftQuestion, kind: QuestionKind): DraftQuestion {
  const next: DraftQuestion = { uid: question.uid, key: question.key, kind, text: question.text, required: question.required };
  if (question.show_if) next.show_if = question.show_if;
  if (hasScale(kind)) next.scale = question.scale ?? kDefaultScale;
  if (hasOptions(kind)) next.options = question.options?.length ? question.options : ['', ''];
  if (kind === 'rating' && question.item) next.item = question.item;
  if (kind === 'matrix') next.rows = question.rows?.length ? question.rows : [{ key: 'r1', text: '' }];
  if (question.measures && measuresFor(kind).includes(question.measures)) next.measures = question.measures;
  if (kind === 'single' && next.measures) next.positive = (question.positive ?? []).filter((option) => next.options?.includes(option));
  return next;
}

/** The questions as the server takes them: the page's `uid` dropped, a single's yes-options kept only with a measure. */
export function questionsOut(questions: readonly DraftQuestion[]): Question[] {
  return questions.map(({ uid: _uid, ...question }) => {
    const out: Question = { ...question };
    if (out.kind !== 'single' || !out.measures) delete out.positive;
    if (!out.measures) delete out.measures;
    if (!out.item) delete out.item;
    if (!out.show_if) delete out.show_if;
    if (out.rows) out.rows = out.rows.map((row) => (row.item ? row : { key: row.key, text: row.text }));
    return out;
  });
}

/** The operators a condition on a question of `kind` may use. */
export function opsFor(kind: QuestionKind): ShowIfOp[] {
  if (kind === 'rating' || kind === 'nps') return ['eq', 'ne', 'lte', 'gte', 'in', 'answered'];
  if (kind === 'single' || kind === 'multi') return ['eq', 'ne', 'in', 'answered'];
  return ['answered'];
}

/** The answers a condition on `question` may compare with: its options, or its scale's numbers. */
export function answersOf(question: Question): (string | number)[] {
  if (question.kind === 'single' || question.kind === 'multi') return (question.options ?? []).filter((option) => option.trim() !== '');
  if (question.kind === 'nps') return Array.from({ length: 11 }, (_, i) => i);
  if (question.kind === 'rating') return Array.from({ length: question.scale ?? kDefaultScale }, (_, i) => i + 1);
  return [];
}

/** A condition on `key` made valid for its question: the operator it allows, a value among its answers. */
export function fitShowIf(showIf: ShowIf, on: Question | undefined): ShowIf {
  if (!on) return showIf;
  const ops = opsFor(on.kind);
  const op = ops.includes(showIf.op) ? showIf.op : ops[0];
  if (op === 'answered') return { key: showIf.key, op };
  const answers = answersOf(on);
  if (op === 'in') {
    const list = Array.isArray(showIf.value) ? showIf.value.filter((value) => answers.includes(value)) : [];
    return { key: showIf.key, op, value: list };
  }
  const value = Array.isArray(showIf.value) ? showIf.value[0] : showIf.value;
  return { key: showIf.key, op, value: value !== undefined && value !== null && answers.includes(value) ? value : null };
}

/** After a question's key changed from `from` to `to`: the conditions that named it name it still. */
export function renameKey(questions: DraftQuestion[], from: string, to: string): DraftQuestion[] {
  return questions.map((question) => (question.show_if?.key === from ? { ...question, show_if: { ...question.show_if, key: to } } : question));
}

/** The measures other questions than `uid` carry, each with the position (1-based) of its question. */
export function measuresTaken(questions: readonly DraftQuestion[], uid: string): Map<Measure, number> {
  const taken = new Map<Measure, number>();
  questions.forEach((question, index) => {
    if (question.uid !== uid && question.measures) taken.set(question.measures, index + 1);
  });
  return taken;
}

/** The satisfaction question (总体满意度) the call-back rule reads, if there is one. */
export const satisfactionQuestion = (questions: readonly Question[]) => questions.find((question) => question.measures === 'satisfaction' && question.kind === 'rating');

/** A server field of a question: its index and the rest of the path ("questions[2].options" → 2, "options"). */
export function questionField(field: string): { index: number; rest: string } | null {
  const match = /^questions\[(\d+)\](?:\.(.*))?$/.exec(field);
  return match ? { index: Number(match[1]), rest: match[2] ?? '' } : null;
}

/** The field errors of a 422 by place: the questions' (by index, each path → reasons) and the others'. */
export interface PlacedErrors {
  questions: Map<number, Map<string, string>>;
  other: Map<string, string>;
}

export function placeErrors(fields: Record<string, string>): PlacedErrors {
  const placed: PlacedErrors = { questions: new Map(), other: new Map() };
  for (const [field, reason] of Object.entries(fields)) {
    const at = questionField(field);
    if (!at) {
      placed.other.set(field, reason);
      continue;
    }
    const list = placed.questions.get(at.index) ?? new Map<string, string>();
    list.set(at.rest, reason);
    placed.questions.set(at.index, list);
  }
  return placed;
}

/** The reasons of `errors` (a question's) whose path is `path` or lies under it ("rows" holds "rows[1].key"). */
export function errorsUnder(errors: Map<string, string> | undefined, path: string): [string, string][] {
  if (!errors) return [];
  return [...errors].filter(([at]) => at === path || at.startsWith(`${path}.`) || at.startsWith(`${path}[`));
}

/** Whether two drafts would save the same (to tell unsaved changes). */
export function sameDraft(a: Draft, b: Draft): boolean {
  const out = (d: Draft) => JSON.stringify({ t: d.title, d: d.description, q: questionsOut(d.questions), c: d.callback_rule });
  return out(a) === out(b);
}
