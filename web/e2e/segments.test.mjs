// End-to-end browser tests of 客户细分 (segments) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/segments.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company with a project of two homes, a manager and an agent of the company, and four customers of
// it whose records place each in another class (an older wealthy couple who bought a home, a young
// single, a family with a small child, one whose record says nothing). In the browsers: the manager
// makes a model from blank — a rule with a syntax error, then a value the fact does not take, each
// shown on its card at its character in words; a rule written with the fact picker; a sub-class —
// sees the live preview's shares (a quarter each: the preview and the model count the manager's
// company only), saves, and the model's page shows the shares once computed, and again after
// 重新计算, each class's lifetime value beside its share; by city and by project; a save over someone
// else's is refused in words. A customer's page shows the 客户细分 card in words. The agent is offered neither 新建模型 nor 编辑规则 nor 重新计算.
// At 1440 px and on a phone. The run makes everything it needs, so it works on an empty database
// and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answered,
  assertFitsPhone,
  assertNoWords,
  chinaDay,
  kPhone,
  launch,
  modal,
  modalSettled,
  ok,
  onPhone,
  openMenu,
  pageApi,
  pageShot,
  randomDigits,
  requireEnvironment,
  runSuffix,
  screenshotDir,
  sellUnit,
  setUpProject,
  shot,
  signIn,
  signInAs,
} from './support.mjs';

const kStep = { timeout: 240_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `细分置业${suffix}`;
const projectName = `分类湾${suffix}`;
const password = `E2e-segments-${suffix}-Pass`;
const people = {
  manager: { username: `e2e_sg_mgr_${suffix}`, name: `细分经理${short}`, roles: ['manager'] },
  agent: { username: `e2e_sg_agent_${suffix}`, name: `细分专员${short}`, roles: ['agent'] },
};
const thisYear = Number(chinaDay().slice(0, 4));
/** Four customers, each of another class of the model below (ages counted from today). */
const customers = {
  wealthy: { name: `富长者${short}`, phone: `135${randomDigits(8)}`, birth_date: `${thisYear - 62}-01-01`, marital_status: 'married', income_level: 'high', city: '深圳' },
  single: { name: `新青年${short}`, phone: `136${randomDigits(8)}`, birth_date: `${thisYear - 27}-01-01`, marital_status: 'single', income_level: 'middle', city: '深圳' },
  family: { name: `幼家庭${short}`, phone: `137${randomDigits(8)}`, birth_date: `${thisYear - 36}-01-01`, marital_status: 'married', income_level: 'middle', children_birth_years: [thisYear - 3], city: '广州' },
  unknown: { name: `无资料${short}`, phone: `138${randomDigits(8)}` },
};
const modelName = `生命周期细分 ${short}`;
/** Words the pages must never show raw: the wire's codes and the browser's blanks. */
const kRawWords = ['young_family', 'income_level', 'marital_status', 'life_stage', 'segment_1', 'undefined', 'NaN', 'null', '#'];

describe('Segments: the rule editor with its live preview, the model page, the customer card', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let manager; // { browser, page }
  let agent;
  let projectId;
  let modelId;
  const pageErrors = [];

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('.ant-layout-content'), kRawWords, where);

  /** The rule of segment `n` (1-based) of the editor: its text area, its fault box, its picker button. */
  const rule = (p, n) => ({
    input: p.getByTestId(`segment-${n}-rule-input`),
    error: p.getByTestId(`segment-${n}-rule-error`),
    pick: p.getByTestId(`segment-${n}-rule-pick`),
  });

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    for (const who of [agent, manager]) await who?.browser.close();
    await browser?.close();
  });

  it('sets up a company with a project, a manager, an agent and four customers (one of them an owner)', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    let units;
    let company;
    ({ projectId, units, company } = await setUpProject(api, {
      companyName,
      projectName,
      city: '深圳',
      address: '南山区海德三道 8 号',
      floors: 1,
      decoration: 'finished',
      people: Object.values(people),
      password,
    }));
    for (const customer of Object.values(customers)) {
      const { name, phone, ...record } = customer;
      customer.id = ok(await api('POST', '/customers', { name, phone, org_unit_id: company.id, ...record }), 201).id;
    }
    // The wealthy customer buys a home: the model's shares by project name the project.
    await sellUnit(api, { projectId, unit: units.get('1-1-101'), buyers: [customers.wealthy.id], contractNo: `HT-SG-${suffix}`, signedOn: chinaDay(-10), dueOn: chinaDay(20) });
  });

  it('lets the manager make a model from blank: faults on their cards at their characters, the fact picker, the live preview, save', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await openMenu(p, '细分模型');
    await p.waitForURL('**/segments');
    await p.getByRole('heading', { name: '细分模型' }).waitFor();
    // The group's presets are listed, and counted.
    await p.getByTestId('model-total').getByText(/^共 \d+ 个$/).waitFor();
    await p.getByTestId('model-table').getByText('万科五类客户').first().waitFor();

    // 新建模型 → 空白模型: the editor, one class, nothing saved yet.
    await p.getByTestId('model-create').click();
    const start = modal(p, '新建细分模型');
    await modalSettled(start);
    await start.getByTestId('new-from-vanke5').getByText('万科五类客户').waitFor();
    await start.getByTestId('new-from-blank').click();
    await start.getByTestId('new-model-next').click();
    await p.waitForURL('**/segments/new?from=blank');
    await p.getByTestId('editor-title').getByText('新建细分模型').waitFor();
    await p.getByTestId('editor-name').fill(modelName);
    await p.getByTestId('segment-1-name').fill('成熟富裕');

    // A syntax error: the parenthesis is not closed. The card says where, in words.
    const text = "年龄 >= 50 且 (收入水平 = 'high'";
    await rule(p, 1).input.fill(text);
    await rule(p, 1).error.waitFor();
    assert.equal(await rule(p, 1).error.getAttribute('data-position'), String(Array.from(text).length + 1));
    await p.getByTestId('segment-1-rule-position').getByText(`第 ${Array.from(text).length + 1} 个字符：`).waitFor();
    await p.getByTestId('segment-1-rule-message').getByText('在规则结尾之前缺少右括号“)”').waitFor();
    await p.getByTestId('preview-faults').getByText(/有 1 处需要修改/).waitFor();
    assert.equal(await p.getByTestId('segment-1').getAttribute('data-fault'), 'yes');

    // A value the fact does not take: marked at its character, the fact's values offered in words.
    const wrong = "年龄 >= 50 且 收入水平 = 'rich'";
    await rule(p, 1).input.fill(wrong);
    await p.getByTestId('segment-1-rule-message').getByText("“rich”不是“收入水平”的取值，可选：较低（'low'）、中等（'middle'）、较高（'high'）").waitFor();
    assert.equal(await p.getByTestId('segment-1-rule-marked').innerText(), "'rich'");
    assert.equal(await rule(p, 1).error.getAttribute('data-position'), String(Array.from(wrong).indexOf("'") + 1));
    await shot(p, 'segments-editor-fault');

    // Fixed: the fault goes, the preview answers.
    await rule(p, 1).input.fill("年龄 >= 50 且 收入水平 = 'high'");
    await rule(p, 1).error.waitFor({ state: 'detached' });
    await p.getByTestId('preview-panel').and(p.locator('[data-state="ready"]')).waitFor();
    assert.equal(await p.getByTestId('segment-1').getAttribute('data-fault'), 'no');

    // A second class, with two sub-classes.
    await p.getByTestId('editor-add-segment').click();
    await p.getByTestId('segment-2-name').fill('年轻家庭');
    await rule(p, 2).input.fill("家庭生命周期 in ('young_family', 'school_family')");
    await p.getByTestId('segment-2-add-sub').click();
    await p.getByTestId('segment-2-sub-1-name').fill('幼童家庭');
    await p.getByTestId('segment-2-sub-1-rule-input').fill('最小子女年龄 < 6');
    await p.getByTestId('segment-2-add-sub').click();
    await p.getByTestId('segment-2-sub-2-name').fill('学龄家庭');
    await p.getByTestId('segment-2-sub-2-rule-input').fill('true');

    // A third, its rule written with the fact picker: facts and values by their words, put in at the caret.
    await p.getByTestId('editor-add-segment').click();
    await p.getByTestId('segment-3-name').fill('单身青年');
    await rule(p, 3).input.fill('年龄 < 35 且');
    await rule(p, 3).pick.click();
    const picker = p.getByTestId('fact-picker');
    await picker.getByTestId('fact-marital_status').getByText('婚姻状况').waitFor();
    await picker.getByTestId('fact-marital_status').getByText('未婚').waitFor();
    await picker.getByTestId('fact-life_stage').getByText('幼子家庭').waitFor();
    await assertNoWords(picker.getByTestId('fact-picker-facts'), ['young_family', 'marital_status', 'single', 'undefined'], 'the fact picker');
    if (process.env.HEARTH_SHOTS !== 'off') await p.screenshot({ path: `${screenshotDir}segments-fact-picker.png` });
    await picker.getByTestId('fact-insert-marital_status').click();
    await p.getByTestId('fact-picker-operators').getByRole('button', { name: '=', exact: true }).click();
    await picker.getByTestId('fact-word-marital_status-single').click();
    await p.locator('.ant-drawer-close').click();
    assert.equal((await rule(p, 3).input.inputValue()).trim(), "年龄 < 35 且 婚姻状况 = 'single'");

    // The preview: a quarter each (the fourth customer's record says nothing: 未归类), over the four.
    const panel = p.getByTestId('preview-panel');
    await panel.getByTestId('preview-basis').getByText('按全部 4 位客户计算').waitFor();
    for (const n of ['1', '2', '3']) await panel.getByTestId(`preview-${n}-value`).getByText('25%', { exact: true }).waitFor();
    await panel.getByTestId('preview-2-1-value').getByText('25%', { exact: true }).waitFor();
    await panel.getByTestId('preview-2-2-value').getByText('0%', { exact: true }).waitFor();
    await panel.getByTestId('preview-unplaced-value').getByText('25%', { exact: true }).waitFor();
    await p.getByTestId('segment-2-share').getByText('预览 25%').waitFor();
    await assertNoRawWords(p, 'the editor');
    await pageShot(p, 'segments-editor');
    await onPhone(p, () => panel.getByTestId('preview-1-value').waitFor(), 'the rule editor', 'segments-editor-phone');

    // 创建模型: the model's page follows its computation.
    const created = answered(p, 'POST', '/segment-models', 201);
    await p.getByTestId('editor-save').click();
    modelId = (await (await created).json()).id;
    await p.waitForURL(`**/segments/${modelId}`);
    await p.getByTestId('model-name').getByText(modelName).waitFor();
  });

  it('shows the model page: the shares once computed, again after 重新计算, by city and by project, each class’s profile', kStep, async () => {
    const p = manager.page;
    // Computed in the background; the page reads the model until it is.
    await p.getByTestId('model-status').and(p.locator('[data-state="computed"]')).waitFor({ timeout: 60_000 });
    await p.getByTestId('share-chart').locator('canvas').waitFor();
    await p.getByTestId('fact-customers').getByText('4 位').waitFor();
    for (const n of ['1', '2', '3']) await p.getByTestId(`segment-detail-${n}-share`).getByText('25%', { exact: true }).waitFor();
    await p.getByTestId('segment-detail-unplaced-share').getByText('25%', { exact: true }).waitFor();
    await p.getByTestId('segment-detail-2-subs').getByText('幼童家庭').waitFor();
    // The rule in words; the profile's values in words.
    await p.getByTestId('segment-detail-2-rule').getByText('家庭生命周期 属于 (“幼子家庭”, “学龄子女家庭”)').waitFor();
    await p.getByTestId('segment-detail-1-profile-basics').getByText('较高 100%').waitFor();
    await p.getByTestId('segment-detail-2-profile-lifestyle').getByText('幼子家庭 100%').waitFor();
    // Each class's lifetime value beside its share: the wealthy owner's household alone has one.
    const owned = ok(await pageApi(p, 'GET', `/customers/${customers.wealthy.id}/value`)).value_cents;
    const wholeYuan = `¥${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(Math.round(owned / 100))}`;
    await p.getByTestId('segment-detail-1-value-per').getByText(`户均 ${wholeYuan}`, { exact: true }).waitFor();
    await p.getByTestId('segment-detail-1-value').getByText('1 户有房').waitFor();
    await p.getByTestId('segment-detail-2-value').getByText('尚无有房客户').waitFor();
    await p.getByTestId('fact-value').getByText(wholeYuan).waitFor();

    // 重新计算: the answer is the model computed again; its time moves on the page.
    const before = await p.getByTestId('model-computed-at').innerText();
    await p.waitForTimeout(1_100); // the page shows the time to the second
    const computed = answered(p, 'POST', `/segment-models/${modelId}/recompute`, 200);
    await p.getByTestId('model-recompute').click();
    const after = await (await computed).json();
    assert.equal(after.customers, 4);
    await p.waitForFunction(
      (was) => {
        const shown = document.querySelector('[data-testid="model-computed-at"]')?.textContent;
        return shown && shown !== was;
      },
      before,
    );
    await p.locator('.ant-message').getByText('已重新计算：共 4 位客户').waitFor();
    await p.getByTestId('segment-detail-1-share').getByText('25%', { exact: true }).waitFor();

    // By city: 深圳 (two), 广州, none given; by project: the wealthy customer's home.
    const places = p.getByTestId('shares-by-place');
    await places.getByTestId('shares-count').getByText('共 3 个城市').waitFor();
    await places.getByTestId('shares-table').getByText('未填城市').waitFor();
    await places.getByTestId('shares-table').locator('tr', { hasText: '深圳' }).getByText('50%').first().waitFor();
    await places.getByTestId('shares-by').getByText('按项目').click();
    await p.waitForURL(/by=project/);
    await places.getByTestId('shares-count').getByText('共 1 个项目').waitFor();
    await places.getByTestId('shares-table').locator('tr', { hasText: projectName }).getByText('100%').first().waitFor();
    await assertNoRawWords(p, 'the model page');
    await pageShot(p, 'segments-model');
    await onPhone(
      p,
      async () => {
        await p.getByTestId('shares-cards').getByText(projectName).waitFor();
        await p.getByTestId('segment-detail-1-show-profile').click();
        await p.getByTestId('segment-detail-1-profile-basics').waitFor();
      },
      'the model page',
      'segments-model-phone',
    );

    // The list: the model, computed, over four customers.
    await p.getByTestId('back-to-models').click();
    await p.getByTestId(`model-row-${modelId}`).getByText(modelName).waitFor();
    await p.getByTestId(`model-status-${modelId}`).getByText('已计算').waitFor();
    await p.getByTestId(`model-customers-${modelId}`).getByText('4 位').waitFor();
    await p.getByTestId(`model-preset-${modelId}`).getByText('自定义').waitFor();
    await pageShot(p, 'segments-list');
    await onPhone(p, () => p.getByTestId('model-cards').waitFor(), 'the model list', 'segments-list-phone');
  });

  it('refuses, in words, a save over a change someone else saved meanwhile', kStep, async () => {
    const p = manager.page;
    await p.getByTestId(`model-link-${modelId}`).click();
    await p.getByTestId('model-edit').click();
    await p.waitForURL(`**/segments/${modelId}/edit`);
    await p.getByTestId('segment-3-name').waitFor();
    // Another manager's save, through the API.
    const current = ok(await pageApi(p, 'GET', `/segment-models/${modelId}`));
    ok(await pageApi(p, 'PATCH', `/segment-models/${modelId}`, { description: '另一位经理的修改' }, { 'If-Match': String(current.version) }));
    await p.getByTestId('segment-3-name').fill('单身贵族');
    const stale = answered(p, 'PATCH', `/segment-models/${modelId}`, 409);
    await p.getByTestId('editor-save').click();
    await stale;
    await p.getByTestId('editor-conflict').getByText('该模型已被其他人修改，未能保存').waitFor();
    await p.getByTestId('editor-reload').click();
    await p.getByTestId('editor-conflict').waitFor({ state: 'detached' });
    assert.equal(await p.getByTestId('editor-description').inputValue(), '另一位经理的修改');
    assert.equal(await p.getByTestId('segment-3-name').inputValue(), '单身青年');
  });

  it('shows the 客户细分 card on a customer’s page: the class and sub-class, the facts read, in words', kStep, async () => {
    const p = manager.page;
    await p.goto(`/customers/${customers.family.id}`);
    const card = p.getByTestId(`customer-segment-${modelId}`);
    await card.getByTestId(`customer-segment-${modelId}-segment`).getByText('年轻家庭').waitFor();
    await card.getByTestId(`customer-segment-${modelId}-sub`).getByText('幼童家庭').waitFor();
    const facts = card.getByTestId(`customer-segment-${modelId}-facts`);
    await facts.locator('[data-fact="life_stage"]').getByText('幼子家庭').waitFor();
    await facts.locator('[data-fact="income_level"]').getByText('中等').waitFor();
    await facts.locator('[data-fact="age"]').getByText('36 岁').waitFor();
    await facts.locator('[data-fact="youngest_child_age"]').getByText('3 岁').waitFor();
    await facts.locator('[data-fact="marital_status"]').getByText('已婚').waitFor();
    // The presets place the customer too, each in words.
    assert.ok((await p.getByTestId('customer-segments').locator('[data-testid$="-segment"]').count()) >= 2);
    await assertNoWords(p.getByTestId('customer-section-segments'), ['young_family', 'married', 'middle', 'life_stage', 'undefined', 'NaN', 'null'], 'the customer card');
    await pageShot(p, 'segments-customer');
    await onPhone(p, () => card.waitFor(), 'the customer page', 'segments-customer-phone');

    // The customer whose record says nothing: 未归类, the facts 未知.
    await p.goto(`/customers/${customers.unknown.id}`);
    const none = p.getByTestId(`customer-segment-${modelId}`);
    await none.getByTestId(`customer-segment-${modelId}-segment`).getByText('未归类').waitFor();
    await none.getByTestId(`customer-segment-${modelId}-facts`).locator('[data-fact="age"]').getByText('未知').waitFor();
  });

  it('offers the agent the shares, but neither 新建模型 nor 编辑规则 nor 重新计算', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const p = agent.page;
    await openMenu(p, '细分模型');
    await p.waitForURL('**/segments');
    await p.getByTestId(`model-row-${modelId}`).getByText(modelName).waitFor();
    await p.getByTestId('model-total').waitFor();
    assert.equal(await p.getByTestId('model-create').count(), 0);
    await p.getByTestId(`model-link-${modelId}`).click();
    await p.getByTestId('segment-detail-1-share').getByText('25%', { exact: true }).waitFor();
    assert.equal(await p.getByTestId('model-edit').count(), 0);
    assert.equal(await p.getByTestId('model-recompute').count(), 0);
    await pageShot(p, 'segments-model-agent');
    // The editor's address is refused too.
    await p.goto('/segments/new?from=blank');
    await p.getByText('无权访问', { exact: true }).waitFor();
    assert.equal(await p.getByTestId('editor-save').count(), 0);
    assert.deepEqual(pageErrors, []);
  });
});
