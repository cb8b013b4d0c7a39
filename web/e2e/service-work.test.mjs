// End-to-end browser tests of the service desk as its people use it all day, against a running
// `hearth serve`: names instead of numbers (the queue, the ticket page, the unit's history, the
// customer's timeline and tickets), the queue opening on the open tickets, its search, an agent's
// home (我的工单, 将超时), the customer's appointments, and phone width (390 × 844).
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/service-work.test.mjs
// Steps run in order and share the administrator's page; the agent has a browser context of their
// own. The run makes the project, units, customer, agent and tickets it needs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, kPhone, launch, logIn, ok, openWindow, pageApi, randomDigits, requireEnvironment, runSuffix, shot, signIn } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const phone = `135${randomDigits(8)}`;
const customerName = `欧阳${'晓沐清若'[Math.floor(Math.random() * 4)]}岚`;
const projectName = `澄湖里${suffix}`;
const agentName = `客服专员 陆${suffix.slice(-3)}`;
const agentUsername = `e2e_agent_${suffix}`;
const agentPassword = `E2e-agent-${suffix}-Pass`;
const kUnitCode = '3-1-1101';
/** How a record shown by its number instead of its name looks. */
const kIdPatterns = /客户 #\d|房源 #\d|操作人 #\d|ticket #\d/;

describe('Service desk all day: names, the open queue, search, the agent home, phone width', { concurrency: false }, () => {
  let browser;
  let page;
  let agentContext;
  let agentPage;
  let customerId;
  let unitId;
  let agent;
  let repair;
  let complaint;
  let closed;
  let cancelled;
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);
  const ticket = async (fields) => ok(await api('POST', '/tickets', { channel: 'hotline', customer_id: customerId, unit_id: unitId, ...fields }), 201);
  const act = async (t, action, body) => {
    const current = ok(await api('GET', `/tickets/${t.id}`));
    return ok(await api('POST', `/tickets/${t.id}/${action}`, body, { 'If-Match': String(current.version) }));
  };

  /** The page's text shows no record by its number (客户 #13413, 房源 #127, 操作人 #1, ticket #3004). */
  const assertNamed = async (p, where) => {
    const text = await p.evaluate(() => document.body.innerText);
    assert.doesNotMatch(text, kIdPatterns, `${where} shows a record by its number`);
  };

  /** Opens a tab of the page's (first) tab bar; on a phone the last tabs sit in its 更多 menu. */
  const openTab = async (p, name) => {
    const tab = p.getByRole('tab', { name, exact: true });
    const [box, bar] = await Promise.all([tab.boundingBox(), p.locator('.ant-tabs-nav-wrap').first().boundingBox()]);
    if (box && bar && box.x >= bar.x - 1 && box.x + box.width <= bar.x + bar.width + 1) {
      await tab.click();
    } else {
      // The overflow menu opens on the pointer entering its button, where the pointer may still
      // rest from the last choice: bring the tab bar to the top, move the pointer away, hover,
      // wait for the menu's animation to end, then choose the item with a click event (the menu
      // may still be sliding when a pointer would land).
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.mouse.move(0, 0);
      await p.locator('.ant-tabs-nav-more').first().hover();
      const item = p.locator('.ant-tabs-dropdown:not(.ant-tabs-dropdown-hidden) .ant-tabs-dropdown-menu-item', { hasText: name }).first();
      await item.waitFor({ state: 'visible' });
      await item.dispatchEvent('click');
    }
    await p.locator('.ant-tabs-tab-active', { hasText: name }).first().waitFor();
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await agentContext?.close();
    await browser?.close();
  });

  it('signs in and sets up a customer with a unit, an agent and four tickets', kStep, async () => {
    await signIn(page);
    const project = ok(await api('POST', '/projects', { name: projectName, city: '无锡', address: '滨湖区太湖大道 88 号', completion_date: '2025-10-31' }), 201);
    const units = ok(
      await api('POST', `/projects/${project.id}/units/bulk`, {
        building: '3',
        entrance: '1',
        floor_from: 11,
        floor_to: 11,
        decoration: 'finished',
        rooms: [{ suffix: '01', layout: '3室2厅2卫', area_m2: 126, list_price_cents: 410_000_000 }],
      }),
      201,
    );
    unitId = units.items.find((u) => u.code === kUnitCode).id;
    customerId = ok(await api('POST', '/customers', { name: customerName, phone, city: '无锡' }), 201).id;
    ok(await api('POST', `/units/${unitId}/owners`, { customer_id: customerId, share: 1 }), 201);

    const me = ok(await api('GET', '/me'));
    agent = ok(
      await api('POST', '/users', { username: agentUsername, password: agentPassword, display_name: agentName, roles: ['agent'], org_unit_id: me.org_unit_id }),
      201,
    );

    repair = await ticket({ kind: 'repair', title: `主卧飘窗渗水 ${suffix}`, description: '业主来电：下雨后主卧飘窗台面有积水。' });
    repair = await act(repair, 'assign', { department: 'customer_relations', assignee_id: agent.id });
    ok(await api('POST', `/tickets/${repair.id}/work-orders`, { contractor: '无锡安居维保中心', plan: '拆除飘窗外侧打胶，重做防水并闭水试验。', appointment_at: '2026-10-12T02:00:00Z' }), 201);
    complaint = await ticket({ kind: 'complaint', title: `地库照明不足 ${suffix}` });
    closed = await ticket({ kind: 'inquiry', title: `交房时间咨询 ${suffix}` });
    await act(closed, 'resolve', { resolution: '已告知业主交房安排。', responsibility: 'none' });
    closed = await act(closed, 'callback', { satisfaction: 5 });
    assert.equal(closed.status, 'closed');
    cancelled = await ticket({ kind: 'suggestion', title: `重复登记的建议 ${suffix}` });
    cancelled = await act(cancelled, 'cancel', { reason: '重复登记' });
    assert.equal(cancelled.status, 'cancelled');
  });

  it('shows the queue by names: the customer, the unit code, the project, the assignee', kStep, async () => {
    await page.goto('/tickets');
    const table = page.getByTestId('ticket-table');
    const row = table.locator(`tr[data-row-key="${repair.id}"]`);
    await row.waitFor();
    const customer = row.getByTestId(`ticket-customer-${repair.id}`);
    assert.equal((await customer.innerText()).trim(), customerName);
    assert.equal(await customer.getAttribute('href'), `/customers/${customerId}`);
    const unit = row.getByTestId(`ticket-unit-${repair.id}`);
    assert.equal((await unit.innerText()).trim(), kUnitCode);
    assert.equal(await unit.getAttribute('href'), `/units/${unitId}`);
    await row.getByText(projectName).waitFor();
    await row.getByTestId(`ticket-assignee-${repair.id}`).getByText(agentName).waitFor();
    await table.locator(`tr[data-row-key="${complaint.id}"]`).getByTestId(`ticket-customer-${complaint.id}`).getByText(customerName).waitFor();
    await assertNamed(page, 'the queue');
    await shot(page, 'work-queue');
  });

  it('opens the queue on open tickets only; closed and cancelled ones have their own tabs', kStep, async () => {
    await page.goto('/tickets');
    const table = page.getByTestId('ticket-table');
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor();
    await page.locator('[data-testid="status-tabs"] .ant-tabs-tab-active', { hasText: '未办结' }).waitFor();
    assert.equal(await table.locator('[data-status="closed"], [data-status="cancelled"]').count(), 0, 'no closed or cancelled row by default');
    assert.equal(await table.locator(`tr[data-row-key="${closed.id}"]`).count(), 0);
    assert.equal(await table.locator(`tr[data-row-key="${cancelled.id}"]`).count(), 0);

    await page.getByTestId('status-tabs').getByRole('tab', { name: '已取消' }).click();
    await table.locator(`tr[data-row-key="${cancelled.id}"]`).waitFor();
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor({ state: 'detached' });
    await page.getByTestId('status-tabs').getByRole('tab', { name: '已关闭' }).click();
    await table.locator(`tr[data-row-key="${closed.id}"]`).waitFor();
    // A finished ticket is never shown as 已超时.
    assert.equal(await table.locator('[data-sla="breached"]').count(), 0, 'no closed ticket shown as overdue');
    await page.getByTestId('status-tabs').getByRole('tab', { name: '未办结' }).click();
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor();
    await page.waitForURL((url) => !url.searchParams.has('tab'));
  });

  it('searches the queue by title words and by the customer’s name, kept in the address', kStep, async () => {
    await page.goto('/tickets');
    const table = page.getByTestId('ticket-table');
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor();
    const search = page.getByTestId('ticket-search');
    await search.fill(`地库照明不足 ${suffix}`);
    await page.waitForURL((url) => url.searchParams.get('q') === `地库照明不足 ${suffix}`);
    await table.locator(`tr[data-row-key="${repair.id}"]`).waitFor({ state: 'detached' });
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor();
    const keys = await table.locator('tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')));
    assert.deepEqual(keys, [String(complaint.id)]);

    await search.fill(customerName);
    await page.waitForURL((url) => url.searchParams.get('q') === customerName);
    await table.locator(`tr[data-row-key="${repair.id}"]`).waitFor();
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor();
    // Open tickets only, still: the closed one of this customer is under 全部.
    assert.equal(await table.locator(`tr[data-row-key="${closed.id}"]`).count(), 0);
    await page.getByTestId('status-tabs').getByRole('tab', { name: '全部' }).click();
    await table.locator(`tr[data-row-key="${closed.id}"]`).waitFor();
    await shot(page, 'work-queue-search');

    // The address opens the same view.
    await page.goto(`/tickets?q=${encodeURIComponent(`主卧飘窗渗水 ${suffix}`)}`);
    assert.equal(await search.inputValue(), `主卧飘窗渗水 ${suffix}`);
    await table.locator(`tr[data-row-key="${repair.id}"]`).waitFor();
    await table.locator(`tr[data-row-key="${complaint.id}"]`).waitFor({ state: 'detached' });
  });

  it('shows the ticket page by names, with its history and work order', kStep, async () => {
    await page.goto(`/tickets/${repair.id}`);
    await page.getByTestId('ticket-title').getByText(`主卧飘窗渗水 ${suffix}`).waitFor();
    const customer = page.getByTestId('ticket-customer');
    assert.equal((await customer.innerText()).trim(), customerName);
    assert.equal(await customer.getAttribute('href'), `/customers/${customerId}`);
    const unit = page.getByTestId('ticket-unit');
    assert.equal((await unit.innerText()).trim(), kUnitCode);
    assert.equal(await unit.getAttribute('href'), `/units/${unitId}`);
    await page.getByTestId('fact-project').getByText(projectName).waitFor();
    await page.getByTestId('fact-assignee').getByText(agentName).waitFor();
    await page.locator('[data-testid="ticket-event"][data-action="assign"]').waitFor();
    await page.locator('[data-testid="ticket-event"][data-action="work_order"]').waitFor();
    await page.getByTestId('work-orders').getByText('无锡安居维保中心').first().waitFor();
    await assertNamed(page, 'the ticket page');
    await shot(page, 'work-ticket');
  });

  it("shows the unit's history and the customer's timeline and tickets by names", kStep, async () => {
    await page.goto(`/units/${unitId}`);
    await page.getByTestId('unit-history').getByTestId('unit-event').first().waitFor();
    await page.locator('[data-testid="unit-event"][data-kind="owner"]').waitFor();
    await assertNamed(page, 'the unit page');

    await page.goto(`/customers/${customerId}`);
    await page.getByTestId('customer-name').getByText(customerName).waitFor();
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('customer-timeline');
    // A ticket on the timeline links to its page by its words, not its number.
    await timeline.locator(`a[href="/tickets/${repair.id}"]`).first().waitFor();
    await assertNamed(page, 'the customer timeline');
    await page.getByRole('tab', { name: '工单', exact: true }).click();
    const tickets = page.getByTestId('customer-tickets');
    await tickets.getByTestId(`customer-ticket-${repair.id}`).waitFor();
    await tickets.getByTestId(`ticket-unit-${repair.id}`).getByText(kUnitCode).waitFor();
    await assertNamed(page, "the customer's tickets");
    await page.getByRole('tab', { name: '预约上门' }).click();
    const orders = page.getByTestId('customer-work-orders');
    await orders.getByText('无锡安居维保中心').waitFor();
    await orders.getByText('已派工').waitFor();
    await orders.locator(`a[href="/tickets/${repair.id}"]`).getByText(`主卧飘窗渗水 ${suffix}`).waitFor();
    await shot(page, 'work-customer-appointments');
  });

  it("gives the agent a home of their day's work: search, 我的工单, 将超时, 已超时, 待回访", kStep, async () => {
    ({ context: agentContext, page: agentPage } = await openWindow(browser));
    agentPage.on('pageerror', (err) => pageErrors.push(String(err)));
    await logIn(agentPage, agentUsername, agentPassword);

    await agentPage.getByTestId('work-list').waitFor();
    const mine = agentPage.getByTestId('home-mine');
    await mine.getByText('我的工单').first().waitFor();
    await mine.locator(`[data-testid="home-mine-list-item"][data-id="${repair.id}"]`).getByText(`主卧飘窗渗水 ${suffix}`).waitFor();
    await mine.locator(`[data-testid="home-mine-list-item"][data-id="${repair.id}"]`).getByText(customerName).waitFor();
    const atRisk = agentPage.getByTestId('home-at-risk');
    await atRisk.getByText('将超时').first().waitFor();
    await agentPage.getByTestId('home-breached').getByText('已超时').first().waitFor();
    await agentPage.getByTestId('home-callbacks').getByText('待回访').first().waitFor();
    // The counts are the server's: as many as the list answers this agent.
    const count = agentPage.getByTestId('home-at-risk-count');
    await count.waitFor();
    const listed = await agentPage.evaluate(async () => {
      const response = await fetch('/api/v1/tickets?open=true&sla_state=at_risk&limit=100');
      return (await response.json()).items.length;
    });
    const shown = Number(await count.getAttribute('data-count'));
    // Tickets may have crossed 80% of their time in between; the count follows the server's.
    assert.ok(Math.abs(shown - listed) <= 1, `home shows ${shown} at risk, the server lists ${listed}`);
    // No overview of org units and users for an agent; the header's bell counts the mass alerts.
    assert.equal(await agentPage.getByTestId('figure-org-units').count(), 0);
    await agentPage.getByTestId('mass-alert-bell').waitFor();
    await assertNamed(agentPage, "the agent's home");
    await shot(agentPage, 'work-home-agent');

    // 我的工单 leads to the queue, filtered.
    await agentPage.getByTestId('home-mine-all').click();
    await agentPage.waitForURL((url) => url.pathname === '/tickets' && url.searchParams.get('mine') === 'true');
    await agentPage.getByTestId('ticket-table').locator(`tr[data-row-key="${repair.id}"]`).waitFor();
    assert.equal(await agentPage.getByTestId('ticket-table').locator(`tr[data-row-key="${complaint.id}"]`).count(), 0);
  });

  it('fits a phone (390 × 844): the customer page, the ticket page, the queue and the home', kStep, async () => {
    await agentPage.setViewportSize(kPhone);

    await agentPage.goto(`/customers/${customerId}`);
    await agentPage.getByTestId('customer-name').getByText(customerName).waitFor();
    await agentPage.getByTestId('customer-profile').waitFor();
    await assertFitsPhone(agentPage, 'the customer page');
    await shot(agentPage, 'work-phone-customer');
    await openTab(agentPage, '时间线');
    await agentPage.getByTestId('timeline-event').first().waitFor();
    await assertFitsPhone(agentPage, "the customer's timeline");
    await openTab(agentPage, '房产');
    await agentPage.getByTestId('customer-units').waitFor();
    await assertFitsPhone(agentPage, "the customer's units");
    await openTab(agentPage, '工单');
    await agentPage.getByTestId('customer-tickets').getByText(`主卧飘窗渗水 ${suffix}`).waitFor();
    await assertFitsPhone(agentPage, "the customer's tickets");
    await openTab(agentPage, '预约上门');
    await agentPage.getByTestId('customer-work-orders').getByText('无锡安居维保中心').waitFor();
    await assertFitsPhone(agentPage, "the customer's appointments");
    await shot(agentPage, 'work-phone-customer-appointments');

    await agentPage.goto(`/tickets/${repair.id}`);
    await agentPage.getByTestId('ticket-title').waitFor();
    await agentPage.locator('[data-testid="ticket-event"]').first().waitFor();
    await assertFitsPhone(agentPage, 'the ticket page');
    await shot(agentPage, 'work-phone-ticket');

    await agentPage.goto('/tickets');
    await agentPage.getByTestId('ticket-list').waitFor();
    await assertFitsPhone(agentPage, 'the queue');
    await shot(agentPage, 'work-phone-queue');

    await agentPage.goto('/');
    await agentPage.getByTestId('home-mine-count').waitFor();
    await assertFitsPhone(agentPage, 'the home page');
    await shot(agentPage, 'work-phone-home');
    assert.deepEqual(pageErrors, []);
  });
});
