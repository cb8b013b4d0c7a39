// The owners' survey page, /s/{token} (and the staff's preview, /s/preview/{surveyId}): a light
// page of its own for a phone on a poor connection, in plain TypeScript (no React, no antd; its
// script is weighed at build time by scripts/first-screen.mjs, under 150 KB). The server serves
// survey.html for any path under /s/.
import './survey.css';
import { ApiFailure, load, optOut, routeOf } from './api';
import { fill, h } from './dom';
import { surveyForm } from './form';
import { closedPage, failurePage, frame, invalidPage, outcome, privacyNote, thanksPage } from './pages';
import type { PublicSurvey } from './types';

const root = document.getElementById('app') as HTMLElement;
const route = routeOf(location.pathname);
const token = route.kind === 'link' ? route.token : null;

/** "不再接收调查", with a step to confirm; once done, says so. */
function optOutBlock(link: string, survey: PublicSurvey): HTMLElement {
  const box = h('div', { class: 'sv-optout', 'data-testid': 'survey-opt-out-box' });
  const draw = (step: 'offer' | 'ask' | 'done', failed = false) => {
    if (step === 'done') {
      fill(box, h('p', { class: 'sv-fine', role: 'status', 'data-testid': 'survey-opted-out' }, '您已退订，今后将不再收到我们的满意度调查邀请。'));
      return;
    }
    if (step === 'offer') {
      const offer = h('button', { type: 'button', class: 'sv-link', 'data-testid': 'survey-opt-out', onclick: () => draw('ask') }, '不再接收调查');
      fill(box, offer);
      return offer;
    }
    const confirm = h('button', {
      type: 'button',
      class: 'sv-button sv-button--danger',
      'data-testid': 'survey-opt-out-ok',
      onclick: async () => {
        confirm.disabled = true;
        try {
          const answer = await optOut(link);
          draw(answer.opted_out ? 'done' : 'offer');
        } catch {
          draw('ask', true);
        }
      },
    }, '确定退订');
    const cancel = h('button', { type: 'button', class: 'sv-button', onclick: () => draw('offer')?.focus() }, '取消');
    fill(
      box,
      h(
        'div',
        { class: 'sv-confirm', role: 'group', 'aria-label': '退订确认' },
        h('p', {}, '退订后，您将不再收到我们的满意度调查邀请。确定退订吗？'),
        failed ? h('p', { class: 'sv-q-error', role: 'alert' }, '操作未成功，请检查网络后再试。') : null,
        h('div', { class: 'sv-confirm-actions' }, cancel, confirm),
      ),
    );
    cancel.focus();
  };
  draw(survey.opted_out ? 'done' : 'offer');
  return box;
}

/** The small print under a survey: what it is for; on an owner's link, the way to opt out. */
const footerOf = (survey: PublicSurvey): Node[] => [privacyNote(), ...(token && survey.state !== 'preview' ? [optOutBlock(token, survey)] : [])];

/** Draws the page for `survey`: the form (open, preview), the thanks (answered) or the end (closed). */
function show(survey: PublicSurvey, justSent = false) {
  if (survey.state === 'open' || survey.state === 'preview') {
    const form = surveyForm(survey, survey.state === 'preview' ? null : token, {
      finished: (after, sent) => {
        show(after, sent);
        scrollTo(0, 0);
      },
      invalid: showInvalid,
    });
    frame(root, { survey, banner: form.banner, main: form.main, footer: footerOf(survey) });
    return;
  }
  const page = survey.state === 'answered' ? thanksPage(survey, justSent) : closedPage(survey);
  frame(root, { survey, main: [page], footer: footerOf(survey) });
}

function showInvalid() {
  frame(root, { main: [invalidPage()] });
}

/** Why the survey did not load, and a way to try again. */
function showFailure(err: unknown) {
  const status = err instanceof ApiFailure ? err.status : 0;
  if (status === 404) return showInvalid();
  if (route.kind === 'preview' && status === 401) {
    const signIn = h('a', { class: 'sv-button sv-button--primary', href: '/login' }, '去登录');
    return frame(root, { main: [outcome('wrong', '请先登录', '预览问卷需要登录 Hearth 工作台。', 'survey-failure', signIn)] });
  }
  if (route.kind === 'preview' && status === 403) {
    return frame(root, { main: [outcome('wrong', '无权预览此问卷', '请联系管理员开通满意度调查的权限。', 'survey-failure')] });
  }
  if (status === 429) return frame(root, { main: [failurePage('访问过于频繁', '请稍等几分钟后再打开此链接。', start)] });
  if (status === 0) return frame(root, { main: [failurePage('网络连接失败', '请检查网络连接后重试，您已填写的内容不会丢失。', start)] });
  frame(root, { main: [failurePage('暂时无法打开问卷', '服务繁忙，请稍后重试。', start)] });
}

async function start() {
  if (route.kind === 'none') return showInvalid();
  fill(root, h('p', { class: 'sv-boot', role: 'status' }, '正在加载问卷…'));
  try {
    show(await load(route));
  } catch (err) {
    showFailure(err);
  }
}

void start();
