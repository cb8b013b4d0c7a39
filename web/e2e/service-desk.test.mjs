// End-to-end browser tests of the service desk's daily work against a running `hearth serve`:
// repair work orders (报修 → 派工 → 上门 → 验收 → 回访), the call-back queue, the case library,
// standard answers offered while writing, and department members with round-robin assignment.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/service-desk.test.mjs
// Steps run in order and share one browser page. The run makes the customer, project, unit,
// categories and users it needs, so it works on a fresh database with only the admin; the
// department members it changes are put back afterwards, and its standard answer is deleted.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, chooseTree, launch, modal, modalClosed, openMenu, pageApi, randomDigits, requireEnvironment, runSuffix, shot, signIn, pickOption } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const phone = `137${randomDigits(8)}`;
const customerName = `郑${'沐岚煦珩'[Math.floor(Math.random() * 4)]}宁`;
const projectName = `江澜府${suffix}`;
const parentCategory = `防水工程${suffix}`;
const childCategory = `阳台渗漏${suffix}`;
// Round-robin is tried on departments no other test uses; their members are restored after.
const kRotationDepartment = 'property';
const kEmptyDepartment = 'design';

describe('Service desk: work orders, call-backs, cases, standard answers, round-robin', { concurrency: false }, () => {
  let browser;
  let page;
  let customerId;
  let unitId;
  let childCategoryId;
  let repairId;
  let answerId;
  const staff = [];
  const restore = new Map();
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  /** A ticket of this run, opened through the API (the UI of opening one has its own tests). */
  const openTicket = async (fields) => {
    const created = await api('POST', '/tickets', { channel: 'hotline', customer_id: customerId, unit_id: unitId, ...fields });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  };
  const ticketOnServer = async (id) => {
    const found = await api('GET', `/tickets/${id}`);
    assert.equal(found.status, 200, JSON.stringify(found.body));
    return found.body;
  };
  const resolveOnServer = async (ticket, resolution) => {
    const done = await api('POST', `/tickets/${ticket.id}/resolve`, { resolution, responsibility: 'contractor' }, { 'If-Match': String(ticket.version) });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    return done.body;
  };
  const workOrdersOnServer = async (ticketId) => (await api('GET', `/tickets/${ticketId}/work-orders`)).body.items;

  /** Clicks a work-order step, fills its dialog, confirms, and waits for the order's new status. */
  const step = async (orderId, action, title, status, fill) => {
    await page.getByTestId(`work-order-${orderId}`).getByTestId(`work-order-${action}`).click();
    const dialog = modal(page, title);
    await dialog.waitFor();
    if (fill) await fill(dialog);
    const answered = page.waitForResponse((r) => r.url().endsWith(`/work-orders/${orderId}/${action}`));
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    assert.equal((await answered).status(), 200);
    await modalClosed(page);
    await page.locator(`[data-testid="work-order-${orderId}"][data-status="${status}"]`).waitFor();
  };

  /** Types a date and time into the antd DatePicker of `dialog` and confirms it. */
  const pickTime = async (dialog, value) => {
    const input = dialog.locator('.ant-picker input').first();
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await page.locator('.ant-picker-dropdown').filter({ visible: true }).waitFor({ state: 'hidden' }).catch(() => {});
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    if (page) {
      for (const [department, ids] of restore) await api('PUT', `/departments/${department}/members`, { user_ids: ids }).catch(() => {});
      if (answerId) await api('DELETE', `/standard-answers/${answerId}`).catch(() => {});
    }
    await browser?.close();
  });

  it('signs in and sets up a customer with a unit, categories and two agents', kStep, async () => {
    await signIn(page);

    const project = await api('POST', '/projects', { name: projectName, city: '苏州', address: '工业园区星湖街 18 号', completion_date: '2025-09-30' });
    assert.equal(project.status, 201, JSON.stringify(project.body));
    const units = await api('POST', `/projects/${project.body.id}/units/bulk`, {
      building: '6',
      entrance: '2',
      floor_from: 8,
      floor_to: 8,
      decoration: 'finished',
      rooms: [{ suffix: '02', layout: '4室2厅2卫', area_m2: 142, list_price_cents: 520_000_000 }],
    });
    assert.equal(units.status, 201, JSON.stringify(units.body));
    unitId = units.body.items[0].id;
    const customer = await api('POST', '/customers', { name: customerName, phone, city: '苏州' });
    assert.equal(customer.status, 201, JSON.stringify(customer.body));
    customerId = customer.body.id;
    const owner = await api('POST', `/units/${unitId}/owners`, { customer_id: customerId, share: 1 });
    assert.equal(owner.status, 201, JSON.stringify(owner.body));

    const parent = await api('POST', '/ticket-categories', { name: parentCategory });
    assert.equal(parent.status, 201, JSON.stringify(parent.body));
    const child = await api('POST', '/ticket-categories', { name: childCategory, parent_id: parent.body.id });
    assert.equal(child.status, 201, JSON.stringify(child.body));
    childCategoryId = child.body.id;

    const me = await api('GET', '/me');
    for (const [index, name] of ['物业管家 周岚', '物业管家 吴桐'].entries()) {
      const user = await api('POST', '/users', {
        username: `e2e_rr${index}_${suffix}`,
        password: `E2e-rr-${suffix}-Pass`,
        display_name: `${name}${suffix.slice(-3)}`,
        roles: ['agent'],
        org_unit_id: me.body.org_unit_id,
      });
      assert.equal(user.status, 201, JSON.stringify(user.body));
      staff.push(user.body);
    }
    for (const department of [kRotationDepartment, kEmptyDepartment]) {
      const members = await api('GET', `/departments/${department}/members`);
      assert.equal(members.status, 200, JSON.stringify(members.body));
      restore.set(department, members.body.items.map((m) => m.user_id));
    }
  });

  it('dispatches a major repair, has engineering approve it, then visits and accepts it with a charge-back', kStep, async () => {
    const repair = await openTicket({ kind: 'repair', category_id: childCategoryId, grade: 'major', title: `阳台地漏返水 ${suffix}`, description: '业主反映：雨后阳台地漏返水，已漫至客厅木地板。' });
    repairId = repair.id;
    await page.goto(`/tickets/${repairId}`);
    const card = page.getByTestId('work-orders');
    await card.getByText('尚未派工').waitFor();
    assert.equal(await card.getByTestId('repair-steps').getAttribute('data-stage'), '1');

    await card.getByTestId('new-work-order').click();
    const dialog = modal(page, '派工 · 工单');
    await dialog.waitFor();
    // A major case waits for engineering: the form says so before anything is sent.
    await dialog.getByTestId('work-order-approval-note').getByText('工程部审批').waitFor();
    await dialog.getByTestId('work-order-contractor').fill('苏州建工维保中心');
    await pickTime(dialog, '2026-09-01 10:00');
    await dialog.getByTestId('work-order-plan').fill('拆除阳台地漏周边地砖，重做防水层并闭水试验 48 小时，恢复地砖。');
    await shot(page, 'service-desk-work-order-create');
    const created = page.waitForResponse((r) => r.url().endsWith(`/tickets/${repairId}/work-orders`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /派\s*工/ }).click();
    assert.equal((await created).status(), 201);
    await modalClosed(page);
    let [order] = await workOrdersOnServer(repairId);
    assert.equal(order.status, 'pending_approval');
    assert.equal(order.contractor, '苏州建工维保中心');
    // The appointment went over in UTC: 10:00 in Shanghai.
    assert.equal(order.appointment_at.slice(0, 16), '2026-09-01T02:00');
    const item = page.getByTestId(`work-order-${order.id}`);
    await item.getByTestId('work-order-status').getByText('待审批').waitFor();
    await item.getByTestId('work-order-appointment-at').getByText('2026-09-01 10:00').waitFor();
    // Until approved, the visit cannot be recorded.
    assert.equal(await item.getByTestId('work-order-visit').count(), 0);

    await step(order.id, 'approve', '审批通过 · 维修工单', 'dispatched', async (d) => {
      await d.getByTestId('work-order-note').fill('方案可行，注意保护木地板。');
    });
    await item.getByText('系统管理员 于').waitFor();
    await step(order.id, 'visit', '确认上门 · 维修工单', 'visited', async (d) => {
      await d.getByTestId('work-order-note').fill('已上门，确认为地漏防水层开裂。');
    });
    assert.equal(await card.getByTestId('repair-steps').getAttribute('data-stage'), '3');
    await step(order.id, 'accept', '验收通过 · 维修工单', 'accepted', async (d) => {
      await d.getByTestId('work-order-cost').fill('1280.5');
      await chooseOption(page, d, '费用承担', '施工单位（扣款）');
      await shot(page, 'service-desk-work-order-accept');
    });
    [order] = await workOrdersOnServer(repairId);
    assert.equal(order.status, 'accepted');
    assert.equal(order.cost_fen, 128050);
    assert.equal(order.charge_to, 'contractor');
    assert.ok(order.approved_by, 'approved by someone');
    // The last work order accepted resolves the repair; the visit had answered the customer.
    const resolved = await ticketOnServer(repairId);
    assert.equal(resolved.status, 'resolved');
    assert.ok(resolved.responded_at, 'the visit answered the response deadline');
    assert.match(resolved.resolution, /验收通过/);
    await item.getByTestId('work-order-cost-value').getByText('¥1,280.50').waitFor();
    await item.getByTestId('work-order-charge').getByText('施工单位承担 · 扣款 ¥1,280.50').waitFor();
    assert.equal(await card.getByTestId('repair-steps').getAttribute('data-stage'), '4');
    // Every step is in the ticket's history.
    await page.locator('[data-testid="ticket-event"][data-action="work_order"]').nth(3).waitFor();
    await page.getByTestId('ticket-history').getByText('维修费用：¥1,280.50').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'service-desk-work-order-accepted');
  });

  it('attaches photos of the defect to the repair: thumbnail, preview, history, refusal of other files, removal', kStep, async () => {
    await page.goto(`/tickets/${repairId}`);
    const card = page.getByTestId('ticket-attachments');
    await card.getByText('暂无附件', { exact: false }).waitFor();
    // A real PNG: a piece of this very page.
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 240 } });
    const uploaded = page.waitForResponse((r) => r.url().includes(`/tickets/${repairId}/attachments`) && r.request().method() === 'POST' && r.status() === 201);
    await card.locator('input[type=file]').setInputFiles([
      { name: '阳台地漏.png', mimeType: 'image/png', buffer: photo },
      { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') },
    ]);
    await uploaded;
    const thumb = card.locator('[data-testid="attachment"][data-name="阳台地漏.png"]');
    await thumb.waitFor();
    await thumb.locator('img[src^="blob:"]').waitFor();
    // Decoded and shown (the page's Content-Security-Policy lets blob: images through).
    await page.waitForFunction((el) => el.complete && el.naturalWidth === 320, await thumb.locator('img').elementHandle());
    // The text file is refused by the server, named, with the reason in Chinese.
    await card.locator('.ant-alert-error').getByText(/说明\.txt.*不支持的文件类型/).waitFor();
    let files = (await api('GET', `/tickets/${repairId}/attachments`)).body.items;
    assert.equal(files.length, 1);
    assert.equal(files[0].content_type, 'image/png');
    assert.equal(files[0].size_bytes, photo.length);
    await shot(page, 'service-desk-attachments');
    // Full size in the preview.
    await thumb.locator('img').click();
    await page.locator('.ant-image-preview-img').waitFor();
    await shot(page, 'service-desk-attachment-preview');
    await page.keyboard.press('Escape');
    await page.locator('.ant-image-preview-img').waitFor({ state: 'hidden' });
    await page.locator('[data-testid="ticket-event"][data-action="attachment_added"]').getByText('阳台地漏.png').waitFor();
    // Removed by whoever added it; the history keeps the removal.
    await thumb.getByRole('button', { name: '删除 阳台地漏.png' }).click();
    const removed = page.waitForResponse((r) => r.url().includes(`/tickets/${repairId}/attachments/${files[0].id}`) && r.request().method() === 'DELETE');
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    assert.equal((await removed).status(), 204);
    await card.getByText('暂无附件', { exact: false }).waitFor();
    files = (await api('GET', `/tickets/${repairId}/attachments`)).body.items;
    assert.equal(files.length, 0);
    await page.locator('[data-testid="ticket-event"][data-action="attachment_removed"]').waitFor();
  });

  it('creates a standard answer and inserts it while resolving, by click and by keyboard', kStep, async () => {
    await openMenu(page, '标准答复');
    await page.waitForURL('**/admin/standard-answers');
    await page.getByTestId('new-answer').click();
    const dialog = modal(page, '新建标准答复');
    await dialog.waitFor();
    const title = `阳台返水已修复${suffix}`;
    const body = `您好，您反映的阳台返水问题已由施工单位重做防水层并闭水试验合格（${suffix}），如再有渗漏请随时联系我们。`;
    await dialog.getByTestId('answer-title').fill(title);
    await chooseTree(page, dialog, '问题分类', childCategory);
    await chooseOption(page, dialog, '类型', '报修');
    await dialog.getByTestId('answer-body').fill(body);
    await shot(page, 'service-desk-answer-create');
    const created = page.waitForResponse((r) => r.url().endsWith('/standard-answers') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const response = await created;
    assert.equal(response.status(), 201);
    answerId = (await response.json()).id;
    await modalClosed(page);
    await chooseTree(page, page, '问题分类', childCategory);
    const row = page.getByTestId('answer-table').locator(`tr[data-row-key="${answerId}"]`);
    await row.getByText(title).waitFor();
    await row.getByText(`${parentCategory} › ${childCategory}`).waitFor();
    await shot(page, 'service-desk-answers');

    // The acceptance resolved the repair; the owner calls again: reopened, then resolved with the answer.
    assert.equal((await api('POST', `/tickets/${repairId}/reopen`, { reason: '业主来电：阳台仍有返水' })).status, 200);
    await page.goto(`/tickets/${repairId}`);
    await page.getByTestId('action-resolve').click();
    const resolve = modal(page, '解决');
    await resolve.waitFor();
    const suggestion = resolve.getByTestId(`answer-suggestion-${answerId}`);
    await suggestion.waitFor();
    // The most specific answer comes first: Alt+1 in the text box inserts it.
    const text = resolve.getByTestId('action-resolution');
    await text.click();
    await page.keyboard.type('上门复查：');
    await page.keyboard.press('Alt+1');
    assert.equal(await text.inputValue(), `上门复查：${body}`);
    // By keyboard on the suggestion itself: Enter inserts at the caret left in the text box.
    await text.fill('');
    await suggestion.focus();
    await page.keyboard.press('Enter');
    assert.equal(await text.inputValue(), body);
    await suggestion.click();
    assert.equal(await text.inputValue(), `${body}${body}`);
    await text.fill(body);
    await shot(page, 'service-desk-answer-suggested');
    const answered = page.waitForResponse((r) => r.url().endsWith(`/tickets/${repairId}/resolve`));
    await resolve.getByRole('button', { name: /确\s*定/ }).click();
    assert.equal((await answered).status(), 200);
    await modalClosed(page);
    await page.locator('[data-testid="ticket-status"][data-status="resolved"]').waitFor();
    assert.equal((await ticketOnServer(repairId)).resolution, body);

    await page.goto('/admin/standard-answers');
    await chooseTree(page, page, '问题分类', childCategory);
    await row.getByTestId(`answer-delete-${answerId}`).click();
    await page.locator('.ant-popconfirm').filter({ visible: true }).getByRole('button', { name: /确\s*定|删\s*除/ }).last().click();
    await row.waitFor({ state: 'detached' });
    const left = await api('GET', `/standard-answers?category_id=${childCategoryId}&kind=repair`);
    assert.ok(!left.body.items.some((a) => a.id === answerId), 'the answer is gone on the server');
    answerId = null;
  });

  it('calls back resolved tickets from the queue: 5 stars close one, 2 stars reopen the other', kStep, async () => {
    const happy = await resolveOnServer(await openTicket({ kind: 'complaint', category_id: childCategoryId, title: `楼道灯长期不亮 ${suffix}` }), '已更换楼道感应灯并检查线路。');
    const unhappy = await resolveOnServer(await openTicket({ kind: 'complaint', title: `车库积水 ${suffix}` }), '已清理车库排水沟。');
    await openMenu(page, '回访队列');
    await page.waitForURL('**/callbacks');
    const table = page.getByTestId('callback-table');
    const rowOf = (id) => table.locator(`tr[data-row-key="${id}"]`);
    await rowOf(happy.id).waitFor();
    await rowOf(unhappy.id).waitFor();
    await rowOf(repairId).waitFor();
    // Longest-waiting first: the one resolved earlier comes earlier.
    const order = await table.locator('tbody tr[data-row-key]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-key'))));
    assert.ok(order.indexOf(repairId) < order.indexOf(happy.id) && order.indexOf(happy.id) < order.indexOf(unhappy.id), `queue order ${order}`);
    await shot(page, 'service-desk-callbacks');

    await rowOf(happy.id).getByTestId(`callback-${happy.id}`).click();
    let dialog = modal(page, `回访 · 工单 #${happy.id}`);
    await dialog.waitFor();
    await dialog.locator('.ant-rate-star').nth(4).click();
    await dialog.getByTestId('action-comment').fill('业主表示灯已正常，满意。');
    assert.equal(await dialog.getByTestId('callback-reopen-warning').count(), 0);
    await dialog.getByRole('button', { name: '提交回访' }).click();
    await modalClosed(page);
    await rowOf(happy.id).waitFor({ state: 'detached' });
    const closed = await ticketOnServer(happy.id);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.satisfaction, 5);

    await rowOf(unhappy.id).getByTestId(`callback-${unhappy.id}`).click();
    dialog = modal(page, `回访 · 工单 #${unhappy.id}`);
    await dialog.waitFor();
    await dialog.locator('.ant-rate-star').nth(1).click();
    await dialog.getByTestId('callback-reopen-warning').getByText('工单将重新打开').waitFor();
    await dialog.getByTestId('action-comment').fill('下雨后仍有积水，业主不满意。');
    await shot(page, 'service-desk-callback-reopen');
    await dialog.getByRole('button', { name: '提交回访' }).click();
    await modalClosed(page);
    await rowOf(unhappy.id).waitFor({ state: 'detached' });
    await page.getByText(`工单 #${unhappy.id} 已重新打开`).waitFor();
    const reopened = await ticketOnServer(unhappy.id);
    assert.equal(reopened.status, 'reopened');
    assert.equal(reopened.satisfaction, 2);
    await rowOf(repairId).waitFor();

    // The repair is called back from the queue too, so it can be filed as a case next.
    await rowOf(repairId).getByTestId(`callback-${repairId}`).click();
    dialog = modal(page, `回访 · 工单 #${repairId}`);
    await dialog.locator('.ant-rate-star').nth(3).click();
    await dialog.getByRole('button', { name: '提交回访' }).click();
    await modalClosed(page);
    await rowOf(repairId).waitFor({ state: 'detached' });
    assert.equal((await ticketOnServer(repairId)).status, 'closed');
  });

  it('files the closed repair as a case and finds it in the case library', kStep, async () => {
    await page.goto(`/tickets/${repairId}`);
    await page.locator('[data-testid="ticket-status"][data-status="closed"]').waitFor();
    // The whole road is walked: 报修 → 派工 → 上门 → 验收 → 回访.
    assert.equal(await page.getByTestId('repair-steps').getAttribute('data-stage'), '5');
    await page.getByTestId('file-case').click();
    const dialog = modal(page, '归入案例库');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('case-title').inputValue(), `阳台地漏返水 ${suffix}`);
    await dialog.getByTestId('case-problem').fill('雨后阳台地漏返水，漫至客厅。原因：地漏周边防水层开裂。');
    await dialog.getByTestId('case-solution').fill(`重做地漏周边防水层，闭水试验 48 小时合格；费用由施工单位承担（${suffix}）。`);
    await shot(page, 'service-desk-file-case');
    const filed = page.waitForResponse((r) => r.url().endsWith(`/tickets/${repairId}/file-case`));
    await dialog.getByRole('button', { name: '归入案例库' }).click();
    assert.equal((await filed).status(), 201);
    await modalClosed(page);
    await page.getByTestId('case-filed').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'service-desk-ticket-closed');

    await openMenu(page, '案例库');
    await page.waitForURL('**/cases');
    await page.getByTestId('case-search').locator('input').fill(suffix);
    // The search is kept in the address, and only this run's case matches it.
    await page.waitForURL((url) => url.searchParams.get('q') === suffix);
    await page.getByTestId('case-count').getByText('共 1 个案例').waitFor();
    const list = page.getByTestId('case-list');
    const found = list.locator('[data-testid^="case-"]', { hasText: `阳台地漏返水 ${suffix}` }).first();
    await found.waitFor();
    await found.getByText('闭水试验 48 小时合格').waitFor();
    await found.getByText(`${parentCategory} › ${childCategory}`).waitFor();
    // Filtering by the parent category keeps it (its subcategories count).
    await chooseTree(page, page, '问题分类', parentCategory);
    await found.waitFor();
    await page.getByTestId('case-count').getByText('共 1 个案例').waitFor();
    await shot(page, 'service-desk-cases');
    await found.getByTestId('case-ticket').click();
    await page.waitForURL(`**/tickets/${repairId}`);
  });

  it('sets department members and assigns tickets round-robin, one after the other', kStep, async () => {
    await openMenu(page, '部门成员');
    await page.waitForURL('**/admin/department-members');
    await page.getByTestId('member-departments').getByText('物业', { exact: true }).click();
    await page.getByText('物业 · 轮询顺序').waitFor();
    const transfer = page.getByTestId('member-transfer');
    // Start from an empty department: move any current member back.
    const [source, target] = [transfer.locator('.ant-transfer-section').first(), transfer.locator('.ant-transfer-section').last()];
    if ((await target.locator('.ant-transfer-list-content-item').count()) > 0) {
      await target.locator('.ant-transfer-list-checkbox, .ant-checkbox').first().click();
      await transfer.locator('.ant-transfer-actions button').last().click();
    }
    await source.getByPlaceholder('姓名或用户名').fill(suffix);
    for (const user of staff) await source.getByTestId(`member-candidate-${user.username}`).click();
    await transfer.locator('.ant-transfer-actions button').first().click();
    for (const user of staff) await target.getByTestId(`member-candidate-${user.username}`).waitFor();
    await page.getByTestId('members-dirty').waitFor();
    await shot(page, 'service-desk-members-edit');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/departments/${kRotationDepartment}/members`) && r.request().method() === 'PUT');
    await page.getByTestId('members-save').click();
    assert.equal((await saved).status(), 200);
    await page.getByTestId('members-dirty').waitFor({ state: 'detached' });
    const members = await api('GET', `/departments/${kRotationDepartment}/members`);
    assert.deepEqual(members.body.items.map((m) => m.user_id).sort(), staff.map((u) => u.id).sort());
    await page.getByTestId('member-rotation').getByText('下一位').waitFor();
    await shot(page, 'service-desk-members');

    const assignRoundRobin = async (ticket, department) => {
      await page.goto(`/tickets/${ticket.id}`);
      await page.getByTestId('action-assign').click();
      const dialog = modal(page, '派单');
      await dialog.waitFor();
      await dialog.getByTestId('action-department').click();
      await pickOption(page, department);
      await dialog.locator('.ant-radio-button-wrapper', { hasText: '轮询分配' }).click();
      await dialog.getByText('上次分配最早的成员优先').waitFor();
      const answered = page.waitForResponse((r) => r.url().endsWith(`/tickets/${ticket.id}/assign`));
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      return { dialog, response: await answered };
    };

    const first = await openTicket({ kind: 'complaint', title: `电梯异响 ${suffix}` });
    const second = await openTicket({ kind: 'complaint', title: `绿化带杂草丛生 ${suffix}` });
    let { response } = await assignRoundRobin(first, '物业');
    assert.equal(response.status(), 200);
    await modalClosed(page);
    await page.locator('[data-testid="ticket-status"][data-status="assigned"]').waitFor();
    const one = (await ticketOnServer(first.id)).assignee_id;
    await page.getByTestId('fact-assignee').getByText(staff.find((u) => u.id === one).display_name).waitFor();
    await shot(page, 'service-desk-round-robin');
    ({ response } = await assignRoundRobin(second, '物业'));
    assert.equal(response.status(), 200);
    await modalClosed(page);
    const two = (await ticketOnServer(second.id)).assignee_id;
    assert.deepEqual([one, two].sort(), staff.map((u) => u.id).sort(), 'the two tickets went to the two members in turn');
    await page.locator('[data-testid="ticket-event"][data-action="assign"]').getByText('轮询分配').waitFor();

    // A department nobody works in: the reason lands on the assignment field, in Chinese.
    const emptied = await api('PUT', `/departments/${kEmptyDepartment}/members`, { user_ids: [] });
    assert.equal(emptied.status, 200, JSON.stringify(emptied.body));
    const third = await openTicket({ kind: 'suggestion', title: `建议增设快递柜 ${suffix}` });
    const { dialog, response: refused } = await assignRoundRobin(third, '设计');
    assert.equal(refused.status(), 422);
    await dialog.locator('.ant-form-item-explain-error', { hasText: '该部门没有可轮询的成员' }).waitFor();
    await shot(page, 'service-desk-round-robin-error');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(page);
    assert.equal((await ticketOnServer(third.id)).status, 'new');
    assert.deepEqual(pageErrors, []);
  });
});
