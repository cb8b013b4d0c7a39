// The answer controls, one renderer per kind of question: real buttons and inputs, big enough to
// tap on a phone. A control shows the state's answer (`show`) and reports the owner's (`set`); it
// keeps no answer of its own.
import { h, newId } from './dom';
import { scaleOf, unratedRows } from './logic';
import type { Answer, Question, QuestionKind } from './types';

export interface Control {
  element: HTMLElement;
  /** Shows `value`, the answer in the page's state. */
  show(value: Answer | undefined): void;
  /** Moves the focus into the control (to the first row not rated, for a matrix). */
  focus(): void;
  /** Marks what is left to answer (a matrix's rows not rated), or clears the marks. */
  flag?(on: boolean): void;
}

export interface ControlContext {
  question: Question;
  /** The id of the question's title, which labels the control. */
  titleId: string;
  /** The answer in the page's state. */
  get(): Answer | undefined;
  /** Records the owner's answer (undefined: none). */
  set(value: Answer | undefined): void;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

interface ScoreRow {
  element: HTMLElement;
  show(score: number | undefined): void;
  focus(): void;
}

/**
 * A row of score buttons (aria-pressed on the chosen one), labelled by `labelledBy`; `name` says
 * a score in words for screen readers ("1 分，很不满意").
 */
function scoreRow(scores: number[], labelledBy: string, name: (score: number) => string, pick: (score: number) => void, layout: string): ScoreRow {
  const buttons = scores.map((score) =>
    h('button', { type: 'button', class: 'sv-score', 'aria-pressed': 'false', 'aria-label': name(score), 'data-score': score, onclick: () => pick(score) }, String(score)),
  );
  const element = h('div', { class: `sv-scores ${layout}`, role: 'group', 'aria-labelledby': labelledBy }, ...buttons);
  let chosen: number | undefined;
  return {
    element,
    show(score) {
      chosen = score;
      buttons.forEach((button, i) => button.setAttribute('aria-pressed', String(scores[i] === score)));
    },
    focus() {
      (buttons.find((_, i) => scores[i] === chosen) ?? buttons[0]).focus({ preventScroll: true });
    },
  };
}

/** The words under the two ends of a scale. */
const ends = (low: string, high: string) => h('div', { class: 'sv-ends', 'aria-hidden': 'true' }, h('span', {}, low), h('span', {}, high));

const kRatingLow = '很不满意';
const kRatingHigh = '很满意';
function ratingWords(score: number, scale: number): string {
  if (score === 1) return `1 分，${kRatingLow}`;
  if (score === scale) return `${scale} 分，${kRatingHigh}`;
  return `${score} 分`;
}

/** Five (or `scale`) scores in one row, very unsatisfied to very satisfied; a long scale wraps. */
function rating({ question, titleId, set }: ControlContext): Control {
  const scale = scaleOf(question);
  const row = scoreRow(range(1, scale), titleId, (score) => ratingWords(score, scale), (score) => set(score), scale > 7 ? 'sv-scores--wrap' : 'sv-scores--fit');
  return {
    element: h('div', { class: 'sv-rating' }, row.element, ends(`1 ${kRatingLow}`, `${scale} ${kRatingHigh}`)),
    show: (value) => row.show(typeof value === 'number' ? value : undefined),
    focus: row.focus,
  };
}

/** 0 to 10: eleven cells in a row, six and five on a phone. */
function nps({ titleId, set }: ControlContext): Control {
  const words = (score: number) => (score === 0 ? '0 分，完全不可能' : score === 10 ? '10 分，非常可能' : `${score} 分`);
  const row = scoreRow(range(0, 10), titleId, words, (score) => set(score), 'sv-scores--nps');
  return {
    element: h('div', { class: 'sv-nps' }, row.element, ends('0 完全不可能', '10 非常可能')),
    show: (value) => row.show(typeof value === 'number' ? value : undefined),
    focus: row.focus,
  };
}

/** A list of options to tick: radios (single) or checkboxes (multi). */
function choices({ question, get, set }: ControlContext, multiple: boolean): Control {
  const name = newId('choice');
  const options = question.options ?? [];
  const inputs = options.map((option) =>
    h('input', {
      type: multiple ? 'checkbox' : 'radio',
      name,
      value: option,
      onchange: () => {
        if (!multiple) return set(option);
        const current = get();
        const chosen = new Set(Array.isArray(current) ? current : []);
        if (chosen.has(option)) chosen.delete(option);
        else chosen.add(option);
        const list = options.filter((o) => chosen.has(o));
        set(list.length ? list : undefined);
      },
    }),
  );
  const labels = inputs.map((input, i) => h('label', { class: 'sv-choice' }, input, h('span', { class: 'sv-choice-text' }, options[i])));
  return {
    element: h('div', { class: 'sv-choices' }, ...labels),
    show(value) {
      inputs.forEach((input, i) => {
        const on = Array.isArray(value) ? value.includes(options[i]) : value === options[i];
        input.checked = on;
        labels[i].classList.toggle('is-on', on);
      });
    },
    focus() {
      (inputs.find((input) => input.checked) ?? inputs[0])?.focus({ preventScroll: true });
    },
  };
}

export const kTextMax = 2000;

/** A text box of up to 2000 characters, with what is left. */
function text({ question, titleId, set }: ControlContext): Control {
  const countId = newId('count');
  const area = h('textarea', {
    class: 'sv-text',
    rows: 4,
    maxlength: kTextMax,
    'aria-labelledby': titleId,
    'aria-describedby': countId,
    placeholder: question.required ? '请输入' : '选填，请输入您的意见或建议',
    oninput: () => {
      count.textContent = `${area.value.length}/${kTextMax}`;
      set(area.value === '' ? undefined : area.value);
    },
  });
  const count = h('span', { class: 'sv-count', id: countId }, `0/${kTextMax}`);
  return {
    element: h('div', { class: 'sv-textbox' }, area, count),
    show(value) {
      const shown = typeof value === 'string' ? value : '';
      if (area.value !== shown) area.value = shown;
      count.textContent = `${area.value.length}/${kTextMax}`;
    },
    focus: () => area.focus({ preventScroll: true }),
  };
}

/** Each row rated 1..scale: a label over its buttons on a phone, beside them on a wide screen. */
function matrix({ question, get, set }: ControlContext): Control {
  const scale = scaleOf(question);
  const rows = (question.rows ?? []).map((row) => {
    const labelId = newId('row');
    const line = scoreRow(
      range(1, scale),
      labelId,
      (score) => `${row.text}：${ratingWords(score, scale)}`,
      (score) => {
        const current = get();
        const rated = current && typeof current === 'object' && !Array.isArray(current) ? current : {};
        set({ ...rated, [row.key]: score });
      },
      scale > 7 ? 'sv-scores--wrap' : 'sv-scores--fit',
    );
    const element = h('div', { class: 'sv-row', 'data-row': row.key }, h('span', { class: 'sv-row-label', id: labelId }, row.text), line.element);
    return { key: row.key, element, line };
  });
  let missingShown = false;
  const mark = () => {
    const missing = new Set(missingShown ? unratedRows(question, get()) : []);
    for (const row of rows) row.element.classList.toggle('is-missing', missing.has(row.key));
  };
  return {
    element: h(
      'div',
      // A long scale keeps each row's label over its buttons on a wide screen too.
      { class: scale > 7 ? 'sv-matrix sv-matrix--long' : 'sv-matrix' },
      // The scale in words, unless the question says it already.
      question.text.includes(kRatingHigh) ? null : h('p', { class: 'sv-hint', 'aria-hidden': 'true' }, `1 分${kRatingLow}，${scale} 分${kRatingHigh}`),
      ...rows.map((row) => row.element),
    ),
    show(value) {
      const rated = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      for (const row of rows) row.line.show(rated[row.key]);
      mark();
    },
    focus() {
      const missing = unratedRows(question, get());
      (rows.find((row) => missing.includes(row.key)) ?? rows[0])?.line.focus();
    },
    flag(on) {
      missingShown = on;
      mark();
    },
  };
}

export const renderers: Record<QuestionKind, (context: ControlContext) => Control> = {
  rating,
  nps,
  single: (context) => choices(context, false),
  multi: (context) => choices(context, true),
  text,
  matrix,
};
