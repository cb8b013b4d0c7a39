// End-to-end browser test of the owners' survey page (/s/{token}, survey.html: plain TypeScript, not
// the staff app), against a running `hearth serve` (or the Vite dev server in front of one).
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/survey-answer.test.mjs
// Steps run in order and build on each other. The administrator makes through the API (no page of
// the staff app is loaded): a survey of a satisfaction rating, a matrix, the reasons of a low rating
// (shown only for 1 or 2), would-buy-again, the NPS and a suggestion, published; a project with an
// owner who signed a contract; a wave by link. Then on a phone (390×844), without signing in: the
// owner's link opens light (its JavaScript under 150 KB) and fits the screen; the reasons appear only
// after a rating of 1 or 2; 提交 with a required question unanswered says 请回答此题 there; the
// answers are kept as a draft across a reload (and a hidden question's answer is not saved); the
// answer goes and the thanks follow, also on reloading (one answer per link); the owner opts out of
// later surveys. An unknown link says so, and the staff's preview (/s/preview/{id}) takes answers
// but sends none.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  adminPassword,
  answered,
  assertFitsPhone,
  baseUrl,
  chinaDay,
  kPhone,
  launch,
  ok,
  pageShot,
  personName,
  randomDigits,
  requireEnvironment,
  runSuffix,
  screenshotDir,
  sellUnit,
  setUpProject,
} from './support.mjs';

const kStep = { timeout: 120_000 };
const kDesk = { width: 1440, height: 900 };
// Issue: the owner's page is for a phone on a poor connection, all its JavaScript under 150 KB.
const kScriptBudget = 150 * 1024;
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `调查置业${suffix}`;
const projectName = `澜岸府${short}`;
const owner = { name: personName('钱'), phone: `137${randomDigits(8)}`, code: '1-1-101' };
const surveyTitle = `业主满意度调查 ${short}`;
const surveyDescription = '感谢您抽出约 3 分钟填写本问卷，您的意见将直接用于改进我们的产品与服务。';
const kReasons = ['房屋质量', '维修不及时', '物业服务', '其他'];
const kRebuy = ['一定会', '可能会', '不确定', '可能不会', '一定不会'];
const questions = [
  { key: 'overall', kind: 'rating', text: '总体而言，您对我们的产品和服务满意吗？', required: true, measures: 'satisfaction' },
  {
    key: 'chain',
    kind: 'matrix',
    text: '请对以下各方面打分',
    required: true,
    rows: [
      { key: 'quality', text: '房屋质量', item: 'quality' },
      { key: 'property', text: '物业服务', item: 'property' },
      { key: 'sales', text: '销售过程与承诺兑现', item: 'sales' },
    ],
  },
  { key: 'low_reasons', kind: 'multi', text: '您不满意的主要原因是？', required: true, options: kReasons, show_if: { key: 'overall', op: 'lte', value: 2 } },
  { key: 'rebuy', kind: 'single', text: '如果再次购房，您会再选择我们吗？', required: true, options: kRebuy, measures: 'rebuy', positive: ['一定会', '可能会'] },
  { key: 'recommend', kind: 'nps', text: '您有多大可能向亲友推荐我们的楼盘？', required: true, measures: 'recommend' },
  { key: 'suggestion', kind: 'text', text: '您还有什么意见或建议？' },
];
const suggestion = `希望地库照明再亮一些 ${short}`;

/**
 * Calls the API as whoever signed in in `context` (its cookies, the CSRF header, the page's
 * Origin: a wave's links are made on the origin of its request); answers `{ status, body }`.
 */
function contextApi(context) {
  return async (method, path, body) => {
    const csrf = (await context.cookies(baseUrl)).find((cookie) => cookie.name === 'hearth_csrf')?.value ?? '';
    const response = await context.request.fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'X-CSRF-Token': csrf, Origin: baseUrl, 'Content-Type': 'application/json' },
      data: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status(), body: await response.json().catch(() => null) };
  };
}

/** A picture of the window as it is scrolled (the question brought into view), unless HEARTH_SHOTS=off. */
async function windowShot(page, name) {
  if (process.env.HEARTH_SHOTS === 'off') return;
  await page.screenshot({ path: `${screenshotDir}${name}.png` });
}

/** The question `key`'s card on the survey page. */
const question = (page, key) => page.getByTestId(`survey-q-${key}`);

/** The score `score` of the question `key` (a rating or the NPS), or of its matrix row labelled `row`. */
function score(page, key, value, row) {
  const scope = row ? question(page, key).locator('.sv-row', { hasText: row }) : question(page, key);
  return scope.locator(`button[data-score="${value}"]`);
}

/** Waits for the draft saved with answers meeting `test` (drafts go 1.5 s after a change). */
function draftSaved(page, path, test) {
  return page.waitForResponse(
    (r) =>
      new URL(r.url()).pathname === `/api/v1${path}/draft` &&
      r.request().method() === 'PUT' &&
      r.status() === 200 &&
      test(JSON.parse(r.request().postData() ?? '{}').answers ?? {}),
  );
}

// The Vite dev server adds its own client (HMR, React refresh, the stylesheet as a module) and
// source maps inline: those are not the page's JavaScript; the built page has none of them.
const kDevTooling = /^\/(@vite\/|@react-refresh|@id\/|@fs\/|node_modules\/)/;

/**
 * Records the scripts the page loads until `stop()`: path and bytes (uncompressed, without inline
 * source maps).
 */
function scriptRecorder(page) {
  const scripts = [];
  let recording = true;
  page.on('response', async (response) => {
    if (!recording || response.request().resourceType() !== 'script' || response.status() !== 200) return;
    const url = new URL(response.url());
    if (url.origin !== new URL(baseUrl).origin || kDevTooling.test(url.pathname) || url.pathname.endsWith('.css')) return;
    const body = await response.body().catch(() => null);
    if (!body) return;
    const code = body.toString('utf8').replace(/\n\/\/# sourceMappingURL=data:[^\n]*/g, '');
    scripts.push({ path: url.pathname, bytes: Buffer.byteLength(code) });
  });
  return { scripts, stop: () => (recording = false) };
}

describe('Owners’ survey page: answer by link on a phone, drafts, one answer, preview', { concurrency: false }, () => {
  let staff; // the administrator's browser, signed in through the API: { browser, context, page }
  let phone; // the owner's phone, no session: { browser, context, page }
  let api;
  let surveyId;
  let linkPath; // /s/<token>
  let apiPath; // /public/surveys/<token>
  const pageErrors = [];

  before(async () => {
    requireEnvironment();
    staff = await launch();
    staff.page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await phone?.browser.close();
    await staff?.browser.close();
  });

  it('makes a published survey, a project with an owner under contract and a wave by link', kStep, async () => {
    const login = await staff.context.request.post(`${baseUrl}/api/v1/auth/login`, {
      data: { username: 'admin', password: adminPassword },
      headers: { Origin: baseUrl },
    });
    assert.equal(login.status(), 200, await login.text());
    api = contextApi(staff.context);
    const { projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '杭州',
      address: `滨江区江南大道 ${short} 号`,
      floors: 1,
      decoration: 'raw',
      customers: [owner],
    });
    await sellUnit(api, { projectId, unit: units.get(owner.code), buyers: [owner.id], contractNo: `SV-${suffix}`, signedOn: chinaDay(-20), dueOn: chinaDay(-20) });

    surveyId = ok(await api('POST', '/surveys', { title: surveyTitle, description: surveyDescription, questions }), 201).id;
    ok(await api('POST', `/surveys/${surveyId}/publish`));
    const wave = ok(
      await api('POST', `/surveys/${surveyId}/waves`, { project_ids: [projectId], cohorts: ['prospective'], sample_per_project: 5, channel: 'link' }),
      201,
    );
    assert.equal(wave.invited, 1, JSON.stringify(wave));
    const invitations = ok(await api('GET', `/survey-waves/${wave.id}/invitations`)).items;
    const invitation = invitations.find((one) => one.customer_id === owner.id);
    assert.ok(invitation?.url, JSON.stringify(invitations));
    linkPath = new URL(invitation.url).pathname;
    assert.match(linkPath, /^\/s\/[\w-]{20,}$/);
    apiPath = linkPath.replace('/s/', '/public/surveys/');
  });

  it('opens the owner’s link light and fitting a phone, with the project, the greeting and the closing day', kStep, async (t) => {
    phone = await launch();
    phone.page.on('pageerror', (err) => pageErrors.push(String(err)));
    const p = phone.page;
    const recorder = scriptRecorder(p);
    await p.setViewportSize(kPhone);
    await p.goto(linkPath);
    const intro = p.getByTestId('survey-intro');
    await intro.getByRole('heading', { name: surveyTitle }).waitFor();
    await intro.getByText(surveyDescription).waitFor();
    await p.getByTestId('survey-project').getByText(projectName).waitFor();
    await intro.getByTestId('survey-greeting').getByText(`尊敬的${owner.name.slice(0, 1)}**业主`).waitFor();
    await intro.getByTestId('survey-closes').getByText('截止', { exact: false }).waitFor();
    await p.getByTestId('survey-progress').getByText('已答 0/5').waitFor();
    await p.waitForLoadState('networkidle');
    recorder.stop();

    // All the JavaScript of the page, none of the staff app's.
    const { scripts } = recorder;
    const total = scripts.reduce((sum, one) => sum + one.bytes, 0);
    const list = scripts.map((one) => `${one.path} ${(one.bytes / 1024).toFixed(1)} KB`).join(', ');
    assert.ok(scripts.length > 0, 'the page loads its script');
    t.diagnostic(`the survey page's JavaScript: ${(total / 1024).toFixed(1)} KB (${list})`);
    assert.ok(total < kScriptBudget, `the survey page loads ${(total / 1024).toFixed(1)} KB of JavaScript: ${list}`);
    assert.ok(!scripts.some((one) => /\/src\/(main\.tsx|app\/|modules\/)|\/assets\/(index|vendor)-/.test(one.path)), `no staff app: ${list}`);

    // Real buttons, the score pressed or not; nothing wider than the phone.
    const first = score(p, 'overall', 1);
    assert.equal(await first.evaluate((el) => el.tagName), 'BUTTON');
    assert.equal(await first.getAttribute('aria-pressed'), 'false');
    const box = await first.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `a score is ${box.width}×${box.height} px`);
    await assertFitsPhone(p, 'the survey page');
    await pageShot(p, 'survey-answer-phone');
    await p.setViewportSize(kDesk);
    await pageShot(p, 'survey-answer-desktop');
    await p.setViewportSize(kPhone);
  });

  it('shows the reasons only after a rating of 1 or 2, and asks for a required answer missing', kStep, async () => {
    const p = phone.page;
    const reasons = question(p, 'low_reasons');
    assert.equal(await reasons.isVisible(), false, 'the reasons wait for a low rating');
    await score(p, 'overall', 4).click();
    assert.equal(await score(p, 'overall', 4).getAttribute('aria-pressed'), 'true');
    assert.equal(await reasons.isVisible(), false, 'a rating of 4 asks no reasons');
    await p.getByTestId('survey-progress').getByText('已答 1/5').waitFor();
    await score(p, 'overall', 2).click();
    await reasons.waitFor();
    assert.equal(await score(p, 'overall', 4).getAttribute('aria-pressed'), 'false');
    await p.getByTestId('survey-progress').getByText('已答 1/6').waitFor();
    await score(p, 'overall', 3).click();
    await reasons.waitFor({ state: 'hidden' });
    await score(p, 'overall', 1).click();
    await reasons.waitFor();

    // 提交 with the matrix (the first required question left) unanswered: said there, brought into view.
    await p.getByTestId('survey-submit').click();
    const matrix = question(p, 'chain');
    await matrix.getByText('请回答此题').waitFor();
    await reasons.getByText('请回答此题').waitFor();
    await p.getByTestId('survey-submit-error').getByText('还有 4 道必答题未回答').waitFor();
    assert.equal(await question(p, 'overall').getByText('请回答此题').count(), 0);
    assert.equal(await question(p, 'suggestion').getByText('请回答此题').count(), 0, 'the suggestion is optional');
    await p.waitForTimeout(300);
    assert.ok(await matrix.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top < innerHeight && r.bottom > 0;
    }), 'the page scrolls to the first question missing');
    assert.ok(await matrix.evaluate((el) => el.contains(document.activeElement)), 'the focus goes to its answer');
    await assertFitsPhone(p, 'the survey page with its faults');
    await windowShot(p, 'survey-answer-required');
    // Rating a row says how many are left; the last one clears the fault.
    await score(p, 'chain', 4, '房屋质量').click();
    await matrix.getByText('请回答此题（还有 2 项未打分）').waitFor();
  });

  it('keeps the answers as a draft across a reload, without a hidden question’s answer', kStep, async () => {
    const p = phone.page;
    await score(p, 'chain', 3, '物业服务').click();
    await score(p, 'chain', 5, '销售过程').click();
    await question(p, 'chain').getByText('请回答此题').waitFor({ state: 'hidden' });
    await question(p, 'low_reasons').getByText('维修不及时').click();
    await question(p, 'low_reasons').getByText('物业服务').click();
    await question(p, 'rebuy').getByText('可能会', { exact: true }).click();
    const saved = draftSaved(p, apiPath, (a) => a.rebuy === '可能会' && a.low_reasons?.length === 2);
    await question(p, 'suggestion').getByRole('textbox').fill(suggestion);
    const draft = JSON.parse((await saved).request().postData()).answers;
    assert.deepEqual(draft.low_reasons, ['维修不及时', '物业服务']);
    assert.deepEqual(draft.chain, { quality: 4, property: 3, sales: 5 });
    await p.getByTestId('survey-save').getByText('已自动保存').waitFor();

    // A rating of 4 hides the reasons: the draft drops them (the server would refuse them: not_shown).
    const withoutReasons = draftSaved(p, apiPath, (a) => a.overall === 4);
    await score(p, 'overall', 4).click();
    await question(p, 'low_reasons').waitFor({ state: 'hidden' });
    const hidden = JSON.parse((await withoutReasons).request().postData()).answers;
    assert.equal(hidden.low_reasons, undefined, JSON.stringify(hidden));
    const withReasons = draftSaved(p, apiPath, (a) => a.overall === 2 && a.low_reasons?.length === 2);
    await score(p, 'overall', 2).click();
    await withReasons;

    await p.reload();
    await p.getByTestId('survey-restored').getByText('已为您恢复上次填写的内容', { exact: false }).waitFor();
    assert.equal(await score(p, 'overall', 2).getAttribute('aria-pressed'), 'true');
    assert.equal(await score(p, 'chain', 3, '物业服务').getAttribute('aria-pressed'), 'true');
    assert.ok(await question(p, 'low_reasons').getByLabel('维修不及时').isChecked());
    assert.ok(!(await question(p, 'low_reasons').getByLabel('其他').isChecked()));
    assert.ok(await question(p, 'rebuy').getByLabel('可能会', { exact: true }).isChecked());
    assert.equal(await question(p, 'suggestion').getByRole('textbox').inputValue(), suggestion);
    await p.getByTestId('survey-progress').getByText('已答 5/6').waitFor();
  });

  it('sends the one answer and thanks the owner, also on coming back; the owner opts out', kStep, async () => {
    const p = phone.page;
    await score(p, 'recommend', 9).click();
    const sent = answered(p, 'POST', apiPath, 201);
    await p.getByTestId('survey-submit').click();
    const body = JSON.parse((await sent).request().postData());
    assert.deepEqual(body.answers, {
      overall: 2,
      chain: { quality: 4, property: 3, sales: 5 },
      low_reasons: ['维修不及时', '物业服务'],
      rebuy: '可能会',
      recommend: 9,
      suggestion,
    });
    const thanks = p.getByTestId('survey-thanks');
    await thanks.getByText('感谢您的参与').waitFor();
    await thanks.getByText('您的回答已提交', { exact: false }).waitFor();
    await assertFitsPhone(p, 'the thanks page');
    await pageShot(p, 'survey-answer-thanks');

    // One answer per link: the page says it was sent; the server takes no second.
    await p.reload();
    await p.getByTestId('survey-thanks').getByText('您已提交过本次调查', { exact: false }).waitFor();
    assert.equal(await p.getByTestId('survey-submit').count(), 0);
    const again = await api('POST', apiPath, { answers: body.answers });
    assert.equal(again.status, 409, JSON.stringify(again.body));
    assert.equal(again.body.error.code, 'already_answered');

    // 不再接收调查, confirmed.
    await p.getByTestId('survey-opt-out').click();
    const optedOut = answered(p, 'POST', `${apiPath}/opt-out`, 200);
    await p.getByTestId('survey-opt-out-ok').click();
    assert.equal((await (await optedOut).json()).opted_out, true);
    await p.getByTestId('survey-opted-out').getByText('您已退订', { exact: false }).waitFor();
    await pageShot(p, 'survey-answer-opted-out');
  });

  it('offers to retry when the network fails, and says an unknown link is not valid', kStep, async () => {
    const p = phone.page;
    const survey = `**/api/v1${apiPath}`;
    await p.route(survey, (route) => route.abort('internetdisconnected'));
    await p.goto(linkPath);
    const failure = p.getByTestId('survey-failure');
    await failure.getByText('网络连接失败').waitFor();
    await p.unroute(survey);
    await failure.getByRole('button', { name: '重新加载' }).click();
    await p.getByTestId('survey-thanks').waitFor();

    await p.goto('/s/this-survey-link-was-never-sent-to-anyone');
    await p.getByTestId('survey-invalid').getByText('链接无效或已过期').waitFor();
    await assertFitsPhone(p, 'the invalid-link page');
    await pageShot(p, 'survey-answer-invalid');
  });

  it('lets the staff preview the survey, answering without sending anything', kStep, async () => {
    const p = staff.page;
    const sentAnything = [];
    p.on('request', (request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/api/')) sentAnything.push(request.url());
    });
    await p.setViewportSize(kPhone);
    await p.goto(`/s/preview/${surveyId}`);
    await p.getByTestId('survey-preview-banner').getByText('不会提交', { exact: false }).waitFor();
    await p.getByTestId('survey-intro').getByRole('heading', { name: surveyTitle }).waitFor();
    await assertFitsPhone(p, 'the preview');
    await score(p, 'overall', 1).click();
    await question(p, 'low_reasons').waitFor();
    await p.getByTestId('survey-submit').click();
    await question(p, 'chain').getByText('请回答此题').waitFor();
    for (const row of ['房屋质量', '物业服务', '销售过程']) await score(p, 'chain', 2, row).click();
    await question(p, 'low_reasons').getByText('其他').click();
    await question(p, 'rebuy').getByText('不确定').click();
    await score(p, 'recommend', 3).click();
    await p.getByTestId('survey-submit').click();
    await p.getByTestId('survey-submit-error').getByText('预览模式', { exact: false }).waitFor();
    await p.waitForTimeout(2_000); // past a draft's delay: none goes either
    assert.deepEqual(sentAnything, [], 'the preview sends nothing');
    await p.setViewportSize(kDesk);
    await pageShot(p, 'survey-preview-desktop');
    assert.deepEqual(pageErrors, []);
  });
});
