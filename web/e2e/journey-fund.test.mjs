// End-to-end browser tests of the 一路同行 fund (the 6+2 journey's seventh step) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/journey-fund.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project of it, and a customer-relations manager and agent of the company. Then, in the
// browsers: the manager finds the company's fund empty and records its first inflow (利润提取
// ¥3,000), the company picked from the org tree; the agent files an owners' meeting's proposal of
// ¥5,000 (more than the balance) and is offered neither 记录入账 nor 批准; the manager's approval is
// refused, in Chinese, naming the balance and the amount; the manager records owners' contributions
// (¥2,500) and approves: the ledger shows the spending and the balance after it (¥500). The agent
// files another proposal, which the manager rejects with a reason; the manager records a correction
// (−¥100), which the card shows apart from the inflows; the audit log links the fund's entries to the
// fund. The statement shows the opening balance, the inflows by kind, the correction, the spending,
// the closing balance and the entries oldest first with the running balance, and prints without the
// menu. Pages are checked on a phone and in English too. The run makes everything it needs, so it
// works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answered, assertFitsPhone, assertNoWords, chinaDay, chooseTree, kPhone, launch, modal, modalClosed, modalSettled, ok, openMenu, pageApi, pageShot, pick, requireEnvironment, runSuffix, setUpProject, shot, signIn, signInAs, typeDay } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `同行置业${suffix}`;
const projectName = `翠湖苑${suffix}`;
const password = `E2e-fund-${suffix}-Pass`;
const people = {
  manager: { username: `e2e_fund_mgr_${suffix}`, name: `基金经理${short}`, roles: ['manager'] },
  agent: { username: `e2e_fund_agent_${suffix}`, name: `客关专员${short}`, roles: ['agent'] },
};
const kBig = { title: `2 号楼单元门禁改造 ${short}`, detail: '更换 6 个单元门禁为人脸识别，含三年维保', owners: 86, yuan: '5000' };
const kSmall = { title: `中庭景观灯更换 ${short}`, detail: '更换 24 盏庭院灯', owners: 41, yuan: '1800' };
const kRejectReason = '报价未经三方比价，请补充后重新提交';
/** Words the pages must never show raw. */
const kRawWords = ['profit_share', 'owner_contribution', 'spending', 'correction', 'proposed', 'approved', 'rejected', 'fund_insufficient', 'company_id'];

describe('The 一路同行 fund: inflows, proposals, approval against the balance, the statement', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let manager; // the manager's browser { browser, page }
  let agent;
  let companyId;
  let projectId;
  const proposals = {}; // big, small → the proposal as filed
  const pageErrors = [];

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('.ant-layout-content'), kRawWords, where);

  /** The company's fund card shows `balance`. */
  const balanceShown = (p, balance) => p.getByTestId(`fund-balance-${companyId}`).getByText(balance, { exact: true }).waitFor();

  /** 记录入账 through the dialog: the kind's words, the amount in yuan, a note; answers the entry. */
  const recordEntry = async (p, { kind, yuan, note, project, pickCompany = false }) => {
    await p.getByTestId('fund-record').click();
    const dialog = modal(p, '记录基金入账');
    await modalSettled(dialog);
    if (pickCompany) await chooseTree(p, dialog, '公司', companyName);
    await dialog.getByTestId('fund-entry-kind').getByText(kind, { exact: true }).click();
    await dialog.getByTestId('fund-entry-amount').fill(yuan);
    if (project) await pick(p, dialog, '捐赠业主所在楼盘', project);
    if (note) await dialog.getByTestId('fund-entry-note').fill(note);
    const recorded = answered(p, 'POST', `/journey-funds/${companyId}/entries`, 201);
    await dialog.getByRole('button', { name: /记录入账/ }).click();
    const entry = await (await recorded).json();
    await modalClosed(p);
    return entry;
  };

  /** 新建提案 through the dialog, as `p`; answers the proposal. */
  const fileProposal = async (p, proposal) => {
    await p.getByTestId('fund-propose').click();
    const dialog = modal(p, '新建社区改造提案');
    await modalSettled(dialog);
    await pick(p, dialog, '楼盘', projectName);
    await dialog.getByTestId('fund-proposal-title').fill(proposal.title);
    await dialog.getByTestId('fund-proposal-detail').fill(proposal.detail);
    await typeDay(dialog, '业主大会日期', chinaDay(-3));
    await dialog.getByTestId('fund-proposal-owners').fill(String(proposal.owners));
    await dialog.getByTestId('fund-proposal-amount').fill(proposal.yuan);
    if (proposal === kBig) await shot(p, 'fund-proposal-create');
    const created = answered(p, 'POST', '/fund-proposals', 201);
    await dialog.getByRole('button', { name: /提交审批/ }).click();
    const body = await (await created).json();
    await modalClosed(p);
    return body;
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await agent?.browser.close();
    await manager?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project of it, and its manager and agent', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    let company;
    ({ company, projectId } = await setUpProject(api, {
      companyName,
      projectName,
      city: '成都',
      address: '高新区天府大道 88 号',
      people: Object.values(people),
      password,
    }));
    companyId = company.id;
    // Before its first entry the company's fund is there, at zero.
    const fund = ok(await api('GET', `/journey-funds/${companyId}`));
    assert.deepEqual([fund.company_name, fund.balance_cents, fund.pending_proposals], [companyName, 0, 0]);
  });

  it('lets the manager record the first inflow into a company without a fund yet', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await p.locator('.ant-layout-sider .ant-menu').getByText('一路同行基金', { exact: true }).waitFor();
    await openMenu(p, '一路同行基金');
    await p.waitForURL('**/journey/fund');
    await p.getByRole('heading', { name: '一路同行基金', exact: true }).waitFor();
    // The manager's own company, its fund at zero, nothing waiting, no entry.
    await balanceShown(p, '¥0.00');
    await p.getByTestId('fund-company-title').getByText(`${companyName} · 一路同行基金`).waitFor();
    await p.getByTestId('fund-proposals').getByText('没有待审批的提案').waitFor();
    await p.getByTestId('fund-ledger').getByText('还没有入账或支出').waitFor();
    await pageShot(p, 'fund-empty');

    // 记录入账: the company picked from the org tree, 利润提取 ¥3,000.
    const entry = await recordEntry(p, { kind: '利润提取', yuan: '3000', note: `2026 年度项目利润提取 ${short}`, pickCompany: true });
    assert.deepEqual([entry.company_id, entry.kind, entry.amount_cents, entry.balance_after_cents], [companyId, 'profit_share', 300_000, 300_000]);
    assert.equal(entry.created_by_name, people.manager.name);
    await p.waitForURL(`**/journey/fund?company_id=${companyId}`);
    await balanceShown(p, '¥3,000.00');
    const row = p.getByTestId(`fund-entry-row-${entry.id}`);
    await p.getByTestId(`fund-entry-kind-${entry.id}`).getByText('利润提取').waitFor();
    await p.getByTestId(`fund-entry-amount-${entry.id}`).getByText('+¥3,000.00').waitFor();
    await p.getByTestId(`fund-entry-balance-${entry.id}`).getByText('¥3,000.00').waitFor();
    await row.getByText(people.manager.name, { exact: false }).waitFor();
    await row.getByText(chinaDay(0), { exact: true }).waitFor();
    await p.getByTestId(`fund-inflow-${companyId}`).getByText('¥3,000.00').waitFor();
  });

  it('lets the agent file a proposal larger than the balance, and offers the agent no inflow or approval', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const a = agent.page;
    await a.goto('/journey/fund');
    await balanceShown(a, '¥3,000.00');
    assert.equal(await a.getByTestId('fund-record').count(), 0);
    proposals.big = await fileProposal(a, kBig);
    assert.deepEqual(
      [proposals.big.company_id, proposals.big.project_id, proposals.big.status, proposals.big.amount_cents, proposals.big.owners_present, proposals.big.meeting_on],
      [companyId, projectId, 'proposed', 500_000, kBig.owners, chinaDay(-3)],
    );
    const row = a.getByTestId(`proposal-row-${proposals.big.id}`);
    await a.getByTestId(`proposal-title-${proposals.big.id}`).getByText(kBig.title).waitFor();
    await row.getByText(projectName).waitFor();
    await a.getByTestId(`proposal-amount-${proposals.big.id}`).getByText('¥5,000.00').waitFor();
    await a.getByTestId(`proposal-status-${proposals.big.id}`).getByText('待审批').waitFor();
    await row.getByText(chinaDay(-3), { exact: true }).waitFor();
    await row.getByText(`到会 ${kBig.owners} 人`, { exact: true }).waitFor();
    await row.getByText(people.agent.name).waitFor();
    assert.equal(await a.locator('[data-testid^="proposal-approve-"]').count(), 0);
    await a.getByTestId(`fund-pending-${companyId}`).getByText('1 项 · ¥5,000.00').waitFor();
    await assertNoRawWords(a, 'the fund page');
    await pageShot(a, 'fund-agent');
  });

  it('refuses the manager’s approval while the balance is short, in Chinese, naming the balance and the amount', kStep, async () => {
    const p = manager.page;
    await p.reload();
    await p.getByTestId(`proposal-row-${proposals.big.id}`).waitFor();
    await p.getByTestId(`proposal-approve-${proposals.big.id}`).click();
    const dialog = modal(p, '批准提案');
    await modalSettled(dialog);
    await dialog.getByTestId('proposal-balance').getByText('当前余额 ¥3,000.00，不足以支出 ¥5,000.00。').waitFor();
    const refused = answered(p, 'POST', `/fund-proposals/${proposals.big.id}/approve`, 409);
    await dialog.getByRole('button', { name: /批\s*准/ }).click();
    const body = await (await refused).json();
    assert.equal(body.error.code, 'fund_insufficient');
    assert.equal(body.error.balance_cents, 300_000);
    await dialog.getByText('基金余额不足：当前余额 ¥3,000.00，本提案需支出 ¥5,000.00。请先记录入账或调整提案金额。').waitFor();
    await shot(p, 'fund-approve-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);
    await p.getByTestId(`proposal-status-${proposals.big.id}`).getByText('待审批').waitFor();
    await balanceShown(p, '¥3,000.00');
  });

  it('approves once the manager has recorded more: the ledger shows the spending and the balance after it', kStep, async () => {
    const p = manager.page;
    const contribution = await recordEntry(p, { kind: '业主捐赠/共建', yuan: '2500', project: projectName, note: '业主共建捐款' });
    assert.deepEqual([contribution.kind, contribution.amount_cents, contribution.balance_after_cents, contribution.project_id], ['owner_contribution', 250_000, 550_000, projectId]);
    await balanceShown(p, '¥5,500.00');
    await p.getByTestId(`fund-entry-row-${contribution.id}`).getByText(`楼盘：${projectName}`).waitFor();
    // Inflows are the profit shares and the owners' contributions; no correction yet, so none is shown.
    await p.getByTestId(`fund-inflow-${companyId}`).getByText('¥5,500.00').waitFor();
    assert.equal(await p.getByTestId(`fund-correction-${companyId}`).count(), 0);

    await p.getByTestId(`proposal-approve-${proposals.big.id}`).click();
    const dialog = modal(p, '批准提案');
    await modalSettled(dialog);
    await dialog.getByTestId('proposal-balance').getByText(`批准后从${companyName}基金支出：当前余额 ¥5,500.00，支出后余额 ¥500.00。`).waitFor();
    await dialog.getByTestId('proposal-approve-note').fill('按合同分两期付款');
    const approved = answered(p, 'POST', `/fund-proposals/${proposals.big.id}/approve`, 200);
    await dialog.getByRole('button', { name: /批\s*准/ }).click();
    const decided = await (await approved).json();
    assert.equal(decided.status, 'approved');
    assert.ok(decided.entry_id, 'the approval has its spending entry');
    await modalClosed(p);

    // Off the 待审批 list; under 已批准 with who and why.
    await p.getByTestId(`proposal-row-${proposals.big.id}`).waitFor({ state: 'detached' });
    await p.getByTestId('proposal-status-filter').getByText('已批准', { exact: true }).click();
    await p.waitForURL(`**/journey/fund?company_id=${companyId}&status=approved`);
    await p.getByTestId(`proposal-status-${proposals.big.id}`).getByText('已批准').waitFor();
    await p.getByTestId(`proposal-decision-${proposals.big.id}`).getByText(`${people.manager.name} 于`, { exact: false }).waitFor();
    await p.getByTestId(`proposal-decision-${proposals.big.id}`).getByText('按合同分两期付款', { exact: false }).waitFor();

    // The spending, newest first, with the balance after it.
    const spending = decided.entry_id;
    const first = p.getByTestId('fund-entry-table').locator('tbody tr[data-testid^="fund-entry-row-"]').first();
    assert.equal(await first.getAttribute('data-testid'), `fund-entry-row-${spending}`);
    await p.getByTestId(`fund-entry-kind-${spending}`).getByText('支出').waitFor();
    await p.getByTestId(`fund-entry-amount-${spending}`).getByText('-¥5,000.00').waitFor();
    await p.getByTestId(`fund-entry-balance-${spending}`).getByText('¥500.00').waitFor();
    await p.getByTestId(`fund-entry-row-${spending}`).getByText(`提案：${kBig.title}`).waitFor();
    await balanceShown(p, '¥500.00');
    await p.getByTestId(`fund-spent-${companyId}`).getByText('¥5,000.00').waitFor();
    await p.getByTestId(`fund-pending-${companyId}`).getByText('0 项 · ¥0.00').waitFor();
    await assertNoRawWords(p, 'the fund page');
    await pageShot(p, 'fund-approved');
  });

  it('lets the manager reject another proposal with a reason, and record a correction', kStep, async () => {
    proposals.small = await fileProposal(agent.page, kSmall);
    const p = manager.page;
    await p.goto(`/journey/fund?company_id=${companyId}`);
    await p.getByTestId(`proposal-reject-${proposals.small.id}`).click();
    const dialog = modal(p, '驳回提案');
    await modalSettled(dialog);
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    await dialog.getByText('请填写驳回理由').waitFor();
    await dialog.getByTestId('proposal-reject-reason').fill(kRejectReason);
    await shot(p, 'fund-reject');
    const rejected = answered(p, 'POST', `/fund-proposals/${proposals.small.id}/reject`, 200);
    await dialog.getByRole('button', { name: /驳\s*回/ }).click();
    const decided = await (await rejected).json();
    assert.equal(decided.status, 'rejected');
    assert.equal(decided.decision_note, kRejectReason);
    await modalClosed(p);
    await p.getByTestId(`proposal-row-${proposals.small.id}`).waitFor({ state: 'detached' });
    await p.getByTestId('proposal-status-filter').getByText('已驳回', { exact: true }).click();
    await p.getByTestId(`proposal-status-${proposals.small.id}`).getByText('已驳回').waitFor();
    await p.getByTestId(`proposal-decision-${proposals.small.id}`).getByText(kRejectReason, { exact: false }).waitFor();
    // Nothing was spent.
    await balanceShown(p, '¥500.00');

    // 更正 needs its reason; −¥100 takes the balance to ¥400.
    await p.getByTestId('fund-record').click();
    const entry = modal(p, '记录基金入账');
    await modalSettled(entry);
    await entry.getByTestId('fund-entry-kind').getByText('更正', { exact: true }).click();
    await entry.getByTestId('fund-entry-amount').fill('-100');
    await entry.getByRole('button', { name: /记录入账/ }).click();
    await entry.getByText('更正须说明原因').waitFor();
    await entry.getByTestId('fund-entry-note').fill('业主共建捐款多记 100 元，予以冲减');
    // Never below zero: −¥1,000 of ¥500 is refused, naming both.
    await entry.getByTestId('fund-entry-amount').fill('-1000');
    const below = answered(p, 'POST', `/journey-funds/${companyId}/entries`, 409);
    await entry.getByRole('button', { name: /记录入账/ }).click();
    assert.equal((await (await below).json()).error.code, 'fund_insufficient');
    await entry.getByText('更正后余额将低于 0：当前余额 ¥500.00，本次更正 -¥1,000.00').waitFor();
    await entry.getByTestId('fund-entry-amount').fill('-100');
    const corrected = answered(p, 'POST', `/journey-funds/${companyId}/entries`, 201);
    await entry.getByRole('button', { name: /记录入账/ }).click();
    const correction = await (await corrected).json();
    assert.deepEqual([correction.kind, correction.amount_cents, correction.balance_after_cents], ['correction', -10_000, 40_000]);
    await modalClosed(p);
    await p.getByTestId(`fund-entry-kind-${correction.id}`).getByText('更正').waitFor();
    await p.getByTestId(`fund-entry-amount-${correction.id}`).getByText('-¥100.00').waitFor();
    await balanceShown(p, '¥400.00');
    // The card: the correction on a line of its own (累计更正), the inflows as they were.
    await p.getByTestId(`fund-card-${companyId}`).getByText('累计更正').waitFor();
    await p.getByTestId(`fund-correction-${companyId}`).getByText('-¥100.00', { exact: true }).waitFor();
    await p.getByTestId(`fund-inflow-${companyId}`).getByText('¥5,500.00').waitFor();
    const fund = ok(await pageApi(p, 'GET', `/journey-funds/${companyId}`));
    assert.deepEqual([fund.inflow_cents, fund.correction_cents, fund.spent_cents, fund.balance_cents], [550_000, -10_000, 500_000, 40_000]);
  });

  it('files the fund’s entries in the audit log, linked to the company’s fund', kStep, async () => {
    await page.goto('/admin/audit');
    const table = page.getByTestId('audit-table');
    const link = table.locator(`a[href="/journey/fund?company_id=${companyId}"]`).first();
    await link.waitFor();
    const row = table.locator('.ant-table-row', { has: page.locator(`a[href="/journey/fund?company_id=${companyId}"]`) }).first();
    await row.getByText('一路同行基金', { exact: false }).first().waitFor();
    await shot(page, 'fund-audit');
    await link.click();
    await page.waitForURL(`**/journey/fund?company_id=${companyId}`);
    assert.equal(await page.getByTestId(`fund-card-${companyId}`).getAttribute('data-chosen'), 'true');
    await page.getByTestId(`fund-correction-${companyId}`).getByText('-¥100.00', { exact: true }).waitFor();
  });

  it('shows the statement with the right totals and the running balance, and prints it without the menu', kStep, async () => {
    const p = manager.page;
    await p.getByTestId('fund-statement-link').click();
    await p.waitForURL(`**/journey/fund/statement?company_id=${companyId}`);
    await p.getByTestId('statement-heading').getByText(`${companyName} 一路同行基金收支报表`).waitFor();
    const year = chinaDay(0).slice(0, 4);
    await p.getByTestId('statement-range').getByText(`报表期间：${year}-01-01 至 ${chinaDay(0)}`).waitFor();
    const figures = {
      'statement-opening': ['¥0.00', 0],
      'statement-profit-share': ['¥3,000.00', 300_000],
      'statement-owner-contribution': ['¥2,500.00', 250_000],
      'statement-correction': ['-¥100.00', -10_000],
      'statement-spent': ['¥5,000.00', 500_000],
      'statement-closing': ['¥400.00', 40_000],
    };
    for (const [testId, [text, cents]] of Object.entries(figures)) {
      await p.getByTestId(testId).getByText(text, { exact: true }).waitFor();
      assert.equal(await p.getByTestId(testId).getAttribute('data-cents'), String(cents), testId);
    }
    // The server agrees.
    const statement = ok(await pageApi(p, 'GET', `/journey-funds/${companyId}/statement`));
    assert.deepEqual(
      [statement.opening_cents, statement.profit_share_cents, statement.owner_contribution_cents, statement.correction_cents, statement.spent_cents, statement.closing_cents],
      [0, 300_000, 250_000, -10_000, 500_000, 40_000],
    );
    // Oldest first, between the opening and the closing balance, each with the balance after it.
    const lines = p.getByTestId('statement-table').locator('tbody tr[data-testid^="statement-line-"]');
    const ids = await lines.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid').replace('statement-line-', '')));
    assert.deepEqual(ids, ['opening', ...statement.entries.map((entry) => String(entry.id)), 'closing']);
    const balances = [];
    for (const id of ids) balances.push(await p.getByTestId(`statement-balance-${id}`).innerText());
    assert.deepEqual(balances, ['¥0.00', '¥3,000.00', '¥5,500.00', '¥500.00', '¥400.00', '¥400.00']);
    const spendingLine = p.getByTestId(`statement-line-${statement.entries[2].id}`);
    await spendingLine.getByText('支出', { exact: true }).waitFor();
    await spendingLine.getByText(`提案：${kBig.title}`).waitFor();
    await spendingLine.getByText('¥5,000.00').waitFor();
    await assertNoRawWords(p, 'the statement');
    await pageShot(p, 'fund-statement');

    // On paper: the statement alone.
    await p.getByTestId('statement-print').waitFor();
    await p.emulateMedia({ media: 'print' });
    assert.equal(await p.locator('.ant-layout-sider').isVisible(), false, 'the menu prints');
    assert.equal(await p.locator('.ant-layout-header').isVisible(), false, 'the header prints');
    assert.equal(await p.getByTestId('statement-print').isVisible(), false, 'the print button prints');
    assert.equal(await p.getByTestId('statement-sheet').isVisible(), true);
    await pageShot(p, 'fund-statement-print');
    await p.emulateMedia({ media: 'screen' });

    // Another period: last year's has nothing.
    const last = Number(year) - 1;
    await p.goto(`/journey/fund/statement?company_id=${companyId}&from=${last}-01-01&to=${last}-12-31`);
    await p.getByTestId('statement-range').getByText(`报表期间：${last}-01-01 至 ${last}-12-31`).waitFor();
    await p.getByTestId('statement-closing').getByText('¥0.00', { exact: true }).waitFor();
    assert.equal(await p.getByTestId('statement-table').locator('tbody tr[data-testid^="statement-line-"]').count(), 2);
    // The server's longest period is a year and a day: a longer one is refused in words.
    await p.goto(`/journey/fund/statement?company_id=${companyId}&from=${last}-01-01&to=${year}-12-31`);
    await p.getByTestId('statement-error').getByText('报表期间最长 366 天，请缩短期间').waitFor();
  });

  it('fits a phone: the funds, the proposals and the ledger stack, and the statement too', kStep, async () => {
    const p = manager.page;
    await p.setViewportSize(kPhone);
    await p.goto(`/journey/fund?company_id=${companyId}&status=all`);
    await p.getByTestId('proposal-cards').waitFor();
    await p.getByTestId(`proposal-row-${proposals.big.id}`).waitFor();
    await p.getByTestId('fund-entry-cards').waitFor();
    await balanceShown(p, '¥400.00');
    await assertFitsPhone(p, 'the fund page');
    await pageShot(p, 'fund-phone');
    await p.goto(`/journey/fund/statement?company_id=${companyId}`);
    await p.getByTestId('statement-cards').waitFor();
    await p.getByTestId('statement-closing').getByText('¥400.00', { exact: true }).waitFor();
    await assertFitsPhone(p, 'the statement');
    await pageShot(p, 'fund-statement-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('speaks English too, and no page failed', kStep, async () => {
    const p = manager.page;
    await p.goto(`/journey/fund?company_id=${companyId}&status=all`);
    await p.getByTestId(`proposal-row-${proposals.big.id}`).waitFor();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Journey-together fund', exact: true }).waitFor();
    await p.getByTestId(`proposal-status-${proposals.big.id}`).getByText('Approved').waitFor();
    await p.getByTestId(`proposal-status-${proposals.small.id}`).getByText('Rejected').waitFor();
    await p.getByTestId('fund-ledger').getByText('Profit share').first().waitFor();
    await p.getByTestId('fund-ledger').getByText('Owners’ contribution').first().waitFor();
    await p.getByTestId('fund-ledger').getByText('Spending').first().waitFor();
    await p.locator('.ant-layout-sider .ant-menu').getByText('Journey-together fund', { exact: true }).waitFor();
    await pageShot(p, 'fund-english');
    await p.getByRole('button', { name: '中文' }).click();
    await p.getByRole('heading', { name: '一路同行基金', exact: true }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
