// End-to-end browser tests of sales (销售: 判客, 跟进, 认筹, 认购, 签约, 回款) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/sales.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with units in it and two consultants (置业顾问) of the company; the first
// consultant then works in a browser of their own: registers a walk-in at the desk by keyboard,
// follows them up, pledges, subscribes (once losing the unit to someone quicker) and signs with a
// payment plan, records a payment and finds the contract in the ledger; the second consultant, on a
// phone, is told who holds the customer. The run makes everything it needs, so it works on an empty
// database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, personName, posted, randomDigits, requireEnvironment, runSuffix, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const mobile = () => `138${randomDigits(8)}`;

const companyName = `华中置业${suffix}`;
const projectName = `江城府${suffix}`;
const password = `E2e-sales-${suffix}-Pass`;
const consultants = {
  first: { username: `e2e_sales_a_${suffix}`, name: `顾问甲${short}`, roles: ['sales'] },
  second: { username: `e2e_sales_b_${suffix}`, name: `顾问乙${short}`, roles: ['sales'] },
};
const visitor = { name: personName('欧阳'), phone: mobile() };
const coBuyer = { name: personName('上官'), phone: mobile() };
const contractNo = `HT-${suffix}`;
const signedOn = chinaDay(-60);

describe('Sales: the visitor desk, follow-ups and a deal to the ledger', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let consultant; // the first consultant's browser { browser, page }
  let rival; // the second consultant's browser, on a phone
  let projectId;
  let units; // by code
  let leadId;
  let contractId;
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  const focusedTestId = (p) => p.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await rival?.browser.close();
    await consultant?.browser.close();
    await browser?.close();
  });

  it('sets up a company with a project, its units and two consultants', kStep, async () => {
    await signIn(page);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '江岸区沿江大道 1 号',
      floors: 6,
      decoration: 'finished',
      people: Object.values(consultants),
      password,
      customers: [coBuyer],
    }));
  });

  it('registers a walk-in at the desk by keyboard alone, in well under 30 seconds', kStep, async () => {
    consultant = await signInAs(consultants.first, password, { pageErrors });
    const p = consultant.page;
    await p.locator('.ant-layout-sider .ant-menu').getByText('销售', { exact: true }).waitFor();
    await openMenu(p, '来访登记');
    await p.waitForURL('**/sales/register');
    await p.getByRole('heading', { name: '来访登记' }).waitFor();
    // The consultant's company has one project: it is chosen already.
    await p.getByTestId('register-project').getByText(projectName).waitFor();
    await p.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'register-phone');

    const started = Date.now();
    await p.keyboard.type(visitor.phone);
    await p.getByTestId('new-customer-hint').getByText('未找到该手机号的客户').waitFor();
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'register-name');
    await p.keyboard.type(visitor.name);
    await p.keyboard.press('Tab'); // the project, chosen
    assert.equal(await focusedTestId(p), 'register-project');
    await p.keyboard.press('Tab');
    await p.keyboard.type('300'); // 万元
    await p.keyboard.press('Tab'); // the source: number keys
    await p.keyboard.press('3');
    await p.keyboard.press('1');
    await p.keyboard.press('Tab'); // the intent: letters
    await p.keyboard.press('a');
    await p.keyboard.press('Tab');
    await p.keyboard.type('三房，近地铁，预算内优先高楼层');
    await p.keyboard.press('Tab'); // the age band: a drop-down, by arrows
    await p.keyboard.press('ArrowDown');
    await p.locator('.ant-select-dropdown:visible').waitFor();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    await p.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await p.getByTestId('register-intent').locator('.ant-radio-button-wrapper-checked', { hasText: 'A 级' }).waitFor();
    await p.getByTestId('register-source').locator('.ant-radio-button-wrapper-checked', { hasText: '来访' }).waitFor();
    await p.evaluate(() => window.scrollTo(0, 0));
    await shot(p, 'sales-register');
    await p.keyboard.press('Shift+Tab'); // back to the needs, where Enter submits
    const answered = posted(p, '/leads', 201);
    await p.keyboard.press('Enter');
    const lead = await (await answered).json();
    leadId = lead.id;
    await p.waitForURL(`**/sales/leads/${leadId}`);
    await p.getByText(`已登记「${visitor.name}」的来访`).waitFor();
    const took = Date.now() - started;
    assert.ok(took < 30_000, `registering took ${took} ms`);

    assert.equal(lead.source, 'visit');
    assert.equal(lead.intent, 'A');
    assert.equal(lead.budget_cents, 300_000_000);
    assert.equal(lead.age_band, '35_44');
    await p.getByTestId('lead-customer').getByText(visitor.name).waitFor();
    await p.getByTestId('lead-intent').getByText('A 级').waitFor();
    await p.getByTestId('fact-budget').getByText('300 万元').waitFor();
    await p.getByTestId('fact-source').getByText('来访').waitFor();
    await p.getByTestId('fact-age').getByText('35–44 岁').waitFor();
    await p.getByTestId('fact-needs').getByText('三房，近地铁').waitFor();
    await p.getByTestId('fact-consultant').getByText(consultants.first.name).waitFor();
    await p.getByTestId('fact-protection').getByText(/保护至 \d{4}-\d{2}-\d{2}/).waitFor();
    // The customer was made with the number, and the lead links to them.
    assert.equal(await p.getByTestId('lead-customer').locator('a').getAttribute('href'), `/customers/${lead.customer_id}`);
    visitor.id = lead.customer_id;
  });

  it('lists the lead in 我的客户 with its intent, protection and count', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '我的客户');
    await p.waitForURL('**/sales/leads');
    const table = p.getByTestId('lead-table');
    for (const column of ['客户', '楼盘', '意向', '置业顾问', '保护期', '下次跟进']) await table.locator('th', { hasText: column }).first().waitFor();
    const row = table.locator('.ant-table-row', { hasText: visitor.name });
    await row.waitFor();
    await row.getByText(projectName).waitFor();
    await row.getByText(`${visitor.phone.slice(0, 3)}****${visitor.phone.slice(-4)}`).waitFor();
    await p.getByTestId(`lead-intent-${leadId}`).getByText('A 级').waitFor();
    await p.getByTestId(`lead-protection-${leadId}`).getByText(/保护至/).waitFor();
    assert.equal(await p.getByTestId('list-count').getAttribute('data-count'), '1');
    await p.getByTestId('list-count').getByText('已加载 1 条 · 每页 50 条').waitFor();
    await shot(p, 'sales-leads');

    // Nothing is due today yet, and the pool holds nobody of this company.
    await p.getByTestId('lead-tabs').getByRole('tab', { name: '今日跟进' }).click();
    await p.waitForURL('**/sales/leads?tab=due');
    await table.getByText('今天没有待跟进的客户').waitFor();
    await p.getByTestId('lead-tabs').getByRole('tab', { name: '公客池' }).click();
    await table.getByText('公客池暂无客户').waitFor();
    await p.getByTestId('lead-tabs').getByRole('tab', { name: '我的客户' }).click();
    await row.waitFor();
  });

  it('records a follow-up with the next time', kStep, async () => {
    const p = consultant.page;
    await p.getByTestId(`lead-link-${leadId}`).click();
    await p.waitForURL(`**/sales/leads/${leadId}`);
    await p.getByTestId('follow-ups').getByText('暂无跟进记录').waitFor();
    const form = p.getByTestId('follow-up-form');
    await form.getByTestId('follow-up-kind').getByText('微信').click();
    await form.getByTestId('follow-up-note').fill('发了样板间视频，客户周末带家人再来看 601。');
    await form.getByTestId('follow-up-next-1').click();
    const tomorrow = `${chinaDay(1)} 10:00`;
    assert.equal(await form.locator('.ant-picker input').inputValue(), tomorrow);
    const answered = posted(p, `/leads/${leadId}/follow-ups`, 201);
    await form.getByTestId('follow-up-submit').click();
    const followUp = await (await answered).json();
    assert.equal(followUp.kind, 'wechat');
    const item = p.getByTestId(`follow-up-${followUp.id}`);
    await item.getByText('发了样板间视频').waitFor();
    await item.getByText('微信').waitFor();
    await item.getByText(consultants.first.name).waitFor();
    await item.getByText(`约定下次跟进：${tomorrow}`).waitFor();
    await p.getByTestId('fact-next').getByText(tomorrow).waitFor();
    // The form starts over.
    assert.equal(await form.getByTestId('follow-up-note').inputValue(), '');
    await shot(p, 'sales-lead');
  });

  it('tells a second consultant, on a phone, who holds the customer and until when', kStep, async () => {
    rival = await signInAs(consultants.second, password, { pageErrors, viewport: kPhone });
    const p = rival.page;
    await p.goto('/sales/register');
    await p.getByTestId('register-project').getByText(projectName).waitFor();
    await p.getByTestId('register-phone').fill(visitor.phone);
    const matched = p.getByTestId('matched-customer');
    await matched.getByText(visitor.name).waitFor();
    assert.equal(await matched.getAttribute('data-customer'), String(visitor.id));
    await matched.getByText(`已在 ${projectName} 登记 · ${consultants.first.name}`).waitFor();
    const answered = posted(p, '/leads', 409);
    await p.getByTestId('register-phone').press('Enter');
    const refused = await (await answered).json();
    assert.equal(refused.error.code, 'lead_protected');
    const until = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(refused.error.protected_until));
    await p.getByTestId('register-refused').getByText(`该客户由 ${consultants.first.name} 保护至 ${until}`).waitFor();
    assert.equal(new URL(p.url()).pathname, '/sales/register');
    await assertFitsPhone(p, 'the visitor desk');
    await shot(p, 'sales-register-protected-phone');
  });

  it('registers a return visit of the same customer (复访)', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '来访登记');
    await p.waitForURL('**/sales/register');
    await p.getByTestId('register-phone').fill(visitor.phone);
    await p.getByTestId('matched-customer').getByText(visitor.name).waitFor();
    const answered = posted(p, '/leads', 200);
    await p.getByTestId('register-phone').press('Enter');
    assert.equal((await (await answered).json()).id, leadId, 'the same lead');
    await p.waitForURL(`**/sales/leads/${leadId}`);
    await p.getByText(`已登记复访：${visitor.name}`).waitFor();
    await p.getByTestId('fact-visits').getByText('2').waitFor();
    // The intent typed the first time stays unless changed.
    await p.getByTestId('lead-intent').getByText('A 级').waitFor();
  });

  it('takes a pledge (认筹) with a queue number', kStep, async () => {
    const p = consultant.page;
    await p.getByTestId('lead-pledge').click();
    const dialog = modal(p, '认筹');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('pledge-amount').inputValue(), '50,000');
    const answered = posted(p, '/pledges', 201);
    await dialog.getByRole('button', { name: /确认认筹/ }).click();
    const pledge = await (await answered).json();
    await modalClosed(p);
    await p.getByText(`已认筹，排号 ${pledge.queue_no}`).waitFor();
    await p.getByTestId(`lead-pledge-${pledge.id}`).getByText(`排号 ${pledge.queue_no}`).waitFor();
    await p.getByTestId(`lead-pledge-${pledge.id}`).getByText('¥50,000').waitFor();
  });

  it('runs the deal wizard to a subscription, choosing again when the unit is taken meanwhile', kStep, async () => {
    const p = consultant.page;
    await p.getByTestId('lead-subscribe').click();
    await p.waitForURL(`**/sales/deal?lead=${leadId}`);
    await p.getByTestId('deal-pledge').getByText(/该客户已认筹（排号 \d+，¥50,000）/).waitFor();
    const chooser = p.getByTestId('unit-chooser');
    await chooser.getByText('1-1-101').waitFor();
    // The search is focused: a code and Enter choose the unit and go on.
    await p.keyboard.type('501');
    await chooser.locator('.ant-table-row').first().getByText('1-1-501').waitFor();
    assert.equal(await chooser.locator('.ant-table-row').count(), 1);
    await p.keyboard.press('Enter');
    const form = p.getByTestId('subscription-form');
    await form.waitFor();
    await p.getByTestId('deal-unit').getByText('1-1-501').waitFor();

    // Someone is quicker: the unit is subscribed before this consultant confirms.
    ok(
      await api('POST', '/subscriptions', { unit_id: units.get('1-1-501').id, buyers: [{ customer_id: coBuyer.id, share: 1 }], price_cents: 300_000_000, deposit_cents: 0 }),
      201,
    );
    const refused = posted(p, '/subscriptions', 409);
    await form.getByTestId('deal-subscribe').click();
    assert.equal((await (await refused).json()).error.code, 'unit_unavailable');
    await p.getByTestId('unit-unavailable').getByText('房源 1-1-501 刚被他人认购或签约，请另选房源').waitFor();
    await chooser.waitFor();
    const search = chooser.getByTestId('unit-search');
    await search.fill('01');
    await chooser.locator('.ant-table-row', { hasText: '1-1-401' }).waitFor();
    assert.equal(await chooser.locator('.ant-table-row', { hasText: '1-1-501' }).count(), 0, 'the taken unit is offered no more');
    await search.fill('601');
    await search.press('Enter');
    await form.waitFor();
    await p.getByTestId('deal-unit').getByText('1-1-601').waitFor();

    // The lead's customer buys at 100% until a co-buyer joins: then the shares split evenly.
    await form.getByTestId('buyer-0').getByText(visitor.name).waitFor();
    assert.equal(await form.getByTestId('buyer-share-0').inputValue(), '100.00');
    const picker = form.getByLabel('添加共同买受人');
    await picker.click();
    await picker.fill(coBuyer.phone);
    await p.getByTestId(`picker-option-${coBuyer.id}`).click();
    await form.getByTestId('buyer-1').getByText(coBuyer.name).waitFor();
    assert.equal(await form.getByTestId('buyer-share-0').inputValue(), '50.00');
    assert.equal(await form.getByTestId('buyer-share-1').inputValue(), '50.00');
    await form.getByTestId('buyer-share-0').fill('70');
    await form.getByTestId('share-total').getByText('份额合计 120%，应为 100%').waitFor();
    assert.equal(await form.getByTestId('deal-subscribe').isDisabled(), true);
    await form.getByTestId('buyer-share-1').fill('30');
    await form.getByTestId('share-total').getByText('份额合计 100%').waitFor();
    assert.equal(await form.getByTestId('deal-price').inputValue(), '3,000,000', 'the list price to begin with');
    await form.getByTestId('deal-price').fill('2950000');
    await shot(p, 'sales-deal-subscription');

    const answered = posted(p, '/subscriptions', 201);
    await form.getByTestId('deal-subscribe').click();
    const subscription = await (await answered).json();
    assert.equal(subscription.price_cents, 295_000_000);
    assert.equal(subscription.deposit_cents, 5_000_000);
    assert.deepEqual(
      subscription.buyers.map((b) => [b.customer_id, b.share]),
      [
        [visitor.id, 0.7],
        [coBuyer.id, 0.3],
      ],
    );
    await p.getByTestId('contract-form').waitFor();
    assert.equal(new URL(p.url()).searchParams.get('subscription'), String(subscription.id), 'a reload keeps the contract step');
    await p.getByTestId('deal-buyers').getByText(`${visitor.name}（70%）、${coBuyer.name}（30%）`).waitFor();
  });

  it('signs the contract once its payment plan adds up to the total', kStep, async () => {
    const p = consultant.page;
    // A reload comes back to the contract step.
    await p.reload();
    const form = p.getByTestId('contract-form');
    await form.waitFor();
    await form.getByTestId('contract-no').fill(contractNo);
    const date = form.getByLabel('签约日期');
    await date.click();
    await date.fill(signedOn);
    await date.press('Enter');
    assert.equal(await form.getByTestId('contract-total').inputValue(), '2,950,000', 'the price to begin with');
    await form.getByTestId('plan-remaining').getByText('尚需分配 ¥2,950,000').waitFor();
    assert.equal(await form.getByTestId('contract-submit').isDisabled(), true);

    await form.getByTestId('plan-quick-fill').click();
    assert.equal(await form.getByTestId('plan-amount-0').inputValue(), '885,000');
    assert.equal(await form.getByTestId('plan-amount-1').inputValue(), '2,065,000');
    await form.getByTestId('plan-remaining').getByText('已分配完毕，合计 ¥2,950,000').waitFor();
    // A line changed by hand: the rest is to allocate, and the contract waits.
    await form.getByTestId('plan-amount-1').fill('2000000');
    await form.getByTestId('plan-remaining').getByText('尚需分配 ¥65,000').waitFor();
    assert.equal(await form.getByTestId('contract-submit').isDisabled(), true);
    await form.getByTestId('plan-add').click();
    assert.equal(await form.getByTestId('plan-amount-2').inputValue(), '65,000');
    await form.getByTestId('plan-remove-2').click();
    await form.getByTestId('plan-quick-fill').click();
    await form.getByTestId('plan-remaining').getByText('已分配完毕').waitFor();
    await shot(p, 'sales-deal-contract');

    const answered = posted(p, '/contracts', 201);
    await form.getByTestId('contract-submit').click();
    const contract = await (await answered).json();
    contractId = contract.id;
    assert.equal(contract.total_cents, 295_000_000);
    assert.deepEqual(
      contract.payment_plan.map((line) => [line.kind, line.amount_cents]),
      [
        ['down_payment', 88_500_000],
        ['mortgage', 206_500_000],
      ],
    );
    assert.equal(contract.payment_plan[0].due_on, signedOn);
    await p.waitForURL(`**/sales/contracts/${contractId}`);
    await p.getByText(`已签约，合同 ${contractNo}`).waitFor();
  });

  it('shows the contract with its plan, and records a payment with a receipt', kStep, async () => {
    const p = consultant.page;
    await p.getByTestId('contract-no').getByText(`合同 ${contractNo}`).waitFor();
    await p.getByTestId('fact-unit').getByRole('link', { name: '1-1-601' }).waitFor();
    assert.equal(await p.getByTestId('fact-unit').locator('a').getAttribute('href'), `/units/${units.get('1-1-601').id}`);
    assert.equal(await p.getByTestId(`buyer-link-${visitor.id}`).getAttribute('href'), `/customers/${visitor.id}`);
    await p.getByTestId('fact-buyers').getByText(coBuyer.name).waitFor();
    await p.getByTestId('fact-total').getByText('¥2,950,000').waitFor();
    // Both lines fell due before today and nothing is paid.
    const plan = p.getByTestId('plan-table');
    assert.equal(await plan.locator('.ant-table-row').count(), 2);
    assert.equal(await plan.locator('.ant-tag', { hasText: '逾期' }).count(), 2);
    await p.getByTestId('contract-overdue').getByText('¥2,950,000').waitFor();
    await p.getByTestId('payment-table').getByText('暂无回款').waitFor();

    const form = p.getByTestId('payment-form');
    assert.equal(await form.getByTestId('payment-amount').inputValue(), '885,000', 'what the first line asks for');
    await form.getByText('未收金额 ¥2,950,000').waitFor();
    const answered = posted(p, `/contracts/${contractId}/payments`, 201);
    await form.getByTestId('payment-submit').click();
    const payment = await (await answered).json();
    assert.ok(payment.receipt_no, 'a receipt number');
    assert.equal(payment.contract.paid_cents, 88_500_000);
    await p.getByTestId('payment-receipt').getByText(`收据号 ${payment.receipt_no}（¥885,000）`).waitFor();
    const row = p.getByTestId('payment-table').locator('.ant-table-row', { hasText: payment.receipt_no });
    await row.getByText('银行转账').waitFor();
    await row.getByText('¥885,000').waitFor();
    await plan.locator('.ant-tag', { hasText: '已付清' }).waitFor();
    await p.getByTestId('contract-overdue').getByText('¥2,065,000').waitFor();
    assert.equal(await p.getByTestId('contract-paid').getAttribute('data-paid'), '88500000');
    // The next payment asks for the mortgage.
    assert.equal(await form.getByTestId('payment-amount').inputValue(), '2,065,000');
    await shot(p, 'sales-contract');
  });

  it('lists the contract in 签约台账, also among the overdue, the overdue amount in red', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '签约台账');
    await p.waitForURL('**/sales/contracts');
    const table = p.getByTestId('contract-table');
    const row = table.locator('.ant-table-row', { hasText: contractNo });
    await row.waitFor();
    await row.getByText(projectName).waitFor();
    await row.getByText('1-1-601').waitFor();
    await row.getByText(visitor.name).waitFor();
    await row.getByText(signedOn).waitFor();
    await p.getByTestId(`contract-paid-${contractId}`).getByText('¥885,000').waitFor();
    const overdue = p.getByTestId(`contract-overdue-${contractId}`);
    await overdue.getByText('¥2,065,000').waitFor();
    assert.equal(await overdue.evaluate((el) => getComputedStyle(el).color), 'rgb(255, 77, 79)');
    await p.getByTestId('overdue-filter').getByText('逾期', { exact: true }).click();
    await p.waitForURL('**/sales/contracts?overdue=true');
    await row.waitFor();
    await shot(p, 'sales-contracts');

    // The customer bought: the lead is won.
    await p.goto(`/sales/leads/${leadId}`);
    await p.getByTestId('lead-status').getByText('已成交').waitFor();
    await p.getByTestId(`lead-contract-${contractId}`).getByText(`合同 ${contractNo}`).waitFor();
    assert.equal(await p.getByTestId('lead-subscribe').count(), 0);

    // The customer's page has a 置业 tab with the registration and the contract.
    await p.getByTestId('lead-customer').getByRole('link', { name: visitor.name }).click();
    await p.waitForURL(`**/customers/${visitor.id}`);
    await p.getByRole('tab', { name: '置业' }).click();
    await p.getByTestId(`customer-lead-${leadId}`).getByText(projectName).waitFor();
    await p.getByTestId(`customer-contract-${contractId}`).getByText(contractNo).waitFor();
    await p.getByTestId('customer-sales').getByText('已成交').waitFor();
  });

  it('fits every sales page on a phone, tables scrolling inside their cards', kStep, async () => {
    const p = consultant.page;
    await p.setViewportSize(kPhone);
    const pages = [
      ['/sales/leads', 'lead-table', 'sales-leads-phone'],
      [`/sales/leads/${leadId}`, 'lead-header', 'sales-lead-phone'],
      ['/sales/register', 'register-desk', null],
      [`/sales/contracts/${contractId}`, 'plan-table', 'sales-contract-phone'],
      ['/sales/contracts?overdue=true', 'contract-table', 'sales-contracts-phone'],
      ['/sales/settings', 'settings-form', 'sales-settings-phone'],
    ];
    for (const [path, testId, name] of pages) {
      await p.goto(path);
      await p.getByTestId(testId).first().waitFor();
      await p.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => {});
      await assertFitsPhone(p, path);
      if (name) await shot(p, name);
    }
    // The wizard on a phone: a new lead of the co-buyer, at its first step.
    const lead = ok(await pageApi(p, 'POST', '/leads', { project_id: projectId, customer_id: coBuyer.id, source: 'call', intent: 'B' }), 201);
    await p.goto(`/sales/deal?lead=${lead.id}`);
    await p.getByTestId('unit-chooser').locator('.ant-table-row').first().waitFor();
    await assertFitsPhone(p, 'the deal wizard');
    await shot(p, 'sales-deal-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the attribution rules to a consultant, and lets the administrator change them', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '判客规则');
    await p.waitForURL('**/sales/settings');
    await p.getByTestId('settings-read-only').waitFor();
    assert.equal(await p.getByTestId('settings-visit_days').isDisabled(), true);
    assert.equal(await p.getByTestId('settings-save').count(), 0);

    await page.goto(`/sales/settings?project_id=${projectId}`);
    await page.getByTestId('settings-project').getByText(projectName).waitFor();
    assert.equal(await page.getByTestId('settings-read-only').count(), 0);
    const visitDays = page.getByTestId('settings-visit_days');
    assert.equal(await visitDays.inputValue(), '30');
    await visitDays.fill('45');
    const answered = page.waitForResponse((r) => r.url().endsWith(`/projects/${projectId}/sales-settings`) && r.request().method() === 'PUT');
    await page.getByTestId('settings-save').click();
    assert.equal((await answered).status(), 200);
    await page.getByText('判客规则已保存').waitFor();
    assert.equal(ok(await api('GET', `/projects/${projectId}/sales-settings`)).visit_days, 45);
    await shot(page, 'sales-settings');
  });

  it('speaks English too', kStep, async () => {
    await page.goto(`/sales/contracts/${contractId}`);
    await page.getByTestId('contract-no').getByText(`合同 ${contractNo}`).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('contract-no').getByText(`Contract ${contractNo}`).waitFor();
    await page.getByText('Payment plan', { exact: true }).waitFor();
    await page.getByTestId('plan-table').getByText('Mortgage').waitFor();
    await shot(page, 'sales-contract-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByText('付款计划', { exact: true }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
