// End-to-end browser tests of 群诉预警 (mass complaint alerts) and 工单报表 (ticket reports) against a
// running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/service-reports.test.mjs
// Steps run in order and share one browser page. The run makes the project, units, customer,
// category and tickets it needs, so it works on a fresh database with only the admin. It sets the
// group's alert rule to 3 tickets in 48 hours and leaves it so.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launch, modal, modalClosed, openMenu, pageApi, randomDigits, requireEnvironment, runSuffix, shot, signIn, pickOption } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const digits = randomDigits;
const projectName = `澜岸府${suffix}`;
const categoryName = `渗漏${suffix}`;

/** Today in Beijing as [year, month (1–12), day]. */
function beijingToday() {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-').map(Number);
  return [year, month, day];
}
const pad = (n) => String(n).padStart(2, '0');

describe('Mass complaint alerts and ticket reports', { concurrency: false }, () => {
  let browser;
  let page;
  let projectId;
  let alertId;
  const ticketIds = [];
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
  });

  it('signs in and sets the alert rule on the board', kStep, async () => {
    await signIn(page);

    await openMenu(page, '群诉预警');
    await page.waitForURL('**/mass-alerts');
    const settings = page.getByTestId('mass-settings');
    await settings.getByText('张工单即预警').waitFor();
    const hours = settings.getByLabel('时间窗口（小时）');
    await page.waitForFunction(() => document.querySelector('[aria-label="时间窗口（小时）"]')?.value !== '');
    await hours.fill('48');
    await settings.getByLabel('工单数阈值').fill('3');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/service-settings') && r.request().method() === 'PUT');
    await settings.getByTestId('mass-settings-save').click();
    assert.equal((await saved).status(), 200);
    const now = await api('GET', '/service-settings');
    assert.deepEqual(now.body, { mass_threshold: 3, mass_window_hours: 48 });
  });

  it('raises an alert when three tickets of one category come from one building', kStep, async () => {
    const project = await api('POST', '/projects', { name: projectName, city: '宁波', address: '鄞州区天童南路 88 号', completion_date: '2025-03-31' });
    assert.equal(project.status, 201, JSON.stringify(project.body));
    projectId = project.body.id;
    const units = await api('POST', `/projects/${projectId}/units/bulk`, {
      building: '5',
      entrance: '1',
      floor_from: 1,
      floor_to: 3,
      decoration: 'finished',
      rooms: [{ suffix: '01', layout: '3室2厅2卫', area_m2: 126, list_price_cents: 320_000_000 }],
    });
    assert.equal(units.status, 201, JSON.stringify(units.body));
    const top = await api('POST', '/ticket-categories', { name: categoryName });
    assert.equal(top.status, 201, JSON.stringify(top.body));
    const child = await api('POST', '/ticket-categories', { name: `卫生间渗漏${suffix}`, parent_id: top.body.id, warranty: 'waterproofing' });
    assert.equal(child.status, 201, JSON.stringify(child.body));

    for (const [index, unit] of units.body.items.entries()) {
      const customer = await api('POST', '/customers', { name: `业主${'甲乙丙'[index]}${suffix.slice(-3)}`, phone: `137${digits(8)}`, city: '宁波' });
      assert.equal(customer.status, 201, JSON.stringify(customer.body));
      const owner = await api('POST', `/units/${unit.id}/owners`, { customer_id: customer.body.id, share: 1 });
      assert.equal(owner.status, 201, JSON.stringify(owner.body));
      const ticket = await api('POST', '/tickets', {
        kind: 'complaint',
        channel: 'hotline',
        customer_id: customer.body.id,
        unit_id: unit.id,
        category_id: child.body.id,
        title: `${unit.code} 卫生间楼板渗水到楼下 ${suffix}`,
      });
      assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
      ticketIds.push(ticket.body.id);
    }

    const open = await api('GET', '/mass-alerts?status=open&limit=100');
    assert.equal(open.status, 200);
    const alert = open.body.items.find((a) => a.project_id === projectId);
    assert.ok(alert, 'an open alert for the project');
    assert.equal(alert.building, '5');
    assert.equal(alert.category_id, top.body.id);
    assert.deepEqual([...alert.ticket_ids].sort((a, b) => a - b), [...ticketIds].sort((a, b) => a - b));
    alertId = alert.id;

    // The home page counts it and leads to the board.
    await page.goto('/');
    const figure = page.getByTestId('figure-mass-alerts');
    await figure.getByText('待处理群诉预警').waitFor();
    await shot(page, 'mass-alerts-home');
    await figure.click();
    await page.waitForURL('**/mass-alerts');

    const card = page.getByTestId(`mass-alert-${alertId}`);
    await card.getByText(projectName).waitFor();
    await card.getByText('5 栋').waitFor();
    await card.getByText(categoryName).waitFor();
    await card.getByTestId('mass-count').getByText('3 张').waitFor();
    assert.equal((await card.getByTestId('mass-proposed-grade').innerText()).trim(), '热点');
    for (const id of ticketIds) await card.getByTestId(`mass-ticket-${id}`).waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'mass-alerts-board');
  });

  it('confirms the alert as 重大, which grades its tickets, then closes it', kStep, async () => {
    const card = page.getByTestId(`mass-alert-${alertId}`);
    await card.getByTestId(`mass-ack-${alertId}`).click();
    let dialog = modal(page, `确认预警 #${alertId} 并定级`);
    await dialog.waitFor();
    await chooseOption(page, dialog, '工单等级', '重大');
    await dialog.getByLabel('备注').fill('同一单元上下层连续渗漏，工程部牵头排查防水层');
    await shot(page, 'mass-alerts-acknowledge');
    const acknowledged = page.waitForResponse((r) => r.url().endsWith(`/mass-alerts/${alertId}/acknowledge`));
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    const answer = await acknowledged;
    assert.equal(answer.status(), 200);
    assert.equal((await answer.json()).status, 'acknowledged');
    await modalClosed(page);
    await card.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '已确认' }).click();
    await card.getByText('同一单元上下层连续渗漏', { exact: false }).waitFor();
    await card.getByTestId(`mass-ticket-${ticketIds[0]}`).click();
    await page.waitForURL(`**/tickets/${ticketIds[0]}`);
    assert.equal((await page.getByTestId('ticket-grade').innerText()).trim(), '重大');
    await shot(page, 'mass-alerts-ticket-major');
    for (const id of ticketIds) assert.equal((await api('GET', `/tickets/${id}`)).body.grade, 'major');

    await page.goBack();
    await page.waitForURL('**/mass-alerts');
    await page.getByRole('tab', { name: '已确认' }).click();
    await card.getByTestId(`mass-close-${alertId}`).click();
    dialog = modal(page, `关闭预警 #${alertId}`);
    await dialog.waitFor();
    await dialog.getByLabel('备注').fill('防水层已修复，三户均已回访');
    // Someone else closes it first: the refusal (409 invalid_transition) is a sentence, not a code.
    const first = await api('POST', `/mass-alerts/${alertId}/close`, { note: '防水层已修复，三户均已回访' });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const refused = page.waitForResponse((r) => r.url().endsWith(`/mass-alerts/${alertId}/close`));
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    assert.equal((await refused).status(), 409);
    await dialog.getByText('该预警的状态已变化，无法执行此操作，请刷新后重试').waitFor();
    await shot(page, 'mass-alerts-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(page);
    // The board reloaded: the alert has left 已确认.
    await card.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '已关闭' }).click();
    await card.locator('.ant-tag', { hasText: '已关闭' }).waitFor();
    await card.getByText('防水层已修复，三户均已回访').waitFor();
    assert.equal(await card.getByTestId(`mass-close-${alertId}`).count(), 0);
    await shot(page, 'mass-alerts-closed');
  });

  it('reports the month and the half-month of the tickets, with their due dates', kStep, async () => {
    await openMenu(page, '工单报表');
    await page.waitForURL('**/reports/tickets');
    const [year, month, day] = beijingToday();
    const next = month === 12 ? [year + 1, 1] : [year, month + 1];
    const reported = page.waitForResponse((r) => r.url().includes('/api/v1/reports/tickets') && r.url().includes(`project_id=${projectId}`));
    const projectPicker = page.getByLabel('楼盘', { exact: true });
    await projectPicker.click();
    await projectPicker.fill(projectName);
    await pickOption(page, projectName);
    assert.equal((await reported).status(), 200);
    await page.getByTestId('report-total').getByText('3', { exact: true }).waitFor();
    await page.getByTestId('report-due').getByText(`报送截止 ${next[0]}-${pad(next[1])}-03`).waitFor();
    await page.getByTestId('report-kind-complaint').getByText('投诉').waitFor();
    assert.equal((await page.getByTestId('report-grade-major').getByTestId('bar-count').innerText()).trim(), '3');
    await page.getByTestId('report-category').getByText(categoryName).waitFor();
    await shot(page, 'ticket-report-month');

    await page.getByTestId('report-mode').getByText('半月报').click();
    const half = day <= 15 ? 1 : 2;
    await page.getByTestId('report-half').getByText(half === 1 ? '上半月（1–15 日）' : '下半月（16 日–月末）').click();
    const due = half === 1 ? `${year}-${pad(month)}-18` : `${next[0]}-${pad(next[1])}-03`;
    await page.getByTestId('report-due').getByText(`报送截止 ${due}`).waitFor();
    await page.getByTestId('report-total').getByText('3', { exact: true }).waitFor();
    // The other half holds none of them; the first half is due on the 18th.
    await page.getByTestId('report-half').getByText('上半月（1–15 日）').click();
    await page.getByTestId('report-due').getByText(`报送截止 ${year}-${pad(month)}-18`).waitFor();
    if (half === 2) await page.getByTestId('report-total').getByText('0', { exact: true }).waitFor();
    await page.getByTestId('report-half').getByText(half === 1 ? '上半月（1–15 日）' : '下半月（16 日–月末）').click();
    await page.getByTestId('report-total').getByText('3', { exact: true }).waitFor();
    await shot(page, 'ticket-report-half');

    const download = page.waitForEvent('download');
    await page.getByTestId('report-export').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^工单报表-.*\.csv$/);
    const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    assert.ok(text.startsWith('\uFEFF工单报表,'), text.slice(0, 40));
    assert.match(text, /工单总数,3\r\n/);
    assert.deepEqual(pageErrors, []);
  });
});
