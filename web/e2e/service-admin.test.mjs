// End-to-end browser tests of the service centre's administration (系统管理): ticket categories,
// routing rules, SLA policies and the business calendar, against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/service-admin.test.mjs
// Works on a fresh database with only the admin; everything it adds it removes again, or names
// uniquely, and calendar changes land years ahead so no ticket's deadline moves. The second suite
// edits and reorders rules and policies, and checks who is offered tickets and the call form: it
// makes its own viewer, sales consultant and agent, a project with a unit, a customer and a ticket.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launch, modal, modalClosed, ok, openMenu, pageApi, randomDigits, requireEnvironment, runSuffix, shot, signIn, signInAs } from './support.mjs';

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
      await page
        .locator(`[data-testid="day-${day}"][data-kind="${day === wednesday ? 'workday' : 'weekend'}"]`)
        .waitFor()
        .catch(async (err) => {
          // Say what the dialog shows, so that a rare failure here can be understood from the log.
          await shot(page, 'service-admin-calendar-clear-failed');
          const shown = await page.getByTestId('calendar-day-modal').innerText().catch(() => '(no dialog)');
          throw new Error(`clearing ${day} did not return it to the rhythm; the dialog shows: ${shown}`, { cause: err });
        });
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

describe('Service centre administration: editing, reordering, who works tickets', { concurrency: false }, () => {
  let browser;
  let page;
  let me;
  const pageErrors = [];
  const made = { rules: [], policies: [] };
  const people = {};
  const password = `E2e-people-${suffix}-Pass`;
  const phone = `139${randomDigits(8)}`;
  const customerName = `编辑测试${suffix.slice(-4)}`;
  let customerId;
  let ticket;

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    await signIn(page);
    me = ok(await api('GET', '/me'));
    for (const role of ['viewer', 'sales', 'agent']) {
      people[role] = ok(
        await api('POST', '/users', {
          username: `e2e_${role}_${suffix}`,
          password,
          display_name: `${{ viewer: '只读', sales: '置业', agent: '客服' }[role]}${suffix}`,
          roles: [role],
          org_unit_id: me.org_unit_id,
        }),
        201,
      );
    }
    const project = ok(await api('POST', '/projects', { name: `编辑测试花园${suffix}`, city: '苏州', address: '工业园区星湖街 1 号', completion_date: '2025-06-30' }), 201);
    const units = ok(
      await api('POST', `/projects/${project.id}/units/bulk`, {
        building: '2',
        entrance: '1',
        floor_from: 5,
        floor_to: 5,
        decoration: 'finished',
        rooms: [{ suffix: '01', layout: '2室2厅1卫', area_m2: 89, list_price_cents: 260_000_000 }],
      }),
      201,
    );
    customerId = ok(await api('POST', '/customers', { name: customerName, phone, city: '苏州' }), 201).id;
    ok(await api('POST', `/units/${units.items[0].id}/owners`, { customer_id: customerId, share: 1 }), 201);
    ticket = ok(await api('POST', '/tickets', { kind: 'complaint', channel: 'hotline', customer_id: customerId, unit_id: units.items[0].id, title: `楼道灯不亮 ${suffix}` }), 201);
  });

  after(async () => {
    if (page) {
      for (const id of made.rules) await api('DELETE', `/routing-rules/${id}`).catch(() => {});
      for (const id of made.policies) await api('DELETE', `/sla-policies/${id}`).catch(() => {});
    }
    await browser?.close();
  });

  it("edits a routing rule's department, moves it up and switches it off", kStep, async () => {
    // Two rules at the end of the list, the second to be moved above the first.
    const last = (await api('GET', '/routing-rules')).body.items.reduce((max, r) => Math.max(max, r.position), 0);
    const first = ok(await api('POST', '/routing-rules', { name: `先匹配${suffix}`, kind: 'praise', department: 'property', position: last + 10 }), 201);
    const second = ok(await api('POST', '/routing-rules', { name: `后匹配${suffix}`, kind: 'suggestion', department: 'design', position: last + 20 }), 201);
    made.rules.push(first.id, second.id);

    await page.goto('/admin/routing-rules');
    const table = page.getByTestId('rule-table');
    const row = (rule) => table.locator(`tr[data-row-key="${rule.id}"]`);
    await row(second).waitFor();
    await row(second).getByText('设计', { exact: true }).waitFor();

    await page.getByTestId(`rule-edit-${second.id}`).click();
    const dialog = modal(page, '编辑分派规则');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('rule-name').inputValue(), `后匹配${suffix}`);
    await chooseOption(page, dialog, '责任部门', '工程');
    await shot(page, 'service-admin-rule-edit');
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/v1/routing-rules/${second.id}`) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const saved = await put;
    assert.equal(saved.status(), 200);
    const body = await saved.json();
    assert.equal(body.department, 'engineering');
    assert.equal(body.kind, 'suggestion', 'the conditions stay');
    await modalClosed(page);
    await row(second).getByText('工程部', { exact: true }).waitFor();
    await row(second).getByText('类型：建议').waitFor();

    // 上移: the second goes above the first, on the screen and on the server.
    const order = async () => table.locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-key'))));
    const before = await order();
    assert.ok(before.indexOf(first.id) < before.indexOf(second.id));
    const moved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/routing-rules/${second.id}`) && r.request().method() === 'PUT');
    await page.getByTestId(`rule-up-${second.id}`).click();
    assert.equal((await moved).status(), 200);
    await page.waitForFunction(
      ({ a, b }) => {
        const keys = [...document.querySelectorAll('[data-testid="rule-table"] tbody tr.ant-table-row')].map((r) => Number(r.getAttribute('data-row-key')));
        return keys.indexOf(b) >= 0 && keys.indexOf(b) < keys.indexOf(a);
      },
      { a: first.id, b: second.id },
    );
    const rules = (await api('GET', '/routing-rules')).body.items;
    const onServer = (id) => rules.find((r) => r.id === id);
    assert.ok(onServer(second.id).position < onServer(first.id).position || (onServer(second.id).position === onServer(first.id).position && second.id < first.id));
    assert.equal(await page.getByTestId(`rule-down-${second.id}`).isDisabled(), false);

    // 停用, then 启用 again.
    const toggled = page.waitForResponse((r) => r.url().endsWith(`/api/v1/routing-rules/${first.id}`) && r.request().method() === 'PUT');
    await page.getByTestId(`rule-toggle-${first.id}`).click();
    assert.equal((await toggled).status(), 200);
    await row(first).locator('.ant-tag', { hasText: '停用' }).waitFor();
    assert.equal(onServer(first.id).active, true);
    assert.equal((await api('GET', '/routing-rules')).body.items.find((r) => r.id === first.id).active, false);
    await page.getByTestId(`rule-toggle-${first.id}`).getByText(/启\s*用/).waitFor();
    await shot(page, 'service-admin-rules-reordered');
    assert.equal(await table.getByText(/#\d+/).count(), 0, 'categories, projects and org units by name');
  });

  it('edits an SLA policy', kStep, async () => {
    const policy = ok(await api('POST', '/sla-policies', { name: `表扬时限${suffix}`, kind: 'praise', response_minutes: 120, resolve_minutes: 480 }), 201);
    made.policies.push(policy.id);
    await page.goto('/admin/sla-policies');
    const row = page.getByTestId('sla-table').locator(`tr[data-row-key="${policy.id}"]`);
    await row.getByText('8 工作小时').waitFor();

    await page.getByTestId(`sla-edit-${policy.id}`).click();
    const dialog = modal(page, '编辑 SLA 策略');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('sla-name').inputValue(), `表扬时限${suffix}`);
    assert.equal(await dialog.getByTestId('sla-response').inputValue(), '2');
    await dialog.getByTestId('sla-name').fill(`表扬时限（放宽）${suffix}`);
    await dialog.getByTestId('sla-resolve').fill('24');
    const put = page.waitForResponse((r) => r.url().endsWith(`/api/v1/sla-policies/${policy.id}`) && r.request().method() === 'PUT');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const saved = await put;
    assert.equal(saved.status(), 200);
    const body = await saved.json();
    assert.equal(body.resolve_minutes, 1440);
    assert.equal(body.response_minutes, 120);
    assert.equal(body.kind, 'praise');
    await modalClosed(page);
    await row.getByText(`表扬时限（放宽）${suffix}`).waitFor();
    await row.getByText('24 工作小时').waitFor();
  });

  it('offers neither viewers nor sales consultants as assignees or department members', kStep, async () => {
    await page.goto(`/tickets/${ticket.id}`);
    await page.getByTestId('action-assign').click();
    const dialog = modal(page, '派单');
    await dialog.waitFor();
    // The dialog fills its defaults as it opens: click 指定处理人 until the person picker shows.
    const person = dialog.locator('.ant-radio-button-wrapper', { hasText: '指定处理人' });
    const picker = dialog.getByTestId('action-assignee');
    for (let tries = 0; tries < 20 && !(await picker.isVisible()); tries++) {
      await person.click();
      await page.waitForTimeout(250);
    }
    await picker.click();
    await page.keyboard.type(suffix);
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.filter({ hasText: people.agent.display_name }).waitFor();
    assert.equal(await options.filter({ hasText: people.viewer.display_name }).count(), 0, 'no viewer');
    assert.equal(await options.filter({ hasText: people.sales.display_name }).count(), 0, 'no sales consultant');
    await shot(page, 'service-admin-assignees');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(page);

    // Given to the agent (through the API): the audit log shows it as 分派工单 below.
    ticket = ok(
      await api('POST', `/tickets/${ticket.id}/assign`, { department: 'customer_relations', assignee_id: people.agent.id }, { 'If-Match': String(ticket.version) }),
    );

    await page.goto('/admin/department-members');
    await page.getByTestId('member-transfer').waitFor();
    await page.getByTestId(`member-candidate-${people.agent.username}`).waitFor();
    assert.equal(await page.getByTestId(`member-candidate-${people.viewer.username}`).count(), 0);
    assert.equal(await page.getByTestId(`member-candidate-${people.sales.username}`).count(), 0);
  });

  it('does not offer 来电受理 to a viewer', kStep, async () => {
    const viewer = await signInAs(people.viewer, password, { pageErrors });
    try {
      const p = viewer.page;
      // On the queue the 客户服务 group of the menu is open: 工单队列 is there, 来电受理 is not.
      await p.goto('/tickets');
      await p.getByTestId('ticket-table').waitFor();
      await p.locator('.ant-layout-sider .ant-menu').getByText('工单队列', { exact: true }).waitFor();
      assert.equal(await p.locator('.ant-layout-sider .ant-menu').getByText('来电受理', { exact: true }).count(), 0);
      assert.equal(await p.getByTestId('new-ticket').count(), 0);
      await p.goto(`/customers/${customerId}`);
      await p.getByText(customerName).first().waitFor();
      assert.equal(await p.getByText('来电受理').count(), 0);
      assert.equal(await p.getByText('新建工单').count(), 0);
      await p.goto('/tickets/new');
      await p.getByTestId('may-not-file').waitFor();
      assert.equal(await p.getByTestId('submit-ticket').count(), 0);
    } finally {
      await viewer.browser.close();
    }
    // A sales consultant may file tickets for the customers: the entry is there.
    const sales = await signInAs(people.sales, password, { pageErrors });
    try {
      await sales.page.goto('/tickets');
      await sales.page.locator('.ant-layout-sider .ant-menu').getByText('来电受理', { exact: true }).waitFor();
      await sales.page.getByTestId('new-ticket').waitFor();
    } finally {
      await sales.browser.close();
    }
  });

  it('tabs from the unit to the category without stopping on a clear button', kStep, async () => {
    await page.goto('/tickets/new');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'caller-search');
    await page.keyboard.type(phone.slice(-8));
    await page.getByTestId(`caller-option-${customerId}`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('picked-customer').getByText(customerName).waitFor();
    const unit = page.getByTestId('ticket-unit');
    await unit.getByText('2-1-501').waitFor();
    // The clear button is there for the mouse, but out of the Tab order.
    const clear = unit.locator('button.ant-select-clear');
    if (await clear.count()) assert.equal(await clear.getAttribute('tabindex'), '-1');
    await unit.locator('input').first().focus();
    await page.keyboard.press('Tab');
    const landed = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        clear: !!el?.closest('button') && /clear/.test(el.closest('button').className),
        inCategory: !!el?.closest('[data-testid="ticket-category"]'),
      };
    });
    assert.equal(landed.clear, false, 'Tab does not land on a clear button');
    assert.ok(landed.inCategory, 'Tab goes from the unit to the category');
    await unit.getByText('2-1-501').waitFor();
  });

  it('shows the audit log in words and filters it by an action in words', kStep, async () => {
    await page.goto('/admin/audit');
    const table = page.getByTestId('audit-table');
    await table.locator('.ant-table-row').first().waitFor();
    // The rule edited above: 修改分派规则, by name; no raw codes anywhere on the page.
    await table.getByText('修改分派规则').first().waitFor();
    await table.getByText(`后匹配${suffix}`).first().waitFor();
    for (const code of ['routing_rule.updated', 'ticket.assign', 'ticket.created', 'user.created']) {
      assert.equal(await page.getByText(code, { exact: true }).count(), 0, `no raw ${code}`);
    }

    const filterBy = async (words, code) => {
      const answered = page.waitForResponse((r) => r.url().includes('/api/v1/audit-log') && r.url().includes(`action=${encodeURIComponent(code)}`));
      const input = page.getByLabel('操作类型', { exact: true });
      await input.click();
      await input.fill(words);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: words }).first().click();
      await answered;
    };

    // 分派工单: the ticket assigned above, linked to its page; every row of the filtered list is one.
    await filterBy('分派工单', 'ticket.assign');
    const assigned = table.locator('.ant-table-row', { has: page.locator(`a[href="/tickets/${ticket.id}"]`) }).first();
    await assigned.waitFor();
    await assigned.getByText('分派工单').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-table"] .ant-table-row td:nth-child(4)')].every((td) => td.innerText.includes('分派工单')),
    );
    await assigned.locator('.ant-table-row-expand-icon').click();
    // The assignee by name in the entry's details.
    await table.getByTestId('audit-after').first().getByText(people.agent.display_name).waitFor();
    await assigned.locator('.ant-table-row-expand-icon').click();

    // 新建工单: the ticket by its title.
    await filterBy('新建工单', 'ticket.created');
    const row = table.locator('.ant-table-row', { hasText: `楼道灯不亮 ${suffix}` }).first();
    await row.waitFor();
    await row.getByText('新建工单').waitFor();
    // The person by display name.
    await row.getByText(me.display_name).first().waitFor();
    const link = row.getByRole('link', { name: `楼道灯不亮 ${suffix}` });
    assert.equal(await link.getAttribute('href'), `/tickets/${ticket.id}`);
    await row.locator('.ant-table-row-expand-icon').click();
    const after = table.getByTestId('audit-after').first();
    await after.waitFor();
    const text = await after.innerText();
    assert.match(text, /标题/);
    assert.doesNotMatch(text, /[{}"]/, 'field lines, not JSON');
    await shot(page, 'service-admin-audit');
    assert.deepEqual(pageErrors, []);
  });
});
