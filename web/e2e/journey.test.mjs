// End-to-end browser tests of the 6+2 journey (客户服务6+2步法) and 不利因素公示 against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/journey.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with six raw units, a customer-relations manager and agent and a sales
// consultant of the company, and sells one unit, its contract signed ten days ago (判客, 认购, 签约
// through the API). Then, in the browsers: the manager makes the journey tasks now (立即生成任务) and
// finds the sold home's three — two sales touches missed, the welcome call due — completes the
// welcome call with its evidence and sees it done; a consultant is offered 完成 on the sales team's
// touches only. The quarter's score shows the company with the missed touches as points lost. The
// manager edits a touch of the playbook (the company's own version); the agent is offered no edit.
// The agent discloses two adverse factors, the manager withdraws one, the consultant records a
// buyer's acknowledgement, and that buyer can then sign. The customer page's 6+2 旅程 tab shows the
// stage, the home and the steps. Pages are checked on a phone too. The run makes everything it
// needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answered, assertFitsPhone, assertNoWords, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, pageShot, pick, randomDigits, requireEnvironment, reserveUnit, runSuffix, setUpProject, shot, signContract, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

/** The quarter of a day, as the scores ask for it: "2026Q4". */
const quarterOf = (day) => `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

const companyName = `旅程置业${suffix}`;
const projectName = `观澜府${suffix}`;
const password = `E2e-journey-${suffix}-Pass`;
const people = {
  manager: { username: `e2e_jny_mgr_${suffix}`, name: `客关经理${short}`, roles: ['manager'] },
  agent: { username: `e2e_jny_agent_${suffix}`, name: `客关专员${short}`, roles: ['agent'] },
  sales: { username: `e2e_jny_sales_${suffix}`, name: `置业顾问${short}`, roles: ['sales'] },
};
const owner = { name: `司马旅${short}`, phone: `136${randomDigits(8)}` };
const buyer = { name: `上官签${short}`, phone: `135${randomDigits(8)}` };
const soldCode = '1-1-201';
const secondCode = '1-1-202';
const signedOn = chinaDay(-10);
const kEvidence = `通话录音 LY-${short}`;
const kFactors = [
  { title: `项目东侧规划建设垃圾转运站 ${short}`, detail: '距 1 号楼约 300 米，规划文件：武规〔2026〕18 号' },
  { title: `南侧地块规划学校待定 ${short}`, detail: '学校建设时间以教育局公告为准' },
];
/** Words the pages must never show raw. */
const kRawWords = ['customer_relations', 'contract_signed', 'done_late', 'upcoming', 'journey.task_done', 'published', 'withdrawn'];

describe('The 6+2 journey: tasks, scores, playbook, disclosures and the customer’s journey', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let manager; // the manager's browser { browser, page }
  let agent;
  let sales;
  let companyId;
  let projectId;
  let units; // by code
  const tasks = new Map(); // touch code → task
  const factorIds = [];
  const pageErrors = [];

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('.ant-layout-content'), kRawWords, where);

  /** Reserves a unit for a customer through the API, as the administrator: 判客, 认购. */
  const subscribe = (code, customerId) =>
    reserveUnit((method, path, body) => pageApi(page, method, path, body), { projectId, unit: units.get(code), buyers: [customerId], price: 300_000_000 });
  /** 签约 of a subscription through the API, as the administrator; the answer as it comes. */
  const sign = (subscriptionId, signed, contractNo) =>
    signContract((method, path, body) => pageApi(page, method, path, body), { subscriptionId, contractNo, signedOn: signed, total: 300_000_000, dueOn: chinaDay(30) });

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await sales?.browser.close();
    await agent?.browser.close();
    await manager?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project with units, its people and a home sold ten days ago', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    let company;
    ({ company, projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '洪山区珞喻路 66 号',
      floors: 3,
      decoration: 'raw',
      people: Object.values(people),
      password,
      customers: [owner, buyer],
    }));
    companyId = company.id;
    assert.equal(units.size, 6);
    ok(await sign((await subscribe(soldCode, owner.id)).id, signedOn, `HT-JNY-${suffix}`), 201);
  });

  it('lets the manager make the tasks, complete the welcome call with evidence and see it done', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    const menu = p.locator('.ant-layout-sider .ant-menu');
    for (const entry of ['客户旅程', '旅程任务', '6+2 执行评分', '旅程手册', '不利因素公示']) await menu.getByText(entry, { exact: true }).waitFor();
    await openMenu(p, '旅程任务');
    await p.waitForURL('**/journey/tasks');
    await p.getByRole('heading', { name: '旅程任务' }).waitFor();

    // 立即生成任务: the sold home's touches of the last quarter and the next 14 days.
    const made = answered(p, 'POST', '/journey/make', 200);
    await p.getByTestId('make-tasks').click();
    const report = await (await made).json();
    assert.ok(report.created >= 3, JSON.stringify(report));
    for (const task of ok(await pageApi(p, 'GET', `/journey-tasks?project_id=${projectId}`)).items) tasks.set(task.touch_code, task);
    assert.deepEqual([...tasks.keys()].sort(), ['contract_explained', 'disclosure_check', 'welcome_call']);

    // Only this project's: three, named and worded, the oldest first.
    await pick(p, p.locator('.ant-layout-content'), '楼盘', projectName);
    await p.waitForURL(`**/journey/tasks?project_id=${projectId}`);
    await p.getByTestId('task-count').getByText('共 3 条').waitFor();
    const welcome = tasks.get('welcome_call');
    const row = p.getByTestId(`task-row-${welcome.id}`);
    await row.getByText(owner.name).waitFor();
    await row.getByText(soldCode).waitFor();
    await row.getByText('2 · 喜结连理').waitFor();
    await row.getByText('签约欢迎回访').waitFor();
    await row.getByText(chinaDay(-3)).waitFor();
    await p.getByTestId(`task-state-${welcome.id}`).getByText('到期待办').waitFor();
    await p.getByTestId(`task-state-${tasks.get('disclosure_check').id}`).getByText('逾期未做').waitFor();
    await p.getByTestId(`task-row-${tasks.get('disclosure_check').id}`).getByText('1 · 温馨牵手').waitFor();
    await assertNoRawWords(p, 'the task list');
    await pageShot(p, 'journey-tasks');

    // The step filter: 温馨牵手 has the disclosure check alone.
    await p.getByLabel('步骤', { exact: true }).click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '1 · 温馨牵手' }).first().click();
    await p.waitForURL(`**/journey/tasks?project_id=${projectId}&step=1`);
    await p.getByTestId('task-count').getByText('共 1 条').waitFor();
    await p.getByTestId(`task-row-${tasks.get('disclosure_check').id}`).waitFor();
    await p.goto(`/journey/tasks?project_id=${projectId}`);
    await p.getByTestId('task-count').getByText('共 3 条').waitFor();

    // 完成 the welcome call with its evidence.
    await p.getByTestId(`task-complete-${welcome.id}`).click();
    const dialog = modal(p, '完成任务');
    await dialog.getByTestId('complete-task-summary').getByText(`${owner.name} · ${soldCode} · 2 · 喜结连理 · 客关 · ${chinaDay(-3)} 到期`).waitFor();
    await dialog.getByTestId('complete-task-evidence').fill(kEvidence);
    await dialog.getByTestId('complete-task-note').fill('业主对签约流程满意');
    await shot(p, 'journey-task-complete');
    const completed = answered(p, 'POST', `/journey-tasks/${welcome.id}/complete`, 200);
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    const done = await (await completed).json();
    assert.equal(done.status, 'done');
    assert.equal(done.state, 'done');
    assert.equal(done.evidence, kEvidence);
    await modalClosed(p);
    await p.getByTestId(`task-state-${welcome.id}`).getByText('已完成').waitFor();
    await p.getByTestId(`task-done-${welcome.id}`).getByText(`${people.manager.name} 于 ${chinaDay(0)} 完成 · 留证：${kEvidence}`).waitFor();
    assert.equal(await p.getByTestId(`task-complete-${welcome.id}`).count(), 0);

    // 已完成 lists it; 未完成 no longer does.
    await p.getByTestId('task-state-filter').getByText('已完成', { exact: true }).click();
    await p.getByTestId('task-count').getByText('共 1 条').waitFor();
    await p.getByTestId(`task-state-${welcome.id}`).getByText('已完成').waitFor();
    await p.getByTestId('task-state-filter').getByText('未完成', { exact: true }).click();
    await p.getByTestId('task-count').getByText('共 2 条').waitFor();
    assert.equal(await p.getByTestId(`task-row-${welcome.id}`).count(), 0);
    await pageShot(p, 'journey-tasks-open');

    // On a phone the rows are cards.
    await p.setViewportSize(kPhone);
    await p.getByTestId('task-cards').waitFor();
    await assertFitsPhone(p, 'the task list');
    await pageShot(p, 'journey-tasks-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('offers a consultant 完成 on the sales team’s touches only', kStep, async () => {
    sales = await signInAs(people.sales, password, { pageErrors });
    const p = sales.page;
    const menu = p.locator('.ant-layout-sider .ant-menu');
    await menu.getByText('旅程任务', { exact: true }).waitFor();
    await menu.getByText('不利因素公示', { exact: true }).waitFor();
    assert.equal(await menu.getByText('旅程手册', { exact: true }).count(), 0);
    assert.equal(await menu.getByText('6+2 执行评分', { exact: true }).count(), 0);
    await p.goto(`/journey/tasks?project_id=${projectId}&state=all`);
    await p.getByTestId('task-count').getByText('共 3 条').waitFor();
    await p.getByTestId(`task-complete-${tasks.get('contract_explained').id}`).waitFor();
    await p.getByTestId(`task-complete-${tasks.get('disclosure_check').id}`).waitFor();
    assert.equal(await p.getByTestId(`task-complete-${tasks.get('welcome_call').id}`).count(), 0);
    // The server agrees: a customer-relations touch is not the consultant's.
    const refused = await pageApi(p, 'POST', `/journey-tasks/${tasks.get('welcome_call').id}/complete`, { evidence: 'x' });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
  });

  it('shows the quarter’s score per company, opening to every point lost', kStep, async () => {
    const p = manager.page;
    const period = quarterOf(signedOn);
    await p.goto(period === quarterOf(chinaDay(0)) ? '/journey/scores' : `/journey/scores?period=${period}`);
    await p.getByRole('heading', { name: '6+2 执行评分' }).waitFor();
    const row = p.getByTestId(`score-row-${companyId}`);
    await row.getByText(companyName).waitFor();
    const scores = ok(await pageApi(p, 'GET', `/journey/scores?period=${period}`)).items;
    const mine = scores.find((s) => s.company_id === companyId);
    assert.ok(mine, 'the company is scored');
    assert.equal(scores.length, 1, 'a company manager sees their company alone');
    assert.ok(mine.execution < 25);
    assert.equal(await p.getByTestId(`score-execution-${companyId}`).getAttribute('data-value'), String(mine.execution));
    assert.equal(await p.getByTestId(`score-total-${companyId}`).getAttribute('data-value'), String(mine.total));
    await row.getByText(`按时 ${mine.counts.on_time}/${mine.counts.due}`).waitFor();

    // The drill-down: every point lost, with its reason as the server words it.
    await p.getByTestId(`score-expand-${companyId}`).click();
    const lost = p.getByTestId(`score-lost-${companyId}-execution`);
    await lost.getByText(`核对不利因素公示签收（${signedOn} 到期）未完成`).waitFor();
    await lost.getByText(`讲解合同与交付标准（${signedOn} 到期）未完成`).waitFor();
    // Each names its customer and home, linked.
    const ownerLink = lost.getByRole('link', { name: owner.name, exact: true }).first();
    await ownerLink.waitFor();
    assert.equal(await ownerLink.getAttribute('href'), `/customers/${owner.id}`);
    assert.equal(await lost.getByRole('link', { name: soldCode, exact: true }).first().getAttribute('href'), `/units/${units.get(soldCode).id}`);
    await assertNoRawWords(p, 'the scores');
    await pageShot(p, 'journey-scores');

    await p.setViewportSize(kPhone);
    await p.getByTestId('score-cards').waitFor();
    await p.getByTestId(`score-expand-${companyId}`).click();
    await p.getByTestId(`score-lost-${companyId}-execution`).waitFor();
    await assertFitsPhone(p, 'the scores');
    await pageShot(p, 'journey-scores-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets the manager edit a touch (the company’s own version), and offers the agent no edit', kStep, async () => {
    const p = manager.page;
    await openMenu(p, '旅程手册');
    await p.waitForURL('**/journey/playbook');
    await p.getByTestId('playbook-scope').getByText(companyName).waitFor();
    for (const [step, name] of [[1, '温馨牵手'], [4, '恭迎乔迁'], [8, '四年之约']]) await p.getByTestId(`playbook-step-${step}`).getByText(`${step} · ${name}`).waitFor();
    const row = p.getByTestId('touch-row-welcome_call');
    await row.getByText('签约欢迎回访').waitFor();
    await row.getByText('标准动作').waitFor();
    await p.getByTestId('touch-rule-welcome_call').getByText('签约后 7 天').waitFor();
    await p.getByTestId('touch-team-welcome_call').getByText('客关').waitFor();
    await p.getByTestId('touch-rule-delivery_notice').getByText('计划交付日前 30 天').waitFor();
    await assertNoRawWords(p, 'the playbook');
    await pageShot(p, 'journey-playbook');

    await p.getByTestId('touch-edit-welcome_call').click();
    const dialog = modal(p, '编辑动作');
    await dialog.getByText(`修改保存为「${companyName}」的版本`).waitFor();
    await dialog.getByLabel('相对天数（负数为提前）', { exact: true }).fill('5');
    await dialog.getByText('签约后 5 天').waitFor();
    await dialog.getByTestId('touch-name').fill('签约欢迎电话回访');
    await shot(p, 'journey-touch-edit');
    const patched = answered(p, 'PATCH', `/journey/playbook/${(await pageApi(p, 'GET', `/journey/playbook?company_id=${companyId}`)).body.items.find((x) => x.code === 'welcome_call').id}`, 200);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const touch = await (await patched).json();
    assert.equal(touch.company_id, companyId);
    assert.equal(touch.offset_days, 5);
    assert.equal(touch.name, '签约欢迎电话回访');
    await modalClosed(p);
    await p.getByTestId('touch-name-welcome_call').getByText('签约欢迎电话回访').waitFor();
    await p.getByTestId('touch-own-welcome_call').getByText('本公司版本').waitFor();
    await p.getByTestId('touch-rule-welcome_call').getByText('签约后 5 天').waitFor();
    // The group's playbook is unchanged.
    const group = ok(await pageApi(page, 'GET', '/journey/playbook')).items.find((x) => x.code === 'welcome_call');
    assert.equal(group.offset_days, 7);

    agent = await signInAs(people.agent, password, { pageErrors });
    const a = agent.page;
    await a.goto('/journey/playbook');
    await a.getByTestId('touch-row-welcome_call').getByText('签约欢迎电话回访').waitFor();
    assert.equal(await a.locator('[data-testid^="touch-edit-"]').count(), 0);
    assert.equal(await a.getByTestId('make-tasks').count(), 0);
    await a.setViewportSize(kPhone);
    await a.getByTestId('playbook-step-8').waitFor();
    await assertFitsPhone(a, 'the playbook');
    await pageShot(a, 'journey-playbook-phone');
    await a.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets the agent disclose, the manager withdraw, the consultant record an acknowledgement; the buyer then signs', kStep, async () => {
    const a = agent.page;
    await openMenu(a, '不利因素公示');
    await a.waitForURL('**/journey/disclosures');
    await a.getByText('请选择楼盘，查看其不利因素公示和买受人签收').waitFor();
    await pick(a, a.locator('.ant-layout-content'), '楼盘', projectName);
    await a.waitForURL(`**/journey/disclosures?project_id=${projectId}`);
    await a.getByTestId('factor-list').getByText('该楼盘没有公示中的不利因素').waitFor();
    // Nothing published: nothing to acknowledge.
    assert.equal(await a.getByTestId('ack-create').isDisabled(), true);
    for (const factor of kFactors) {
      await a.getByTestId('factor-create').click();
      const dialog = modal(a, '新增不利因素公示');
      await dialog.getByTestId('factor-title').fill(factor.title);
      await dialog.getByTestId('factor-detail').fill(factor.detail);
      if (factor === kFactors[0]) await shot(a, 'journey-factor-create');
      const published = answered(a, 'POST', '/adverse-factors', 201);
      await dialog.getByRole('button', { name: /公\s*示/ }).click();
      const body = await (await published).json();
      assert.equal(body.status, 'published');
      factorIds.push(body.id);
      await modalClosed(a);
      await a.getByTestId(`factor-row-${body.id}`).getByText(factor.title).waitFor();
      await a.getByTestId(`factor-status-${body.id}`).getByText('公示中').waitFor();
    }
    // Only managers withdraw.
    assert.equal(await a.locator('[data-testid^="factor-withdraw-"]').count(), 0);

    const m = manager.page;
    await m.goto(`/journey/disclosures?project_id=${projectId}`);
    await m.getByTestId(`factor-withdraw-${factorIds[1]}`).click();
    const withdraw = modal(m, '撤回公示');
    await withdraw.getByRole('button', { name: /撤\s*回/ }).click();
    await withdraw.getByText('请填写撤回理由').waitFor();
    await withdraw.getByTestId('factor-withdraw-reason').fill('教育局已确认配建学校，不再属于不利因素');
    const withdrawn = answered(m, 'POST', `/adverse-factors/${factorIds[1]}/withdraw`, 200);
    await withdraw.getByRole('button', { name: /撤\s*回/ }).click();
    assert.equal((await (await withdrawn).json()).status, 'withdrawn');
    await modalClosed(m);
    await m.getByTestId(`factor-row-${factorIds[1]}`).waitFor({ state: 'detached' });
    await m.getByTestId('factor-show-withdrawn').click();
    await m.getByTestId(`factor-status-${factorIds[1]}`).getByText('已撤回').waitFor();

    // Without the acknowledgement the buyer cannot sign.
    const reserved = await subscribe(secondCode, buyer.id);
    const early = await sign(reserved.id, chinaDay(0), `HT-JNY2-${suffix}`);
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.equal(early.body.error.code, 'disclosure_unacknowledged');

    // The consultant records the buyer's acknowledgement; no disclosing or withdrawing for them.
    const s = sales.page;
    await s.goto(`/journey/disclosures?project_id=${projectId}`);
    await s.getByTestId(`factor-row-${factorIds[0]}`).waitFor();
    assert.equal(await s.getByTestId('factor-create').count(), 0);
    assert.equal(await s.locator('[data-testid^="factor-withdraw-"]').count(), 0);
    await s.getByTestId('ack-create').click();
    const dialog = modal(s, '登记买受人签收');
    await dialog.getByTestId('ack-factors').getByText(kFactors[0].title).waitFor();
    assert.equal(await dialog.getByTestId('ack-factors').locator('li').count(), 1);
    await dialog.getByRole('button', { name: /登记签收/ }).click();
    await dialog.getByText('请选择买受人').waitFor();
    const input = dialog.getByLabel('买受人', { exact: true });
    await input.click();
    await input.fill(buyer.phone);
    await s.getByTestId(`picker-option-${buyer.id}`).click();
    await dialog.getByTestId('ack-method').getByText('现场签收', { exact: true }).click();
    await dialog.getByTestId('ack-note').fill('签收页已扫描存档');
    await shot(s, 'journey-ack');
    const recorded = answered(s, 'POST', '/disclosure-acks', 201);
    await dialog.getByRole('button', { name: /登记签收/ }).click();
    const ack = await (await recorded).json();
    assert.equal(ack.customer_id, buyer.id);
    assert.equal(ack.method, 'onsite');
    assert.deepEqual(ack.factor_ids, [factorIds[0]]);
    await modalClosed(s);
    const ackRow = s.getByTestId(`ack-row-${ack.id}`);
    await ackRow.getByText(buyer.name).waitFor();
    await ackRow.getByText('现场签收').waitFor();
    await s.getByTestId(`ack-coverage-${ack.id}`).getByText('已覆盖全部公示').waitFor();
    await ackRow.getByText(people.sales.name, { exact: false }).waitFor();
    await assertNoRawWords(s, 'the disclosures');
    await pageShot(s, 'journey-disclosures');

    // Now the buyer signs.
    ok(await sign(reserved.id, chinaDay(0), `HT-JNY3-${suffix}`), 201);

    await s.setViewportSize(kPhone);
    await s.getByTestId(`ack-row-${ack.id}`).waitFor();
    await assertFitsPhone(s, 'the disclosures');
    await pageShot(s, 'journey-disclosures-phone');
    await s.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the customer’s journey on the customer page: the stage, the home, the steps and their tasks', kStep, async () => {
    const p = manager.page;
    await p.goto(`/customers/${owner.id}`);
    await p.getByRole('tab', { name: '6+2 旅程' }).click();
    const card = p.getByTestId('customer-journey');
    await card.waitFor();
    // Signed ten days ago: 喜结连理.
    await p.getByTestId('journey-stage').getByText('2 · 喜结连理').waitFor();
    await p.getByTestId('journey-missed').getByText('2 项逾期未做').waitFor();
    const home = p.getByTestId(`journey-home-${units.get(soldCode).id}`);
    await home.getByText(soldCode).waitFor();
    await home.getByText(projectName).waitFor();
    await home.getByText(`${signedOn} 签约 · 待交付`).waitFor();
    const first = p.getByTestId('journey-step-1');
    assert.deepEqual([await first.getAttribute('data-done'), await first.getAttribute('data-missed'), await first.getAttribute('data-open')], ['0', '1', '0']);
    const second = p.getByTestId('journey-step-2');
    assert.deepEqual([await second.getAttribute('data-done'), await second.getAttribute('data-missed'), await second.getAttribute('data-current')], ['1', '1', 'true']);
    await second.getByText('完成 1').waitFor();
    await p.getByTestId('journey-step-8').getByText('8 · 四年之约').waitFor();
    const welcome = tasks.get('welcome_call');
    await p.getByTestId(`journey-task-state-${welcome.id}`).getByText('已完成').waitFor();
    await p.getByTestId(`journey-task-${welcome.id}`).getByText(`留证：${kEvidence}`, { exact: false }).waitFor();
    await p.getByTestId(`journey-task-state-${tasks.get('disclosure_check').id}`).getByText('逾期未做').waitFor();
    await assertNoRawWords(p, 'the customer journey');
    await pageShot(p, 'journey-customer');

    // The manager completes a missed touch here too; it counts as done late.
    await p.getByTestId(`journey-task-complete-${tasks.get('contract_explained').id}`).click();
    const dialog = modal(p, '完成任务');
    await dialog.getByText('该任务已超过到期日 7 天').waitFor();
    await dialog.getByTestId('complete-task-evidence').fill('合同讲解确认书');
    const completed = answered(p, 'POST', `/journey-tasks/${tasks.get('contract_explained').id}/complete`, 200);
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    assert.equal((await (await completed).json()).state, 'done_late');
    await modalClosed(p);
    await p.getByTestId(`journey-task-state-${tasks.get('contract_explained').id}`).getByText('逾期完成').waitFor();
    await p.getByTestId('journey-missed').getByText('1 项逾期未做').waitFor();

    await p.setViewportSize(kPhone);
    await card.waitFor();
    await assertFitsPhone(p, 'the customer journey');
    await pageShot(p, 'journey-customer-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
    assert.deepEqual(pageErrors, []);
  });
});
