// End-to-end browser tests of change orders (变更: 换房, 更名, 退房, 折扣) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/sales-changes.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with units, a consultant (sales) and a sales manager of the company and a
// customer; the consultant registers, subscribes and signs a contract with a payment plan through
// the API. Then, in the browsers: the consultant asks for 换房 on the contract page (choosing the
// unit by its code), sees it pending and cannot ask for another; the manager approves it on
// 变更审批 and the contract shows the new unit; the consultant asks for 退房, the manager rejects it
// with a note and the note shows on the contract. Pages are checked on a phone too. The run makes
// everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, posted, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `江汉置业${suffix}`;
const projectName = `汉水苑${suffix}`;
const password = `E2e-changes-${suffix}-Pass`;
const people = {
  sales: { username: `e2e_chg_sales_${suffix}`, name: `顾问丙${short}`, roles: ['sales'] },
  manager: { username: `e2e_chg_mgr_${suffix}`, name: `经理丁${short}`, roles: ['manager'] },
};
const buyer = { name: `司马晗${short}`, phone: `139${randomDigits(8)}` };
const contractNo = `HT-CHG-${suffix}`;
const fromCode = '1-1-201';
const toCode = '1-1-502';
const rejectNote = `客户尚未结清首付，暂不退房 ${short}`;

describe('Sales: change orders requested on the contract and decided by a manager', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let consultant; // the consultant's browser { browser, page }
  let manager; // the manager's browser { browser, page }
  let projectId;
  let units; // by code
  let contractId;
  let unitChangeId; // the 换房 change order
  const pageErrors = [];

  const changeItems = (p) => p.getByTestId('contract-changes').locator('[data-testid^="change-"][data-kind]');

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await manager?.browser.close();
    await consultant?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project with units, a consultant, a manager and a signed contract', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '汉阳区汉水路 8 号',
      floors: 6,
      decoration: 'finished',
      people: Object.values(people),
      password,
      customers: [buyer],
    }));
    assert.ok(units.has(fromCode) && units.has(toCode), [...units.keys()].join(' '));

    // The consultant's deal, through the API: 判客, 认购, 签约 with a plan of a down payment and a mortgage.
    consultant = await signInAs(people.sales, password, { pageErrors });
    const sales = (method, path, body) => pageApi(consultant.page, method, path, body);
    const contract = await sellUnit(sales, {
      projectId,
      unit: units.get(fromCode),
      buyers: [buyer.id],
      price: 300_000_000,
      contractNo,
      signedOn: chinaDay(-10),
      plan: [
        { due_on: chinaDay(20), amount_cents: 90_000_000, kind: 'down_payment' },
        { due_on: chinaDay(80), amount_cents: 210_000_000, kind: 'mortgage' },
      ],
    });
    contractId = contract.id;
    assert.equal(contract.unit_code, fromCode);
  });

  it('lets the consultant request 换房 on the contract page, choosing the unit by its code', kStep, async () => {
    const p = consultant.page;
    // Only managers and administrators have 变更审批.
    await p.locator('.ant-layout-sider .ant-menu').getByText('销售', { exact: true }).waitFor();
    assert.equal(await p.locator('.ant-layout-sider .ant-menu').getByText('变更审批', { exact: true }).count(), 0);

    await p.goto(`/sales/contracts/${contractId}`);
    await p.getByTestId('contract-no').getByText(contractNo).waitFor();
    const card = p.getByTestId('contract-changes');
    await card.getByText('暂无变更申请').waitFor();
    await card.getByTestId('change-request').click();
    const dialog = modal(p, '申请变更');
    await dialog.waitFor();
    // The kinds are words; 换房 is chosen to begin with and asks for a unit.
    for (const word of ['换房', '更名', '退房', '折扣']) await dialog.getByTestId('change-kind').getByText(word, { exact: true }).waitFor();
    await dialog.getByText(`当前房源 ${fromCode}`).waitFor();

    // Each kind shows only its fields: 折扣 what is left to pay, 更名 the current buyer at 100%, 退房 what happens.
    await dialog.getByTestId('change-kind').getByText('折扣', { exact: true }).click();
    await dialog.getByText('未收金额 ¥3,000,000').waitFor();
    await dialog.getByTestId('change-kind').getByText('更名', { exact: true }).click();
    await dialog.getByTestId('change-buyer-0').getByText(buyer.name).waitFor();
    assert.equal(await dialog.getByTestId('share-total').getAttribute('data-total'), '100');
    await dialog.getByTestId('change-kind').getByText('退房', { exact: true }).click();
    await dialog.getByTestId('change-cancel-hint').waitFor();
    await dialog.getByTestId('change-kind').getByText('换房', { exact: true }).click();

    // Submitting without a unit or a reason is refused on the fields, before the server.
    await dialog.getByTestId('change-submit').click();
    await dialog.getByText('请选择新房源').waitFor();
    await dialog.getByText('请填写变更原因').waitFor();

    const input = dialog.getByLabel('新房源', { exact: true });
    await input.click();
    await input.fill('502');
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: toCode }).first().click();
    await dialog.getByTestId('change-reason').fill('客户希望换到更高楼层，价格差额另行协商');
    await shot(p, 'sales-change-request');
    const answered = posted(p, `/contracts/${contractId}/changes`, 201);
    await dialog.getByTestId('change-submit').click();
    const change = await (await answered).json();
    assert.equal(change.kind, 'change_unit');
    assert.equal(change.new_unit_id, units.get(toCode).id);
    unitChangeId = change.id;
    await modalClosed(p);
    await p.getByText('已提交换房申请，等待销售经理审批').waitFor();

    // It shows pending, and another cannot be requested meanwhile.
    const item = card.getByTestId(`change-${change.id}`);
    await item.getByTestId('change-status').getByText('待审批').waitFor();
    await item.getByTestId('change-what').getByText(`换至 ${toCode}`).waitFor();
    await item.getByText(`${people.sales.name} 申请于`).waitFor();
    await card.getByTestId('change-pending-hint').getByText('已有一项变更待审批').waitFor();
    assert.ok(await card.getByTestId('change-request').isDisabled());
    // The server refuses a second one too (409 change_pending).
    const second = await pageApi(p, 'POST', `/contracts/${contractId}/changes`, { kind: 'cancel', reason: '再申请一次' });
    assert.equal(second.status, 409);
    assert.equal(second.body?.error?.code, 'change_pending');
    await shot(p, 'sales-contract-change-pending');
  });

  it('lets the manager approve 换房 on 变更审批, after which the contract shows the new unit', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await openMenu(p, '变更审批');
    await p.waitForURL('**/sales/approvals');
    await p.getByRole('heading', { name: '变更审批' }).waitFor();
    const table = p.getByTestId('approval-table');
    for (const column of ['合同编号', '类型', '变更内容', '原因', '申请人', '申请时间']) await table.locator('th', { hasText: column }).first().waitFor();
    const row = table.locator('.ant-table-row', { hasText: contractNo });
    await row.waitFor();
    await row.getByText('换房', { exact: true }).waitFor();
    await row.getByText(`换至 ${toCode}`).waitFor();
    await row.getByText(people.sales.name).waitFor();
    assert.equal(await row.getByRole('link', { name: contractNo }).getAttribute('href'), `/sales/contracts/${contractId}`);
    await shot(p, 'sales-approvals');

    await row.getByRole('button', { name: /批\s*准/ }).click();
    const dialog = modal(p, '批准换房');
    await dialog.getByTestId('decision-effect').getByText(`批准后合同和业主将转到房源 ${toCode}，原房源恢复待售。`).waitFor();
    await shot(p, 'sales-approve-change');
    const answered = posted(p, `/change-orders/${unitChangeId}/approve`, 200);
    await dialog.getByTestId('decision-submit').click();
    assert.equal((await (await answered).json()).status, 'approved');
    await modalClosed(p);
    await p.getByText(`已批准换房（合同 ${contractNo}）`).waitFor();
    await row.waitFor({ state: 'detached' });
    await table.getByText('没有待审批的变更').waitFor();

    // 已处理 lists it, approved.
    await p.getByTestId('approval-tabs').getByRole('tab', { name: '已处理' }).click();
    const done = p.getByTestId('approval-table').locator('.ant-table-row', { hasText: contractNo });
    await done.getByText('已批准').waitFor();

    // The contract page (read afresh from the manager's link) shows the new unit and the decision.
    await done.getByRole('link', { name: contractNo }).click();
    await p.waitForURL(`**/sales/contracts/${contractId}`);
    await p.getByTestId('fact-unit').getByText(toCode).waitFor();
    await p.getByTestId('contract-changes').locator('[data-status="approved"]').getByTestId('change-status').getByText('已批准').waitFor();

    // The consultant's page, read again, too: and they may ask again.
    const c = consultant.page;
    await c.reload();
    await c.getByTestId('fact-unit').getByText(toCode).waitFor();
    await c.getByTestId(`change-${unitChangeId}`).getByTestId('change-status').getByText('已批准').waitFor();
    await c.getByTestId('contract-changes').getByTestId('change-request').and(c.locator(':enabled')).waitFor();
    assert.equal(await c.getByTestId('change-pending-hint').count(), 0);
    // The old unit is for sale again, the new one is signed.
    const unitsNow = new Map(ok(await pageApi(page, 'GET', `/projects/${projectId}/units`)).items.map((u) => [u.code, u]));
    assert.equal(unitsNow.get(fromCode).status, 'available');
    assert.notEqual(unitsNow.get(toCode).status, 'available');
  });

  it('lets the manager reject 退房 with a note, which shows on the contract page', kStep, async () => {
    const c = consultant.page;
    const card = c.getByTestId('contract-changes');
    await card.getByTestId('change-request').click();
    const dialog = modal(c, '申请变更');
    await dialog.getByTestId('change-kind').getByText('退房', { exact: true }).click();
    await dialog.getByTestId('change-cancel-hint').getByText('房源恢复待售').waitFor();
    await dialog.getByTestId('change-reason').fill('客户因工作调动申请退房');
    const answered = posted(c, `/contracts/${contractId}/changes`, 201);
    await dialog.getByTestId('change-submit').click();
    const change = await (await answered).json();
    await modalClosed(c);
    await card.getByTestId(`change-${change.id}`).getByTestId('change-status').getByText('待审批').waitFor();
    assert.equal(await changeItems(c).count(), 2);

    const p = manager.page;
    await openMenu(p, '变更审批');
    await p.waitForURL('**/sales/approvals**');
    await p.getByTestId('approval-tabs').getByRole('tab', { name: '待审批' }).click();
    const row = p.getByTestId('approval-table').locator('.ant-table-row', { hasText: contractNo });
    await row.getByText('合同作废，房源恢复待售').waitFor();

    // 批准 would say what happens; the manager looks, then cancels.
    await row.getByRole('button', { name: /批\s*准/ }).click();
    const approve = modal(p, '批准退房');
    await approve.getByTestId('decision-effect').getByText('退房后合同作废，房源将恢复待售').waitFor();
    await approve.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    await row.getByRole('button', { name: /驳\s*回/ }).click();
    const reject = modal(p, '驳回退房');
    await reject.getByTestId('decision-submit').click();
    await reject.getByText('请填写驳回意见').waitFor();
    await reject.getByTestId('decision-note').fill(rejectNote);
    await shot(p, 'sales-reject-change');
    const decided = posted(p, `/change-orders/${change.id}/reject`, 200);
    await reject.getByTestId('decision-submit').click();
    await decided;
    await modalClosed(p);
    await p.getByText(`已驳回退房（合同 ${contractNo}）`).waitFor();
    await row.waitFor({ state: 'detached' });

    // The consultant sees the rejection and its note; the contract stands.
    await c.reload();
    const item = c.getByTestId(`change-${change.id}`);
    await item.getByTestId('change-status').getByText('已驳回').waitFor();
    await item.getByTestId('change-note').getByText(`审批意见：${rejectNote}`).waitFor();
    await c.getByTestId('contract-status').getByText('已签约').waitFor();
    await c.getByTestId('fact-unit').getByText(toCode).waitFor();
    await c.evaluate(() => window.scrollTo(0, 0));
    await shot(c, 'sales-contract-changes');
  });

  it('fits a phone: the contract page, the request dialog and the approvals page', kStep, async () => {
    const c = consultant.page;
    await c.setViewportSize(kPhone);
    await c.goto(`/sales/contracts/${contractId}`);
    await c.getByTestId('contract-changes').getByTestId('change-status').first().waitFor();
    await assertFitsPhone(c, 'the contract page');
    await shot(c, 'sales-contract-changes-phone');
    await c.getByTestId('change-request').click();
    const dialog = modal(c, '申请变更');
    await dialog.getByTestId('change-kind').getByText('更名', { exact: true }).click();
    await dialog.getByTestId('change-buyer-0').getByText(buyer.name).waitFor();
    await assertFitsPhone(c, 'the change dialog');
    await shot(c, 'sales-change-request-phone');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(c);
    await c.setViewportSize({ width: 1440, height: 900 });

    const p = manager.page;
    await p.setViewportSize(kPhone);
    await p.goto('/sales/approvals?tab=done');
    await p.getByTestId('approval-table').locator('.ant-table-row', { hasText: contractNo }).first().waitFor();
    await assertFitsPhone(p, 'the approvals page');
    await shot(p, 'sales-approvals-phone');
    await p.setViewportSize({ width: 1440, height: 900 });

    assert.deepEqual(pageErrors, []);
  });
});
