// End-to-end browser tests of delivery (交付) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/delivery.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with six raw units, a customer-relations agent and manager of the company, and
// sells one unit (判客, 认购, 签约 through the API). Then, in the browsers: the agent creates a delivery
// batch choosing units by their codes, records a risk check and a blocking finding on the sold unit
// (category from the ticket tree), and sees the release refused naming the unit; the manager is
// offered 带风险放行 (its reason required) and vetoes a site open day the agent planned; the agent
// closes the finding with a note and releases the batch. At the 交付台 the agent books the sold
// unit's handover, finds only its first step open (the server refuses a later one), and does the six
// steps: an agent with a power of attorney at 身份核验, one defect at 验房 (a repair ticket), the
// meters at 交钥匙; the unit is delivered, its ticket linked. Pages are checked on a phone too.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, chinaDay, chooseTree, kPhone, launch, modal, modalClosed, modalSettled, ok, openMenu, pageApi, pageShot, pick, posted, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs, typeDay } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `交付置业${suffix}`;
const projectName = `望江苑${suffix}`;
const batchName = `一期首批交付 ${short}`;
const password = `E2e-delivery-${suffix}-Pass`;
const people = {
  agent: { username: `e2e_dlv_agent_${suffix}`, name: `客关甲${short}`, roles: ['agent'] },
  manager: { username: `e2e_dlv_mgr_${suffix}`, name: `客关经理${short}`, roles: ['manager'] },
};
const buyer = { name: `欧阳收${short}`, phone: `137${randomDigits(8)}` };
const soldCode = '1-1-201';
const kFinding = { location: '主卫', description: `地漏周边渗水，楼下顶棚有水渍 ${short}` };
const kCloseNote = '重做防水层，闭水试验 48 小时无渗漏';
const kAgentName = `代理人${short}`;
const kPowerOfAttorney = `WT-${suffix}`;
const kDefect = { location: '客厅', description: `南侧墙面两处裂缝 ${short}` };

describe('Delivery: a batch through its gates to release, and a handover at the desk', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // the agent's browser { browser, page }
  let manager; // the manager's browser { browser, page }
  let projectId;
  let units; // by code
  let batchId;
  let findingId;
  let openDayId;
  let handoverId;
  let ticketId;
  const pageErrors = [];

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await manager?.browser.close();
    await agent?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project with units, an agent, a manager and a sold unit', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '江岸区沿江大道 18 号',
      floors: 3,
      decoration: 'raw',
      people: Object.values(people),
      password,
      customers: [buyer],
    }));
    assert.equal(units.size, 6);

    // The sale, as the administrator: 判客, 认购, 签约.
    await sellUnit(api, {
      projectId,
      unit: units.get(soldCode),
      buyers: [buyer.id],
      price: 300_000_000,
      contractNo: `HT-DLV-${suffix}`,
      signedOn: chinaDay(-30),
      plan: [
        { due_on: chinaDay(10), amount_cents: 90_000_000, kind: 'down_payment' },
        { due_on: chinaDay(60), amount_cents: 210_000_000, kind: 'mortgage' },
      ],
    });
    const sold = ok(await api('GET', `/units/${units.get(soldCode).id}`));
    assert.equal(sold.status, 'contracted');
    assert.equal(sold.owners[0]?.customer_id, buyer.id);
  });

  it('lets the agent create a batch, choosing units by their codes', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const p = agent.page;
    // 交付 is in the menu of those who do delivery work.
    const menu = p.locator('.ant-layout-sider .ant-menu');
    for (const entry of ['交付', '交付批次', '工地开放日', '交付台']) await menu.getByText(entry, { exact: true }).waitFor();
    await openMenu(p, '交付批次');
    await p.waitForURL('**/delivery/batches');
    await p.getByRole('heading', { name: '交付批次' }).waitFor();

    await p.getByTestId('batch-create').click();
    const dialog = modal(p, '新建交付批次');
    await modalSettled(dialog);
    // Nothing chosen: refused on the fields, before the server.
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByText('请选择楼盘').waitFor();
    await dialog.getByText('请选择本批次交付的房源').waitFor();

    await pick(p, dialog, '楼盘', projectName);
    await dialog.getByLabel('批次名称', { exact: true }).fill(batchName);
    await typeDay(dialog, '计划交付日', chinaDay(75));
    // Tick two rooms of building 1, paste two codes (one unknown).
    await dialog.getByTestId('pick-unit-1-1-101').click();
    await dialog.getByTestId(`pick-unit-${soldCode}`).click();
    await dialog.getByTestId('paste-codes').fill('1-1-202，1-1-999');
    await dialog.getByTestId('add-codes').click();
    await dialog.getByTestId('paste-result').getByText('该楼盘没有这些房号：1-1-999').waitFor();
    assert.equal(await dialog.getByTestId('unit-picker-count').getAttribute('data-count'), '3');
    for (const code of ['1-1-101', soldCode, '1-1-202']) await dialog.getByTestId('unit-picker-chosen').getByText(code, { exact: true }).waitFor();
    await shot(p, 'delivery-batch-create');

    const answered = posted(p, '/delivery-batches', 201);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const batch = await (await answered).json();
    batchId = batch.id;
    assert.deepEqual([...batch.unit_ids].sort(), ['1-1-101', soldCode, '1-1-202'].map((code) => units.get(code).id).sort());
    assert.equal(batch.planned_on, chinaDay(75));
    await modalClosed(p);
    await p.waitForURL(`**/delivery/batches/${batchId}`);
    await p.getByTestId('batch-name').getByText(batchName).waitFor();
    await p.getByTestId('batch-status').getByText('待放行').waitFor();
    // The gates as a checklist, in words, with their days.
    const gates = p.getByTestId('gate-checklist');
    for (const words of ['交付风险排查（T−90）', '模拟验收（T−60）', '复查（T−30）', '毛坯工地开放日', '阻断交付问题']) await gates.getByText(words).waitFor();
    await p.getByTestId('gate-risk_check').getByText(`截止 ${chinaDay(-15)}`).waitFor();
    await p.getByTestId('gate-risk_check').getByText('已逾期').waitFor();
    assert.equal(await p.getByTestId('gate-blocking_findings').getAttribute('data-passed'), 'true');
    for (const code of ['1-1-101', soldCode, '1-1-202']) await p.getByTestId(`batch-unit-${code}`).waitFor();

    // A unit belongs to one batch: another batch with it is refused, naming the unit and the batch.
    await p.goto('/delivery/batches');
    await p.getByTestId(`batch-row-${batchId}`).getByText(batchName).waitFor();
    await p.getByTestId('batch-create').click();
    const again = modal(p, '新建交付批次');
    await pick(p, again, '楼盘', projectName);
    await again.getByLabel('批次名称', { exact: true }).fill(`重复批次 ${short}`);
    await typeDay(again, '计划交付日', chinaDay(90));
    await again.getByTestId('paste-codes').fill(`1-1-102 ${soldCode}`);
    await again.getByTestId('add-codes').click();
    const refused = posted(p, '/delivery-batches', 409);
    await again.getByRole('button', { name: /创\s*建/ }).click();
    await refused;
    await again.getByTestId('form-error').getByText(`房号 ${soldCode} 已在交付批次「${batchName}」中`).waitFor();
    await again.getByText('有房源已在其他交付批次中').waitFor();
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);
    await pageShot(p, 'delivery-batches');
  });

  it('records a risk check and a blocking finding, and the release is refused naming the unit', kStep, async () => {
    const p = agent.page;
    await p.goto(`/delivery/batches/${batchId}`);
    await p.getByTestId('inspection-add').click();
    const dialog = modal(p, '新增检查');
    await dialog.getByTestId('inspection-kind').getByText('交付风险排查', { exact: true }).waitFor();
    await dialog.getByText(`计划交付日前 90 天：${chinaDay(-15)}`).waitFor();
    const answered = posted(p, `/delivery-batches/${batchId}/inspections`, 201);
    await dialog.getByLabel('备注', { exact: true }).fill('客关、工程、物业三方联合排查');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const inspection = await (await answered).json();
    assert.equal(inspection.kind, 'risk_check');
    assert.equal(inspection.on, chinaDay(0));
    await modalClosed(p);
    const row = p.getByTestId(`inspection-${inspection.id}`);
    await row.getByText('交付风险排查').waitFor();
    await row.getByText(`${people.agent.name} 记录`).waitFor();
    await p.getByTestId('gate-risk_check').and(p.locator('[data-passed="true"]')).waitFor();

    // 记录问题: the unit by its code, the category from the ticket tree, 阻断交付.
    await row.getByTestId(`finding-add-${inspection.id}`).click();
    const finding = modal(p, '记录问题');
    await finding.waitFor();
    await pick(p, finding, '房号', soldCode);
    await finding.getByLabel('位置', { exact: true }).fill(kFinding.location);
    await chooseTree(p, finding, '类别', '卫生间渗漏');
    await finding.getByTestId('finding-severity').getByText('阻断交付', { exact: true }).click();
    await finding.getByLabel('问题描述', { exact: true }).fill(kFinding.description);
    await shot(p, 'delivery-finding-add');
    const saved = posted(p, `/inspections/${inspection.id}/findings`, 201);
    await finding.getByRole('button', { name: /保\s*存/ }).click();
    const recorded = await (await saved).json();
    findingId = recorded.id;
    assert.equal(recorded.unit_code, soldCode);
    assert.equal(recorded.category, '渗漏/卫生间渗漏');
    assert.equal(recorded.severity, 'blocking');
    await modalClosed(p);

    // The board: by unit code, location, category, severity, status.
    const board = p.getByTestId(`finding-row-${findingId}`);
    await board.getByText(soldCode).waitFor();
    await board.getByText(kFinding.location, { exact: true }).waitFor();
    await board.getByText('渗漏 › 卫生间渗漏').waitFor();
    await board.getByText('阻断交付').waitFor();
    await board.getByText('未关闭').waitFor();
    await p.getByTestId('gate-blocking_findings').getByText('1 个阻断问题未关闭').waitFor();
    await p.getByTestId('release-state').getByText('还有 1 个阻断问题未关闭').waitFor();
    // An agent is not offered the manager's 带风险放行.
    assert.equal(await p.getByTestId('release-override').count(), 0);

    // 放行: refused, naming the open blocking finding by its unit.
    await p.getByTestId('release-submit').click();
    const refused = posted(p, `/delivery-batches/${batchId}/release`, 409);
    await p.getByTestId('release-confirm').click();
    await refused;
    const alert = p.getByTestId('release-refused');
    await alert.getByText('不能放行：还有 1 个阻断交付问题未关闭').waitFor();
    await alert.getByTestId(`open-risk-${findingId}`).getByText(soldCode).waitFor();
    await alert.getByText(`${kFinding.location}：${kFinding.description}`).waitFor();
    assert.equal(await p.getByTestId('release-override').count(), 0);
    await pageShot(p, 'delivery-batch-refused');
  });

  it('offers the manager 带风险放行 with a required reason, and lets them veto an open day', kStep, async () => {
    // The agent plans a site open day for the raw units.
    const a = agent.page;
    await openMenu(a, '工地开放日');
    await a.waitForURL('**/delivery/open-days');
    await a.getByTestId('open-day-create').click();
    const create = modal(a, '新建工地开放日');
    await pick(a, create, '楼盘', projectName);
    await typeDay(create, '日期', chinaDay(20));
    await create.getByTestId('open-day-decoration').getByText('毛坯', { exact: true }).click();
    await create.getByLabel('备注', { exact: true }).fill('上午十点样板段集合，工程部陪同');
    const answered = posted(a, '/open-days', 201);
    await create.getByRole('button', { name: /创\s*建/ }).click();
    const day = await (await answered).json();
    openDayId = day.id;
    assert.equal(day.decoration, 'raw');
    await modalClosed(a);
    const row = a.getByTestId(`open-day-row-${openDayId}`);
    await row.getByText(projectName).waitFor();
    await row.getByText('待举办').waitFor();
    // Only managers veto.
    assert.equal(await a.getByTestId(`open-day-veto-button-${openDayId}`).count(), 0);

    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await p.goto(`/delivery/batches/${batchId}`);
    await p.getByTestId('release-override').click();
    const override = modal(p, '带风险放行');
    await override.getByText('阻断问题仍未关闭').waitFor();
    await override.getByRole('button', { name: /带风险放行/ }).click();
    await override.getByText('请填写带风险放行的理由').waitFor();
    await shot(p, 'delivery-release-override');
    await override.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    await p.goto('/delivery/open-days');
    await p.getByTestId(`open-day-veto-button-${openDayId}`).click();
    const veto = modal(p, '否决开放日');
    await veto.getByRole('button', { name: /否\s*决/ }).click();
    await veto.getByText('请填写否决理由').waitFor();
    await veto.getByTestId('open-day-veto-reason').fill('样板段栏杆未安装，存在安全隐患');
    const vetoed = posted(p, `/open-days/${openDayId}/veto`, 200);
    await veto.getByRole('button', { name: /否\s*决/ }).click();
    assert.equal((await (await vetoed).json()).status, 'vetoed');
    await modalClosed(p);
    const vetoedRow = p.getByTestId(`open-day-row-${openDayId}`);
    await vetoedRow.getByText('已否决').waitFor();
    await vetoedRow.getByText(`${people.manager.name} 于`).waitFor();
    await vetoedRow.getByText('样板段栏杆未安装，存在安全隐患', { exact: false }).waitFor();
    await pageShot(p, 'delivery-open-days');
  });

  it('lets the agent close the finding with a note, then release the batch', kStep, async () => {
    const p = agent.page;
    await p.goto(`/delivery/batches/${batchId}`);
    await p.getByTestId(`finding-close-${findingId}`).click();
    const dialog = modal(p, `关闭问题 · ${soldCode} ${kFinding.location}`);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.getByText('请填写整改情况').waitFor();
    await dialog.getByTestId('close-finding-note').fill(kCloseNote);
    const closed = posted(p, `/findings/${findingId}/close`, 200);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    assert.equal((await (await closed).json()).status, 'closed');
    await modalClosed(p);
    await p.getByTestId(`finding-row-${findingId}`).waitFor({ state: 'detached' });
    await p.getByTestId('finding-board').getByText('没有未关闭的问题').waitFor();
    // 已关闭 shows it with who closed it and how.
    await p.getByTestId('finding-status-filter').getByText('已关闭', { exact: true }).click();
    await p.getByTestId(`finding-closed-${findingId}`).getByText(`${people.agent.name} 于`).waitFor();
    await p.getByTestId(`finding-closed-${findingId}`).getByText(kCloseNote, { exact: false }).waitFor();
    await p.getByTestId('gate-blocking_findings').and(p.locator('[data-passed="true"]')).waitFor();

    await p.getByTestId('release-state').getByText('阻断问题已全部关闭，可以放行').waitFor();
    await p.getByTestId('release-submit').click();
    const released = posted(p, `/delivery-batches/${batchId}/release`, 200);
    await p.getByTestId('release-confirm').click();
    assert.equal((await (await released).json()).status, 'released');
    await p.getByTestId('release-done').getByText(`由 ${people.agent.name} 放行`).waitFor();
    await p.getByTestId('batch-status').getByText('已放行').waitFor();
    await pageShot(p, 'delivery-batch-released');

    // The list says so too.
    await p.goto('/delivery/batches');
    await p.getByTestId(`batch-status-${batchId}`).getByText('已放行').waitFor();
  });

  it('books the sold unit at the 交付台, only its first step open', kStep, async () => {
    const p = agent.page;
    await openMenu(p, '交付台');
    await p.waitForURL('**/delivery/desk');
    await p.getByRole('heading', { name: '交付台' }).waitFor();
    assert.equal(await p.getByLabel('日期', { exact: true }).inputValue(), chinaDay(0));

    await p.getByTestId('book-handover').click();
    const dialog = modal(p, '预约收房');
    await pick(p, dialog, '楼盘', projectName);
    // Only contracted units are offered: the sold one.
    const unitInput = dialog.getByLabel('房号', { exact: true });
    await unitInput.click();
    await unitInput.fill('1-1-');
    const options = p.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    assert.deepEqual(await options.allInnerTexts(), [soldCode]);
    await options.first().click();
    await dialog.getByTestId('book-owner').getByText(`${buyer.name}（100%）`).waitFor();
    await pick(p, dialog, '时间', '10:30');
    await shot(p, 'delivery-book');
    const answered = posted(p, '/handovers', 201);
    await dialog.getByRole('button', { name: /预约收房/ }).click();
    const handover = await (await answered).json();
    handoverId = handover.id;
    assert.equal(handover.unit_code, soldCode);
    assert.equal(handover.customer_id, buyer.id);
    assert.equal(handover.next_step, 'notice');
    await modalClosed(p);

    const card = p.getByTestId(`handover-card-${handoverId}`);
    await card.getByTestId('handover-slot').getByText('10:30').waitFor();
    await card.getByTestId('handover-unit').getByText(soldCode).waitFor();
    await card.getByTestId('handover-owner').getByText(buyer.name).waitFor();
    await card.getByTestId('handover-progress').getByText('0/6').waitFor();
    await card.getByTestId('handover-next').getByText('下一步：收楼通知').waitFor();
    await pageShot(p, 'delivery-desk');

    await card.click();
    await p.waitForURL(`**/delivery/handovers/${handoverId}`);
    await p.getByTestId('handover-unit-code').getByText(soldCode).waitFor();
    // Only the step due now has a form; the others wait their turn.
    await p.getByTestId('step-form-notice').waitFor();
    assert.equal(await p.locator('[data-testid^="step-form-"]').count(), 1);
    for (const step of ['identity', 'fees', 'documents', 'inspection', 'keys']) assert.equal(await p.getByTestId(`step-${step}`).getAttribute('data-state'), 'later');
    // Out of order, the server refuses and names the step due.
    const early = await pageApi(p, 'POST', `/handovers/${handoverId}/steps/keys`, { water_m3: 1, electricity_kwh: 1, key_count: 2 });
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.equal(early.body.error.code, 'invalid_transition');
    assert.equal(early.body.error.next_step, 'notice');
  });

  it('does the six steps, an agent with a power of attorney and one defect, and delivers the unit', kStep, async () => {
    const p = agent.page;
    const step = async (name, fill) => {
      const form = p.getByTestId(`step-form-${name}`);
      await form.waitFor();
      if (fill) await fill(form);
      const answered = posted(p, `/handovers/${handoverId}/steps/${name}`, 200);
      await form.getByTestId('step-submit').click();
      const after = await (await answered).json();
      await p.getByTestId(`step-${name}`).and(p.locator('[data-state="done"]')).waitFor();
      await p.getByTestId(`step-by-${name}`).getByText(people.agent.name).waitFor();
      return after;
    };

    // 收楼通知: the note field has the focus, Enter submits.
    await p.getByTestId('step-form-notice').waitFor();
    await p.keyboard.type('短信及电话通知');
    const noticed = posted(p, `/handovers/${handoverId}/steps/notice`, 200);
    await p.keyboard.press('Enter');
    assert.equal((await (await noticed).json()).next_step, 'identity');
    await p.getByTestId('step-detail-notice').getByText('短信及电话通知').waitFor();

    // 身份核验: an agent needs a name and a power of attorney.
    await step('identity', async (form) => {
      await form.getByTestId('step-attendee').getByText('委托代理人', { exact: true }).click();
      await form.getByTestId('step-submit').click();
      await form.getByText('请填写代理人姓名').waitFor();
      await form.getByText('请填写委托书编号').waitFor();
      await form.getByLabel('代理人姓名', { exact: true }).fill(kAgentName);
      await form.getByLabel('委托书编号', { exact: true }).fill(kPowerOfAttorney);
      await pageShot(p, 'delivery-step-identity');
    });
    await p.getByTestId('step-detail-identity').getByText(`委托代理人 ${kAgentName}，委托书 ${kPowerOfAttorney}`).waitFor();

    const fees = await step('fees', async (form) => {
      await form.getByLabel('缴费金额（元）', { exact: true }).fill('3560.5');
      await form.getByLabel('收据号', { exact: true }).fill(`SJ-${short}`);
    });
    assert.equal(fees.steps.find((s) => s.step === 'fees').detail.fees_cents, 356_050);
    await p.getByTestId('step-detail-fees').getByText(`缴费 ¥3,560.5；收据 SJ-${short}`).waitFor();

    await step('documents');

    // 验房, on a phone: one defect, which opens a repair ticket.
    await p.setViewportSize(kPhone);
    const inspected = await step('inspection', async (form) => {
      await form.getByTestId('defect-add').click();
      await form.getByTestId('defect-location-0').fill(kDefect.location);
      await chooseTree(p, form, '类别', '墙面开裂');
      await form.getByTestId('defect-description-0').fill(kDefect.description);
      await form.getByRole('button', { name: '完成验房，生成 1 张维修工单' }).waitFor();
      await assertFitsPhone(p, 'the inspection step');
      await pageShot(p, 'delivery-step-inspection-phone');
    });
    await p.setViewportSize({ width: 1440, height: 900 });
    assert.equal(inspected.ticket_ids.length, 1);
    ticketId = inspected.ticket_ids[0];
    await p.getByTestId('step-detail-inspection').getByText('1 个问题，已生成维修工单').waitFor();
    const ticket = p.getByTestId(`handover-ticket-${ticketId}`);
    await ticket.getByText(`工单 #${ticketId}`).waitFor();
    await ticket.getByText(`交付验房：${kDefect.location}`).waitFor();
    assert.equal(await p.getByTestId(`handover-ticket-link-${ticketId}`).getAttribute('href'), `/tickets/${ticketId}`);

    // 交钥匙: the meters and the keys; the unit is delivered.
    const done = await step('keys', async (form) => {
      await form.getByLabel('水表读数（m³）', { exact: true }).fill('12.5');
      await form.getByLabel('电表读数（kWh）', { exact: true }).fill('308');
      await form.getByLabel('燃气表读数（m³）', { exact: true }).fill('3');
      await form.getByLabel('钥匙数量（把）', { exact: true }).fill('4');
    });
    assert.equal(done.status, 'done');
    assert.equal(done.steps_done, 6);
    assert.equal(done.delivered_on, chinaDay(0));
    await p.getByTestId('handover-status').getByText('已交付').waitFor();
    await p.getByTestId('handover-delivered').getByText(`已于 ${chinaDay(0)} 交付`).waitFor();
    await p.getByTestId('step-detail-keys').getByText('水 12.5 m³；电 308 kWh；燃气 3 m³；钥匙 4 把').waitFor();
    assert.equal(await p.locator('[data-testid^="step-form-"]').count(), 0);
    await pageShot(p, 'delivery-handover-done');

    // The unit is delivered, on the day; its repair ticket is the owner's.
    const unit = ok(await pageApi(p, 'GET', `/units/${units.get(soldCode).id}`));
    assert.equal(unit.status, 'delivered');
    assert.equal(unit.delivered_on, chinaDay(0));
    const repair = ok(await pageApi(p, 'GET', `/tickets/${ticketId}`));
    assert.equal(repair.kind, 'repair');
    assert.equal(repair.customer_id, buyer.id);
    const categories = ok(await pageApi(p, 'GET', '/ticket-categories')).items;
    assert.equal(repair.category_id, categories.find((c) => c.name === '墙面开裂')?.id, 'the category chosen in the tree');
    await p.getByTestId('handover-unit-link').click();
    await p.waitForURL(`**/units/${units.get(soldCode).id}`);
    await p.getByTestId('unit-status').getByText('交付').waitFor();
    await p.getByTestId('unit-delivered-on').getByText(`${chinaDay(0)} 交付`).waitFor();

    // The desk shows it done.
    await p.goto('/delivery/desk');
    const card = p.getByTestId(`handover-card-${handoverId}`);
    await card.getByTestId('handover-status').getByText('已交付').waitFor();
    await card.getByTestId('handover-progress').getByText('6/6').waitFor();
    await p.getByTestId('desk-summary').getByText('已交付 1').waitFor();
  });

  it('fits a phone: the desk, the handover and the batch as stacked cards', kStep, async () => {
    const p = agent.page;
    await p.setViewportSize(kPhone);
    await p.goto('/delivery/desk');
    await p.getByTestId(`handover-card-${handoverId}`).waitFor();
    await assertFitsPhone(p, 'the handover desk');
    await pageShot(p, 'delivery-desk-phone');
    await p.goto(`/delivery/handovers/${handoverId}`);
    await p.getByTestId('handover-steps').waitFor();
    await assertFitsPhone(p, 'the handover page');
    await pageShot(p, 'delivery-handover-phone');
    await p.goto(`/delivery/batches/${batchId}`);
    await p.getByTestId('finding-board').waitFor();
    await p.getByTestId('gate-checklist').waitFor();
    await assertFitsPhone(p, 'the batch page');
    await pageShot(p, 'delivery-batch-phone');
    await p.goto('/delivery/batches');
    await p.getByTestId(`batch-row-${batchId}`).waitFor();
    await assertFitsPhone(p, 'the batch list');
    await pageShot(p, 'delivery-batches-phone');
    await p.goto('/delivery/open-days');
    await p.getByTestId(`open-day-row-${openDayId}`).waitFor();
    await assertFitsPhone(p, 'the open days');
    await pageShot(p, 'delivery-open-days-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
    assert.deepEqual(pageErrors, []);
  });
});
