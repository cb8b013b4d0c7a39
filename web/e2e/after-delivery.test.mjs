// End-to-end browser tests of 交付后回访与入户 (after-delivery care) and what the journey's pages
// show of names against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/after-delivery.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company with a project unit under it, a project of six units, a customer-relations manager and
// agent and a sales consultant of the company and a manager of the project; sells three units to
// three owners, signed twenty days ago, and delivers them today (a handover's six steps each). The
// company's manager makes the company's version of 交付后入户拜访 due on the day of the keys (the
// seeds' 150 days would leave nothing to do on a fresh server) and makes the tasks. In the browsers:
// the after-delivery card shows three delivered units, no call-back made yet (the call-back falls
// due 30 days after the keys and is made 14 days ahead: 未生成), and the visits toward a target of
// one; the 电话回访 queue says why it is empty, the 入户拜访 queue lists the three visits, the agent
// completes one and the target is met. A consultant is offered no 完成 there. The task list counts
// from the server's total; the scores' drill-down names the owners and their units; the disclosures
// say who published and who withdrew, when and why; the customer's journey names each home's project;
// the playbook says whose version applies, and the project's manager is offered no edit. Pages are
// checked on a phone too. The run makes everything it needs, so it works on an empty database and
// beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answered,
  assertFitsPhone,
  assertNoWords,
  chinaDay,
  handOver,
  kPhone,
  launch,
  modal,
  modalClosed,
  ok,
  onPhone,
  openMenu,
  pageApi,
  pageShot,
  pick,
  randomDigits,
  requireEnvironment,
  runSuffix,
  sellUnit,
  setUpProject,
  shot,
  signIn,
  signInAs,
} from './support.mjs';

const kStep = { timeout: 180_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

/** The quarter of a day, as the scores ask for it: "2026Q4". */
const quarterOf = (day) => `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

const companyName = `回访置业${suffix}`;
const projectUnitName = `云栖项目部${suffix}`;
const projectName = `云栖湾${suffix}`;
const password = `E2e-aftercare-${suffix}-Pass`;
const people = {
  manager: { username: `e2e_ac_mgr_${suffix}`, name: `客关经理${short}`, roles: ['manager'] },
  agent: { username: `e2e_ac_agent_${suffix}`, name: `客关专员${short}`, roles: ['agent'] },
  sales: { username: `e2e_ac_sales_${suffix}`, name: `置业顾问${short}`, roles: ['sales'] },
  site: { username: `e2e_ac_site_${suffix}`, name: `项目经理${short}`, roles: ['manager'], atProject: true },
};
const owners = [
  { name: `诸葛交${short}`, phone: `136${randomDigits(8)}`, code: '1-1-101' },
  { name: `东方钥${short}`, phone: `137${randomDigits(8)}`, code: '1-1-201' },
  { name: `皇甫房${short}`, phone: `138${randomDigits(8)}`, code: '1-1-301' },
];
const signedOn = chinaDay(-20);
const kFactor = { title: `小区北侧规划高架桥 ${short}`, detail: '距 3 号楼约 150 米' };
const kWithdrawReason = `规划局已调整线位，改为地下通道 ${short}`;
const kVisitEvidence = `入户照片 RH-${short}`;
/** Words the pages must never show raw. */
const kRawWords = ['delivery_callback', 'home_visit', 'customer_relations', 'not_made', 'done_late', 'published', 'withdrawn', 'undefined', 'NaN'];

describe('After delivery: call-back coverage and home visits, and the journey pages’ names', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let manager; // the company manager's browser { browser, page }
  let agent;
  let sales;
  let site; // the project's manager
  let companyId;
  let projectId;
  let factorId;
  let units; // by code
  const visits = new Map(); // unit code → home-visit task
  const pageErrors = [];

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('.ant-layout-content'), kRawWords, where);

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    for (const who of [site, sales, agent, manager]) await who?.browser.close();
    await browser?.close();
  });

  it('sets up a company, its project and people, three homes sold twenty days ago and delivered today', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    let company;
    ({ company, projectId, units } = await setUpProject(api, {
      companyName,
      projectUnitName,
      projectName,
      city: '杭州',
      address: '余杭区文一西路 88 号',
      floors: 3,
      decoration: 'finished',
      rooms: [
        { suffix: '01', layout: '3室2厅2卫', area_m2: 120, list_price_cents: 320_000_000 },
        { suffix: '02', layout: '2室2厅1卫', area_m2: 90, list_price_cents: 230_000_000 },
      ],
      people: Object.values(people),
      password,
      customers: owners,
    }));
    companyId = company.id;
    assert.equal(units.size, 6);

    for (const [index, owner] of owners.entries()) {
      const unitId = units.get(owner.code).id;
      // 判客, 认购, 签约 twenty days ago.
      await sellUnit(api, { projectId, unit: units.get(owner.code), buyers: [owner.id], price: 320_000_000, contractNo: `HT-AC${index}-${suffix}`, signedOn, dueOn: chinaDay(30) });
      // The handover today, its six steps in order: the keys deliver the unit.
      await handOver(api, unitId, { slotAt: new Date().toISOString(), keys: { key_count: 2 } });
      assert.equal(ok(await api('GET', `/units/${unitId}`)).status, 'delivered');
    }
  });

  it('shows the manager three homes delivered, their call-backs not made yet, and the visits toward a target of one', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    // The company's 交付后入户拜访 falls due on the day of the keys, so that there are visits to make today.
    const visitTouch = ok(await pageApi(p, 'GET', '/journey/playbook')).items.find((touch) => touch.code === 'home_visit');
    assert.equal(visitTouch.offset_days, 150);
    const own = ok(await pageApi(p, 'PATCH', `/journey/playbook/${visitTouch.id}`, { company_id: companyId, offset_days: 0 }));
    assert.equal(own.company_id, companyId);
    ok(await pageApi(p, 'POST', '/journey/make'));
    for (const task of ok(await pageApi(p, 'GET', `/journey-tasks?project_id=${projectId}&touch=home_visit`)).items) visits.set(task.unit_code, task);
    assert.deepEqual([...visits.keys()].sort(), owners.map((owner) => owner.code).sort());
    const none = ok(await pageApi(p, 'GET', `/journey-tasks?project_id=${projectId}&touch=delivery_callback`));
    assert.equal(none.total, 0);

    const menu = p.locator('.ant-layout-sider .ant-menu');
    await menu.getByText('交付后回访与入户', { exact: true }).waitFor();
    await openMenu(p, '交付后回访与入户');
    await p.waitForURL('**/journey/after-delivery');
    await p.getByRole('heading', { name: '交付后回访与入户' }).waitFor();
    await pick(p, p.locator('.ant-layout-content'), '楼盘', projectName);
    await p.waitForURL(`**/journey/after-delivery?project_id=${projectId}`);

    const [care] = ok(await pageApi(p, 'GET', `/journey/after-delivery?project_id=${projectId}`)).items;
    assert.equal(care.delivered_units, 3);
    assert.equal(care.callback.not_made, 3);
    assert.equal(care.home_visit.target, 1);
    const card = p.getByTestId(`care-card-${projectId}`);
    await card.getByTestId(`care-project-${projectId}`).getByText(projectName).waitFor();
    await card.getByTestId(`care-delivered-${projectId}`).getByText(`近六个月交付 3 户（${care.since} 起）`).waitFor();
    // 电话回访: none called, none made yet — the page says so rather than showing an empty 0%.
    await card.getByTestId(`care-callback-${projectId}-figure`).getByText('已回访 0 / 3 户').waitFor();
    await card.getByTestId(`care-callback-${projectId}-bar`).getByText('0%').waitFor();
    await card.getByTestId(`care-callback-${projectId}-not-made`).getByText('未生成 3 户').waitFor();
    assert.equal(await card.getByTestId(`care-callback-${projectId}-overdue`).count(), 0);
    // 入户拜访: three visits due today, one of them needed.
    await card.getByTestId(`care-visit-${projectId}-figure`).getByText('已入户 0 / 目标 1 户').waitFor();
    await card.getByTestId(`care-visit-${projectId}-due`).getByText(`截止 ${care.home_visit.due_by}`).waitFor();
    await card.getByTestId(`care-visit-${projectId}-met`).getByText('未达标').waitFor();
    await card.getByTestId(`care-visit-${projectId}-open`).getByText('待办 3').waitFor();

    // The call-back queue is empty, and says why.
    const queues = p.getByTestId('care-queues');
    await queues.getByRole('tab', { name: '电话回访' }).waitFor();
    await queues.getByTestId('task-count').getByText('共 0 条').waitFor();
    await queues.getByText('还有 3 户的电话回访任务未生成').waitFor();
    await assertNoRawWords(p, 'the after-delivery page');
    await pageShot(p, 'after-delivery');

    // The home-visit queue: the three visits, named, with 完成 for the manager.
    await queues.getByRole('tab', { name: '入户拜访' }).click();
    await p.waitForURL(`**/journey/after-delivery?project_id=${projectId}&queue=home_visit`);
    await queues.getByTestId('task-count').getByText('共 3 条').waitFor();
    for (const owner of owners) {
      const task = visits.get(owner.code);
      const row = queues.getByTestId(`task-row-${task.id}`);
      await row.getByText(owner.name).waitFor();
      await row.getByText(owner.code).waitFor();
      await row.getByText(chinaDay(0)).waitFor();
      await queues.getByTestId(`task-state-${task.id}`).getByText('到期待办').waitFor();
      await queues.getByTestId(`task-complete-${task.id}`).waitFor();
    }
    assert.equal(await queues.getByTestId(`task-unit-${visits.get(owners[0].code).id}`).getAttribute('href'), `/units/${units.get(owners[0].code).id}`);
    await assertNoRawWords(p, 'the home-visit queue');
    await pageShot(p, 'after-delivery-visits');

    // Every project in scope: the same card, offering its queues.
    await p.goto('/journey/after-delivery');
    await p.getByTestId(`care-card-${projectId}`).waitFor();
    await p.getByTestId('care-queue-scope').getByText('全部项目').waitFor();
    await p.getByTestId(`care-show-${projectId}`).click();
    await p.waitForURL(`**/journey/after-delivery?project_id=${projectId}`);
  });

  it('lets the agent complete a home visit, which meets the target; a consultant is offered no 完成', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const a = agent.page;
    await a.goto(`/journey/after-delivery?project_id=${projectId}&queue=home_visit`);
    assert.equal(await a.getByTestId('make-tasks').count(), 0);
    const task = visits.get(owners[1].code);
    await a.getByTestId(`task-complete-${task.id}`).click();
    const dialog = modal(a, '完成任务');
    await dialog.getByTestId('complete-task-summary').getByText(`${owners[1].name} · ${owners[1].code}`, { exact: false }).waitFor();
    await dialog.getByTestId('complete-task-evidence').fill(kVisitEvidence);
    await dialog.getByTestId('complete-task-note').fill('业主反映主卧窗户密封条需更换，已报修');
    await shot(a, 'after-delivery-complete');
    const completed = answered(a, 'POST', `/journey-tasks/${task.id}/complete`, 200);
    await dialog.getByRole('button', { name: /完\s*成/ }).click();
    assert.equal((await (await completed).json()).state, 'done');
    await modalClosed(a);
    await a.getByTestId(`task-state-${task.id}`).getByText('已完成').waitFor();
    await a.getByTestId(`task-done-${task.id}`).getByText(`${people.agent.name} 于 ${chinaDay(0)} 完成 · 留证：${kVisitEvidence}`).waitFor();
    assert.equal(await a.getByTestId(`task-complete-${task.id}`).count(), 0);
    // The card reads again: one visited of one, 达标.
    const card = a.getByTestId(`care-card-${projectId}`);
    await card.getByTestId(`care-visit-${projectId}-figure`).getByText('已入户 1 / 目标 1 户').waitFor();
    await card.getByTestId(`care-visit-${projectId}-met`).getByText('达标').waitFor();
    await card.getByTestId(`care-visit-${projectId}-bar`).getByText('100%').waitFor();
    await card.getByTestId(`care-visit-${projectId}-open`).getByText('待办 2').waitFor();

    await onPhone(
      a,
      async () => {
        await a.getByTestId('task-cards').waitFor();
        await a.getByTestId(`care-card-${projectId}`).waitFor();
      },
      'the after-delivery page',
      'after-delivery-phone',
    );

    // A consultant does not see the page in the menu; opened anyway, it offers nothing to do.
    sales = await signInAs(people.sales, password, { pageErrors });
    const s = sales.page;
    await s.locator('.ant-layout-sider .ant-menu').getByText('旅程任务', { exact: true }).waitFor();
    assert.equal(await s.locator('.ant-layout-sider .ant-menu').getByText('交付后回访与入户', { exact: true }).count(), 0);
    await s.goto(`/journey/after-delivery?project_id=${projectId}&queue=home_visit`);
    await s.getByTestId(`task-row-${visits.get(owners[0].code).id}`).waitFor();
    assert.equal(await s.locator('[data-testid^="task-complete-"]').count(), 0);
    assert.equal(await s.getByTestId('make-tasks').count(), 0);
  });

  it('counts the task list from the server’s total, and filters it by touch', kStep, async () => {
    const p = manager.page;
    await p.goto(`/journey/tasks?project_id=${projectId}&touch=home_visit`);
    await p.getByTestId('filter-touch').getByText('交付后入户拜访', { exact: false }).waitFor();
    await p.getByTestId('task-count').getByText('共 2 条').waitFor();
    assert.equal(await p.getByTestId('task-count').getAttribute('data-count'), '2');
    await p.getByTestId('task-state-filter').getByText('全部', { exact: true }).click();
    await p.getByTestId('task-count').getByText('共 3 条').waitFor();
    // Without the touch: every task of the three homes, as many as the server counts.
    await p.goto(`/journey/tasks?project_id=${projectId}&state=all`);
    const all = ok(await pageApi(p, 'GET', `/journey-tasks?project_id=${projectId}&limit=1`));
    assert.equal(all.total_capped, false);
    await p.getByTestId('task-count').getByText(`共 ${all.total} 条`).waitFor();
    assert.equal(await p.getByText('还有更多').count(), 0);
    await assertNoRawWords(p, 'the task list');
    await pageShot(p, 'after-delivery-tasks');
    await onPhone(p, () => p.getByTestId('task-cards').waitFor(), 'the task list', 'after-delivery-tasks-phone');
  });

  it('names the owners and their units in the scores’ drill-down', kStep, async () => {
    const p = manager.page;
    const period = quarterOf(signedOn);
    await p.goto(period === quarterOf(chinaDay(0)) ? '/journey/scores' : `/journey/scores?period=${period}`);
    await p.getByRole('heading', { name: '6+2 执行评分' }).waitFor();
    const mine = ok(await pageApi(p, 'GET', `/journey/scores?period=${period}`)).items.find((s) => s.company_id === companyId);
    assert.ok(mine, 'the company is scored');
    assert.equal(mine.points_lost_truncated, false);
    const point = mine.points_lost.find((x) => x.part === 'execution' && x.customer_id === owners[0].id);
    assert.ok(point, JSON.stringify(mine.points_lost));
    assert.equal(point.customer_name, owners[0].name);
    assert.equal(point.unit_code, owners[0].code);

    await p.getByTestId(`score-expand-${companyId}`).click();
    const lost = p.getByTestId(`score-lost-${companyId}-execution`);
    await lost.waitFor();
    for (const owner of owners) {
      const customer = lost.getByRole('link', { name: owner.name, exact: true }).first();
      await customer.waitFor();
      assert.equal(await customer.getAttribute('href'), `/customers/${owner.id}`);
      const unit = lost.getByRole('link', { name: owner.code, exact: true }).first();
      assert.equal(await unit.getAttribute('href'), `/units/${units.get(owner.code).id}`);
    }
    assert.equal(await lost.getByText('查看客户').count(), 0);
    assert.equal(await p.getByTestId(`score-lost-capped-${companyId}`).count(), 0);
    await assertNoRawWords(p, 'the scores');
    await pageShot(p, 'after-delivery-scores');

    await onPhone(
      p,
      async () => {
        await p.getByTestId('score-cards').waitFor();
        await p.getByTestId(`score-expand-${companyId}`).click();
        await p.getByTestId(`score-lost-${companyId}-execution`).getByRole('link', { name: owners[0].name, exact: true }).first().waitFor();
      },
      'the scores',
      'after-delivery-scores-phone',
    );
  });

  it('says who published a factor, and who withdrew it, when and why', kStep, async () => {
    const a = agent.page;
    factorId = ok(await pageApi(a, 'POST', '/adverse-factors', { project_id: projectId, ...kFactor }), 201).id;
    const p = manager.page;
    const withdrawn = ok(await pageApi(p, 'POST', `/adverse-factors/${factorId}/withdraw`, { reason: kWithdrawReason }));
    assert.equal(withdrawn.withdrawn_by_name, people.manager.name);
    const minute = (at) => {
      const d = new Date(at);
      const china = new Date(d.getTime() + 8 * 3_600_000).toISOString();
      return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
    };

    await p.goto(`/journey/disclosures?project_id=${projectId}`);
    await p.getByTestId('factor-list').getByText('该楼盘没有公示中的不利因素').waitFor();
    await p.getByTestId('factor-show-withdrawn').click();
    const row = p.getByTestId(`factor-row-${factorId}`);
    await row.getByText(kFactor.title).waitFor();
    await p.getByTestId(`factor-status-${factorId}`).getByText('已撤回').waitFor();
    await p.getByTestId(`factor-published-${factorId}`).getByText(`${people.agent.name} 于 ${minute(withdrawn.created_at)} 公示`).waitFor();
    const withdrawal = p.getByTestId(`factor-withdrawal-${factorId}`);
    await withdrawal.getByText(`${people.manager.name} 于 ${minute(withdrawn.withdrawn_at)} 撤回`).waitFor();
    await withdrawal.getByText(`撤回理由：${kWithdrawReason}`).waitFor();
    await assertNoRawWords(p, 'the disclosures');
    await pageShot(p, 'after-delivery-disclosures');
    await onPhone(p, () => withdrawal.waitFor(), 'the disclosures', 'after-delivery-disclosures-phone');
  });

  it('names each home’s project on the customer’s journey', kStep, async () => {
    const p = manager.page;
    const owner = owners[1];
    await p.goto(`/customers/${owner.id}`);
    await p.getByRole('tab', { name: '6+2 旅程' }).click();
    const home = p.getByTestId(`journey-home-${units.get(owner.code).id}`);
    await home.getByText(owner.code).waitFor();
    await p.getByTestId(`journey-home-project-${units.get(owner.code).id}`).getByText(projectName).waitFor();
    await home.getByText(`${signedOn} 签约 · ${chinaDay(0)} 交付`).waitFor();
    await p.getByTestId('journey-stage').getByText('4 · 恭迎乔迁').waitFor();
    await assertNoRawWords(p, 'the customer journey');
    await pageShot(p, 'after-delivery-customer');
    await onPhone(p, () => home.waitFor(), 'the customer journey', 'after-delivery-customer-phone');
  });

  it('says whose playbook applies: the company’s version, read-only for the project’s manager', kStep, async () => {
    const p = manager.page;
    await p.goto('/journey/playbook');
    const scope = p.getByTestId('playbook-scope');
    await scope.getByText(companyName).waitFor();
    await p.getByTestId('playbook-version').getByText('本公司版本').waitFor();
    await p.getByTestId('playbook-hint').getByText('本公司修改了 1 个动作，其余沿用集团标准。').waitFor();
    await p.getByTestId('touch-own-home_visit').getByText('本公司版本').waitFor();
    await p.getByTestId('touch-rule-home_visit').getByText('交付当天').waitFor();
    await p.getByTestId('touch-edit-home_visit').waitFor();

    site = await signInAs(people.site, password, { pageErrors });
    const s = site.page;
    await s.goto('/journey/playbook');
    await s.getByTestId('touch-row-home_visit').waitFor();
    // The server answers the company's version to the project's people.
    await s.getByTestId('playbook-version').getByText('本公司版本').waitFor();
    await s.getByTestId('touch-own-home_visit').getByText('本公司版本').waitFor();
    await s.getByTestId('touch-rule-home_visit').getByText('交付当天').waitFor();
    await s.getByTestId('playbook-project-hint').waitFor();
    const name = await s.getByTestId('playbook-company-name').innerText();
    assert.ok(name === companyName || name === '所属公司', name);
    assert.equal(await s.locator('[data-testid^="touch-edit-"]').count(), 0);
    assert.equal(await s.getByText('集团标准', { exact: true }).count(), 0);
    await assertNoRawWords(s, 'the playbook');
    await pageShot(s, 'after-delivery-playbook-project');
    await onPhone(s, () => s.getByTestId('playbook-step-8').waitFor(), 'the playbook', 'after-delivery-playbook-phone');
    assert.deepEqual(pageErrors, []);
  });
});
