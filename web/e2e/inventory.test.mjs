// End-to-end browser tests of the property inventory (房源) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/inventory.test.mjs
// Steps run in order and share one browser page: each builds on the one before. The run makes
// everything it needs (projects, units, customers, a viewer), so it works on an empty database.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, launch, logIn, modal, modalClosed, openMenu, pageApi, randomDigits, requireEnvironment, runSuffix, shot, signIn } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const digits = randomDigits;
const mobile = () => `137${digits(8)}`;
const givenChars = '晟昀珂琰玥熠璟翊曦岚湛霁骁琛瑾煜晗筠泓璇'.split('');
const personName = () => `${pick(['林', '周', '吴', '郑'])}${pick(givenChars)}${pick(givenChars)}`;

const takenName = `滨江壹号${suffix}`;
const projectName = `翠湖花园${suffix}`;

/** The soft cell colours of the board (labels.ts kStatusColors), as the browser reports them. */
const kCellColors = {
  available: 'rgb(234, 247, 225)',
  pledged: 'rgb(253, 246, 216)',
  subscribed: 'rgb(253, 233, 215)',
  contracted: 'rgb(253, 227, 227)',
  delivered: 'rgb(227, 234, 252)',
};

describe('Property inventory', { concurrency: false }, () => {
  let browser;
  let page;
  let projectId;
  let unitId;
  const owners = [];
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  const unitsByCode = async () => {
    const listed = await api('GET', `/projects/${projectId}/units`);
    assert.equal(listed.status, 200);
    return new Map(listed.body.items.map((unit) => [unit.code, unit]));
  };

  /** Moves a unit through `statuses` via the API (as another user would), If-Match each time. */
  const setStatus = async (code, ...statuses) => {
    let unit = (await unitsByCode()).get(code);
    assert.ok(unit, `unit ${code} exists`);
    for (const status of statuses) {
      const changed = await api('PATCH', `/units/${unit.id}`, { status }, { 'If-Match': String(unit.version) });
      assert.equal(changed.status, 200, `${code} → ${status}: ${JSON.stringify(changed.body)}`);
      unit = changed.body;
    }
    return unit;
  };

  const cell = (code) => page.getByTestId(`board-cell-${code}`);
  const cellStatus = async (code, status) => {
    await page.locator(`[data-testid="board-cell-${code}"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
  };
  const count = async (status) => Number(await page.getByTestId(`board-count-${status}`).getAttribute('data-count'));
  const confirmPopup = (testId) => page.locator('.ant-popover').filter({ visible: true }).getByTestId(testId).click();

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
  });

  it('signs in and lists projects from the 房源 › 楼盘 menu', kStep, async () => {
    await signIn(page);

    const made = await api('POST', '/projects', { name: takenName, city: '杭州', address: '滨江区江南大道 88 号', completion_date: '2025-12-31' });
    assert.equal(made.status, 201, JSON.stringify(made.body));

    await page.locator('.ant-layout-sider .ant-menu').getByText('房源', { exact: true }).waitFor();
    await openMenu(page, '楼盘');
    await page.waitForURL('**/projects');
    await page.getByRole('heading', { name: '楼盘' }).waitFor();
    const table = page.getByTestId('project-table');
    for (const column of ['楼盘名称', '城市', '地址', '所属公司', '竣工日期']) {
      await table.locator('th', { hasText: column }).first().waitFor();
    }
    const row = table.locator('.ant-table-row', { hasText: takenName });
    await row.waitFor();
    await row.getByText('2025-12-31').waitFor();
    await row.getByText('滨江区江南大道 88 号').waitFor();
    await shot(page, 'inventory-projects');
  });

  it('refuses a project without a name, and one whose name is taken, in Chinese on the field', kStep, async () => {
    await page.getByTestId('new-project').click();
    const dialog = modal(page, '新建楼盘');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByText('请输入楼盘名称').waitFor();

    await dialog.getByLabel('楼盘名称').fill(takenName);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/projects') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    assert.equal((await answered).status(), 409);
    const nameItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('楼盘名称') });
    await nameItem.getByText('已有同名楼盘，请换一个名称').waitFor();
    await dialog.getByTestId('form-error').waitFor();
    await shot(page, 'inventory-project-error');
  });

  it('creates a project and shows its empty board', kStep, async () => {
    const dialog = modal(page, '新建楼盘');
    await dialog.getByLabel('楼盘名称').fill(projectName);
    await dialog.getByText('已有同名楼盘').waitFor({ state: 'detached' });
    await dialog.getByLabel('城市').fill('杭州');
    await dialog.getByLabel('地址').fill('西湖区文一西路 1 号');
    const date = dialog.getByLabel('竣工日期');
    await date.click();
    await date.fill('2027-06-30');
    await date.press('Enter');
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/projects') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const response = await answered;
    assert.equal(response.status(), 201);
    const created = await response.json();
    assert.equal(created.completion_date, '2027-06-30');
    projectId = created.id;
    await modalClosed(page);
    await page.waitForURL(`**/projects/${projectId}`);
    await page.getByTestId('project-name').getByText(projectName).waitFor();
    await page.getByTestId('fact-completion').getByText('2027-06-30').waitFor();
    await page.getByTestId('board-empty').getByText('该楼盘还没有房源').waitFor();
    await shot(page, 'inventory-project-empty');
  });

  it('generates a building of units in bulk; prices typed in yuan arrive in fen', kStep, async () => {
    await page.getByTestId('bulk-units').first().click();
    const dialog = modal(page, '批量生成房源');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('bulk-building').inputValue(), '1');
    await dialog.getByTestId('bulk-floor-from').fill('1');
    await dialog.getByTestId('bulk-floor-to').fill('6');
    const rooms = [
      ['01', '3室2厅2卫', '98.5', '2980000'],
      ['02', '2室2厅1卫', '76.2', '2300000.5'],
    ];
    for (const [index, [room, layout, area, price]] of rooms.entries()) {
      const row = dialog.getByTestId(`bulk-room-${index}`);
      assert.equal(await row.getByLabel('房间号').inputValue(), room);
      await row.getByLabel('户型').fill(layout);
      await row.getByLabel('建筑面积（m²）').fill(area);
      await row.getByLabel('总价（元）').fill(price);
    }
    await dialog.getByTestId('bulk-preview').getByText('12 套（6 层 × 2 户）').waitFor();
    await shot(page, 'inventory-bulk-modal');

    const answered = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/units/bulk`));
    await dialog.getByRole('button', { name: /生\s*成/ }).click();
    const response = await answered;
    assert.equal(response.status(), 201);
    assert.equal((await response.json()).count, 12);
    await modalClosed(page);

    await cell('1-1-601').waitFor();
    assert.equal(await page.locator('[data-testid^="board-cell-"]').count(), 12);
    // Top floor first.
    assert.equal(await page.locator('[data-testid^="board-floor-"]').first().getAttribute('data-testid'), 'board-floor-6');
    const units = await unitsByCode();
    assert.equal(units.get('1-1-101').list_price_cents, 298_000_000);
    assert.equal(units.get('1-1-602').list_price_cents, 230_000_050);
    assert.equal(units.get('1-1-602').area_m2, 76.2);
    assert.equal(units.get('1-1-602').layout, '2室2厅1卫');
    await cell('1-1-601').getByText('3室2厅2卫').waitFor();
    await cell('1-1-601').getByText('98.5 m²').waitFor();
  });

  it('refuses to generate rooms that exist already, in Chinese on the building', kStep, async () => {
    await page.getByTestId('bulk-units').first().click();
    const dialog = modal(page, '批量生成房源');
    await dialog.waitFor();
    await dialog.getByTestId('bulk-building').fill('1');
    await dialog.getByTestId('bulk-floor-from').fill('5');
    await dialog.getByTestId('bulk-floor-to').fill('7');
    for (const index of [0, 1]) await dialog.getByTestId(`bulk-room-${index}`).getByLabel('建筑面积（m²）').fill('90');
    const answered = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/units/bulk`));
    await dialog.getByRole('button', { name: /生\s*成/ }).click();
    assert.equal((await answered).status(), 409);
    const building = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('bulk-building') });
    await building.getByText('该楼栋单元已有相同房号的房源').waitFor();
    await shot(page, 'inventory-bulk-error');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(page);
    // Nothing was half-written: floor 7 does not exist.
    assert.equal((await unitsByCode()).has('1-1-701'), false);
  });

  it('colours the board by status, with a legend and counts, entrances side by side', kStep, async () => {
    // Another entrance and another building, made through the API.
    for (const [building, entrance, rooms, to] of [
      ['1', '2', [['03', '3室2厅1卫', 89.3, 265_000_000], ['04', '4室2厅2卫', 128, 390_000_000]], 6],
      ['2', '1', [['01', '2室1厅1卫', 68, 180_000_000]], 3],
    ]) {
      const made = await api('POST', `/projects/${projectId}/units/bulk`, {
        building,
        entrance,
        floor_from: 1,
        floor_to: to,
        decoration: 'finished',
        rooms: rooms.map(([suffix, layout, area_m2, list_price_cents]) => ({ suffix, layout, area_m2, list_price_cents })),
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
    }
    await setStatus('1-1-601', 'pledged');
    await setStatus('1-1-602', 'subscribed');
    await setStatus('1-2-603', 'pledged', 'contracted');
    await setStatus('1-2-604', 'subscribed', 'contracted', 'delivered');

    await page.reload();
    await cellStatus('1-2-604', 'delivered');
    await cellStatus('1-1-601', 'pledged');
    await cellStatus('1-1-602', 'subscribed');
    await cellStatus('1-2-603', 'contracted');
    await cellStatus('1-1-101', 'available');
    for (const [code, status] of [
      ['1-1-101', 'available'],
      ['1-1-601', 'pledged'],
      ['1-1-602', 'subscribed'],
      ['1-2-603', 'contracted'],
      ['1-2-604', 'delivered'],
    ]) {
      assert.equal(await cell(code).evaluate((el) => getComputedStyle(el).backgroundColor), kCellColors[status], `${code} is coloured ${status}`);
    }
    assert.equal(await count('available'), 20);
    assert.equal(await count('pledged'), 1);
    assert.equal(await count('subscribed'), 1);
    assert.equal(await count('contracted'), 1);
    assert.equal(await count('delivered'), 1);
    await page.getByTestId('board-total').getByText('共 24 套').waitFor();
    const legend = page.getByTestId('board-legend');
    for (const label of ['待售', '认筹', '认购', '签约', '交付']) await legend.getByText(label, { exact: true }).waitFor();
    const board = page.getByTestId('sales-board');
    await board.getByText('1单元').waitFor();
    await board.getByText('2单元').waitFor();
    await page.getByTestId('building-tabs').getByRole('tab', { name: '2号楼' }).waitFor();
    await shot(page, 'inventory-board');

    // The legend highlights one status.
    const opacity = (code) => cell(code).evaluate((el) => Number(getComputedStyle(el).opacity));
    await page.getByTestId('board-count-pledged').click();
    await page.waitForFunction(() => Number(getComputedStyle(document.querySelector('[data-testid="board-cell-1-1-101"]')).opacity) < 0.5);
    assert.equal(await opacity('1-1-601'), 1);
    await shot(page, 'inventory-board-highlight');
    await page.getByTestId('board-count-pledged').click();
    await page.waitForFunction(() => Number(getComputedStyle(document.querySelector('[data-testid="board-cell-1-1-101"]')).opacity) === 1);
  });

  it('follows a status change made elsewhere without reloading the page', kStep, async () => {
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const revision = await page.getByTestId('sales-board').getAttribute('data-revision');
    await setStatus('1-1-501', 'pledged');
    await cellStatus('1-1-501', 'pledged');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    assert.notEqual(await page.getByTestId('sales-board').getAttribute('data-revision'), revision);
    assert.equal(await count('pledged'), 2);
    assert.equal(await count('available'), 19);
    await shot(page, 'inventory-board-live');
  });

  it('shows a sale made on another screen within a second, without reloading (server-sent events)', kStep, async () => {
    // The second screen: another session on the same board, as a colleague's browser would be.
    const other = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' });
    try {
      const watcher = await other.newPage();
      await signIn(watcher);
      await watcher.goto(page.url());
      await watcher.locator('[data-testid="board-cell-1-1-302"][data-status="available"]').waitFor();
      await watcher.evaluate(() => {
        window.__sameDocument = true;
      });
      // Polling alone would take up to 4 s: the answer must come from the event.
      await watcher.waitForTimeout(300);
      const buyer = await api('POST', '/customers', { name: personName(), phone: mobile() });
      assert.equal(buyer.status, 201, JSON.stringify(buyer.body));
      const unit = (await unitsByCode()).get('1-1-302');
      const sold = Date.now();
      const subscription = await api('POST', '/subscriptions', { unit_id: unit.id, buyers: [{ customer_id: buyer.body.id, share: 1 }], price_cents: 300000000 });
      assert.equal(subscription.status, 201, JSON.stringify(subscription.body));
      await watcher.locator('[data-testid="board-cell-1-1-302"][data-status="subscribed"]').waitFor({ timeout: 3_000 });
      const seenAfter = Date.now() - sold;
      assert.ok(seenAfter < 1_500, `the other screen showed the sale after ${seenAfter} ms`);
      assert.equal(await watcher.evaluate(() => window.__sameDocument), true, 'the other page was not reloaded');
      await cellStatus('1-1-302', 'subscribed');
      await shot(watcher, 'inventory-board-live-other-screen');
    } finally {
      await other.close();
    }
  });

  it('stops polling while the browser tab is hidden and catches up when it is shown', kStep, async () => {
    let boardCalls = 0;
    const onRequest = (request) => {
      if (request.url().includes(`/projects/${projectId}/board`)) boardCalls += 1;
    };
    page.on('request', onRequest);
    try {
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await page.waitForTimeout(500);
      boardCalls = 0;
      await setStatus('1-1-502', 'subscribed');
      await page.waitForTimeout(9_000);
      assert.equal(boardCalls, 0, 'no polls while hidden');
      assert.equal(await cell('1-1-502').getAttribute('data-status'), 'available');

      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      // Shown again: it reads the board at once rather than at the next tick.
      await page.locator('[data-testid="board-cell-1-1-502"][data-status="subscribed"]').waitFor({ timeout: 2_500 });
      assert.ok(boardCalls >= 1);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('opens a unit from the board and moves it along the pipeline', kStep, async () => {
    await cell('1-1-401').click();
    await page.waitForURL(/\/units\/\d+$/);
    unitId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('unit-code').getByText('1-1-401').waitFor();
    await page.getByTestId('unit-status').getByText('待售').waitFor();
    await page.getByTestId('fact-area').getByText('98.5 m²').waitFor();
    await page.getByTestId('fact-price').getByText('¥2,980,000').waitFor();
    await page.getByTestId('fact-layout').getByText('3室2厅2卫').waitFor();
    await page.getByTestId('fact-decoration').getByText('毛坯').waitFor();
    // The frame's breadcrumb and menu place the unit under 房源 › 楼盘.
    await page.locator('.ant-layout-header .ant-breadcrumb').getByText('楼盘').waitFor();

    for (const [to, label] of [
      ['pledged', '认筹'],
      ['subscribed', '认购'],
    ]) {
      await page.getByTestId(`status-to-${to}`).click();
      const answered = page.waitForResponse((r) => r.url().endsWith(`/units/${unitId}`) && r.request().method() === 'PATCH');
      await confirmPopup('confirm-status');
      const response = await answered;
      assert.equal(response.status(), 200);
      assert.ok(response.request().headers()['if-match'], 'sent with If-Match');
      await page.getByTestId('unit-status').getByText(label).waitFor();
    }
    const history = page.getByTestId('unit-history');
    await history.getByText('待售 → 认筹').waitFor();
    await history.getByText('认筹 → 认购').waitFor();
    await page.getByTestId('status-to-contracted').waitFor();
    await page.getByTestId('status-to-available').waitFor();
    await shot(page, 'inventory-unit-status');
  });

  it('explains in Chinese when a move is no longer allowed', kStep, async () => {
    // Someone else signs the contract meanwhile; this page still shows 认购.
    await setStatus('1-1-401', 'contracted');
    await page.getByTestId('status-to-available').click();
    const answered = page.waitForResponse((r) => r.url().endsWith(`/units/${unitId}`) && r.request().method() === 'PATCH');
    await confirmPopup('confirm-status');
    const response = await answered;
    assert.equal(response.status(), 409);
    assert.equal((await response.json()).error.code, 'invalid_transition');
    await page.getByTestId('unit-status-error').getByText('不能变更：房源当前状态为「签约」，不能变为「待售」').waitFor();
    await page.getByTestId('unit-status').getByText('签约').waitFor();
    await page.getByTestId('status-to-delivered').waitFor();
    assert.equal(await page.getByTestId('status-to-available').count(), 0);
    await shot(page, 'inventory-unit-invalid');
  });

  it('adds owners with shares, refuses more than 100% in Chinese, and removes one', kStep, async () => {
    for (let i = 0; i < 2; i += 1) {
      const phone = mobile();
      const made = await api('POST', '/customers', { name: personName(), phone, city: '杭州' });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      owners.push({ id: made.body.id, name: made.body.name, phone });
    }
    const addOwner = async (owner, share) => {
      await page.getByTestId('add-owner').click();
      const dialog = modal(page, '添加业主');
      await dialog.waitFor();
      const picker = dialog.getByLabel('业主', { exact: true });
      await picker.click();
      await picker.fill(owner.phone);
      await page.getByTestId(`picker-option-${owner.id}`).click();
      await dialog.getByLabel('份额').fill(share);
      const answered = page.waitForResponse((r) => r.url().endsWith(`/units/${unitId}/owners`));
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      return { dialog, response: await answered };
    };

    const first = await addOwner(owners[0], '60');
    assert.equal(first.response.status(), 201);
    await modalClosed(page);
    await page.getByTestId(`owner-link-${owners[0].id}`).getByText(owners[0].name).waitFor();
    await page.getByTestId('owner-total').getByText('份额合计 60%').waitFor();
    // The refused move of the step before is no longer news.
    assert.equal(await page.getByTestId('unit-status-error').count(), 0);

    const second = await addOwner(owners[1], '50');
    assert.equal(second.response.status(), 422);
    const shareItem = second.dialog.locator('.ant-form-item').filter({ has: page.getByLabel('份额') });
    await shareItem.getByText('各业主份额合计不能超过 100%').waitFor();
    await shot(page, 'inventory-owner-error');
    await second.dialog.getByLabel('份额').fill('40');
    const retried = page.waitForResponse((r) => r.url().endsWith(`/units/${unitId}/owners`));
    await second.dialog.getByRole('button', { name: /保\s*存/ }).click();
    assert.equal((await retried).status(), 201);
    await modalClosed(page);
    await page.getByTestId(`owner-link-${owners[1].id}`).waitFor();
    await page.getByTestId('owner-total').getByText('份额合计 100%').waitFor();
    await page.getByTestId('unit-history').getByText(/业主 .*（份额 40%）/).waitFor();
    await shot(page, 'inventory-unit');

    await page.getByTestId(`remove-owner-${owners[1].id}`).click();
    const removed = page.waitForResponse((r) => r.url().endsWith(`/units/${unitId}/owners/${owners[1].id}`));
    await confirmPopup('confirm-remove-owner');
    assert.equal((await removed).status(), 200);
    await page.getByTestId(`owner-link-${owners[1].id}`).waitFor({ state: 'detached' });
    await page.getByTestId('owner-total').getByText('份额合计 60%').waitFor();
  });

  it("lists the unit on the owner's customer page, and an honest empty tickets tab", kStep, async () => {
    await page.getByTestId(`owner-link-${owners[0].id}`).click();
    await page.waitForURL(`**/customers/${owners[0].id}`);
    await page.getByRole('tab', { name: '房产' }).click();
    const units = page.getByTestId('customer-units');
    const row = units.locator('.ant-table-row', { hasText: '1-1-401' });
    await row.waitFor();
    await row.getByText(projectName).waitFor();
    await row.getByText('60%').waitFor();
    await row.getByText('签约').waitFor();
    await row.getByText('¥2,980,000').waitFor();
    await shot(page, 'inventory-customer-units');

    await page.getByRole('tab', { name: '工单' }).click();
    const tickets = page.getByTestId('customer-tickets');
    // The owner has no tickets yet (the service-centre tests open some).
    await tickets.getByText('暂无工单记录').waitFor();
    assert.equal(await tickets.locator('[data-testid^="customer-ticket-"]').count(), 0);
    await shot(page, 'inventory-customer-tickets');

    await page.getByRole('tab', { name: '房产' }).click();
    await page.getByTestId(`customer-unit-${unitId}`).click();
    await page.waitForURL(`**/units/${unitId}`);
    await page.getByTestId('unit-code').getByText('1-1-401').waitFor();
    // The second owner, removed, owns nothing.
    await page.goto(`/customers/${owners[1].id}`);
    await page.getByRole('tab', { name: '房产' }).click();
    await page.getByTestId('customer-units').getByText('该客户名下暂无房产').waitFor();
  });

  it('shows a viewer the board and units but no way to change them', kStep, async () => {
    const username = `e2e_viewer_${suffix}`;
    const password = `E2e-viewer-${suffix}`;
    const made = await api('POST', '/users', {
      username,
      password,
      display_name: `只读${suffix}`,
      roles: ['viewer'],
      org_unit_id: (await api('GET', `/projects/${projectId}`)).body.org_unit_id,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const second = await launch();
    try {
      const p = second.page;
      p.on('pageerror', (err) => pageErrors.push(String(err)));
      await logIn(p, username, password);
      await p.goto('/projects');
      await p.getByTestId('project-table').locator('.ant-table-row', { hasText: projectName }).click();
      await p.getByTestId('board-cell-1-1-401').waitFor();
      assert.equal(await p.getByTestId('bulk-units').count(), 0);
      await p.getByTestId('board-cell-1-1-401').click();
      await p.getByTestId('unit-status').getByText('签约').waitFor();
      await p.getByTestId('unit-owners').getByText(owners[0].name).waitFor();
      assert.equal(await p.getByTestId('status-to-delivered').count(), 0);
      assert.equal(await p.getByTestId('add-owner').count(), 0);
      await p.goto('/projects');
      await p.getByTestId('project-table').locator('.ant-table-row').first().waitFor();
      assert.equal(await p.getByTestId('new-project').count(), 0);
    } finally {
      await second.browser.close();
    }
  });

  it('speaks English too', kStep, async () => {
    await page.goto(`/projects/${projectId}?building=1`);
    await cell('1-1-401').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('building-tabs').getByRole('tab', { name: 'Building 1' }).waitFor();
    await page.getByTestId('board-legend').getByText('Available', { exact: true }).waitFor();
    await page.getByTestId('sales-board').getByText('Entrance 2').waitFor();
    await shot(page, 'inventory-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('building-tabs').getByRole('tab', { name: '1号楼' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
