// The page's frame (the header with the project, the column, the small print) and its outcomes:
// thanks, closed, a link not valid, a failure to retry.
import { fill, h } from './dom';
import type { PublicSurvey } from './types';

/** The house of the app's icon (public/favicon.svg), drawn inline: no request more. */
const kLogo =
  '<svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true"><rect width="64" height="64" rx="14" fill="#1f4fd1"/>' +
  '<path d="M32 12 10 30h6v20h32V30h6z" fill="#fff"/><path d="M32 46c-5 0-8-3.4-8-7.6 0-4.6 4.2-7.2 5.4-11.4 2.4 2 3.2 4.2 3 6.4 ' +
  '1.6-.8 2.6-2.4 2.8-4.2 3 2.4 4.8 5.6 4.8 9.2 0 4.2-3 7.6-8 7.6z" fill="#f97316"/></svg>';

/** An outcome's mark: a tick, a clock or an exclamation in a disc. */
const kMarks = {
  done: '<circle cx="32" cy="32" r="30" fill="#22a06b"/><path d="M19 33l9 9 17-19" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>',
  late: '<circle cx="32" cy="32" r="30" fill="#a3acb9"/><path d="M32 16v17l11 7" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>',
  wrong: '<circle cx="32" cy="32" r="30" fill="#e8a317"/><path d="M32 16v21M32 46v1" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round"/>',
};
export type MarkKind = keyof typeof kMarks;

function svg(markup: string, className: string): HTMLElement {
  const holder = h('span', { class: className });
  holder.innerHTML = markup; // constant markup of this file, nothing from the wire
  return holder;
}

/** "2026年12月17日" of "2026-12-17": a calendar day, no time zone involved. */
export function dayText(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return year && month && date ? `${year}年${month}月${date}日` : day;
}

export interface FrameParts {
  /** The survey, when known: its project names the header. */
  survey?: PublicSurvey;
  /** A banner over the page (the preview's). */
  banner?: Node;
  main: Node[];
  /** Under the column: the small print, the opt-out. */
  footer?: Node[];
}

/** Draws the page into `root`: the header, a banner, the column, the footer. */
export function frame(root: HTMLElement, { survey, banner, main, footer = [] }: FrameParts): void {
  const brand = h('div', { class: 'sv-brand' }, svg(kLogo, 'sv-logo'), h('span', { class: 'sv-project', 'data-testid': 'survey-project' }, survey?.project_name || '业主服务'));
  fill(
    root,
    h('header', { class: 'sv-top' }, h('div', { class: 'sv-top-in' }, brand, h('span', { class: 'sv-top-tag' }, '满意度调查'))),
    banner,
    h('main', { class: 'sv-main' }, ...main),
    h('footer', { class: 'sv-foot' }, ...footer),
  );
  document.title = survey ? `${survey.title} · ${survey.project_name}` : '满意度调查';
}

/** A big mark over a title and a sentence, and what follows (a button). */
export function outcome(kind: MarkKind, title: string, detail: string, testId: string, ...more: Node[]): HTMLElement {
  return h(
    'section',
    { class: 'sv-card sv-outcome', 'data-testid': testId },
    svg(`<svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">${kMarks[kind]}</svg>`, 'sv-mark'),
    h('h1', { class: 'sv-outcome-title' }, title),
    h('p', { class: 'sv-outcome-detail' }, detail),
    ...more,
  );
}

/** The page's purpose, in small print. */
export const privacyNote = () => h('p', { class: 'sv-fine' }, '本问卷仅用于了解您对产品与服务的评价，您的回答将严格保密，仅用于改进工作。');

/** The owner's greeting: 尊敬的钱**业主. */
export const greeting = (survey: PublicSurvey) => `尊敬的${survey.owner || ''}业主`;

/** Thanks for the answer (just sent, or sent before: one answer per link). */
export function thanksPage(survey: PublicSurvey, justSent: boolean): HTMLElement {
  return outcome(
    'done',
    '感谢您的参与',
    justSent ? `${greeting(survey)}，您的回答已提交。我们会认真对待每一条意见，持续改进产品与服务。` : `${greeting(survey)}，您已提交过本次调查，每份问卷只需填写一次。`,
    'survey-thanks',
    h('p', { class: 'sv-outcome-sub' }, justSent ? '已提交，您现在可以关闭此页面。' : '已提交，感谢您的支持。'),
  );
}

/** The survey has ended: no more answers taken. */
export function closedPage(survey: PublicSurvey): HTMLElement {
  return outcome('late', '本次调查已结束', `本次调查已于${dayText(survey.closes_on)}截止，感谢您的关注。`, 'survey-closed');
}

/** The link is not one the server knows (mistyped, revoked, too old). */
export const invalidPage = () => outcome('wrong', '链接无效或已过期', '请确认打开的是短信中的完整链接；如有疑问，请联系项目客服中心。', 'survey-invalid');

/** A failure the owner may retry: the network, too many tries, the server. */
export function failurePage(title: string, detail: string, retry?: () => void): HTMLElement {
  const button = retry && h('button', { type: 'button', class: 'sv-button sv-button--primary', 'data-testid': 'survey-retry', onclick: retry }, '重新加载');
  return outcome('wrong', title, detail, 'survey-failure', ...(button ? [button] : []));
}
