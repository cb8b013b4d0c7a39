// End-to-end browser tests of 报表与回款 (collections, the ageing report, the funnel, the visitor
// profile, the message log) and of 报备（客户确认） at the visitor desk, against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/sales-collections.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with units, a consultant (sales) and a sales manager of the company, and
// customers. The consultant registers two visitors with their profile and signs a contract (through
// the API) whose down payment was due three days ago. Then, in the browsers: the contract is on
// 回款催收 as 逾期提醒 with its buyers; the consultant records a call with the day the buyers promised
// to pay by, and the task is 已承诺; the manager reads 回款账龄 and downloads it as CSV (a UTF-8 BOM)
// and Excel ("PK"); the funnel by project and the visitor profile count the period's visitors; at the
// desk the consultant asks a customer's consent by QR code, which the customer (a second browser, no
// sign-in, a phone's screen) agrees to, and the desk shows the lead; asked by SMS on a server without
// an SMS service, the desk says so and offers the QR code. Pages are checked on a phone too. The run
// makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertFitsPhone, assertNoWords, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, personName, posted, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs, yuan } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const mobile = () => `135${randomDigits(8)}`;

const companyName = `闽江置业${suffix}`;
const projectName = `榕城府${suffix}`;
const password = `E2e-collect-${suffix}-Pass`;
const people = {
  sales: { username: `e2e_coll_sales_${suffix}`, name: `顾问壬${short}`, roles: ['sales'] },
  manager: { username: `e2e_coll_mgr_${suffix}`, name: `经理癸${short}`, roles: ['manager'] },
};
const buyer = { name: personName('欧阳'), phone: mobile() }; // signs 1-1-201, the down payment overdue
const coBuyer = { name: personName('上官'), phone: mobile() }; // signs with the buyer
const visitor = { name: personName('公孙'), phone: mobile() }; // registered, no deal
const walkIn = { name: personName('夏侯'), phone: mobile() }; // 报备 by QR code at the desk
const texted = { name: personName('尉迟'), phone: mobile() }; // 报备 by SMS: no SMS service
const contractNo = `HT-COLL-${suffix}`;
const unitCode = '1-1-201';
const kPrice = 300_000_000; // ¥3,000,000
const kDown = 90_000_000; // ¥900,000, due three days ago

describe('Sales: 报表与回款 and 报备（客户确认）', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let consultant; // { browser, page }
  let manager; // { browser, page }
  let customerPhone; // the customer's own phone, no sign-in: { browser, page }
  let projectId;
  let contract;
  let task; // the dunning task, as the server lists it
  let consent; // the QR consent, as the server answered it
  let units; // by code
  const pageErrors = [];

  const api = (method, path, body) => pageApi(page, method, path, body);

  /** The file the click downloads: its name and bytes. */
  const download = async (p, click) => {
    const [file] = await Promise.all([p.waitForEvent('download'), click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: readFileSync(path) };
  };

  /** Nothing on the page shows a code of the server (a status, a stage, a field name). */
  const assertNoCodes = (scope, where) =>
    assertNoWords(scope, ['promised', 'unconfigured', 'sms_unavailable', 'lead_consent', 'overdue_cents', 'waiting', 'confirmed', 'undefined', 'NaN'], where);

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await customerPhone?.browser.close();
    await manager?.browser.close();
    await consultant?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project, a consultant, a manager, visitors and a contract whose down payment is overdue', kStep, async () => {
    await signIn(page);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '福州',
      address: '鼓楼区五四路 88 号',
      floors: 4,
      decoration: 'finished',
      rooms: [
        { suffix: '01', layout: '3室2厅2卫', area_m2: 118, list_price_cents: kPrice },
        { suffix: '02', layout: '2室2厅1卫', area_m2: 89, list_price_cents: 210_000_000 },
      ],
      people: Object.values(people),
      password,
      customers: [buyer, coBuyer, visitor, walkIn, texted],
    }));
    assert.ok(units.has(unitCode));

    // The consultant registers two visitors (with their profile) and signs the buyers.
    consultant = await signInAs(people.sales, password, { pageErrors });
    const sales = (method, path, body) => pageApi(consultant.page, method, path, body);
    const lead = ok(
      await sales('POST', '/leads', {
        project_id: projectId,
        customer_id: buyer.id,
        source: 'visit',
        intent: 'A',
        age_band: '35_44',
        household: 'young_family',
        need_type: 'upgrade',
      }),
      201,
    );
    ok(await sales('POST', '/leads', { project_id: projectId, customer_id: visitor.id, source: 'call', intent: 'B', age_band: '25_34', need_type: 'first_home' }), 201);
    contract = await sellUnit(sales, {
      projectId,
      unit: units.get(unitCode),
      buyers: [buyer.id, coBuyer.id],
      leadId: lead.id,
      price: kPrice,
      contractNo,
      signedOn: chinaDay(-10),
      plan: [
        { due_on: chinaDay(-3), amount_cents: kDown, kind: 'down_payment' },
        { due_on: chinaDay(60), amount_cents: kPrice - kDown, kind: 'mortgage' },
      ],
    });
    // Signed with an instalment past due, the contract is chased at once: 逾期提醒.
    const tasks = ok(await sales('GET', `/dunning-tasks?project_id=${projectId}`)).items;
    assert.equal(tasks.length, 1, JSON.stringify(tasks));
    task = tasks[0];
    assert.equal(task.contract_id, contract.id);
    assert.equal(task.stage, 1);
    assert.equal(task.status, 'open');
    assert.equal(task.days_overdue, 3);
    assert.equal(task.oldest_due_on, chinaDay(-3));
    assert.ok(task.overdue_cents > 0 && task.overdue_cents <= kDown, String(task.overdue_cents));
  });

  it('shows the overdue contract on 回款催收 as 逾期提醒 with its buyers, and records the consultant’s call with a promise', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '报表与回款');
    await p.waitForURL('**/sales/reports');
    await p.getByRole('heading', { name: '报表与回款' }).waitFor();
    await p.getByTestId('reports-tabs').getByRole('tab', { name: '回款催收', selected: true }).waitFor();
    // A consultant sees their own contracts first.
    assert.equal(await p.getByRole('checkbox', { name: '只看我的合同' }).isChecked(), true);
    const row = p.getByTestId(`dunning-row-${task.id}`);
    await row.waitFor();
    for (const column of ['合同', '买受人', '置业顾问', '催收阶段', '逾期金额', '最早应付日', '状态', '最近联系']) {
      await p.getByTestId('dunning-table').locator('th', { hasText: column }).first().waitFor();
    }
    await p.getByTestId(`dunning-contract-${task.id}`).getByText(contractNo).waitFor();
    await row.getByText(`${projectName} ${unitCode}`).waitFor();
    assert.equal(await row.getByTestId(`buyer-link-${buyer.id}`).innerText(), buyer.name);
    assert.equal(await row.getByTestId(`buyer-link-${coBuyer.id}`).innerText(), coBuyer.name);
    await row.getByText(people.sales.name).waitFor();
    await p.getByTestId(`dunning-stage-${task.id}`).getByText('逾期提醒').waitFor();
    await p.getByTestId(`dunning-overdue-${task.id}`).getByText(yuan(task.overdue_cents)).waitFor();
    await p.getByTestId(`dunning-days-${task.id}`).getByText('已逾期 3 天').waitFor();
    await row.getByText(chinaDay(-3)).waitFor();
    await p.getByTestId(`dunning-status-${task.id}`).getByText('待催收').waitFor();
    await row.getByText('尚未联系').waitFor();
    await p.getByTestId('list-count').getByText('已加载 1 条 · 每页 50 条').waitFor();
    await assertNoCodes(p.getByTestId('dunning-tasks'), 'the dunning list');
    await shot(p, 'collections-dunning');

    await p.getByTestId(`dunning-open-${task.id}`).click();
    const dialog = modal(p, `记录催收：${contractNo}`);
    await dialog.waitFor();
    await dialog.getByTestId('dunning-what').getByText(`${buyer.name}、${coBuyer.name} 逾期 ${yuan(task.overdue_cents)}`).waitFor();
    await dialog.getByTestId('dunning-what').getByText(`最早一期应于 ${chinaDay(-3)} 付款，已逾期 3 天`, { exact: false }).waitFor();
    await dialog.getByText('尚无催收记录').waitFor();
    // Keys choose the way: 3 上门, then 1 电话.
    await dialog.getByTestId('dunning-kind').getByText('1 电话').click();
    await p.keyboard.press('3');
    assert.equal(await dialog.getByTestId('dunning-kind').locator('input[value="visit"]').isChecked(), true);
    await p.keyboard.press('1');
    assert.equal(await dialog.getByTestId('dunning-kind').locator('input[value="call"]').isChecked(), true);
    await dialog.getByTestId('dunning-note').fill('客户称公积金贷款审批中，下周一前先付首付');
    const promise = chinaDay(4);
    const picker = dialog.getByPlaceholder('客户答应付款的日期（可不填）');
    await picker.click();
    await picker.fill(promise);
    await picker.press('Enter');
    await shot(p, 'collections-record');
    const answered = posted(p, `/dunning-tasks/${task.id}/contacts`, 201);
    await dialog.getByTestId('dunning-submit').click();
    const contact = await (await answered).json();
    assert.equal(contact.kind, 'call');
    assert.equal(contact.promised_on, promise);
    assert.equal(contact.actor_name, people.sales.name);
    await modalClosed(p);
    await p.getByText(`已记录：客户承诺 ${promise} 前付款`).waitFor();
    // The task is 已承诺 until then, its last contact just now.
    const status = p.getByTestId(`dunning-status-${task.id}`);
    await status.getByText('已承诺').waitFor();
    await status.getByText(`承诺 ${promise} 前付款`).waitFor();
    assert.equal(await row.getByText('尚未联系').count(), 0);
    await p.getByTestId('dunning-view').getByText('已承诺').click();
    await p.waitForURL('**/sales/reports?status=promised');
    await row.waitFor();
    await p.getByTestId('dunning-view').getByText('已结清').click();
    await p.getByTestId('dunning-table').getByText('没有已结清的合同').waitFor();
    await p.getByTestId('dunning-view').getByText('待跟进').click();
    await row.waitFor();

    // The history is in the dialog.
    await p.getByTestId(`dunning-open-${task.id}`).click();
    const again = modal(p, `记录催收：${contractNo}`);
    await again.getByTestId(`dunning-contact-${contact.id}`).getByText('客户称公积金贷款审批中，下周一前先付首付').waitFor();
    await again.getByTestId(`dunning-contact-${contact.id}`).getByText(`承诺 ${promise} 前付款`).waitFor();
    await again.getByTestId(`dunning-contact-${contact.id}`).getByText('电话').waitFor();
    await shot(p, 'collections-history');
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);
  });

  it('shows the manager the ageing report and downloads it as CSV and Excel', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await p.goto('/sales/reports');
    // A manager sees every contract in scope, not only their own.
    assert.equal(await p.getByRole('checkbox', { name: '只看我的合同' }).isChecked(), false);
    await p.getByTestId(`dunning-row-${task.id}`).waitFor();
    await p.getByTestId(`dunning-status-${task.id}`).getByText('已承诺').waitFor();

    // A notification's link (逾期提醒) opens the task's dialog; closed, the address forgets it.
    await p.goto(`/sales/reports?task=${task.id}`);
    const linked = modal(p, `记录催收：${contractNo}`);
    await linked.getByTestId('dunning-what').waitFor();
    await p.waitForURL((url) => !url.searchParams.has('task'));
    await linked.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    await p.getByTestId('reports-tabs').getByRole('tab', { name: '回款账龄' }).click();
    await p.waitForURL('**/sales/reports?tab=collections');
    const row = p.getByTestId(`collection-row-${projectId}`);
    await row.waitFor();
    const report = ok(await pageApi(p, 'GET', `/sales/collections?project_id=${projectId}`));
    const line = report.rows[0];
    assert.equal(line.contracts, 1);
    assert.equal(line.overdue_contracts, 1);
    assert.equal(line.overdue_cents, task.overdue_cents);
    assert.equal(line.overdue_1_30_cents, task.overdue_cents);
    await row.getByText(projectName).waitFor();
    await row.getByText(yuan(kPrice)).first().waitFor();
    await row.getByText(yuan(line.overdue_cents)).first().waitFor();
    await row.getByText(`${Number((line.collection_rate * 100).toFixed(1))}%`).waitFor();
    await p.getByTestId('collections-as-of').getByText(`截至 ${report.as_of}`).waitFor();
    await p.getByTestId(`collection-ageing-${projectId}`).getByText('逾期 1–30 天').waitFor();
    for (const column of ['项目', '合同数', '合同总额', '已回款', '未到期', '逾期合计', '逾期账龄', '逾期合同', '回款率']) {
      await p.getByTestId('collections-table').locator('th', { hasText: column }).first().waitFor();
    }
    await assertNoCodes(p.getByTestId('collections-report'), 'the ageing report');
    await shot(p, 'collections-ageing');

    // Only this project: the totals are its own.
    await p.goto(`/sales/reports?tab=collections&project_id=${projectId}`);
    await p.getByTestId('filter-project').getByText(projectName).waitFor();
    await p.getByTestId('collections-overdue').getByText(yuan(line.overdue_cents)).waitFor();
    const csv = await download(p, () => p.getByTestId('collections-download-csv').click());
    assert.match(csv.name, /^回款账龄-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM');
    const text = csv.bytes.toString('utf8');
    assert.ok(text.includes(projectName) && text.includes('逾期1-30天'), text.slice(0, 300));
    await p.getByText(`已下载 ${csv.name}`).waitFor();
    const xlsx = await download(p, () => p.getByTestId('collections-download-xlsx').click());
    assert.match(xlsx.name, /\.xlsx$/);
    assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'the Excel file is a ZIP');
  });

  it('counts the period’s visitors on the funnel by project and the visitor profile', kStep, async () => {
    const p = manager.page;
    await p.getByTestId('reports-tabs').getByRole('tab', { name: '销售漏斗' }).click();
    await p.getByTestId('funnel-by').getByText('按项目').click();
    await p.waitForURL('**/sales/reports?**by=project**');
    const funnel = ok(await pageApi(p, 'GET', `/sales/funnel?by=project&project_id=${projectId}`));
    const mine = funnel.rows[0];
    assert.equal(mine.leads, 2);
    assert.equal(mine.contracts, 1);
    const row = p.getByTestId(`funnel-row-${mine.key}`);
    await row.waitFor();
    await row.getByText(projectName).waitFor();
    await p.getByTestId('funnel-table').locator('th', { hasText: '项目' }).first().waitFor();
    await p.getByTestId('funnel-row-total').getByText('合计').waitFor();
    // The period the server chose (the last 30 days) is in the picker.
    const from = p.getByTestId('funnel-report').locator('.ant-picker-range input').first();
    await from.waitFor();
    assert.equal(await from.inputValue(), funnel.from);
    await shot(p, 'collections-funnel');
    const funnelCsv = await download(p, () => p.getByTestId('funnel-download-csv').click());
    assert.match(funnelCsv.name, /^销售漏斗-按项目-.+\.csv$/);
    assert.deepEqual([...funnelCsv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);

    await p.getByTestId('reports-tabs').getByRole('tab', { name: '来访画像' }).click();
    await p.waitForURL('**/sales/reports?**tab=profile**');
    const profile = ok(await pageApi(p, 'GET', `/sales/visitor-profile?project_id=${projectId}`));
    assert.equal(profile.total, 2);
    await p.getByTestId('profile-total').getByText('2').first().waitFor();
    assert.equal(await p.getByTestId('profile-total').getAttribute('data-count'), '2');
    await p.getByTestId('profile-period').getByText(`${profile.from} 至 ${profile.to}`).waitFor();
    for (const [dimension, title] of [
      ['age_band', '年龄段'],
      ['household', '家庭结构'],
      ['need_type', '置业需求'],
      ['source', '来源渠道'],
      ['intent', '意向等级'],
    ]) {
      await p.getByTestId(`profile-${dimension}`).getByText(title, { exact: true }).waitFor();
    }
    // In the desk's words, each with its count and share.
    const age = p.getByTestId('profile-age_band-35_44');
    assert.equal(await age.getAttribute('data-count'), '1');
    await age.getByText('35–44 岁').waitFor();
    await age.getByText('50%').waitFor();
    assert.equal(await p.getByTestId('profile-source-call').getAttribute('data-count'), '1');
    await p.getByTestId('profile-source-call').getByText('来电').waitFor();
    assert.equal(await p.getByTestId('profile-intent-A').getAttribute('data-count'), '1');
    await p.getByTestId('profile-intent-A').getByText('A 级').waitFor();
    await p.getByTestId('profile-household-young_family').getByText('幼儿家庭').waitFor();
    await assertNoCodes(p.getByTestId('visitor-profile'), 'the visitor profile');
    await shot(p, 'collections-profile');
    const profileXlsx = await download(p, () => p.getByTestId('profile-download-xlsx').click());
    assert.match(profileXlsx.name, /^来访客户画像-.+\.xlsx$/);
    assert.equal(profileXlsx.bytes.subarray(0, 2).toString('latin1'), 'PK');

    // 短信记录 is the managers'.
    await p.getByTestId('reports-tabs').getByRole('tab', { name: '短信记录' }).click();
    await p.getByTestId('message-log').waitFor();
    await p.getByTestId('message-purpose').waitFor();
    await shot(p, 'collections-messages');
    assert.equal(await consultant.page.getByTestId('reports-tabs').getByRole('tab', { name: '短信记录' }).count(), 0, 'not for consultants');
  });

  it('registers a walk-in at the desk once they agree on their phone to the QR code', kStep, async () => {
    const p = consultant.page;
    await openMenu(p, '来访登记');
    await p.waitForURL('**/sales/register');
    await p.getByTestId('register-way').getByText('报备（客户确认）').click();
    await p.waitForURL('**/sales/register?way=consent');
    await p.getByTestId('consent-intro').getByText('客户本人确认后，登记为您在该项目的客户（来源：中介）。').waitFor();
    // The visit's fields are not asked: the server registers the lead when the customer agrees.
    assert.equal(await p.getByTestId('register-source').count(), 0);
    // Keyboard first: the number, then 2 for the QR code, then Enter.
    await p.getByTestId('register-phone').fill(walkIn.phone);
    await p.getByTestId('matched-customer').getByText(walkIn.name).waitFor();
    await p.getByTestId('register-project').getByText(projectName).waitFor();
    await p.getByTestId('consent-method').getByText('1 短信验证码').click();
    await p.keyboard.press('2');
    assert.equal(await p.getByTestId('consent-method').locator('input[value="qr"]').isChecked(), true);
    await p.getByText('客户用手机扫描二维码，在页面上点「同意」').waitFor();
    await shot(p, 'consent-desk-form');
    const asked = posted(p, '/lead-consents', 201);
    await p.keyboard.press('Enter');
    consent = await (await asked).json();
    assert.equal(consent.method, 'qr');
    assert.equal(consent.status, 'waiting');
    assert.ok(consent.token);
    const progress = p.getByTestId('consent-progress');
    await progress.getByTestId('consent-who').getByText(`${walkIn.name} · ${projectName}`).waitFor();
    await progress.getByTestId('consent-status').getByText('等待确认').waitFor();
    await progress.getByTestId('consent-countdown').getByText(/剩余 (10:00|9:\d\d)/).waitFor();
    await progress.getByTestId('consent-qr').locator('canvas, svg').first().waitFor();
    const link = await progress.getByTestId('consent-link').innerText();
    assert.ok(link.endsWith(`/consent/${consent.token}`), link);
    await shot(p, 'consent-desk-qr');

    // The customer's phone: no sign-in, a phone's screen.
    customerPhone = await launch();
    const c = customerPhone.page;
    c.on('pageerror', (err) => pageErrors.push(String(err)));
    await c.setViewportSize(kPhone);
    const fetched = [];
    c.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await c.goto(`/consent/${consent.token}`);
    const intro = c.getByTestId('consent-intro');
    await intro.getByText(`${people.sales.name} 为您登记了 ${projectName} 的购房意向`, { exact: false }).waitFor();
    await c.getByTestId('consent-panel').getByText(walkIn.name).waitFor();
    // Its own small chunk: no frame, no menu, no module's messages.
    assert.ok(!fetched.some((path) => /SignedInRoutes|messagesModules|messagesService|AppLayout/.test(path)), fetched.join(' '));
    assert.equal(await c.locator('.ant-layout-sider').count(), 0);
    await assertFitsPhone(c, 'the consent page');
    await assertNoCodes(c.getByTestId('consent-panel'), 'the consent page');
    await shot(c, 'consent-public-phone');
    const agreed = posted(c, `/public/lead-consents/${consent.token}/agree`, 200);
    await c.getByTestId('consent-agree').click();
    assert.equal((await (await agreed).json()).status, 'confirmed');
    await c.getByTestId('consent-thanks').getByText('已确认，感谢您！').waitFor();
    await c.getByTestId('consent-thanks').getByText(`${people.sales.name} 将为您提供 ${projectName} 的置业服务`, { exact: false }).waitFor();
    await shot(c, 'consent-public-thanks');

    // The desk, polling, shows the lead.
    const done = p.getByTestId('consent-confirmed');
    await done.getByText(`${walkIn.name} 已确认报备`).waitFor({ timeout: 10_000 });
    await done.getByText(`已登记为 ${people.sales.name} 在 ${projectName} 的客户（来源：中介）。`).waitFor();
    const confirmed = ok(await pageApi(p, 'GET', `/lead-consents/${consent.id}`));
    assert.equal(confirmed.status, 'confirmed');
    assert.ok(confirmed.lead_id);
    assert.equal(await p.getByTestId('consent-lead').getAttribute('href'), `/sales/leads/${confirmed.lead_id}`);
    await shot(p, 'consent-desk-confirmed');
    await p.getByTestId('consent-lead').click();
    await p.waitForURL(`**/sales/leads/${confirmed.lead_id}`);
    await p.getByTestId('lead-customer').getByText(walkIn.name).waitFor();
    await p.getByTestId('fact-source').getByText('中介').waitFor();
    await p.getByTestId('fact-consultant').getByText(people.sales.name).waitFor();

    // The link again: agreed already.
    await c.reload();
    await c.getByTestId('consent-thanks').waitFor();
    // A link that is not one.
    await c.goto('/consent/not-a-real-token');
    await c.getByTestId('consent-invalid').getByText('链接无效').waitFor();
    await shot(c, 'consent-public-invalid');
  });

  it('says so when the server has no SMS service, and offers the QR code instead', kStep, async () => {
    const p = consultant.page;
    await p.goto('/sales/register?way=consent');
    await p.getByTestId('register-phone').fill(texted.phone);
    await p.getByTestId('matched-customer').getByText(texted.name).waitFor();
    await p.getByTestId('consent-method').getByText('1 短信验证码').click();
    const refused = posted(p, '/lead-consents', 503);
    await p.getByTestId('consent-submit').click();
    assert.equal((await (await refused).json()).error.code, 'sms_unavailable');
    const alert = p.getByTestId('register-refused');
    await alert.getByText('系统未配置短信服务，无法发送验证码。请改用扫码确认。').waitFor();
    await assertNoCodes(p.getByTestId('register-desk'), 'the desk');
    await shot(p, 'consent-desk-no-sms');
    const asked = posted(p, '/lead-consents', 201);
    await alert.getByTestId('consent-use-qr').click();
    const qr = await (await asked).json();
    assert.equal(qr.method, 'qr');
    await p.getByTestId('consent-qr').waitFor();
    assert.equal(await p.getByTestId('consent-method').locator('input[value="qr"]').isChecked(), true);
    // Back to the form: the same customer is still there.
    await p.getByTestId('consent-back').click();
    await p.getByTestId('matched-customer').getByText(texted.name).waitFor();
    // Asked again within the minute: refused in words.
    const again = posted(p, '/lead-consents', 429);
    await p.getByTestId('consent-submit').click();
    await again;
    await p.getByTestId('register-refused').getByText('一分钟内已为该客户发起过报备确认，请稍后再试').waitFor();
  });

  it('fits the reports and the desk on a phone, the lists as cards', kStep, async () => {
    const p = manager.page;
    await p.setViewportSize(kPhone);
    await p.goto('/sales/reports');
    await p.getByTestId('dunning-cards').getByTestId(`dunning-row-${task.id}`).waitFor();
    assert.equal(await p.getByTestId('dunning-table').count(), 0, 'no table on a phone');
    await p.getByTestId(`dunning-stage-${task.id}`).getByText('逾期提醒').waitFor();
    await assertFitsPhone(p, 'the dunning list');
    await shot(p, 'collections-dunning-phone');
    await p.getByTestId(`dunning-open-${task.id}`).click();
    await modal(p, `记录催收：${contractNo}`).waitFor();
    await assertFitsPhone(p, 'the contact dialog');
    await shot(p, 'collections-record-phone');
    await modal(p, `记录催收：${contractNo}`).getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);
    for (const [tab, testId, name] of [
      ['collections', `collection-row-${projectId}`, 'collections-ageing-phone'],
      ['funnel', 'funnel-cards', 'collections-funnel-phone'],
      ['profile', 'profile-age_band', 'collections-profile-phone'],
      ['messages', 'message-log', 'collections-messages-phone'],
    ]) {
      await p.goto(`/sales/reports?tab=${tab}&project_id=${projectId}`);
      await p.getByTestId(testId).first().waitFor();
      await assertFitsPhone(p, `the ${tab} tab`);
      await shot(p, name);
    }
    await p.setViewportSize({ width: 1440, height: 900 });

    const desk = consultant.page;
    await desk.setViewportSize(kPhone);
    await desk.goto('/sales/register?way=consent');
    await desk.getByTestId('register-phone').fill(visitor.phone);
    await desk.getByTestId('matched-customer').getByText(visitor.name).waitFor();
    await assertFitsPhone(desk, 'the desk’s 报备');
    await shot(desk, 'consent-desk-phone');
    await desk.setViewportSize({ width: 1440, height: 900 });
  });

  it('speaks English too, and no page failed', kStep, async () => {
    const p = manager.page;
    await p.goto(`/sales/reports?tab=collections&project_id=${projectId}`);
    await p.getByTestId(`collection-row-${projectId}`).waitFor();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Reports & collections' }).waitFor();
    await p.getByTestId('reports-tabs').getByRole('tab', { name: 'Ageing' }).waitFor();
    await p.getByTestId('collections-table').locator('th', { hasText: 'Collection rate' }).waitFor();
    await p.getByTestId('reports-tabs').getByRole('tab', { name: 'Collections' }).click();
    await p.getByTestId(`dunning-stage-${task.id}`).getByText('Reminder').waitFor();
    await p.getByTestId(`dunning-status-${task.id}`).getByText('Promised', { exact: true }).waitFor();
    await shot(p, 'collections-english');
    await p.getByRole('button', { name: '中文' }).click();
    await p.getByRole('heading', { name: '报表与回款' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
