// End-to-end browser tests of the web app against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/
// Steps run in order and share one browser page: each builds on the one before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adminPassword, assertFitsPhone, chooseOption, chooseTree, kPhone, launch, modal, modalClosed, openMenu, pageApi, requireEnvironment, sessionCookies, shot, runSuffix } from './support.mjs';

const suffix = runSuffix();
const regionName = `E2E华东区域-${suffix}`;
const cityName = `E2E杭州城市公司-${suffix}`;
const username = `e2e_${suffix}`;
const displayName = `测试顾问${suffix}`;
const kStep = { timeout: 90_000 };

describe('Hearth web app', { concurrency: false }, () => {
  let browser;
  let page;
  const pageErrors = [];

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the login page and rejects a wrong password', kStep, async () => {
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByText('Hearth 客户关系管理').first().waitFor();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await shot(page, 'login');

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(`wrong-${suffix}`);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误').waitFor();
    await shot(page, 'login-error');
    assert.match(page.url(), /\/login$/);
  });

  it('logs in as admin and shows the home page with real figures', kStep, async () => {
    await page.getByLabel('密码').fill(adminPassword);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const welcome = page.getByTestId('welcome-card');
    await welcome.getByText(/您好/).waitFor();
    // The session is an HttpOnly SameSite=Strict cookie the page's scripts cannot read.
    const cookies = await sessionCookies(page);
    assert.ok(cookies.hearth_session, 'the session cookie is set');
    assert.equal(cookies.hearth_session.httpOnly, true);
    assert.equal(cookies.hearth_session.sameSite, 'Strict');
    assert.equal(cookies.hearth_csrf.httpOnly, false);
    assert.equal(cookies.hearth_device.httpOnly, true, 'the device id (login throttle) is HttpOnly too');
    assert.equal(await page.evaluate(() => document.cookie.includes('hearth_session')), false, 'scripts cannot read it');
    assert.equal(await page.evaluate(() => localStorage.getItem('hearth.token')), null, 'no token in storage');
    // The figures come from the list endpoints: wait until both show a number.
    await page.getByTestId('figure-org-units').locator('.ant-statistic-content-value').waitFor();
    await page.getByTestId('figure-users').locator('.ant-statistic-content-value').waitFor();
    const users = await page.getByTestId('figure-users').locator('.ant-statistic-content-value').innerText();
    assert.match(users, /^\d+$/, 'user count is a number');
    assert.ok(Number(users) >= 1);
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    await shot(page, 'home');
  });

  it('creates a region under the group and a city under the region', kStep, async () => {
    const listed = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/org-units');
    await openMenu(page, '组织架构');
    await page.waitForURL('**/admin/org-units');
    await listed;
    const table = page.getByTestId('org-unit-table');
    await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await table.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();

    // A fresh database may have no group yet: make one first.
    const groupRow = table.locator('.ant-table-row').filter({ has: page.locator('.ant-tag', { hasText: /^集团$/ }) }).first();
    let groupName;
    if ((await groupRow.count()) === 0) {
      groupName = `E2E集团-${suffix}`;
      await page.getByTestId('new-org-unit').click();
      const dialog = modal(page, '新建组织');
      await dialog.getByLabel('组织名称', { exact: true }).fill(groupName);
      await dialog.getByRole('button', { name: /创\s*建/ }).click();
      await modalClosed(page);
      await table.getByText(groupName, { exact: true }).waitFor();
    } else {
      groupName = (await groupRow.locator('td').first().innerText()).trim();
    }
    await shot(page, 'org-units');

    // Region, through the 新建组织 button with the parent and kind chosen by hand.
    await page.getByTestId('new-org-unit').click();
    const dialog = modal(page, '新建组织');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByText('请输入组织名称').waitFor(); // client-side check before any call
    await dialog.getByLabel('组织名称', { exact: true }).fill(regionName);
    await chooseTree(page, dialog, '上级组织', groupName);
    await chooseOption(page, dialog, '组织类型', '区域');
    await shot(page, 'org-unit-modal');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await modalClosed(page);
    const regionRow = table.locator('.ant-table-row').filter({ hasText: regionName });
    await regionRow.waitFor();
    assert.match(await regionRow.innerText(), /区域/);

    // City, through the region row's 新建下级 action: parent and kind come prefilled.
    await regionRow.getByRole('button', { name: /新建下级/ }).click();
    const child = modal(page, '新建组织');
    await child.waitFor();
    assert.match(await child.locator('.ant-select').filter({ hasText: regionName }).innerText(), new RegExp(regionName));
    await child.getByText('城市公司').waitFor();
    await child.getByLabel('组织名称', { exact: true }).fill(cityName);
    await child.getByRole('button', { name: /创\s*建/ }).click();
    await modalClosed(page);
    const cityRow = table.locator('.ant-table-row').filter({ hasText: cityName });
    await cityRow.waitFor();
    assert.match(await cityRow.innerText(), /城市公司/);

    // Rename the region: PATCH with If-Match.
    const renamed = `${regionName}（已改名）`;
    await regionRow.getByRole('button', { name: /重命名/ }).click();
    const rename = modal(page, '修改组织名称');
    await rename.waitFor();
    await rename.getByLabel('组织名称', { exact: true }).fill(renamed);
    await shot(page, 'org-unit-rename-modal');
    await rename.getByRole('button', { name: /保\s*存/ }).click();
    await modalClosed(page);
    await table.locator('.ant-table-row').filter({ hasText: renamed }).waitFor();
    await shot(page, 'org-units-created');
  });

  it('creates a user in the new city company and edits them', kStep, async () => {
    await openMenu(page, '用户');
    await page.waitForURL('**/admin/users');
    const table = page.getByTestId('user-table');
    await table.getByText('admin', { exact: true }).first().waitFor();
    await shot(page, 'users');

    await page.getByTestId('new-user').click();
    const dialog = modal(page, '新建用户');
    await dialog.waitFor();
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill(displayName);
    await dialog.getByLabel('密码').fill(`E2e-pass-${suffix}`);
    await chooseOption(page, dialog, '角色', '置业顾问');
    await chooseOption(page, dialog, '角色', '客服专员');
    await page.keyboard.press('Escape');
    await chooseTree(page, dialog, '所属组织', cityName);
    await shot(page, 'user-modal');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await modalClosed(page);
    const row = table.locator('.ant-table-row').filter({ hasText: username });
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, new RegExp(displayName));
    assert.match(text, /置业顾问/);
    assert.match(text, /客服专员/);
    assert.match(text, new RegExp(cityName));

    // Edit: PATCH with If-Match; the row shows the new name.
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = modal(page, '编辑用户');
    await edit.waitFor();
    await edit.getByLabel('姓名').fill(`${displayName}（已编辑）`);
    await shot(page, 'user-edit-modal');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await modalClosed(page);
    await table.locator('.ant-table-row').filter({ hasText: `${displayName}（已编辑）` }).waitFor();
  });

  it('shows a locked account and unlocks it', kStep, async () => {
    // Locked as ten failed logins would lock it (the lock-out itself has its API test).
    const found = await pageApi(page, 'GET', `/users?q=${username}`);
    const user = found.body.items.find((u) => u.username === username);
    const locked = await pageApi(page, 'PATCH', `/users/${user.id}`, { locked: true }, { 'If-Match': String(user.version) });
    assert.equal(locked.status, 200, JSON.stringify(locked.body));
    await page.reload();
    const row = page.getByTestId('user-table').locator('.ant-table-row').filter({ hasText: username });
    await row.getByTestId('user-locked').waitFor();
    await shot(page, 'user-locked');
    await row.getByTestId('user-unlock').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.getByTestId('user-locked').waitFor({ state: 'detached' });
    const after = await pageApi(page, 'GET', `/users/${user.id}`);
    assert.equal(after.body.locked, false);
  });

  it('holds a name back after five wrong passwords and says for how long, on a phone', kStep, async () => {
    // A browser that never signed in as this person: the account's back-off holds it (SECURITY.md).
    const fresh = await browser.newContext({ baseURL: new URL(page.url()).origin, viewport: { width: 390, height: 844 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const phone = await fresh.newPage();
    await phone.goto('/login');
    const attempt = async (password) => {
      await phone.getByLabel('用户名').fill(username);
      await phone.getByLabel('密码').fill(password);
      const answered = phone.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login');
      await phone.getByRole('button', { name: /登\s*录/ }).click();
      return (await answered).status();
    };
    for (let i = 0; i < 5; i++) assert.equal(await attempt(`wrong-${i}-${suffix}`), 401);
    assert.equal(await attempt(`E2e-pass-${suffix}`), 429, 'even the right password waits');
    await phone.getByText('登录尝试过多，请 1 分钟后再试').waitFor();
    await shot(phone, 'login-held-back');
    await fresh.close();
  });

  it('switches to English and back', kStep, async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    await page.locator('.ant-layout-sider').getByText('Users', { exact: true }).waitFor();
    await page.getByRole('button', { name: /New user/ }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('hearth.lang')), 'en');
    await shot(page, 'english');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: /退出登录/ }).waitFor();
    await page.getByRole('button', { name: /新建用户/ }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('hearth.lang')), 'zh-CN');
  });

  it('shows the audit entries of what was just created, in words', kStep, async () => {
    await openMenu(page, '审计日志');
    await page.waitForURL('**/admin/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('.ant-table-row').first().waitFor();
    await table.getByText('创建组织').first().waitFor();
    await table.getByText('创建用户').first().waitFor();
    // Actions in words, never the codes the server records.
    assert.equal(await table.getByText('org_unit.created').count(), 0);
    assert.equal(await table.getByText('user.created').count(), 0);
    await shot(page, 'audit');

    // Newest first: the first 创建用户 row is ours; its "after" names the user, field by field.
    const userRow = table.locator('.ant-table-row').filter({ hasText: '创建用户' }).first();
    await userRow.locator('.ant-table-row-expand-icon').click();
    const afterPane = table.getByTestId('audit-after').first();
    await afterPane.waitFor();
    const afterText = await afterPane.innerText();
    assert.match(afterText, new RegExp(username));
    assert.match(afterText, /用户名/);
    assert.doesNotMatch(afterText, /[{}"]/, 'field lines, not JSON');
    await shot(page, 'audit-expanded');
    await userRow.locator('.ant-table-row-expand-icon').click();

    // Filter by action in words: only 创建组织 rows, and our city and region are among them.
    await chooseAuditAction(page, '创建组织', 'org_unit.created');
    const actions = await table.locator('.ant-table-row td:nth-child(4)').allInnerTexts();
    assert.ok(actions.length >= 2);
    for (const action of actions) assert.match(action, /创建组织/);
    const rows = table.locator('.ant-table-row');
    const found = [];
    for (let i = 0; i < Math.min(2, await rows.count()); i += 1) {
      await rows.nth(i).locator('.ant-table-row-expand-icon').click();
      found.push(await table.getByTestId('audit-after').last().innerText());
      await rows.nth(i).locator('.ant-table-row-expand-icon').click();
    }
    assert.ok(found.some((text) => text.includes(cityName)), 'city creation is audited');
    assert.ok(found.some((text) => text.includes(regionName)), 'region creation is audited');

    // Three customers opened one after another: the server writes the burst of reads as one
    // entry; the row says how many, and its reads name each customer.
    const names = [1, 2, 3].map((i) => `审计读者${i}${suffix}`);
    for (const [i, name] of names.entries()) {
      const created = await pageApi(page, 'POST', '/customers', { name, phone: `139${String(Date.now() + i).slice(-8)}` });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal((await pageApi(page, 'GET', `/customers/${created.body.id}`)).status, 200);
    }
    await chooseAuditAction(page, '查看个人信息', 'personal_data.viewed');
    const viewed = table.locator('.ant-table-row').first();
    // (× 3 or more: earlier steps and suites on this server may have opened customers as the admin too.)
    const times = Number((await viewed.innerText()).match(/查看个人信息 × (\d+)/)?.[1] ?? 0);
    assert.ok(times >= 3, `a row of the reads, × ${times}`);
    await viewed.locator('.ant-table-row-expand-icon').click();
    const group = table.getByTestId('audit-group');
    await group.waitFor();
    for (const name of names) await group.getByRole('link', { name }).waitFor();
    await shot(page, 'audit-reads');
    // At phone width the table scrolls inside its card; the page does not.
    await page.setViewportSize(kPhone);
    await assertFitsPhone(page, 'the audit log');
    await shot(page, 'audit-reads-phone');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('logs out and is sent back to the login page', kStep, async () => {
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
    const left = await sessionCookies(page);
    assert.deepEqual(Object.keys(left), ['hearth_device'], 'both session cookies are gone; the device id stays');
    assert.equal(left.hearth_device.httpOnly, true);
    assert.equal(left.hearth_device.path, '/api/v1/auth/login', 'sent only to the login');
    await page.goto('/admin/users');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});

/** Picks the action `words` in the audit log's 操作类型 filter and waits for the list filtered by `code`. */
async function chooseAuditAction(page, words, code) {
  const answered = page.waitForResponse(
    (response) => response.url().includes('/api/v1/audit-log') && response.url().includes(`action=${encodeURIComponent(code)}`),
  );
  const input = page.getByLabel('操作类型', { exact: true });
  await input.click();
  await input.fill(words);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: words }).first().click();
  await answered;
  await page.locator('.ant-table-row').first().waitFor();
  // The rows read before stay until the new ones come.
  await page.waitForFunction(
    (text) => [...document.querySelectorAll('[data-testid="audit-table"] .ant-table-row td:nth-child(4)')].every((td) => td.innerText.includes(text)),
    words,
  );
}
