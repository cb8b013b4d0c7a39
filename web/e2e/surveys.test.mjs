// End-to-end browser tests of 满意度调查 (surveys) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/surveys.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company with a project of four homes, a customer-relations agent and a viewer of the company, and
// four owners; sells the four homes (准业主) and delivers one (磨合期). In the browsers: the agent builds
// a questionnaire from blank — a question of each kind, a single choice with an empty option that the
// server refuses on that card, a condition on an earlier question — saves it, publishes version 1,
// is told there is nothing new to publish, edits and publishes version 2 (the versions listed); makes
// another from the template, publishes it and starts a wave of links through 发起调查; the wave's page
// names the invited owners. Four owners answer through the public API, so that the results page shows
// its index cards, the score card, the drivers' chart and intent against behaviour, at 1440 px and on a
// phone, for the agent and for the viewer, who is offered neither 新建问卷 nor 发起调查. The run makes
// everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answered,
  assertFitsPhone,
  assertNoWords,
  chinaDay,
  chooseOption,
  handOver,
  kPhone,
  launch,
  modal,
  modalClosed,
  modalSettled,
  ok,
  onPhone,
  openMenu,
  pageApi,
  pageShot,
  randomDigits,
  requireEnvironment,
  runSuffix,
  sellUnit,
  setUpProject,
  shot,
  signIn,
  signInAs,
} from './support.mjs';

const kStep = { timeout: 240_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `调查置业${suffix}`;
const projectName = `满意湾${suffix}`;
const password = `E2e-surveys-${suffix}-Pass`;
const people = {
  agent: { username: `e2e_sv_agent_${suffix}`, name: `客关专员${short}`, roles: ['agent'] },
  viewer: { username: `e2e_sv_view_${suffix}`, name: `只读访客${short}`, roles: ['viewer'] },
};
const owners = [
  { name: `欧阳满${short}`, phone: `136${randomDigits(8)}`, code: '1-1-101' },
  { name: `司马意${short}`, phone: `137${randomDigits(8)}`, code: '1-1-102' },
  { name: `上官调${short}`, phone: `138${randomDigits(8)}`, code: '1-1-201' },
  { name: `慕容查${short}`, phone: `139${randomDigits(8)}`, code: '1-1-202' },
];
const blankTitle = `交付体验问卷 ${short}`;
/** Words the pages must never show raw: the wire's vocabularies. */
const kRawWords = ['run_in', 'prospective', 'improve_first', 'keep_up', 'satisfaction', 'no_contact', 'undefined', 'NaN', 'null'];

/** Four owners' answers to the standard questionnaire, from delighted to unhappy, each item scored apart. */
const kAnswers = [
  { overall: 5, chain: { sales: 5, amenities: 4, environment: 5, design: 5, quality: 5, repairs: 4, property: 5, complaints: 4, club: 5 }, rebuy: '一定会', recommend: 10, suggestion: '很满意' },
  { overall: 4, chain: { sales: 4, amenities: 4, environment: 3, design: 4, quality: 4, repairs: 3, property: 4, complaints: 3, club: 4 }, rebuy: '可能会', recommend: 8 },
  { overall: 3, chain: { sales: 3, amenities: 3, environment: 4, design: 3, quality: 2, repairs: 3, property: 3, complaints: 3, club: 3 }, rebuy: '不确定', recommend: 6 },
  { overall: 2, chain: { sales: 2, amenities: 2, environment: 3, design: 3, quality: 1, repairs: 1, property: 2, complaints: 1, club: 2 }, low_reasons: ['房屋质量'], rebuy: '一定不会', recommend: 3 },
];

describe('Surveys: the builder, versions, a wave and its owners, the results', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // { browser, page }
  let viewer;
  let projectId;
  let blankId; // the questionnaire built from blank
  let standardId; // the one made from the template
  let waveId;
  const pageErrors = [];

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('.ant-layout-content'), kRawWords, where);

  /** The open confirmation dialog (modal.confirm) titled `title`. */
  const confirmDialog = (p, title) => p.locator('.ant-modal-confirm').filter({ has: p.locator('.ant-modal-confirm-title', { hasText: title }) });

  /** The builder's card of question `n` (1-based). */
  const card = (p, n) => p.getByTestId(`question-${n}`);

  /** Adds a question of `kind` (its word in the menu) at the end of the builder; answers its card. */
  const addQuestion = async (p, kindWord, n) => {
    await p.getByTestId('builder-add').click();
    await p.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: kindWord }).first().click();
    const added = card(p, n);
    await added.waitFor();
    return added;
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    for (const who of [viewer, agent]) await who?.browser.close();
    await browser?.close();
  });

  it('sets up a company, its project of four homes sold (one delivered), an agent and a viewer', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    let units;
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '深圳',
      address: '南山区科苑南路 66 号',
      floors: 2,
      decoration: 'finished',
      people: Object.values(people),
      password,
      customers: owners,
    }));
    assert.equal(units.size, 4);
    for (const [index, owner] of owners.entries()) {
      const unit = units.get(owner.code);
      await sellUnit(api, { projectId, unit, buyers: [owner.id], contractNo: `HT-SV${index}-${suffix}`, signedOn: chinaDay(-40), dueOn: chinaDay(20) });
    }
    // One home delivered today: its owner is 磨合期, the others 准业主.
    await handOver(api, units.get(owners[3].code).id, { slotAt: new Date().toISOString(), keys: { key_count: 2 } });
  });

  it('lets the agent build a questionnaire from blank: a question of each kind, a refused option on its card, save, publish v1, v2', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const p = agent.page;
    await openMenu(p, '问卷');
    await p.waitForURL('**/surveys');
    await p.getByRole('heading', { name: '问卷' }).waitFor();

    // 新建问卷: a title; the survey starts with an overall-satisfaction rating.
    await p.getByTestId('survey-create').click();
    const create = modal(p, '新建问卷');
    await modalSettled(create);
    await create.getByTestId('survey-new-title').fill(blankTitle);
    const made = answered(p, 'POST', '/surveys', 201);
    await create.getByRole('button', { name: '创建并编辑' }).click();
    blankId = (await (await made).json()).id;
    await p.waitForURL(`**/surveys/${blankId}`);
    await p.getByTestId('survey-title').getByText(blankTitle).waitFor();
    await p.getByTestId('survey-status').getByText('草稿').waitFor();
    await card(p, 1).getByText('总体满意度').first().waitFor();

    // A wave of a draft is refused: it has no version yet.
    const early = await pageApi(p, 'POST', `/surveys/${blankId}/waves`, { project_ids: [projectId], cohorts: ['prospective'], sample_per_project: 5, channel: 'link' });
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'not_published');

    // A question of each kind.
    const rating = await addQuestion(p, '评分', 2);
    await rating.getByTestId('question-2-text').fill('您对房屋质量满意吗？');
    await chooseOption(p, rating, '第 2 题的体验项', '质量');
    assert.equal(await rating.getByTestId('question-2-key').inputValue(), 'q2');

    const nps = await addQuestion(p, 'NPS 推荐值', 3);
    await nps.getByTestId('question-3-text').fill('您有多大可能向亲友推荐我们？');
    await chooseOption(p, nps, '第 3 题的测量指标', '推荐');

    const single = await addQuestion(p, '单选', 4);
    await single.getByTestId('question-4-text').fill('如果再次购房，您会再选择我们吗？');
    await single.getByTestId('question-4-option-1').fill('会');
    // The second option stays empty: the server refuses it, on this card.
    await chooseOption(p, single, '第 4 题的测量指标', '再次购买');
    await single.getByTestId('question-4-positive-1').click();

    const multi = await addQuestion(p, '多选', 5);
    await multi.getByTestId('question-5-text').fill('您最看重哪些方面？');
    await multi.getByTestId('question-5-option-1').fill('物业服务');
    await multi.getByTestId('question-5-option-2').fill('社区配套');

    const matrix = await addQuestion(p, '矩阵', 6);
    await matrix.getByTestId('question-6-text').fill('请对以下各方面打分');
    await matrix.getByTestId('question-6-row-1').fill('维修及时');
    await chooseOption(p, matrix, '第 6 题评分项 1 的体验项', '维修');
    await matrix.getByTestId('question-6-add-row').click();
    await matrix.getByTestId('question-6-row-2').fill('物业服务');
    await chooseOption(p, matrix, '第 6 题评分项 2 的体验项', '物业');

    const text = await addQuestion(p, '文本', 7);
    await text.getByTestId('question-7-text').fill('请告诉我们哪里让您不满意');
    // 显示条件: only when question 1 is at most 2.
    await text.getByTestId('question-7-show-if').click();
    await chooseOption(p, text, '第 7 题显示条件的题目', '第 1 题');
    await chooseOption(p, text, '第 7 题显示条件的比较方式', '小于等于');
    await chooseOption(p, text, '第 7 题显示条件的答案', '2 分');
    await text.getByTestId('question-7-show-if-sentence').getByText('小于等于 2 分 时显示').waitFor();
    // Moving a card moves its question, key and all.
    await card(p, 5).getByTestId('question-5-down').click();
    assert.equal(await card(p, 6).getAttribute('data-key'), 'q5');
    assert.equal(await card(p, 5).getAttribute('data-kind'), 'matrix');
    await card(p, 6).getByTestId('question-6-up').click();
    assert.equal(await card(p, 5).getAttribute('data-key'), 'q5');
    await p.getByTestId('builder-state').getByText('有未保存的修改').waitFor();
    await assertNoRawWords(p, 'the builder');

    // 保存草稿: 422 on the single choice's empty option, shown on its card and no other.
    const refused = answered(p, 'PATCH', `/surveys/${blankId}`, 422);
    await p.getByTestId('builder-save').click();
    const fields = (await (await refused).json()).error.fields;
    assert.deepEqual(Object.keys(fields), ['questions[3].options[1]']);
    await single.getByTestId('question-4-error-options').getByText('此项为必填项').waitFor();
    for (const n of [1, 2, 3, 5, 6, 7]) assert.equal(await card(p, n).locator('.ant-form-item-explain-error').count(), 0, `card ${n} shows no fault`);
    await shot(p, 'survey-builder-fault');

    await single.getByTestId('question-4-option-2').fill('不会');
    assert.equal(await single.getByTestId('question-4-error-options').count(), 0, 'the fault goes once the option is changed');
    const saved = answered(p, 'PATCH', `/surveys/${blankId}`, 200);
    await p.getByTestId('builder-save').click();
    await saved;
    await p.getByTestId('builder-state').getByText('草稿已保存').waitFor();
    const draft = ok(await pageApi(p, 'GET', `/surveys/${blankId}`));
    assert.deepEqual(
      draft.questions.map((q) => [q.key, q.kind]),
      [['q1', 'rating'], ['q2', 'rating'], ['q3', 'nps'], ['q4', 'single'], ['q5', 'multi'], ['q6', 'matrix'], ['q7', 'text']],
    );
    assert.deepEqual(draft.questions[3].positive, ['会']);
    assert.deepEqual(draft.questions[6].show_if, { key: 'q1', op: 'lte', value: 2 });
    assert.deepEqual(draft.questions[5].rows.map((r) => r.item), ['repairs', 'property']);

    // 发布第 1 版.
    await p.getByTestId('builder-publish').click();
    const confirm = confirmDialog(p, '发布第 1 版');
    await modalSettled(confirm);
    const published = answered(p, 'POST', `/surveys/${blankId}/publish`, 200);
    await confirm.getByRole('button', { name: /^发\s*布$/ }).click();
    await published;
    await p.getByTestId('survey-status').getByText('已发布 v1').waitFor();
    await p.getByTestId('builder-frozen').getByText('已发布的第 1 版不会再改变').waitFor();

    // Nothing changed since: 409 unchanged, said in words.
    await p.getByTestId('builder-publish').click();
    const again = confirmDialog(p, '发布第 2 版');
    await modalSettled(again);
    const unchanged = answered(p, 'POST', `/surveys/${blankId}/publish`, 409);
    await again.getByRole('button', { name: /^发\s*布$/ }).click();
    await unchanged;
    await p.locator('.ant-message').getByText('没有新的修改').waitFor();
    await modalClosed(p);

    // An edit becomes version 2: 发布 saves the draft first.
    await card(p, 2).getByTestId('question-2-text').fill('您对房屋质量是否满意？');
    await p.getByTestId('builder-publish').click();
    const second = confirmDialog(p, '发布第 2 版');
    await modalSettled(second);
    const savedFirst = answered(p, 'PATCH', `/surveys/${blankId}`, 200);
    const publishedTwo = answered(p, 'POST', `/surveys/${blankId}/publish`, 200);
    await second.getByRole('button', { name: /^发\s*布$/ }).click();
    await savedFirst;
    await publishedTwo;
    await p.getByTestId('survey-status').getByText('已发布 v2').waitFor();
    await pageShot(p, 'survey-builder');

    // Someone else saves meanwhile: this page's save is refused (409 version_conflict) and offers to reload.
    const current = ok(await pageApi(p, 'GET', `/surveys/${blankId}`));
    ok(await pageApi(p, 'PATCH', `/surveys/${blankId}`, { description: '另一位同事的修改' }, { 'If-Match': String(current.version) }));
    await p.getByTestId('builder-description').fill('我的修改');
    const stale = answered(p, 'PATCH', `/surveys/${blankId}`, 409);
    await p.getByTestId('builder-save').click();
    await stale;
    await p.getByTestId('builder-conflict').getByText('问卷已被其他人修改').waitFor();
    await p.getByTestId('builder-reload').click();
    await p.getByTestId('builder-conflict').waitFor({ state: 'detached' });
    assert.equal(await p.getByTestId('builder-description').inputValue(), '另一位同事的修改');
    await p.getByTestId('survey-status-changed').getByText('有未发布修改').waitFor();
    await onPhone(p, () => card(p, 7).waitFor(), 'the builder', 'survey-builder-phone');

    // 版本记录: 第 2 版, then 第 1 版, each with who published it.
    await p.getByRole('tab', { name: /版本记录/ }).click();
    await p.getByTestId('version-2').getByText(`${people.agent.name} 发布于`).waitFor();
    await p.getByTestId('version-1').waitFor();
    await p.getByTestId('version-2').click();
    await p.getByTestId('version-history').getByText('您对房屋质量是否满意？').waitFor();
    await pageShot(p, 'survey-versions');

    // 归档: no more waves; the list says so.
    await p.getByTestId('survey-archive').click();
    const archive = confirmDialog(p, '归档问卷');
    await modalSettled(archive);
    const archived = answered(p, 'POST', `/surveys/${blankId}/archive`, 200);
    await archive.getByRole('button', { name: /^归\s*档$/ }).click();
    await archived;
    await p.getByTestId('survey-status').getByText('已归档').waitFor();
    assert.equal(await p.getByTestId('builder-save').count(), 0, 'an archived survey is not edited');

    // The list: 已归档, by the agent.
    await p.goto('/surveys');
    await p.getByTestId(`survey-status-${blankId}`).getByText('已归档').waitFor();
    await p.getByTestId(`survey-row-${blankId}`).getByText(people.agent.name).waitFor();
    await pageShot(p, 'surveys-list');
    await onPhone(p, () => p.getByTestId('survey-cards').waitFor(), 'the survey list', 'surveys-list-phone');
  });

  it('lets the agent make one from the template, publish it and start a wave of links through 发起调查', kStep, async () => {
    const p = agent.page;
    await p.goto('/surveys');
    await p.getByTestId('survey-from-template').click();
    const choose = modal(p, '从模板新建');
    await modalSettled(choose);
    await choose.getByTestId('template-owner_standard').click();
    const made = answered(p, 'POST', '/surveys', 201);
    await choose.getByRole('button', { name: '使用此模板' }).click();
    standardId = (await (await made).json()).id;
    await p.waitForURL(`**/surveys/${standardId}`);
    await card(p, 6).waitFor();
    assert.equal(await p.locator('[data-testid^="question-"][data-kind]').count(), 6);
    await p.getByTestId('builder-callback').getByTestId('callback-at-most').waitFor();

    // The waves tab offers 发起调查 only once a version is published.
    await p.getByRole('tab', { name: /调查轮次/ }).click();
    assert.equal(await p.getByTestId('wave-create').isDisabled(), true);
    await p.getByRole('tab', { name: '问卷设计' }).click();
    await p.getByTestId('builder-publish').click();
    const confirm = confirmDialog(p, '发布第 1 版');
    await modalSettled(confirm);
    const published = answered(p, 'POST', `/surveys/${standardId}/publish`, 200);
    await confirm.getByRole('button', { name: /^发\s*布$/ }).click();
    await published;
    await p.getByTestId('survey-status').getByText('已发布 v1').waitFor();

    // 发起调查: the project, every cohort, 10 a project, links.
    await p.getByRole('tab', { name: /调查轮次/ }).click();
    await p.getByTestId('wave-create').click();
    const start = modal(p, '发起调查');
    await modalSettled(start);
    // The projects: a multiple choice, left by a click on the dialog's title (Escape would close the dialog).
    const projects = start.getByLabel('项目', { exact: true });
    await projects.click();
    await projects.fill(projectName);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: projectName }).first().click();
    await start.locator('.ant-modal-title').click();
    await p.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await start.getByTestId('wave-sample').fill('10');
    await start.getByText('链接', { exact: true }).click();
    await start.getByText('只生成每位业主的专属链接').waitFor();
    await shot(p, 'survey-wave-modal');
    const created = answered(p, 'POST', `/surveys/${standardId}/waves`, 201);
    await start.getByRole('button', { name: '抽样并发送' }).click();
    const wave = await (await created).json();
    waveId = wave.id;
    assert.equal(wave.invited, 4);
    assert.equal(wave.population, 4);
    await p.waitForURL(`**/surveys/waves/${waveId}`);

    // The wave's page: the figures, the progress by cohort in words, the owners by name with their links.
    await p.getByTestId('wave-invited').getByText('4', { exact: true }).waitFor();
    await p.getByTestId('wave-excluded').getByText('抽样时没有业主被排除').waitFor();
    await p.getByTestId('wave-progress').getByText('准业主').first().waitFor();
    await p.getByTestId('wave-progress').getByText('磨合期').first().waitFor();
    const invitations = p.getByTestId('wave-invitations');
    for (const owner of owners) {
      await invitations.getByText(owner.name).waitFor();
      await invitations.getByText(owner.code).waitFor();
    }
    assert.equal(await invitations.locator('[data-state="sent"]').count(), 4);
    assert.equal(await invitations.getByText('复制链接').count(), 4);
    // A wave of links has no channel to remind by: no 催答.
    assert.equal(await p.getByTestId('wave-remind').count(), 0);
    await assertNoRawWords(p, 'the wave page');
    await pageShot(p, 'survey-wave');
    await onPhone(p, () => p.getByTestId('invitation-cards').waitFor(), 'the wave page', 'survey-wave-phone');
  });

  it('takes four owners’ answers through the public link, and the wave page shows them answered', kStep, async () => {
    const p = agent.page;
    const list = ok(await pageApi(p, 'GET', `/survey-waves/${waveId}/invitations?limit=50`)).items;
    assert.equal(list.length, 4);
    const byName = new Map(list.map((invitation) => [invitation.customer_name, invitation]));
    for (const [index, owner] of owners.entries()) {
      const invitation = byName.get(owner.name);
      assert.ok(invitation?.url, `${owner.name} has a link`);
      const token = new URL(invitation.url).pathname.split('/').pop();
      ok(await pageApi(page, 'POST', `/public/surveys/${token}`, { answers: kAnswers[index] }), 201);
    }
    await p.reload();
    const invitations = p.getByTestId('wave-invitations');
    await invitations.locator('[data-state="answered"]').first().waitFor();
    assert.equal(await invitations.locator('[data-state="answered"]').count(), 4);
    await p.getByTestId('wave-rate').getByText('100%').waitFor();
  });

  it('shows the agent the results: the index cards, the score card, the drivers’ chart and intent, on a desk and a phone', kStep, async () => {
    const p = agent.page;
    await p.goto(`/surveys/${standardId}`);
    await p.getByTestId('survey-results').click();
    await p.waitForURL(`**/surveys/results/${standardId}`);
    await p.getByTestId('results-count').getByText('共 4 份答卷').waitFor();

    // Satisfied: 5 and 4 of 5; would buy again: 一定会, 可能会; recommend (NPS 9–10): one; NPS (1 − 2) / 4; loyal: one.
    const cards = p.getByTestId('index-cards');
    await cards.getByTestId('index-satisfaction-value').getByText('50%').waitFor();
    await cards.getByTestId('index-rebuy-value').getByText('50%').waitFor();
    await cards.getByTestId('index-recommend-value').getByText('25%').waitFor();
    await cards.getByTestId('index-nps-value').getByText('−25').waitFor();
    await cards.getByTestId('index-loyalty-value').getByText('25%').waitFor();
    await cards.getByTestId('index-satisfaction-n').getByText('样本 4').waitFor();
    await cards.getByTestId('index-satisfaction-ci').getByText(/^95% 区间 \d/).waitFor();
    await cards.getByTestId('index-loyalty-help').hover();
    await p.getByText('按每位答卷业主计算').waitFor();

    // The grouped view by cohort names the cohorts in words.
    await p.getByTestId('grouped-by').getByText('按客户类型').click();
    await p.waitForURL(/by=cohort/);
    await p.getByTestId('group-chart').locator('canvas').waitFor();
    await p.getByTestId('grouped-view').getByText('表格').click();
    await p.waitForURL(/by=cohort&view=table/);
    await p.getByTestId('grouped-table').getByText('准业主').waitFor();
    await p.getByTestId('grouped-table').getByText('磨合期').waitFor();
    await p.getByTestId('grouped-view').getByText('图表').click();

    // The score card: the project's two cohorts, each item's points coloured.
    const score = p.getByTestId('score-table');
    await score.getByText(projectName).first().waitFor();
    await score.getByTestId(`score-${projectId}-run_in-quality`).getByText('0').waitFor();
    // The drivers: the chart drawn, every item placed in a quadrant in words.
    await p.getByTestId('drivers-chart').locator('canvas').waitFor();
    await p.getByTestId('drivers-table').getByText('质量').waitFor();
    assert.ok((await p.getByTestId('drivers-table').getByText(/重点改进|优势保持|次要改进|维持/).count()) > 0);
    // Intent against behaviour, in a sentence.
    await p.getByTestId('intent-recommend-sentence').getByText(/表示会推荐的业主中 .+ 在 12 个月内推荐了新客户，表示不会的为 /).waitFor();
    await p.getByTestId('intent-rebuy').waitFor();
    await p.getByTestId('trend-chart').locator('canvas').waitFor();
    await assertNoRawWords(p, 'the results page');
    await pageShot(p, 'survey-results');
    await onPhone(p, () => p.getByTestId('drivers-chart').locator('canvas').waitFor(), 'the results page', 'survey-results-phone');
  });

  it('shows the viewer the results, without 新建问卷 or 发起调查', kStep, async () => {
    viewer = await signInAs(people.viewer, password, { pageErrors });
    const p = viewer.page;
    await openMenu(p, '调查结果');
    await p.waitForURL(/\/surveys\/results\/\d+/);
    await p.goto(`/surveys/results/${standardId}`);
    await p.getByTestId('index-satisfaction-value').getByText('50%').waitFor();
    await p.getByTestId('score-table').getByText(projectName).first().waitFor();
    await p.getByTestId('drivers-chart').locator('canvas').waitFor();
    await p.getByTestId('intent-card').waitFor();
    await pageShot(p, 'survey-results-viewer');
    await onPhone(p, () => p.getByTestId('index-cards').waitFor(), 'the viewer’s results page', 'survey-results-viewer-phone');

    await p.goto('/surveys');
    await p.getByTestId(`survey-row-${standardId}`).waitFor();
    assert.equal(await p.getByTestId('survey-create').count(), 0);
    assert.equal(await p.getByTestId('survey-from-template').count(), 0);
    await p.goto(`/surveys/${standardId}?tab=waves`);
    await p.getByTestId(`wave-row-${waveId}`).waitFor();
    assert.equal(await p.getByTestId('wave-create').count(), 0);
    // The viewer reads the questions, and edits nothing.
    await p.getByRole('tab', { name: '问卷设计' }).click();
    await p.getByTestId('survey-questions').waitFor();
    assert.equal(await p.getByTestId('builder-save').count(), 0);
    // The wave page: the owners by name, no links to hand out, no 结束调查.
    await p.goto(`/surveys/waves/${waveId}`);
    await p.getByTestId('wave-invitations').getByText(owners[0].name).waitFor();
    assert.equal(await p.getByTestId('wave-close').count(), 0);
    assert.equal(await p.getByText('复制链接').count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
