// End-to-end browser tests of 判客争议 (attribution disputes) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/sales-disputes.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project, two consultants (A and B) and a sales manager of the company, and a customer;
// consultant A registers the customer (through the API). Then, in the browsers: consultant B opens
// A's lead, files 申请判客 with a reason (required) and is told it waits for a manager; a second
// dispute is refused (409 dispute_pending); the manager sees it on 变更审批 › 判客争议 (cards on a
// phone), upholds it with a note (required), finds it under 已处理, and the lead now shows B as its
// consultant. The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, kPhone, launch, modal, modalClosed, ok, pageApi, posted, randomDigits, requireEnvironment, runSuffix, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `江城置业${suffix}`;
const projectName = `汉江府${suffix}`;
const password = `E2e-disputes-${suffix}-Pass`;
const people = {
  holder: { username: `e2e_disp_a_${suffix}`, name: `顾问甲${short}`, roles: ['sales'] },
  claimant: { username: `e2e_disp_b_${suffix}`, name: `顾问乙${short}`, roles: ['sales'] },
  manager: { username: `e2e_disp_mgr_${suffix}`, name: `经理丙${short}`, roles: ['manager'] },
};
const customer = { name: `欧阳${short}`, phone: `136${randomDigits(8)}` };
const kReason = '客户上周六首次来访由我接待，有来访登记和微信聊天记录';
const kNote = '核实来访登记，客户首访由乙接待';

describe('Sales: 判客争议, from the lead page to the manager’s decision', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let holder; // consultant A's browser { browser, page }
  let claimant; // consultant B's
  let manager; // the manager's
  let projectId;
  let leadId;
  let disputeId;
  const pageErrors = [];

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await manager?.browser.close();
    await claimant?.browser.close();
    await holder?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project, two consultants, a manager and consultant A’s lead', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    ({ projectId } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '江汉区解放大道 88 号',
      people: Object.values(people),
      password,
      customers: [customer],
    }));

    holder = await signInAs(people.holder, password, { pageErrors });
    const lead = ok(await pageApi(holder.page, 'POST', '/leads', { project_id: projectId, customer_id: customer.id, source: 'visit', intent: 'A' }), 201);
    leadId = lead.id;
    assert.equal(lead.consultant_name, people.holder.name);
    assert.equal(lead.in_pool, false);
  });

  it('lets consultant B file 申请判客 on A’s lead, the reason required, and refuses a second one', kStep, async () => {
    claimant = await signInAs(people.claimant, password, { pageErrors });
    const p = claimant.page;
    await p.goto(`/sales/leads/${leadId}`);
    await p.getByTestId('fact-consultant').getByText(people.holder.name).waitFor();
    assert.equal(await p.getByTestId('lead-claim').count(), 0, 'a protected lead is not claimed');
    await p.getByTestId('lead-dispute').click();

    const dialog = modal(p, `申请判客：${customer.name}`);
    await dialog.getByText(`该客户目前由 ${people.holder.name} 跟进`).waitFor();
    await dialog.getByTestId('dispute-submit').click();
    await dialog.getByText('请填写申请理由').waitFor();
    await dialog.getByTestId('dispute-reason').fill(kReason);
    await shot(p, 'disputes-file');
    const answered = posted(p, `/leads/${leadId}/disputes`, 201);
    await dialog.getByTestId('dispute-submit').click();
    disputeId = (await (await answered).json()).id;
    await modalClosed(p);
    await p.getByTestId('dispute-filed').getByText('判客申请已提交，等待经理裁决').waitFor();
    assert.equal(await p.getByTestId('lead-dispute').count(), 0, 'filed: the button goes');
    await shot(p, 'disputes-filed');

    // Another dispute while this one waits: the page says it in words.
    await p.reload();
    await p.getByTestId('lead-dispute').click();
    const again = modal(p, `申请判客：${customer.name}`);
    await again.getByTestId('dispute-reason').fill('再次申请');
    const refused = posted(p, `/leads/${leadId}/disputes`, 409);
    await again.getByTestId('dispute-submit').click();
    await refused;
    await again.getByText('该客户已有一条判客申请在等待经理裁决').waitFor();
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    // Consultant A's own lead: 422 lead_id own_lead (the page shows no button for it).
    const own = await pageApi(holder.page, 'POST', `/leads/${leadId}/disputes`, { reason: 'x' });
    assert.equal(own.status, 422, JSON.stringify(own.body));
    // A consultant may not decide it.
    assert.equal((await pageApi(p, 'POST', `/lead-disputes/${disputeId}/uphold`, { note: 'x' })).status, 403);
  });

  it('shows the manager the dispute on 判客争议, as cards on a phone', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await p.goto('/sales/approvals');
    await p.getByTestId('approval-tabs').getByRole('tab', { name: '判客争议' }).click();
    await p.waitForURL('**/sales/approvals?tab=disputes');
    const table = p.getByTestId('dispute-table');
    const row = p.getByTestId(`dispute-row-${disputeId}`);
    await row.waitFor();
    for (const column of ['客户', '申请人', '原归属顾问', '申请理由', '申请时间', '操作']) await table.locator('th', { hasText: column }).first().waitFor();
    assert.equal(await p.getByTestId(`dispute-customer-${disputeId}`).getAttribute('href'), `/sales/leads/${leadId}`);
    await row.getByText(customer.name).waitFor();
    await row.getByText(projectName).waitFor();
    await row.getByText(people.claimant.name).waitFor();
    await row.getByText(people.holder.name).waitFor();
    await row.getByText(kReason).waitFor();
    await shot(p, 'disputes-queue');

    await p.setViewportSize(kPhone);
    const card = p.getByTestId('dispute-cards').getByTestId(`dispute-row-${disputeId}`);
    await card.waitFor();
    await card.getByText(`${people.claimant.name} 申请 · 原归属 ${people.holder.name}`, { exact: false }).waitFor();
    await assertFitsPhone(p, 'the disputes');
    await shot(p, 'disputes-queue-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets the manager uphold it with a note (required); it is listed under 已处理', kStep, async () => {
    const p = manager.page;
    await p.getByTestId(`uphold-dispute-${disputeId}`).click();
    const dialog = modal(p, `支持申请人：${customer.name}`);
    await dialog.getByTestId('dispute-decision-effect').getByText(`客户将转给 ${people.claimant.name}`, { exact: false }).waitFor();
    await dialog.getByTestId('dispute-decision-submit').click();
    await dialog.getByText('请填写裁决意见').waitFor();
    await dialog.getByTestId('dispute-decision-note').fill(kNote);
    const answered = posted(p, `/lead-disputes/${disputeId}/uphold`, 200);
    await dialog.getByTestId('dispute-decision-submit').click();
    const decided = await (await answered).json();
    assert.equal(decided.status, 'upheld');
    await modalClosed(p);
    await p.getByTestId(`dispute-row-${disputeId}`).waitFor({ state: 'detached' });

    // Deciding again: 409 invalid_transition.
    assert.equal((await pageApi(p, 'POST', `/lead-disputes/${disputeId}/reject`, { note: 'x' })).status, 409);

    await p.getByTestId('approval-tabs').getByRole('tab', { name: '已处理' }).click();
    const done = p.getByTestId('decided-disputes').getByTestId(`dispute-row-${disputeId}`);
    await done.waitFor();
    await p.getByTestId(`dispute-status-${disputeId}`).getByText('已支持申请人').waitFor();
    await done.getByText(kNote).waitFor();
  });

  it('shows consultant B as the lead’s consultant now', kStep, async () => {
    const p = claimant.page;
    await p.goto(`/sales/leads/${leadId}`);
    await p.getByTestId('fact-consultant').getByText(people.claimant.name).waitFor();
    assert.equal(await p.getByTestId('lead-dispute').count(), 0, 'one’s own lead is not disputed');
    await p.getByTestId('lead-pledge').waitFor();
    await shot(p, 'disputes-lead-moved');
    assert.deepEqual(pageErrors, []);
  });
});
