// The questionnaire's rules on the owner's side, as the server applies them
// (src/modules/surveys/builder/questionnaire.cpp, Shown and CheckAnswers): which questions are
// shown, what counts as answered, and what is sent. Pure functions, no DOM.
import type { Answer, Answers, Question, ShowIf } from './types';

/** A rating or matrix question's top score (1..scale, 5 unless told). */
export const scaleOf = (q: Question): number => q.scale ?? 5;

/** Whether `value` answers `q` at all: a blank text, no option or no row rated is no answer. */
export function isAnswered(q: Question, value: Answer | undefined): boolean {
  if (value === undefined) return false;
  switch (q.kind) {
    case 'text':
      return typeof value === 'string' && value.trim() !== '';
    case 'multi':
      return Array.isArray(value) && value.length > 0;
    case 'matrix':
      return typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
    default:
      return true;
  }
}

/** The rows of a matrix question not rated yet in `value`. */
export function unratedRows(q: Question, value: Answer | undefined): string[] {
  const rated = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return (q.rows ?? []).filter((row) => rated[row.key] === undefined).map((row) => row.key);
}

/** Whether `value` answers `q` fully: a matrix has every row rated. */
export function isComplete(q: Question, value: Answer | undefined): boolean {
  if (!isAnswered(q, value)) return false;
  return q.kind !== 'matrix' || unratedRows(q, value).length === 0;
}

/**
 * Whether a question with `showIf` is shown, given the answers of the questions shown before it:
 * nothing is shown on an earlier question left unanswered; a multiple choice meets eq / in when
 * any of its choices does, and ne when none does.
 */
export function conditionHolds(showIf: ShowIf, earlier: Answers): boolean {
  const answer = earlier[showIf.key];
  if (answer === undefined) return false;
  if (showIf.op === 'answered') return true;
  const matches = (want: unknown) => (Array.isArray(answer) ? answer.includes(want as string) : answer === want);
  switch (showIf.op) {
    case 'eq':
      return matches(showIf.value);
    case 'ne':
      return !matches(showIf.value);
    case 'in':
      return Array.isArray(showIf.value) && showIf.value.some(matches);
    case 'lte':
    case 'gte': {
      if (typeof answer !== 'number' || typeof showIf.value !== 'number') return false;
      return showIf.op === 'lte' ? answer <= showIf.value : answer >= showIf.value;
    }
    default:
      return false;
  }
}

/** What is sent of one answer: a text trimmed, a matrix's rows of the question only. */
function cleaned(q: Question, value: Answer): Answer {
  if (q.kind === 'text' && typeof value === 'string') return value.trim();
  if (q.kind === 'multi' && Array.isArray(value)) return (q.options ?? []).filter((option) => value.includes(option));
  if (q.kind === 'matrix' && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries((q.rows ?? []).filter((row) => value[row.key] !== undefined).map((row) => [row.key, value[row.key]]));
  }
  return value;
}

/**
 * The questions shown (their keys) and the answers to send, walking the questionnaire in order:
 * a question is shown when its condition holds on the answers kept so far; the answers of hidden
 * questions, and empty ones, are left out (the server refuses an answer to a hidden question).
 */
export function walk(questions: Question[], answers: Answers): { shown: Set<string>; kept: Answers } {
  const shown = new Set<string>();
  const kept: Answers = {};
  for (const q of questions) {
    if (q.show_if && !conditionHolds(q.show_if, kept)) continue;
    shown.add(q.key);
    const value = answers[q.key];
    if (isAnswered(q, value)) kept[q.key] = cleaned(q, value as Answer);
  }
  return { shown, kept };
}

/** The shown required questions not fully answered, in order. */
export function missingRequired(questions: Question[], answers: Answers): Question[] {
  const { shown } = walk(questions, answers);
  return questions.filter((q) => q.required && shown.has(q.key) && !isComplete(q, answers[q.key]));
}

const isScore = (value: unknown, low: number, high: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high;

/** One saved answer if it still fits its question (the draft comes from the wire), else undefined. */
function restored(q: Question, value: unknown): Answer | undefined {
  switch (q.kind) {
    case 'rating':
      return isScore(value, 1, scaleOf(q)) ? value : undefined;
    case 'nps':
      return isScore(value, 0, 10) ? value : undefined;
    case 'single':
      return typeof value === 'string' && (q.options ?? []).includes(value) ? value : undefined;
    case 'multi':
      return Array.isArray(value) ? (q.options ?? []).filter((option) => value.includes(option)) : undefined;
    case 'text':
      return typeof value === 'string' ? value : undefined;
    case 'matrix': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
      const rows = value as Record<string, unknown>;
      const rated: Record<string, number> = {};
      for (const row of q.rows ?? []) {
        const score = rows[row.key];
        if (isScore(score, 1, scaleOf(q))) rated[row.key] = score;
      }
      return rated;
    }
    default:
      return undefined;
  }
}

/** The answers of a saved draft that still fit the questions. */
export function fromDraft(questions: Question[], draft: Record<string, unknown> | null): Answers {
  const answers: Answers = {};
  if (!draft) return answers;
  for (const q of questions) {
    const value = restored(q, draft[q.key]);
    if (isAnswered(q, value)) answers[q.key] = value as Answer;
  }
  return answers;
}
