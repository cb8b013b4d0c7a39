// End-to-end browser tests of the service centre's administration (系统管理): ticket categories,
// routing rules, SLA policies and the business calendar, against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/service-admin.test.mjs
// Works on a fresh database with only the admin; everything it adds it removes again, or names
// uniquely, and calendar changes land years ahead so no ticket's deadline moves.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launch, modal, modalClosed, openMenu, requireEnvironment, runSuffix, shot, signIn } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();

describe('Service centre administration', { concurrency: false }, () => {
  let browser;
  let page;
  const pageErrors = [];

  const confirmPopover = async () => {
    await page.locator('.ant-popconfirm').filter({ visible: true }).getByRole('button', { name: /确\s*定|删\s*除/ }).last().click();
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
  });

  it('adds a category with a warranty type, a subcategory, and retires it', kStep, async () => {
    await signIn(page);

    await openMenu(page, '工单分类');
    await page.waitForURL('**/admin/ticket-categories');
    const table = page.getByTestId('category-table');
    await table.locator('tbody tr').first().waitFor();

    const name = `强电弱电${suffix}`;
    await page.getByTestId('new-category').click();
    let dialog = modal(page, '新建工单分类');
    await dialog.waitFor();
    await dialog.getByTestId('category-name').fill(name);
    await chooseOption(page, dialog, '保修类型', '电气管线');
    await shot(page, 'service-admin-category-modal');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await modalClosed(page);
    const row = table.locator('tr', { hasText: name });
    await row.getByText('电气管线').waitFor();

    await row.getByRole('button', { name: '添加子分类' }).click();
    dialog = modal(page, '新建工单分类');
    await dialog.waitFor();
    await dialog.getByTestId('category-name').fill(`插座无电${suffix}`);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await modalClosed(page);
    const child = table.locator('tr', { hasText: `插座无电${suffix}` });
    await child.waitFor();

    await child.getByRole('button', { name: /停\s*用/ }).click();
    await child.locator('.ant-tag', { hasText: '停用' }).waitFor();
    await child.getByRole('button', { name: /启\s*用/ }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'service-admin-categories');
  });

  it('adds a routing rule and deletes it', kStep, async () => {
    await openMenu(page, '分派规则');
    await page.waitForURL('**/admin/routing-rules');
    const table = page.getByTestId('rule-table');
    const name = `电梯投诉归物业${suffix}`;
    await page.getByTestId('new-rule').click();
    const dialog = modal(page, '新建分派规则');
    await dialog.waitFor();
    await dialog.getByTestId('rule-name').fill(name);
    await chooseOption(page, dialog, '类型', '投诉');
    await chooseOption(page, dialog, '等级', '热点');
    await chooseOption(page, dialog, '责任部门', '物业');
    await shot(page, 'service-admin-rule-modal');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/routing-rules') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    assert.equal((await created).status(), 201);
    await modalClosed(page);
    const row = table.locator('tr', { hasText: name });
    await row.getByText('类型：投诉').waitFor();
    await row.getByText('等级：热点').waitFor();
    await row.getByText('物业', { exact: true }).waitFor();
    await shot(page, 'service-admin-rules');

    const deleted = page.waitForResponse((r) => /\/routing-rules\/\d+$/.test(r.url()) && r.request().method() === 'DELETE');
    await row.getByRole('button', { name: /删\s*除/ }).click();
    await confirmPopover();
    assert.equal((await deleted).status(), 204);
    await row.waitFor({ state: 'detached' });
  });

  it('adds an SLA policy in working hours and deletes it', kStep, async () => {
    await openMenu(page, 'SLA 策略');
    await page.waitForURL('**/admin/sla-policies');
    const table = page.getByTestId('sla-table');
    const name = `重大投诉${suffix}`;
    await page.getByTestId('new-sla').click();
    const dialog = modal(page, '新建 SLA 策略');
    await dialog.waitFor();
    await dialog.getByTestId('sla-name').fill(name);
    await chooseOption(page, dialog, '等级', '重大');
    await dialog.getByTestId('sla-response').fill('2');
    await dialog.getByTestId('sla-resolve').fill('16');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/sla-policies') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const response = await created;
    assert.equal(response.status(), 201);
    const body = await response.json();
    assert.equal(body.response_minutes, 120);
    assert.equal(body.resolve_minutes, 960);
    await modalClosed(page);
    const row = table.locator('tr', { hasText: name });
    await row.getByText('2 工作小时').waitFor();
    await row.getByText('16 工作小时').waitFor();
    await shot(page, 'service-admin-sla');

    const deleted = page.waitForResponse((r) => /\/sla-policies\/\d+$/.test(r.url()) && r.request().method() === 'DELETE');
    await row.getByRole('button', { name: /删\s*除/ }).click();
    await confirmPopover();
    assert.equal((await deleted).status(), 204);
    await row.waitFor({ state: 'detached' });
  });

  it('marks a holiday and a make-up day on the calendar, then clears them', kStep, async () => {
    await openMenu(page, '工作日历');
    await page.waitForURL('**/admin/calendar');
    await page.getByTestId('year-calendar').waitFor();
    const thisYear = Number(await page.getByTestId('calendar-year').textContent());
    await shot(page, 'service-admin-calendar');

    // Years ahead, so no open ticket's deadline moves.
    for (let i = 0; i < 3; i += 1) await page.getByTestId('year-next').click();
    const year = thisYear + 3;
    await page.getByTestId('calendar-year').getByText(String(year)).waitFor();
    const wednesday = [...Array(7)].map((_, i) => new Date(Date.UTC(year, 5, 10 + i))).find((d) => d.getUTCDay() === 3).toISOString().slice(0, 10);
    const saturday = [...Array(7)].map((_, i) => new Date(Date.UTC(year, 5, 10 + i))).find((d) => d.getUTCDay() === 6).toISOString().slice(0, 10);

    await page.getByTestId(`day-${wednesday}`).click();
    let dialog = page.getByTestId('calendar-day-modal');
    await dialog.getByText('按常规：工作日').waitFor();
    await dialog.getByText('设为节假日').click();
    await dialog.getByTestId('day-name').fill('端午节');
    await dialog.getByTestId('day-save').click();
    await page.locator(`[data-testid="day-${wednesday}"][data-kind="holiday"]`).waitFor();
    await modalClosed(page);

    await page.getByTestId(`day-${saturday}`).click();
    dialog = page.getByTestId('calendar-day-modal');
    await dialog.getByText('按常规：周末休息').waitFor();
    await dialog.getByText('设为调休上班').click();
    await dialog.getByTestId('day-name').fill('端午节调休上班');
    await dialog.getByTestId('day-save').click();
    await page.locator(`[data-testid="day-${saturday}"][data-kind="makeup"]`).waitFor();
    await modalClosed(page);
    await page.getByText(`${year} 年：1 天节假日，1 天调休上班`).waitFor();
    await page.getByTestId(`day-${wednesday}`).scrollIntoViewIfNeeded();
    await shot(page, 'service-admin-calendar-marked');

    for (const day of [wednesday, saturday]) {
      await page.getByTestId(`day-${day}`).click();
      await page.getByTestId('day-clear').click();
      await page.locator(`[data-testid="day-${day}"][data-kind="${day === wednesday ? 'workday' : 'weekend'}"]`).waitFor();
      await modalClosed(page);
    }
  });

  it('sets the working hours and puts them back', kStep, async () => {
    const start = page.getByTestId('day-start');
    const before = await start.inputValue();
    await start.fill('8:30');
    await page.getByTestId('save-hours').click();
    await page.getByText('格式为 HH:MM').waitFor();
    await start.fill('08:30');
    let saved = page.waitForResponse((r) => r.url().endsWith('/calendars/CN') && r.request().method() === 'PATCH');
    await page.getByTestId('save-hours').click();
    assert.equal((await saved).status(), 200);
    await page.getByText('每个工作日 9.5 小时').waitFor();
    await start.fill(before);
    saved = page.waitForResponse((r) => r.url().endsWith('/calendars/CN') && r.request().method() === 'PATCH');
    await page.getByTestId('save-hours').click();
    assert.equal((await saved).status(), 200);
    assert.deepEqual(pageErrors, []);
  });
});
