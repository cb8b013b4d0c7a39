// End-to-end browser tests of 价格管理 (price adjustments, discount schemes, floor-price approvals)
// against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/sales-prices.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with two buildings of units, a consultant (sales) and a sales manager of the
// company, and two customers the consultant registers. Then, in the browsers: the consultant drafts
// +3% for building 2 (a draft that would price a unit below zero is refused on its field first); the
// manager applies it, and the board and the unit page show the new price and its history; a draft
// whose units moved meanwhile is refused with the units named and drafted again; the manager creates
// a 九八折 scheme and an amount off; the consultant subscribes through the wizard with the scheme,
// then a second unit below the floor (a scheme closed meanwhile is named in words first), which
// cannot be signed until the manager approves it on 变更审批 → 底价审批 (a third, far lower, is
// rejected with a note, which frees its unit); then it is signed. Pages are
// checked on a phone too. The run makes everything it needs, so it works on an empty database and
// beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, assertNoWords, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, personName, posted, randomDigits, requireEnvironment, runSuffix, setUpProject, shot, signIn, signInAs, yuan } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const mobile = () => `136${randomDigits(8)}`;

const companyName = `湘江置业${suffix}`;
const projectName = `麓山府${suffix}`;
const password = `E2e-prices-${suffix}-Pass`;
const people = {
  sales: { username: `e2e_price_sales_${suffix}`, name: `顾问庚${short}`, roles: ['sales'] },
  manager: { username: `e2e_price_mgr_${suffix}`, name: `经理辛${short}`, roles: ['manager'] },
};
const buyerA = { name: personName('司马'), phone: mobile() }; // takes 1-1-301 with 九八折
const buyerB = { name: personName('皇甫'), phone: mobile() }; // takes 1-1-401 below the floor
const adjustmentName = `2号楼开盘上调${short}`;
const schemeName = `国庆九八折${short}`;
const amountSchemeName = `老业主直减${short}`;
const contractNo = `HT-PRICE-${suffix}`;
const kList = 300_000_000; // ¥3,000,000, the 01 rooms
const kFloorPercent = 90;

describe('Sales: 价格管理, from a price adjustment to a contract below the floor', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let consultant; // { browser, page }
  let manager; // { browser, page }
  let projectId;
  let units; // by code
  let adjustment; // the +3% draft, as the server answered it
  let scheme; // 九八折
  let amountScheme; // 减¥50,000
  let subscriptionA;
  let subscriptionB;
  let subscriptionC; // far below the floor: rejected
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  /** Nothing on the page shows a code of the server (a field name, a slug). */
  const assertNoCodes = (scope, where) =>
    assertNoWords(scope, ['discount_scheme_ids', 'price_below_zero', 'prices_changed', 'set_per_m2', 'per_m2', 'pending', 'approved', 'inactive'], where);

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

  it('sets up a company, a project with two buildings, a consultant, a manager and two leads', kStep, async () => {
    await signIn(page);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '长沙',
      address: '岳麓区麓山南路 9 号',
      floors: { 1: 4, 2: 3 },
      decoration: 'finished',
      rooms: [
        { suffix: '01', layout: '3室2厅2卫', area_m2: 118, list_price_cents: kList },
        { suffix: '02', layout: '2室2厅1卫', area_m2: 89, list_price_cents: 210_000_000 },
      ],
      people: Object.values(people),
      password,
      customers: [buyerA, buyerB],
    }));
    assert.equal(units.size, 14);
    // 底价: 90% of the list price.
    const settings = ok(await api('GET', `/projects/${projectId}/sales-settings`));
    const { project_id: _project, version, ...rules } = settings;
    ok(await api('PUT', `/projects/${projectId}/sales-settings`, { ...rules, floor_percent: kFloorPercent }, { 'If-Match': String(version) }));

    consultant = await signInAs(people.sales, password, { pageErrors });
    for (const buyer of [buyerA, buyerB]) {
      buyer.leadId = ok(await pageApi(consultant.page, 'POST', '/leads', { project_id: projectId, customer_id: buyer.id, source: 'visit', intent: 'A' }), 201).id;
    }
  });

  it('lets the consultant draft +3% for building 2, refusing a draft below zero on its field', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '价格管理');
    await p.waitForURL('**/sales/prices');
    await p.getByRole('heading', { name: '价格管理' }).waitFor();
    // The consultant's company has one project: it is chosen already.
    await p.getByTestId('prices-project').getByText(projectName).waitFor();
    await p.getByTestId('adjustment-table').getByText('暂无调价方案').waitFor();
    // Only managers create schemes.
    await p.getByTestId('prices-tabs').getByRole('tab', { name: '折扣方案' }).click();
    await p.waitForURL('**/sales/prices?**tab=schemes');
    assert.equal(await p.getByTestId('scheme-new').count(), 0);
    await p.getByTestId('prices-tabs').getByRole('tab', { name: '调价方案' }).click();

    await p.getByTestId('adjustment-new').click();
    let dialog = modal(p, '新建调价');
    await dialog.waitFor();
    await dialog.getByTestId('adjustment-name').fill(adjustmentName);
    await dialog.getByTestId('adjustment-method').getByText('每平米加减').click();
    await dialog.getByTestId('adjustment-amount').fill('-100000');
    await dialog.getByText('即：每平米 −¥100,000；新价格取整到元').waitFor();
    const refused = posted(p, '/price-adjustments', 422);
    await dialog.getByTestId('adjustment-draft').click();
    assert.equal((await (await refused).json()).error.fields.value, 'price_below_zero');
    await dialog.locator('.ant-form-item-explain-error', { hasText: '调价后有房源的价格不大于零' }).waitFor();
    await assertNoCodes(dialog, 'the draft form');

    await dialog.getByTestId('adjustment-method').getByText('按比例').click();
    await dialog.getByTestId('adjustment-amount').fill('3');
    await dialog.getByText('即：上调 3%；新价格取整到元').waitFor();
    await dialog.getByTestId('adjustment-building').click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '2号楼' }).click();
    await dialog.getByTestId('adjustment-reason').fill('二期开盘去化良好，按集团定价策略上调');
    await shot(p, 'prices-draft-form');
    const drafted = posted(p, '/price-adjustments', 201);
    await dialog.getByTestId('adjustment-draft').click();
    adjustment = await (await drafted).json();
    assert.equal(adjustment.status, 'draft');
    // The dialog now shows the draft.
    dialog = modal(p, '调价预览');
    assert.equal(adjustment.method, 'percent');
    assert.equal(adjustment.value, 300);
    assert.equal(adjustment.building, '2');
    assert.equal(adjustment.units, 6);
    assert.equal(adjustment.lines.length, 6);

    // The preview: every unit of building 2, before and after; the consultant may not apply it.
    const view = dialog.getByTestId('adjustment-view');
    await view.waitFor();
    await view.getByTestId('adjustment-view-status').getByText('草稿').waitFor();
    await view.getByTestId('adjustment-fact-method').getByText('上调 3%').waitFor();
    await view.getByTestId('adjustment-fact-scope').getByText('2号楼').waitFor();
    await view.getByTestId('adjustment-fact-total').getByText('+3%').waitFor();
    await view.getByTestId('adjustment-hint').getByText('草稿已保存：须由销售经理或管理员执行后，房源表价才会改变。').waitFor();
    const line = view.getByTestId('line-2-1-101');
    await line.getByText(yuan(kList)).waitFor();
    await line.getByText(yuan(309_000_000)).waitFor();
    await line.getByText('+¥90,000').waitFor();
    await line.getByText('+3%').waitFor();
    assert.equal(await view.getByTestId('adjustment-apply').count(), 0, 'a consultant does not apply');
    await view.getByTestId('adjustment-cancel').waitFor();
    await assertNoCodes(dialog, 'the preview');
    await shot(p, 'prices-draft-preview');
    await view.getByTestId('adjustment-close').click();
    await modalClosed(p);

    const row = p.getByTestId(`adjustment-row-${adjustment.id}`);
    await row.waitFor();
    await p.getByTestId(`adjustment-status-${adjustment.id}`).getByText('草稿').waitFor();
    await p.getByTestId(`adjustment-method-${adjustment.id}`).getByText('上调 3%').waitFor();
    await row.getByText('2号楼', { exact: true }).waitFor();
    await row.getByText('6 套').waitFor();
    await row.getByText(people.sales.name).waitFor();
    // Nothing changed yet.
    assert.equal(ok(await pageApi(p, 'GET', `/units/${units.get('2-1-101').id}`)).list_price_cents, kList);
  });

  it('lets the manager apply it; the board and the unit page show the new price and its history', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await openMenu(p, '价格管理');
    await p.waitForURL('**/sales/prices');
    const row = p.getByTestId(`adjustment-row-${adjustment.id}`);
    await row.waitFor();
    await shot(p, 'prices-adjustments-draft');
    await p.getByTestId(`adjustment-open-${adjustment.id}`).click();
    const dialog = modal(p, '调价预览');
    await dialog.waitFor();
    await dialog.getByTestId('adjustment-hint').getByText('执行后这 6 套房源的表价将同时更新').waitFor();
    const answered = posted(p, `/price-adjustments/${adjustment.id}/apply`, 200);
    await dialog.getByTestId('adjustment-apply').click();
    await p.getByTestId('adjustment-apply-confirm').click();
    const applied = await (await answered).json();
    assert.equal(applied.status, 'applied');
    assert.equal(applied.decided_by_name, people.manager.name);
    await modalClosed(p);
    await p.getByText(`已执行调价「${adjustmentName}」：6 套房源表价已更新`).waitFor();
    await p.getByTestId(`adjustment-status-${adjustment.id}`).getByText('已执行').waitFor();
    await p.getByTestId(`adjustment-decided-${adjustment.id}`).getByText(`${people.manager.name} 执行`).waitFor();
    await p.getByTestId(`adjustment-total-${adjustment.id}`).getByText('+3%').waitFor();
    assert.equal(await p.getByTestId('list-count').getAttribute('data-count'), '1');
    await shot(p, 'prices-adjustments');

    // The board of building 2 shows the new price (309万), building 1 the old one.
    await p.goto(`/projects/${projectId}?building=2`);
    await p.getByTestId('board-cell-2-1-101').getByText('309万').waitFor();
    await shot(p, 'prices-board');
    // The unit page: the price, its history, and the event on the unit's history.
    const unitId = units.get('2-1-101').id;
    await p.goto(`/units/${unitId}`);
    await p.getByTestId('fact-price').getByText(yuan(309_000_000)).waitFor();
    const history = p.getByTestId('unit-price-history');
    await history.getByText(adjustmentName).waitFor();
    await history.getByText(yuan(309_000_000)).waitFor();
    await history.getByText(`· ${people.manager.name} 执行`, { exact: false }).waitFor();
    await p.getByTestId('unit-history').locator('[data-kind="price"]').getByText('调价', { exact: true }).waitFor();
    await shot(p, 'prices-unit');
    // A unit of building 1 has no history.
    await p.goto(`/units/${units.get('1-1-101').id}`);
    await p.getByTestId('unit-price-history').getByText('暂无调价记录').waitFor();
  });

  it('names the units whose price moved since a draft, and drafts it again', kStep, async () => {
    const p = manager.page;
    const stale = ok(
      await pageApi(p, 'POST', '/price-adjustments', { project_id: projectId, name: `1号楼微调${short}`, method: 'per_m2', value: 20_000, building: '1' }),
      201,
    );
    // Someone changes a unit of building 1 meanwhile.
    const moved = ok(await api('GET', `/units/${units.get('1-1-202').id}`));
    ok(await api('PATCH', `/units/${moved.id}`, { list_price_cents: 215_000_000 }, { 'If-Match': String(moved.version) }));

    await p.goto('/sales/prices');
    await p.getByTestId(`adjustment-open-${stale.id}`).click();
    const dialog = modal(p, '调价预览');
    await dialog.getByTestId('adjustment-fact-method').getByText('每平米 +¥200').waitFor();
    const answered = posted(p, `/price-adjustments/${stale.id}/apply`, 409);
    await dialog.getByTestId('adjustment-apply').click();
    await p.getByTestId('adjustment-apply-confirm').click();
    const refused = (await (await answered).json()).error;
    assert.equal(refused.code, 'prices_changed');
    assert.deepEqual(refused.units, ['1-1-202']);
    const alert = dialog.getByTestId('prices-changed');
    await alert.getByText(refused.message).waitFor();
    await alert.getByTestId('moved-units').getByText('1-1-202').waitFor();
    await assertNoCodes(dialog, 'the refusal');
    await shot(p, 'prices-changed');

    const again = posted(p, '/price-adjustments', 201);
    await alert.getByTestId('adjustment-redraft').click();
    const redrafted = await (await again).json();
    await p.getByText('已按当前价格重新草拟，原草稿已撤销').waitFor();
    assert.equal(redrafted.lines.find((l) => l.unit_code === '1-1-202').before_cents, 215_000_000);
    assert.equal(ok(await pageApi(p, 'GET', `/price-adjustments/${stale.id}`)).status, 'cancelled');
    // The new draft is dropped too: building 1 keeps its prices.
    const cancelled = posted(p, `/price-adjustments/${redrafted.id}/cancel`, 200);
    await dialog.getByTestId('adjustment-cancel').click();
    await cancelled;
    await modalClosed(p);
    await p.getByTestId(`adjustment-status-${redrafted.id}`).getByText('已撤销').waitFor();
    await p.getByTestId(`adjustment-status-${stale.id}`).getByText('已撤销').waitFor();
    assert.equal(await p.getByTestId('list-count').getAttribute('data-count'), '3');
  });

  it('lets the manager create a 九八折 scheme and an amount off, and limit it', kStep, async () => {
    const p = manager.page;
    await p.getByTestId('prices-tabs').getByRole('tab', { name: '折扣方案' }).click();
    await p.waitForURL('**/sales/prices?**tab=schemes');
    await p.getByTestId('scheme-table').getByText('暂无折扣方案').waitFor();
    await p.getByTestId('scheme-new').click();
    let dialog = modal(p, '新建折扣方案');
    await dialog.waitFor();
    await dialog.getByTestId('scheme-name').fill(schemeName);
    await dialog.getByTestId('scheme-zhe').fill('98');
    await dialog.getByText('即 九八折，优惠 2%').waitFor();
    await shot(p, 'prices-scheme-form');
    let answered = posted(p, '/discount-schemes', 201);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    scheme = await (await answered).json();
    assert.equal(scheme.percent_off_bp, 200);
    assert.equal(scheme.amount_off_cents, 0);
    assert.equal(scheme.stackable, true);
    await modalClosed(p);
    await p.getByText(`已创建折扣方案「${schemeName}」（九八折）`).waitFor();

    await p.getByTestId('scheme-new').click();
    dialog = modal(p, '新建折扣方案');
    await dialog.getByTestId('scheme-name').fill(amountSchemeName);
    await dialog.getByTestId('scheme-kind').getByText('直减金额').click();
    await dialog.getByTestId('scheme-amount').fill('50000');
    await dialog.getByTestId('scheme-max-uses').fill('10');
    await dialog.getByTestId('scheme-stackable').click();
    answered = posted(p, '/discount-schemes', 201);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    amountScheme = await (await answered).json();
    assert.equal(amountScheme.amount_off_cents, 5_000_000);
    assert.equal(amountScheme.max_uses, 10);
    assert.equal(amountScheme.stackable, false);
    await modalClosed(p);

    // Edited: a limit of 20, until the end of next month.
    await p.getByTestId(`scheme-edit-${amountScheme.id}`).click();
    dialog = modal(p, '编辑折扣方案');
    await dialog.getByTestId('scheme-fixed-discount').getByText('减¥50,000').waitFor();
    await dialog.getByTestId('scheme-max-uses').fill('20');
    const until = chinaDay(40);
    const to = dialog.getByTestId('scheme-valid-to');
    await to.click();
    await to.fill(until);
    await to.press('Enter');
    const patched = p.waitForResponse((r) => r.url().endsWith(`/discount-schemes/${amountScheme.id}`) && r.request().method() === 'PATCH');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    amountScheme = await (await patched).json();
    assert.equal(amountScheme.max_uses, 20);
    assert.equal(amountScheme.valid_to, until);
    await modalClosed(p);

    const table = p.getByTestId('scheme-table');
    await p.getByTestId(`scheme-discount-${scheme.id}`).getByText('九八折').waitFor();
    await p.getByTestId(`scheme-discount-${amountScheme.id}`).getByText('减¥50,000').waitFor();
    await p.getByTestId(`scheme-uses-${scheme.id}`).getByText('0 / 不限').waitFor();
    await p.getByTestId(`scheme-uses-${amountScheme.id}`).getByText('0 / 20').waitFor();
    await p.getByTestId(`scheme-row-${amountScheme.id}`).getByText(`至 ${until}`).waitFor();
    await p.getByTestId(`scheme-row-${scheme.id}`).getByText('长期有效').waitFor();
    await p.getByTestId(`scheme-state-${scheme.id}`).getByText('有效').waitFor();
    for (const column of ['方案名称', '优惠', '有效期', '已用/上限', '可叠加', '状态']) await table.locator('th', { hasText: column }).first().waitFor();
    await assertNoCodes(table, 'the schemes');
    await shot(p, 'prices-schemes');
  });

  it('lets the consultant subscribe with the 九八折 scheme through the wizard', kStep, async () => {
    const p = consultant.page;
    await p.goto(`/sales/deal?lead=${buyerA.leadId}`);
    const search = p.getByTestId('unit-search');
    await search.fill('1-1-301');
    await search.press('Enter');
    const form = p.getByTestId('subscription-form');
    await form.waitFor();
    await form.getByTestId('price-list').getByText(yuan(kList)).waitFor();
    await form.getByTestId('price-floor').getByText(yuan(270_000_000)).waitFor();
    await form.getByTestId('price-floor').getByText('表价的 90%').waitFor();
    await form.getByTestId(`deal-scheme-${amountScheme.id}`).getByText('不可叠加', { exact: false }).waitFor();
    await form.getByTestId(`deal-scheme-${scheme.id}`).click();
    // The price follows the scheme.
    await form.getByTestId('price-scheme').getByText(yuan(294_000_000)).waitFor();
    await form.getByTestId('price-scheme').getByText('优惠 ¥60,000').waitFor();
    assert.equal(await form.getByTestId('deal-price').inputValue(), '2,940,000');
    assert.equal(await form.getByTestId('below-floor').count(), 0);
    await assertNoCodes(form, 'the subscription form');
    await shot(p, 'prices-deal-scheme');
    const answered = posted(p, '/subscriptions', 201);
    await form.getByTestId('deal-subscribe').click();
    subscriptionA = await (await answered).json();
    assert.equal(subscriptionA.list_price_cents, kList);
    assert.equal(subscriptionA.scheme_price_cents, 294_000_000);
    assert.equal(subscriptionA.price_cents, 294_000_000);
    assert.equal(subscriptionA.floor_cents, 270_000_000);
    assert.equal(subscriptionA.approval, 'none');
    assert.deepEqual(subscriptionA.discounts.map((d) => [d.scheme_id, d.off_cents]), [[scheme.id, 6_000_000]]);
    await p.getByTestId('contract-form').waitFor();
    await p.getByTestId('deal-discounts').getByText(`${schemeName} −¥60,000`).waitFor();
    await p.getByTestId('deal-approval').getByText('无需审批').waitFor();
  });

  it('names a scheme closed meanwhile, then takes a second unit below the floor for approval', kStep, async () => {
    const p = consultant.page;
    await p.goto(`/sales/deal?lead=${buyerB.leadId}`);
    const search = p.getByTestId('unit-search');
    await search.fill('1-1-401');
    await search.press('Enter');
    const form = p.getByTestId('subscription-form');
    await form.getByTestId(`deal-scheme-${amountScheme.id}`).click();
    assert.equal(await form.getByTestId('deal-price').inputValue(), '2,950,000');
    // The manager closes the scheme before the consultant confirms.
    ok(await pageApi(manager.page, 'PATCH', `/discount-schemes/${amountScheme.id}`, { active: false }));
    const refused = posted(p, '/subscriptions', 422);
    await form.getByTestId('deal-subscribe').click();
    assert.equal((await (await refused).json()).error.fields['discount_scheme_ids[0]'], 'inactive');
    const schemesRefused = form.getByTestId('schemes-refused');
    await schemesRefused.getByText(`「${amountSchemeName}」已停用`).waitFor();
    // The list is read again: the closed scheme is offered no more, and the price goes back.
    await form.getByTestId(`deal-scheme-${amountScheme.id}`).waitFor({ state: 'detached' });
    await schemesRefused.getByText(`「${amountSchemeName}」已停用`).waitFor();
    assert.equal(await form.getByTestId('form-error').count(), 0, 'no banner about fields that are not marked');
    await assertNoCodes(form, 'the refused subscription');
    await shot(p, 'prices-deal-scheme-refused');
    assert.equal(await form.getByTestId('deal-price').inputValue(), '3,000,000');

    await form.getByTestId('deal-price').fill('2600000');
    const warning = form.getByTestId('below-floor');
    await warning.getByText('低于底价，提交后需经理审批').waitFor();
    await warning.getByText(`成交价比底价 ${yuan(270_000_000)} 低 ¥100,000`, { exact: false }).waitFor();
    await shot(p, 'prices-deal-below-floor');
    const answered = posted(p, '/subscriptions', 201);
    await form.getByTestId('deal-subscribe').click();
    subscriptionB = await (await answered).json();
    assert.equal(subscriptionB.approval, 'pending');
    assert.equal(subscriptionB.price_cents, 260_000_000);

    // No contract while the price waits: the step says so, and the server refuses one too.
    const pending = p.getByTestId('deal-approval-pending');
    await pending.getByText('底价待审批：销售经理批准后才能签约').waitFor();
    await pending.getByText(`成交价 ¥2,600,000 低于底价 ${yuan(270_000_000)}（表价 ${yuan(kList)}）`, { exact: false }).waitFor();
    assert.equal(await p.getByTestId('contract-form').count(), 0);
    await p.getByTestId('deal-approval-tag').getByText('待审批').waitFor();
    await shot(p, 'prices-deal-pending');
    const sign = await pageApi(p, 'POST', '/contracts', {
      subscription_id: subscriptionB.id,
      contract_no: `${contractNo}-X`,
      signed_on: chinaDay(),
      total_cents: 260_000_000,
      payment_plan: [{ due_on: chinaDay(10), amount_cents: 260_000_000, kind: 'down_payment' }],
    });
    assert.equal(sign.status, 409);
    assert.equal(sign.body.error.code, 'price_approval_pending');

    // On a phone, the pending step and the lead page.
    await p.setViewportSize(kPhone);
    await p.reload();
    await p.getByTestId('deal-approval-pending').waitFor();
    await assertFitsPhone(p, 'the pending deal');
    await shot(p, 'prices-deal-pending-phone');
    await p.goto(`/sales/leads/${buyerB.leadId}`);
    await p.getByTestId(`lead-subscription-approval-${subscriptionB.id}`).getByText('待审批').waitFor();
    await assertFitsPhone(p, 'the lead page');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets the manager reject one price and approve another on 变更审批 → 底价审批', kStep, async () => {
    const p = manager.page;
    // A third subscription, far below the floor (through the API): to be rejected.
    subscriptionC = ok(
      await pageApi(consultant.page, 'POST', '/subscriptions', {
        unit_id: units.get('1-1-102').id,
        buyers: [{ customer_id: buyerA.id, share: 1 }],
        price_cents: 150_000_000,
        lead_id: buyerA.leadId,
      }),
      201,
    );
    assert.equal(subscriptionC.approval, 'pending');
    await openMenu(p, '变更审批');
    await p.waitForURL('**/sales/approvals');
    await p.getByTestId('approval-tabs').getByRole('tab', { name: '底价审批' }).click();
    await p.waitForURL('**/sales/approvals?tab=prices');
    const table = p.getByTestId('price-approval-table');
    const row = p.getByTestId(`price-approval-row-${subscriptionB.id}`);
    await row.waitFor();
    for (const column of ['房源', '买受人', '置业顾问', '成交价 / 表价 / 底价', '低于底价', '认购时间']) await table.locator('th', { hasText: column }).first().waitFor();
    await p.getByTestId(`price-approval-unit-${subscriptionB.id}`).getByText('1-1-401').waitFor();
    await row.getByText(projectName).waitFor();
    await p.getByTestId(`price-approval-buyers-${subscriptionB.id}`).getByText(buyerB.name).waitFor();
    assert.equal(await p.getByTestId(`price-approval-buyers-${subscriptionB.id}`).getAttribute('href'), `/sales/leads/${buyerB.leadId}`);
    await row.getByText(people.sales.name).waitFor();
    const prices = p.getByTestId(`price-approval-prices-${subscriptionB.id}`);
    await prices.getByText('成交价 ¥2,600,000').waitFor();
    await prices.getByText(`表价 ${yuan(kList)} · 底价 ${yuan(270_000_000)}`).waitFor();
    await p.getByTestId(`price-approval-under-${subscriptionB.id}`).getByText('低 ¥100,000（表价的 3.33%）').waitFor();
    assert.equal(await p.getByTestId(`price-approval-row-${subscriptionA.id}`).count(), 0, 'a price above the floor needs no approval');
    await assertNoCodes(table, 'the approvals');
    await shot(p, 'prices-approvals');

    // On a phone: cards.
    await p.setViewportSize(kPhone);
    await p.getByTestId('price-approval-cards').getByTestId(`price-approval-row-${subscriptionB.id}`).waitFor();
    await assertFitsPhone(p, 'the price approvals');
    await shot(p, 'prices-approvals-phone');
    await p.setViewportSize({ width: 1440, height: 900 });

    // 驳回 needs a note; it cancels the subscription and frees the unit.
    await p.getByTestId(`reject-price-${subscriptionC.id}`).click();
    const rejectDialog = modal(p, '驳回低于底价认购');
    await rejectDialog.getByTestId('price-decision-effect').getByText('驳回后认购取消，房源 1-1-102 恢复待售', { exact: false }).waitFor();
    await rejectDialog.getByTestId('price-decision-submit').click();
    await rejectDialog.locator('.ant-form-item-explain-error', { hasText: '请填写驳回意见' }).waitFor();
    await rejectDialog.getByTestId('price-decision-note').fill('低于底价过多，不予批准');
    const rejected = posted(p, `/subscriptions/${subscriptionC.id}/reject-price`, 200);
    await rejectDialog.getByTestId('price-decision-submit').click();
    const refusedPrice = await (await rejected).json();
    assert.equal(refusedPrice.approval, 'rejected');
    assert.equal(refusedPrice.status, 'cancelled');
    await modalClosed(p);
    await p.getByText('已驳回 1-1-102 的认购，房源恢复待售').waitFor();
    await p.getByTestId(`price-approval-row-${subscriptionC.id}`).waitFor({ state: 'detached' });
    assert.equal(ok(await api('GET', `/units/${units.get('1-1-102').id}`)).status, 'available');

    await p.getByTestId(`approve-price-${subscriptionB.id}`).click();
    const dialog = modal(p, '同意低于底价认购');
    await dialog.waitFor();
    await dialog.getByTestId('price-decision-effect').getByText('同意后置业顾问即可签约。').waitFor();
    await dialog.getByTestId('price-decision-what').getByText(buyerB.name, { exact: false }).waitFor();
    await dialog.getByTestId('price-decision-note').fill('开盘冲量，特批');
    await shot(p, 'prices-approve');
    const answered = posted(p, `/subscriptions/${subscriptionB.id}/approve-price`, 200);
    await dialog.getByTestId('price-decision-submit').click();
    const approved = await (await answered).json();
    assert.equal(approved.approval, 'approved');
    assert.equal(approved.approval_note, '开盘冲量，特批');
    await modalClosed(p);
    await p.getByText('已同意 1-1-401 的认购价，可以签约').waitFor();
    await row.waitFor({ state: 'detached' });
    await table.getByText('没有待审批的底价').waitFor();
  });

  it('lets the consultant sign the approved subscription from the lead page', kStep, async () => {
    const p = consultant.page;
    // The rejected one says so, with the manager's note, and offers no contract.
    await p.goto(`/sales/deal?lead=${buyerA.leadId}&subscription=${subscriptionC.id}`);
    const rejected = p.getByTestId('deal-price-rejected');
    await rejected.getByText('1-1-102 的底价审批未通过，认购已取消，房源已恢复待售').waitFor();
    await rejected.getByText('审批意见：低于底价过多，不予批准').waitFor();
    await p.getByTestId('deal-approval-tag').getByText('已驳回').waitFor();
    assert.equal(await p.getByTestId('contract-form').count(), 0);
    await shot(p, 'prices-deal-rejected');

    await p.goto(`/sales/leads/${buyerB.leadId}`);
    await p.getByTestId(`lead-subscription-approval-${subscriptionB.id}`).getByText('已批准').waitFor();
    await p.getByTestId(`lead-subscription-open-${subscriptionB.id}`).getByText('去签约').click();
    await p.waitForURL(`**/sales/deal?lead=${buyerB.leadId}&subscription=${subscriptionB.id}`);
    const approved = p.getByTestId('deal-approval-approved');
    await approved.getByText('底价审批已通过', { exact: false }).waitFor();
    await approved.getByText('审批意见：开盘冲量，特批').waitFor();
    const form = p.getByTestId('contract-form');
    await form.getByTestId('contract-no').fill(contractNo);
    assert.equal(await form.getByTestId('contract-total').inputValue(), '2,600,000');
    await form.getByTestId('plan-quick-fill').click();
    await form.getByTestId('plan-remaining').getByText('已分配完毕').waitFor();
    await shot(p, 'prices-deal-approved');
    const answered = posted(p, '/contracts', 201);
    await form.getByTestId('contract-submit').click();
    const contract = await (await answered).json();
    assert.equal(contract.total_cents, 260_000_000);
    await p.waitForURL(`**/sales/contracts/${contract.id}`);
    await p.getByText(`已签约，合同 ${contractNo}`).waitFor();
    // The scheme counts its use.
    const schemes = ok(await pageApi(p, 'GET', `/discount-schemes?project_id=${projectId}`)).items;
    assert.equal(schemes.find((s) => s.id === scheme.id).uses, 1);
  });

  it('fits the price pages on a phone, the lists as cards', kStep, async () => {
    const p = manager.page;
    await p.setViewportSize(kPhone);
    await p.goto(`/sales/prices?project_id=${projectId}`);
    await p.getByTestId('adjustment-cards').getByTestId(`adjustment-row-${adjustment.id}`).waitFor();
    assert.equal(await p.getByTestId('adjustment-table').count(), 0, 'no table on a phone');
    await assertFitsPhone(p, 'the adjustments');
    await shot(p, 'prices-adjustments-phone');
    await p.getByTestId(`adjustment-open-${adjustment.id}`).click();
    const dialog = modal(p, '调价预览');
    await dialog.getByTestId('adjustment-lines').getByTestId('line-2-1-101').waitFor();
    await assertFitsPhone(p, 'the adjustment preview');
    await shot(p, 'prices-preview-phone');
    await dialog.getByTestId('adjustment-close').click();
    await modalClosed(p);

    await p.goto(`/sales/prices?project_id=${projectId}&tab=schemes`);
    await p.getByTestId('scheme-cards').getByTestId(`scheme-row-${scheme.id}`).waitFor();
    await p.getByTestId(`scheme-state-${amountScheme.id}`).getByText('已停用').waitFor();
    await p.getByTestId(`scheme-uses-${scheme.id}`).getByText('1 / 不限').waitFor();
    await assertFitsPhone(p, 'the schemes');
    await shot(p, 'prices-schemes-phone');
    await p.getByTestId('scheme-new').click();
    await modal(p, '新建折扣方案').getByTestId('scheme-name').waitFor();
    await assertFitsPhone(p, 'the scheme form');
    await shot(p, 'prices-scheme-form-phone');
    await modal(p, '新建折扣方案').getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    await p.goto(`/units/${units.get('2-1-101').id}`);
    await p.getByTestId('unit-price-history').getByText(adjustmentName).waitFor();
    await assertFitsPhone(p, 'the unit page');
    await shot(p, 'prices-unit-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('speaks English too, and no page failed', kStep, async () => {
    const p = manager.page;
    await p.goto(`/sales/prices?project_id=${projectId}`);
    await p.getByTestId(`adjustment-row-${adjustment.id}`).waitFor();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Prices' }).waitFor();
    await p.getByTestId(`adjustment-status-${adjustment.id}`).getByText('Applied').waitFor();
    await p.getByTestId(`adjustment-method-${adjustment.id}`).getByText('+3%').waitFor();
    await shot(p, 'prices-english');
    await p.getByTestId('prices-tabs').getByRole('tab', { name: 'Discount schemes' }).click();
    await p.getByTestId(`scheme-discount-${scheme.id}`).getByText('2% off').waitFor();
    await p.getByRole('button', { name: '中文' }).click();
    await p.getByRole('heading', { name: '价格管理' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
