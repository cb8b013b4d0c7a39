// End-to-end browser tests of a ticket's warranty, the customer's link (/t/<token>) and the
// notifications bell, against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/ticket-link.test.mjs
// It makes the project, unit, customer, category and ticket it needs, so it works on a fresh
// database with only the admin. Without a test clock no reminder exists, so the bell is empty.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, pageApi, randomDigits, requireEnvironment, runSuffix, sessionCookies, shot, signIn } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const digits = randomDigits;
const title = `卫生间地面渗水 ${suffix}`;

describe('Ticket warranty, customer link and notifications', { concurrency: false }, () => {
  let browser;
  let context;
  let page;
  let ticketId;
  let link;
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  before(async () => {
    requireEnvironment();
    ({ browser, context, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the warranty of a waterproofing ticket', kStep, async () => {
    await signIn(page);

    const project = await api('POST', '/projects', { name: `澜庭${suffix}`, city: '苏州', address: '工业园区星湖街 1 号', completion_date: '2024-06-30' });
    assert.equal(project.status, 201, JSON.stringify(project.body));
    const units = await api('POST', `/projects/${project.body.id}/units/bulk`, {
      building: '2',
      entrance: '1',
      floor_from: 5,
      floor_to: 5,
      decoration: 'finished',
      rooms: [{ suffix: '02', layout: '3室2厅2卫', area_m2: 105, list_price_cents: 280_000_000 }],
    });
    assert.equal(units.status, 201, JSON.stringify(units.body));
    const unitId = units.body.items[0].id;
    const customer = await api('POST', '/customers', { name: '钱语桐', phone: `137${digits(8)}`, city: '苏州' });
    assert.equal(customer.status, 201, JSON.stringify(customer.body));
    const category = await api('POST', '/ticket-categories', { name: `卫生间渗漏${suffix}`, warranty: 'waterproofing' });
    assert.equal(category.status, 201, JSON.stringify(category.body));
    const ticket = await api('POST', '/tickets', {
      kind: 'repair',
      channel: 'hotline',
      customer_id: customer.body.id,
      unit_id: unitId,
      category_id: category.body.id,
      title,
      description: '主卫地漏周边渗水，楼下住户天花板出现水渍。',
    });
    assert.equal(ticket.status, 201, JSON.stringify(ticket.body));
    ticketId = ticket.body.id;

    await page.goto(`/tickets/${ticketId}`);
    const warranty = page.getByTestId('ticket-warranty');
    await warranty.waitFor();
    assert.equal(await warranty.getAttribute('data-in-warranty'), 'true');
    await page.getByTestId('warranty-type').getByText('防水').waitFor();
    await page.getByTestId('warranty-completion').getByText('2024-06-30').waitFor();
    await page.getByTestId('warranty-status').getByText('保修期内（施工单位负责维修）').waitFor();
    assert.equal(await page.getByTestId('ticket-escalated').count(), 0);
  });

  it('makes a customer link to copy, and a new one replaces it', kStep, async () => {
    await page.getByTestId('ticket-share').click();
    const url = page.getByTestId('share-url');
    await page.waitForFunction(() => document.querySelector('[data-testid="share-url"]')?.value.includes('/t/'));
    const first = await url.inputValue();
    assert.match(first, /^http:\/\/[^/]+\/t\/\S+$/);
    await page.getByText('之前发出的链接即失效').waitFor();
    await shot(page, 'ticket-share-modal');
    await page.getByTestId('share-again').click();
    await page.waitForFunction((old) => {
      const value = document.querySelector('[data-testid="share-url"]')?.value;
      return value && value !== old;
    }, first);
    link = new URL(await url.inputValue()).pathname;
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await page.locator('[data-testid="ticket-event"][data-action="shared"]').first().waitFor();
    await page.getByText('生成客户查看链接').first().waitFor();
    await shot(page, 'ticket-warranty');

    // The first link no longer works.
    const stale = await browser.newContext({ baseURL: new URL(first).origin, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    const stalePage = await stale.newPage();
    await stalePage.goto(new URL(first).pathname);
    await stalePage.getByText('链接无效或已失效').waitFor();
    await shot(stalePage, 'ticket-public-invalid');
    await stale.close();
  });

  it("shows the customer the ticket's progress without logging in", kStep, async () => {
    const phone = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, reducedMotion: 'reduce' });
    const customerPage = await phone.newPage();
    customerPage.on('pageerror', (err) => pageErrors.push(String(err)));
    await customerPage.goto(link);
    await customerPage.getByTestId('public-title').getByText(title).waitFor();
    await customerPage.locator('[data-testid="public-status"][data-status="new"]').waitFor();
    assert.equal(await customerPage.getByTestId('public-confirm').count(), 0);
    assert.equal(await customerPage.locator('.ant-layout-sider').count(), 0);
    await shot(customerPage, 'ticket-public-progress');

    // Staff resolve it; the customer confirms and rates it from the link.
    const current = await api('GET', `/tickets/${ticketId}`);
    const resolved = await api('POST', `/tickets/${ticketId}/resolve`, { resolution: '重做地漏周边防水层，闭水试验 48 小时无渗漏。', responsibility: 'contractor' }, { 'If-Match': String(current.body.version) });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    await customerPage.reload();
    await customerPage.locator('[data-testid="public-status"][data-status="resolved"]').waitFor();
    const form = customerPage.getByTestId('public-confirm');
    await form.getByText('确认维修并评价').waitFor();
    await customerPage.getByTestId('public-submit').click();
    await form.getByText('请选择满意度').waitFor();
    await form.locator('.ant-rate-star').nth(3).click();
    await form.getByRole('textbox').fill('师傅很专业，现在不漏了。');
    await shot(customerPage, 'ticket-public-confirm');
    const answered = customerPage.waitForResponse((r) => r.url().endsWith('/confirm'));
    await customerPage.getByTestId('public-submit').click();
    const response = await answered;
    assert.equal(response.status(), 200);
    assert.equal(response.request().headers().authorization, undefined);
    await customerPage.getByText('感谢您的评价').waitFor();
    await customerPage.locator('[data-testid="public-status"][data-status="closed"]').waitFor();
    assert.equal(await customerPage.getByTestId('public-confirm').count(), 0);
    await shot(customerPage, 'ticket-public-closed');
    await phone.close();

    await page.reload();
    await page.locator('[data-testid="ticket-status"][data-status="closed"]').waitFor();
    await page.getByTestId('fact-satisfaction').getByText('4/5').waitFor();
  });

  it('keeps a staff session when a stale link answers 404 in the same browser', kStep, async () => {
    await page.goto('/t/not-a-real-token');
    await page.getByText('链接无效或已失效').waitFor();
    assert.ok((await sessionCookies(page)).hearth_session, 'the staff session is kept');
    await page.goto('/tickets');
    await page.getByTestId('ticket-table').waitFor();
  });

  it('shows an empty notifications bell', kStep, async () => {
    // Other suites may have left notifications (a mass-complaint alert): read them first.
    const unread = await api('GET', '/notifications?unread=true&limit=500');
    for (const n of unread.body.items) await api('POST', `/notifications/${n.id}/read`);
    await page.reload();
    await page.getByTestId('notifications-bell').click();
    await page.getByTestId('notifications-panel').getByText('暂无未读通知').waitFor();
    await shot(page, 'notifications-empty');
    assert.deepEqual(pageErrors, []);
  });
});
