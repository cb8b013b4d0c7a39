// End-to-end browser tests of 老带新 (referrals) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/sales-referrals.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with units, a consultant (sales) and a sales manager of the company, an owner
// of a unit and two customers who own nothing. Then, in the browsers: the manager sets the referral
// reward and the floor price on 判客规则; the consultant refers the owner's friend (a new customer,
// typed in) from the owner's 置业 tab and opens the friend's new lead, which names who referred
// them; a referral by a customer who owns nothing is refused in the server's words; the friend signs
// (subscription and contract through the API), the reward is to pay, and the manager pays it on
// 老带新. Pages are checked on a phone too. The run makes everything it needs, so it works on an
// empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, personName, posted, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const mobile = () => `137${randomDigits(8)}`;

const companyName = `楚天置业${suffix}`;
const projectName = `东湖湾${suffix}`;
const password = `E2e-referrals-${suffix}-Pass`;
const people = {
  sales: { username: `e2e_ref_sales_${suffix}`, name: `顾问戊${short}`, roles: ['sales'] },
  manager: { username: `e2e_ref_mgr_${suffix}`, name: `经理己${short}`, roles: ['manager'] },
};
const owner = { name: personName('诸葛'), phone: mobile() }; // owns 1-1-101
const stranger = { name: personName('东方'), phone: mobile() }; // owns nothing
const neighbour = { name: personName('慕容'), phone: mobile() }; // a customer already on file
const friend = { name: personName('令狐'), phone: mobile() }; // new: typed in at the referral
const contractNo = `HT-REF-${suffix}`;
const ownedCode = '1-1-101';
const boughtCode = '1-1-301';
const kReward = 800_000; // ¥8,000 in fen

describe('Sales: 老带新, from the owner’s page to the reward paid', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let consultant; // the consultant's browser { browser, page }
  let manager; // the manager's browser { browser, page }
  let projectId;
  let units; // by code
  let referral; // as the server answered it
  let contractId;
  const pageErrors = [];

  /**
   * Opens the customer page's tab `name`. On a phone a half-hidden tab is only scrolled into view by
   * the first click (antd's Tabs), so it is clicked until chosen.
   */
  const openTab = async (p, name) => {
    const tab = p.getByRole('tab', { name });
    for (let i = 0; i < 3 && (await tab.getAttribute('aria-selected')) !== 'true'; i += 1) {
      await tab.click();
      await p.waitForTimeout(300);
    }
    assert.equal(await tab.getAttribute('aria-selected'), 'true', `the ${name} tab`);
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await manager?.browser.close();
    await consultant?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project with units, a consultant, a manager, an owner and two other customers', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '洪山区东湖路 18 号',
      floors: 6,
      decoration: 'finished',
      people: Object.values(people),
      password,
      customers: [owner, stranger, neighbour],
    }));
    assert.ok(units.has(ownedCode) && units.has(boughtCode), [...units.keys()].join(' '));
    ok(await api('POST', `/units/${units.get(ownedCode).id}/owners`, { customer_id: owner.id, share: 1 }), 201);
  });

  it('lets the manager set the referral reward and the floor price on 判客规则', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await p.goto(`/sales/settings?project_id=${projectId}`);
    await p.getByTestId('settings-project').getByText(projectName).waitFor();
    const reward = p.getByTestId('settings-referral_reward');
    const floor = p.getByTestId('settings-floor_percent');
    await p.getByText('推荐奖励', { exact: true }).waitFor();
    await p.getByText('底价比例', { exact: true }).waitFor();
    await reward.fill('8000');
    await floor.fill('90');
    const answered = p.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/sales-settings`) && r.request().method() === 'PUT');
    await p.getByTestId('settings-save').click();
    const saved = await (await answered).json();
    assert.equal(saved.referral_reward_cents, kReward);
    assert.equal(saved.floor_percent, 90);
    await p.getByText('判客规则已保存').waitFor();
    assert.equal(await reward.inputValue(), '8,000');
    await shot(p, 'referral-settings');
  });

  it('refers a friend of the owner from the owner’s 置业 tab, making the friend a customer and a lead', kStep, async () => {
    consultant = await signInAs(people.sales, password, { pageErrors });
    const p = consultant.page;
    await p.goto(`/customers/${owner.id}`);
    await openTab(p, '置业');
    await p.getByTestId('customer-referrals').getByText('暂无推荐记录').waitFor();
    await p.getByTestId('customer-refer').click();
    const dialog = modal(p, '登记老带新');
    await dialog.waitFor();
    await dialog.getByTestId('referral-referrer-fixed').getByText(owner.name).waitFor();
    await dialog.getByTestId('referrer-owns').getByText(`${projectName} ${ownedCode}`).waitFor();
    // The consultant's company has one project: it is chosen already.
    await dialog.getByTestId('referral-project').getByText(projectName).waitFor();
    await dialog.getByTestId('referral-referee-phone').fill(friend.phone);
    await dialog.getByTestId('new-customer-hint').getByText('未找到该手机号的客户').waitFor();
    await dialog.getByTestId('referral-referee-name').fill(friend.name);
    await dialog.getByTestId('referral-intent').getByText('A 级').click();
    await dialog.getByTestId('referral-note').fill('业主的大学同学，想要三房，周末来看样板间');
    await shot(p, 'referral-form');

    const made = posted(p, '/customers', 201);
    const answered = posted(p, '/referrals', 201);
    await dialog.getByTestId('referral-submit').click();
    friend.id = (await (await made).json()).id;
    referral = await (await answered).json();
    assert.equal(referral.status, 'pending');
    assert.equal(referral.referrer_id, owner.id);
    assert.equal(referral.referee_id, friend.id);
    assert.equal(referral.reward_cents, kReward);
    assert.ok(referral.lead_id, 'the referee became a lead');
    const created = dialog.getByTestId('referral-created');
    await created.getByText(`已登记：${owner.name} 推荐 ${friend.name} 到 ${projectName}`).waitFor();
    await created.getByText(`${friend.name} 已成为 ${people.sales.name} 的客户（来源：老带新）；签约后奖励 ¥8,000 转为待发放。`).waitFor();
    await shot(p, 'referral-created');

    // The owner's tab lists it at once.
    await p.getByTestId(`customer-referral-${referral.id}`).getByText(friend.name).waitFor();

    // The new lead's page names who referred them.
    await dialog.getByTestId('referral-lead-link').click();
    await p.waitForURL(`**/sales/leads/${referral.lead_id}`);
    await modalClosed(p);
    await p.getByTestId('lead-customer').getByText(friend.name).waitFor();
    await p.getByTestId('fact-source').getByText('老带新').waitFor();
    await p.getByTestId('lead-intent').getByText('A 级').waitFor();
    await p.getByTestId('fact-consultant').getByText(people.sales.name).waitFor();
    const referrer = p.getByTestId('lead-referrer');
    await referrer.getByText(owner.name).waitFor();
    assert.equal(await referrer.getAttribute('href'), `/customers/${owner.id}`);
    await p.getByTestId('lead-referral-status').getByText('待签约').waitFor();
    await p.getByTestId('fact-referrer').getByText('推荐奖励 ¥8,000').waitFor();
    await shot(p, 'referral-lead');
  });

  it('refuses a referral by a customer who owns no home, in the server’s words', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '老带新');
    await p.waitForURL('**/sales/referrals');
    await p.getByTestId(`referral-row-${referral.id}`).waitFor();
    await p.getByTestId('referral-register').click();
    const dialog = modal(p, '登记老带新');
    await dialog.waitFor();
    const picker = dialog.getByLabel('推荐人（业主）');
    await picker.click();
    await picker.fill(stranger.phone);
    await p.getByTestId(`picker-option-${stranger.id}`).click();
    // The chosen referrer reads as a name, never a number.
    assert.equal((await dialog.getByTestId('referral-referrer').locator('.ant-select-content').innerText()).trim(), stranger.name);
    await dialog.getByTestId('referrer-owns-nothing').waitFor();
    await dialog.getByTestId('referral-referee-phone').fill(neighbour.phone);
    await dialog.getByTestId('matched-customer').getByText(neighbour.name).waitFor();

    const answered = posted(p, '/referrals', 422);
    await dialog.getByTestId('referral-submit').click();
    const refused = (await (await answered).json()).error;
    assert.equal(refused.code, 'referral_invalid');
    assert.equal(refused.reason, 'referrer_not_owner');
    const alert = dialog.getByTestId('referral-refused');
    await alert.getByText(refused.message).waitFor();
    assert.match(refused.message, /推荐人不是业主/);
    // …and on the referrer's field.
    await dialog.locator('.ant-form-item-explain-error', { hasText: '推荐人不是业主' }).waitFor();
    const text = await dialog.innerText();
    assert.ok(!text.includes('referral_invalid') && !text.includes('referrer_not_owner'), 'no codes shown');
    await shot(p, 'referral-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);
    // Nothing was registered.
    assert.equal(await p.getByTestId('list-count').getAttribute('data-count'), '1');
  });

  it('earns the reward once the friend signs, shown to the consultant without a 发放 button', kStep, async () => {
    const p = consultant.page;
    const sales = (method, path, body) => pageApi(p, method, path, body);
    contractId = (
      await sellUnit(sales, {
        projectId,
        unit: units.get(boughtCode),
        buyers: [friend.id],
        leadId: referral.lead_id,
        price: 300_000_000,
        contractNo,
        signedOn: chinaDay(-1),
        plan: [
          { due_on: chinaDay(20), amount_cents: 90_000_000, kind: 'down_payment' },
          { due_on: chinaDay(80), amount_cents: 210_000_000, kind: 'mortgage' },
        ],
      })
    ).id;
    assert.equal(ok(await sales('GET', `/referrals/${referral.id}`)).status, 'earned');

    await p.goto('/sales/referrals');
    await p.getByTestId('referral-tabs').getByRole('tab', { name: '待发放' }).click();
    await p.waitForURL('**/sales/referrals?status=earned');
    const row = p.getByTestId(`referral-row-${referral.id}`);
    await row.waitFor();
    for (const column of ['推荐人', '被推荐人', '项目', '置业顾问', '奖励', '状态', '合同', '登记时间']) {
      await p.getByTestId('referral-table').locator('th', { hasText: column }).first().waitFor();
    }
    await p.getByTestId(`referrer-${referral.id}`).getByText(owner.name).waitFor();
    assert.equal(await p.getByTestId(`referee-${referral.id}`).getAttribute('href'), `/customers/${friend.id}`);
    await row.getByText(projectName).waitFor();
    await row.getByText(people.sales.name).waitFor();
    await p.getByTestId(`reward-${referral.id}`).getByText('¥8,000').waitFor();
    await p.getByTestId(`referral-status-${referral.id}`).getByText('待发放').waitFor();
    const contract = p.getByTestId(`referral-contract-${referral.id}`);
    await contract.getByText(contractNo).waitFor();
    assert.equal(await contract.getAttribute('href'), `/sales/contracts/${contractId}`);
    assert.equal(await p.getByTestId(`pay-${referral.id}`).count(), 0, 'a consultant does not pay rewards');
  });

  it('lets the manager pay the reward on 老带新', kStep, async () => {
    const p = manager.page;
    await openMenu(p, '老带新');
    await p.waitForURL('**/sales/referrals');
    await p.getByTestId('referral-tabs').getByRole('tab', { name: '待发放' }).click();
    await p.waitForURL('**/sales/referrals?status=earned');
    await p.getByTestId(`referral-row-${referral.id}`).waitFor();
    await shot(p, 'referrals-earned');
    await p.getByTestId(`pay-${referral.id}`).click();
    const dialog = modal(p, '发放推荐奖励');
    await dialog.waitFor();
    await dialog.getByTestId('pay-what').getByText(`向业主 ${owner.name} 发放推荐奖励 ¥8,000`).waitFor();
    await dialog.getByTestId('pay-what').getByText(`${friend.name} 已签约（合同 ${contractNo}）`, { exact: false }).waitFor();
    await dialog.getByTestId('pay-note').fill(`转账流水 ${short}`);
    await shot(p, 'referral-pay');
    const answered = posted(p, `/referrals/${referral.id}/pay`, 200);
    await dialog.getByTestId('pay-submit').click();
    const paid = await (await answered).json();
    assert.equal(paid.status, 'paid');
    assert.ok(paid.paid_at);
    await modalClosed(p);
    await p.getByText(`已向 ${owner.name} 发放推荐奖励 ¥8,000`).waitFor();
    // Paid, it leaves 待发放 and shows under 已发放 with the day.
    await p.getByTestId(`referral-row-${referral.id}`).waitFor({ state: 'detached' });
    await p.getByTestId('referral-tabs').getByRole('tab', { name: '已发放' }).click();
    await p.waitForURL('**/sales/referrals?status=paid');
    const status = p.getByTestId(`referral-status-${referral.id}`);
    await status.getByText('已发放').waitFor();
    await status.getByText(/\d{4}-\d{2}-\d{2} 发放/).waitFor();
    assert.equal(await p.getByTestId(`pay-${referral.id}`).count(), 0);

    // 全部 of the project: the one referral, counted.
    await p.goto(`/sales/referrals?project_id=${projectId}`);
    await p.getByTestId('filter-project').getByText(projectName).waitFor();
    await p.getByTestId(`referral-row-${referral.id}`).waitFor();
    assert.equal(await p.getByTestId('list-count').getAttribute('data-count'), '1');
    await p.getByTestId('list-count').getByText('已加载 1 条 · 每页 50 条').waitFor();
    await shot(p, 'referrals');
  });

  it('fits the referral pages on a phone, the list as cards', kStep, async () => {
    const p = manager.page;
    await p.setViewportSize(kPhone);
    await p.goto(`/sales/referrals?project_id=${projectId}`);
    await p.getByTestId('referral-cards').getByTestId(`referral-row-${referral.id}`).waitFor();
    assert.equal(await p.getByTestId('referral-table').count(), 0, 'no table on a phone');
    await p.getByTestId(`referral-status-${referral.id}`).getByText('已发放').waitFor();
    await assertFitsPhone(p, 'the referrals');
    await shot(p, 'referrals-phone');

    await p.getByTestId('referral-register').click();
    const dialog = modal(p, '登记老带新');
    await dialog.waitFor();
    await dialog.getByTestId('referral-referee-phone').fill(mobile());
    await dialog.getByTestId('referral-referee-name').waitFor();
    await assertFitsPhone(p, 'the referral form');
    await shot(p, 'referral-form-phone');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    for (const [path, testId, name] of [
      [`/sales/leads/${referral.lead_id}`, 'fact-referrer', 'referral-lead-phone'],
      [`/sales/settings?project_id=${projectId}`, 'settings-referral_reward', 'referral-settings-phone'],
    ]) {
      await p.goto(path);
      await p.getByTestId(testId).waitFor();
      await assertFitsPhone(p, path);
      await shot(p, name);
    }
    await p.goto(`/customers/${owner.id}`);
    await openTab(p, '置业');
    await p.getByTestId(`customer-referral-${referral.id}`).waitFor();
    await assertFitsPhone(p, 'the owner’s 置业 tab');
    await shot(p, 'referral-customer-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('speaks English too, and no page failed', kStep, async () => {
    const p = manager.page;
    await p.goto(`/sales/referrals?project_id=${projectId}`);
    await p.getByTestId(`referral-row-${referral.id}`).waitFor();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Referrals' }).waitFor();
    await p.getByTestId(`referral-status-${referral.id}`).getByText('Paid', { exact: true }).waitFor();
    await p.getByTestId('referral-tabs').getByRole('tab', { name: 'To pay' }).waitFor();
    await shot(p, 'referrals-english');
    await p.getByRole('button', { name: '中文' }).click();
    await p.getByRole('heading', { name: '老带新' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
