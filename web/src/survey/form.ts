// The questionnaire to answer: the questions shown by the answers so far, the progress, the draft
// saved as the owner goes (1.5 s after a change, and as the page is left), the required
// questions checked before the one answer is sent. In the staff's preview nothing is sent.
import { ApiFailure, saveDraft, submitAnswers } from './api';
import { h, newId, scrollBehavior } from './dom';
import { fromDraft, isComplete, missingRequired, unratedRows, walk } from './logic';
import { renderers, type Control } from './questions';
import { dayText, greeting } from './pages';
import type { Answer, Answers, PublicSurvey, Question } from './types';

const kDraftDelay = 1_500;
/** A draft not saved (the network) is tried again after this, unless a change comes first. */
const kDraftRetry = 10_000;

/** What the form hands back to the page. */
export interface FormHooks {
  /** The survey has left the form: answered (just now, or before on another device) or closed. */
  finished(survey: PublicSurvey, justSent: boolean): void;
  /** The link stopped being valid. */
  invalid(): void;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The form's state: the answers, the questions' faults, where the draft and the answer stand. */
interface FormState {
  answers: Answers;
  /** question key → what is wrong with its answer, shown under it. */
  errors: Map<string, string>;
  /** Bumped at each change; `saved` is the change the last saved draft holds. */
  changes: number;
  saved: number;
  submitting: boolean;
  /** The page has left the form: no more drafts. */
  done: boolean;
}

/** One question on the page. */
interface QuestionView {
  question: Question;
  card: HTMLElement;
  number: HTMLElement;
  error: HTMLElement;
  control: Control;
}

const kFieldWords: Record<string, string> = {
  required: '请回答此题',
  out_of_range: '请在给出的分值中选择',
  not_an_option: '请在给出的选项中选择',
  too_long: '内容过长，请精简到 2000 字以内',
  control_character: '内容含有无法识别的字符，请修改后再提交',
};

/** What a required question still lacks, in words. */
function lacking(question: Question, value: Answer | undefined): string {
  const rows = question.kind === 'matrix' ? unratedRows(question, value).length : 0;
  return rows > 0 && rows < (question.rows ?? []).length ? `请回答此题（还有 ${rows} 项未打分）` : '请回答此题';
}

/**
 * The form's parts for the page's frame (the intro, the banner of a preview, the questions and the
 * button); `token` null is the staff's preview, which saves and sends nothing.
 */
export function surveyForm(survey: PublicSurvey, token: string | null, hooks: FormHooks): { banner?: HTMLElement; main: HTMLElement[] } {
  const preview = token === null;
  const questions = survey.questions;
  const restored = fromDraft(questions, survey.draft);
  const state: FormState = { answers: { ...restored }, errors: new Map(), changes: 0, saved: 0, submitting: false, done: false };

  // The progress strip, kept in view at the top: 已答 3/7, and whether the draft is saved.
  const progressText = h('span', { class: 'sv-progress-text', 'data-testid': 'survey-progress' });
  const progressBar = h('span', { class: 'sv-progress-bar' });
  const saveText = h('span', { class: 'sv-save', 'aria-live': 'polite', 'data-testid': 'survey-save' });
  const progress = h(
    'div',
    { class: 'sv-progress' },
    h('div', { class: 'sv-progress-in' }, progressText, saveText),
    h('span', { class: 'sv-progress-track', 'aria-hidden': 'true' }, progressBar),
  );

  const views: QuestionView[] = questions.map((question) => {
    const titleId = newId('q');
    const errorId = `${titleId}-error`;
    const control = renderers[question.kind]({
      question,
      titleId,
      get: () => state.answers[question.key],
      set: (value) => change(question, value),
    });
    const number = h('span', { class: 'sv-q-no', 'aria-hidden': 'true' });
    const multiHint = question.kind === 'multi' && !question.text.includes('多选') ? h('span', { class: 'sv-q-tag' }, '可多选') : null;
    const title = h(
      'legend',
      { class: 'sv-q-title', id: titleId },
      number,
      h('span', { class: 'sv-q-text' }, question.text, question.required ? h('span', { class: 'sv-req', 'aria-hidden': 'true' }, '*') : null),
      question.required ? h('span', { class: 'sv-hidden' }, '（必答）') : null,
      multiHint,
    );
    const error = h('p', { class: 'sv-q-error', id: errorId, hidden: true });
    const card = h(
      'fieldset',
      { class: 'sv-card sv-q', id: `q-${question.key}`, 'data-testid': `survey-q-${question.key}`, 'data-kind': question.kind, 'aria-describedby': errorId },
      title,
      h('div', { class: 'sv-q-body' }, control.element),
      error,
    );
    control.show(state.answers[question.key]);
    return { question, card, number, error, control };
  });

  // The button, what keeps the answer from going, and the note on drafts.
  const submitError = h('p', { class: 'sv-submit-error', role: 'alert', 'data-testid': 'survey-submit-error', hidden: true });
  const submitButton = h('button', { type: 'submit', class: 'sv-button sv-button--primary sv-button--block', 'data-testid': 'survey-submit' }, '提交');
  const form = h(
    'form',
    { class: 'sv-form', novalidate: true, 'aria-label': survey.title, onsubmit: (event: Event) => (event.preventDefault(), void submit()) },
    ...views.map((view) => view.card),
    h(
      'div',
      { class: 'sv-submit' },
      submitError,
      submitButton,
      h('p', { class: 'sv-fine' }, preview ? '预览不会保存或提交任何回答。' : '您的回答会自动保存，未提交前可随时回到此页继续填写。'),
    ),
  );

  const restoredCount = Object.keys(walk(questions, restored).kept).length;
  const intro = h(
    'section',
    { class: 'sv-card sv-intro', 'data-testid': 'survey-intro' },
    h('p', { class: 'sv-greet', 'data-testid': 'survey-greeting' }, `${greeting(survey)}：`),
    h('h1', { class: 'sv-title' }, survey.title),
    survey.description ? h('p', { class: 'sv-desc' }, survey.description) : null,
    h(
      'p',
      { class: 'sv-meta' },
      h('span', { 'data-testid': 'survey-closes' }, `${dayText(survey.closes_on)}截止`),
      h('span', {}, h('span', { class: 'sv-req', 'aria-hidden': 'true' }, '*'), ' 为必答题'),
    ),
    restoredCount > 0 ? h('p', { class: 'sv-note', 'data-testid': 'survey-restored' }, '已为您恢复上次填写的内容，可继续作答。') : null,
  );

  const banner = preview
    ? h('div', { class: 'sv-banner', role: 'note', 'data-testid': 'survey-preview-banner' }, h('strong', {}, '预览'), ' — 不会提交 · 问卷在业主手机上的样子')
    : undefined;

  /** Shows which questions the answers so far call for, their numbers, faults and the progress. */
  function refresh() {
    const { shown } = walk(questions, state.answers);
    let count = 0;
    let answered = 0;
    for (const view of views) {
      const key = view.question.key;
      const visible = shown.has(key);
      view.card.hidden = !visible;
      if (!visible) state.errors.delete(key);
      if (visible) {
        count += 1;
        view.number.textContent = `${count}`;
        if (isComplete(view.question, state.answers[key])) answered += 1;
      }
      const fault = state.errors.get(key);
      view.error.hidden = !fault;
      view.error.textContent = fault ?? '';
      view.card.classList.toggle('has-error', Boolean(fault));
      view.control.flag?.(Boolean(fault));
    }
    progressText.textContent = `已答 ${answered}/${count}`;
    progressBar.style.width = count ? `${Math.round((answered / count) * 100)}%` : '0';
  }

  function showSaving(saving: SaveState) {
    saveText.textContent = { idle: '', saving: '正在保存…', saved: '已自动保存', failed: '暂未保存，网络恢复后会再试' }[saving];
    saveText.classList.toggle('is-failed', saving === 'failed');
  }

  function change(question: Question, value: Answer | undefined) {
    if (state.done || state.submitting) return;
    if (value === undefined) delete state.answers[question.key];
    else state.answers[question.key] = value;
    views.find((view) => view.question === question)?.control.show(value);
    // A fault shown goes once the answer is there (a matrix says how many rows are left).
    if (state.errors.has(question.key)) {
      if (isComplete(question, value)) state.errors.delete(question.key);
      else state.errors.set(question.key, lacking(question, value));
    }
    if (!submitError.hidden && missingRequired(questions, state.answers).length === 0) submitError.hidden = true;
    state.changes += 1;
    refresh();
    scheduleDraft();
  }

  // The draft: one save at a time, the latest answers each time.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight = false;
  function scheduleDraft() {
    if (preview) return;
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(false), kDraftDelay);
  }
  async function saveNow(leaving: boolean) {
    clearTimeout(timer);
    if (token === null || state.done || state.submitting || state.changes === state.saved) return;
    const changes = state.changes;
    const answers = walk(questions, state.answers).kept;
    if (leaving) {
      // The page may be gone before the answer: the request outlives it, nobody waits for it.
      state.saved = changes;
      saveDraft(token, answers, true).catch(() => {});
      return;
    }
    if (inFlight) return scheduleDraft();
    inFlight = true;
    showSaving('saving');
    try {
      await saveDraft(token, answers);
      state.saved = Math.max(state.saved, changes);
      showSaving(state.changes === changes ? 'saved' : 'saving');
    } catch (err) {
      // A draft refused as the answer goes (409 already_answered) says nothing: the answer does.
      if (state.done || state.submitting || (err instanceof ApiFailure && leaveOn(err))) return;
      showSaving('failed');
      timer = setTimeout(() => void saveNow(false), kDraftRetry);
    } finally {
      inFlight = false;
    }
  }
  const leavePage = () => void saveNow(true);
  const onHide = () => document.visibilityState === 'hidden' && leavePage();
  if (!preview) {
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', leavePage);
  }

  /** The survey answered or closed meanwhile, or the link gone: the page says so instead of the form. */
  function leaveOn(err: ApiFailure): boolean {
    if (err.status === 404) {
      finish();
      hooks.invalid();
      return true;
    }
    if (err.status === 409) {
      finish();
      hooks.finished({ ...survey, state: err.code === 'survey_closed' ? 'closed' : 'answered', draft: null }, false);
      return true;
    }
    return false;
  }

  function finish() {
    state.done = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onHide);
    removeEventListener('pagehide', leavePage);
  }

  /** Brings the question `key` into view and the focus into its answer. */
  function bringTo(key: string) {
    const view = views.find((one) => one.question.key === key);
    if (!view) return;
    view.card.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
    view.control.focus();
  }

  function setSubmitting(on: boolean) {
    state.submitting = on;
    submitButton.disabled = on;
    submitButton.textContent = on ? '正在提交…' : '提交';
  }

  async function submit() {
    if (state.submitting || state.done) return;
    submitError.hidden = true;
    submitError.classList.remove('is-info');
    const missing = missingRequired(questions, state.answers);
    for (const question of missing) state.errors.set(question.key, lacking(question, state.answers[question.key]));
    refresh();
    if (missing.length > 0) {
      submitError.textContent = `还有 ${missing.length} 道必答题未回答`;
      submitError.hidden = false;
      bringTo(missing[0].key);
      return;
    }
    if (token === null) {
      submitError.textContent = '预览模式：回答完整，但不会提交。';
      submitError.classList.add('is-info');
      submitError.hidden = false;
      return;
    }
    clearTimeout(timer);
    setSubmitting(true);
    try {
      const answered = await submitAnswers(token, walk(questions, state.answers).kept);
      finish();
      hooks.finished(answered, true);
    } catch (err) {
      setSubmitting(false);
      if (err instanceof ApiFailure && leaveOn(err)) return;
      submitError.textContent = failureWords(err);
      submitError.hidden = false;
      if (err instanceof ApiFailure && Object.keys(err.fields).length > 0) {
        const faulty = placeFaults(err.fields);
        refresh();
        if (faulty) bringTo(faulty);
      }
    }
  }

  /** Puts the server's faults under their questions (an answer it says is not shown goes); answers the first one's key. */
  function placeFaults(fields: Record<string, string>): string | undefined {
    for (const [path, code] of Object.entries(fields)) {
      const view = views.find((one) => one.question.key === path.split('.')[1]);
      if (!view) continue;
      const { question } = view;
      if (code === 'not_shown') {
        delete state.answers[question.key];
        view.control.show(undefined);
      } else {
        state.errors.set(question.key, code === 'required' ? lacking(question, state.answers[question.key]) : (kFieldWords[code] ?? '请检查此题的回答'));
      }
    }
    return views.find((view) => state.errors.has(view.question.key))?.question.key;
  }

  refresh();
  showSaving('idle');
  return { banner, main: [intro, progress, form] };
}

/** Why the answer did not go, in words. */
function failureWords(err: unknown): string {
  if (!(err instanceof ApiFailure) || err.status === 0) return '网络连接失败，您的回答仍在本页，请检查网络后再次提交。';
  if (err.status === 429) return '操作过于频繁，请稍后再提交。';
  if (err.status === 422 || Object.keys(err.fields).length > 0) return '有题目的回答需要修改，请查看标红的题目。';
  return '提交失败，请稍后再试。';
}
