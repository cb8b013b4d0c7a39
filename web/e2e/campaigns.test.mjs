// End-to-end browser tests of 营销活动 (campaigns) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/campaigns.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company with a manager and an agent, and three customers of it: two who consented to marketing,
// one who did not. The manager writes an SMS campaign to 全部客户 with quiet hours off (a template
// with an unknown placeholder is refused on its field in words first), counts the audience (3, of
// whom 2 may be sent to, 1 without consent), saves the draft, sends it and follows it to 已完成: the
// results and the delivery log name the customers, the one left out and why, in words. A wrong
// unsubscribe link says 链接无效 (the real link is only in the SMS). The agent records a customer's
// opt-out on the customer page's 营销偏好 card (only a manager may take it back), and sees the
// campaigns read-only (no 新建活动, no 发送). At 1440 px and on a phone.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertFitsPhone,
  assertNoWords,
  kPhone,
  launch,
  modal,
  modalClosed,
  modalSettled,
  ok,
  onPhone,
  openMenu,
  pageApi,
  pageShot,
  posted,
  randomDigits,
  requireEnvironment,
  runSuffix,
  shot,
  signIn,
  signInAs,
} from './support.mjs';

const kStep = { timeout: 240_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `营销置业${suffix}`;
const campaignName = `春季品鉴会邀约${short}`;
const password = `E2e-camp-${suffix}-Pass`;
const people = {
  manager: { username: `e2e_camp_mgr_${suffix}`, name: `营销经理${short}`, roles: ['manager'] },
  agent: { username: `e2e_camp_agent_${suffix}`, name: `营销专员${short}`, roles: ['agent'] },
};
const customers = {
  first: { name: `业主甲${short}`, phone: `137${randomDigits(8)}`, consent: true },
  second: { name: `业主乙${short}`, phone: `137${randomDigits(8)}`, consent: true },
  refused: { name: `访客丙${short}`, phone: `137${randomDigits(8)}`, consent: false },
};
/** Words the campaigns' pages must never show: the wire's codes and the browser's blanks. */
const kRawWords = ['draft', 'queuing', 'sending', 'done', 'sms', 'no_consent', 'opted_out', 'no_address', 'unconfigured', 'skipped', 'undefined', 'NaN', 'null'];

describe('Campaigns: a draft counted and sent, its results and delivery log; opt-outs on the customer page', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let manager; // { browser, page }
  let agent;
  let campaignId;
  const pageErrors = [];

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    for (const who of [manager, agent]) await who?.browser.close();
    await browser?.close();
  });

  it('sets up a company with a manager, an agent and three customers, two of whom consented to marketing', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    const me = ok(await api('GET', '/me'));
    const company = ok(await api('POST', '/org-units', { name: companyName, kind: 'city', parent_id: me.org_unit_id }), 201);
    for (const who of Object.values(people)) {
      who.id = ok(await api('POST', '/users', { username: who.username, password, display_name: who.name, roles: who.roles, org_unit_id: company.id }), 201).id;
    }
    for (const customer of Object.values(customers)) {
      customer.id = ok(await api('POST', '/customers', { name: customer.name, phone: customer.phone, consent_marketing: customer.consent, org_unit_id: company.id }), 201).id;
    }
  });

  it('lets the manager write an SMS campaign to every customer: a faulty placeholder refused in words, the audience counted, the draft saved', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await openMenu(p, '营销活动');
    await p.waitForURL('**/campaigns');
    await p.getByTestId('campaigns-new').click();
    await p.waitForURL('**/campaigns/new');
    await p.getByTestId('campaign-name').fill(campaignName);
    await p.getByTestId('campaign-channel').getByText('短信', { exact: true }).waitFor();
    await p.getByTestId('campaign-kind').getByText('全部客户').click();
    // {nmae} is no placeholder: refused on the field, at its character, before anything is sent.
    const template = p.getByTestId('campaign-template');
    await template.fill('{nmae}您好，万科诚邀您本周六参加春季品鉴会。');
    await template.blur();
    await p.getByText('第 1 个字符处有未知的占位符（只能用 {name} 和 {unsubscribe}）').waitFor();
    await template.fill('{name}您好，万科诚邀您本周六参加春季品鉴会。');
    await p.getByText('第 1 个字符处有未知的占位符', { exact: false }).waitFor({ state: 'detached' });
    // The preview: the sample name in place, the unsubscribe link appended.
    await p.getByTestId('message-preview-text').getByText(/^张明您好，万科诚邀您本周六参加春季品鉴会。 退订：http.*\/u\//).waitFor();
    await p.getByTestId('message-preview-length').getByText(/^共 \d+ 字，约 1 条短信计费$/).waitFor();
    // Quiet hours off, so that it goes at any hour of the test.
    const quiet = p.getByTestId('campaign-quiet');
    assert.equal(await quiet.getAttribute('aria-checked'), 'true', 'quiet hours are on by default');
    await quiet.click();
    assert.equal(await p.getByTestId('campaign-rate').inputValue(), '600');

    // 统计人数: three customers, two may be sent to, one has not consented.
    const counted = posted(p, '/campaigns/audience-count', 200);
    await p.getByTestId('audience-count-button').click();
    await counted;
    const result = p.getByTestId('audience-count-result');
    await result.getByTestId('audience-count-label').getByText('全部客户').waitFor();
    assert.equal(await result.getByTestId('count-audience').getAttribute('data-value'), '3');
    assert.equal(await result.getByTestId('count-eligible').getAttribute('data-value'), '2');
    assert.equal(await result.getByTestId('count-no_consent').getAttribute('data-value'), '1');
    for (const words of ['受众', '可发送', '未同意营销', '已退订', '无联系方式']) await result.getByText(words, { exact: true }).waitFor();
    await assertNoWords(p.locator('.ant-layout-content'), kRawWords, 'the editor');
    await pageShot(p, 'campaign-editor');
    await onPhone(p, () => result.waitFor(), 'the editor', 'campaign-editor-phone');

    const created = posted(p, '/campaigns', 201);
    await p.getByTestId('campaign-save').click();
    const campaign = await (await created).json();
    campaignId = campaign.id;
    assert.equal(campaign.quiet_hours, false);
    await p.waitForURL(`**/campaigns/${campaignId}`);
    await p.getByTestId('campaign-name').getByText(campaignName).waitFor();
    await p.getByTestId('campaign-status').getByText('草稿').waitFor();
    await p.getByTestId('campaign-channel').getByText('短信').waitFor();
    await p.getByTestId('campaign-audience').getByText('全部客户').waitFor();
    await p.getByTestId('campaign-quiet').getByText('不限时段').waitFor();
    await p.getByTestId('campaign-results-draft').waitFor();
  });

  it('lets the manager send it and follow it to 已完成: the results and the delivery log in words', kStep, async () => {
    const p = manager.page;
    await p.getByTestId('campaign-send').click();
    const send = modal(p, '发送');
    await modalSettled(send);
    await send.getByTestId('campaign-send-count').getByText('预计可发送 2 人（受众 3 人）').waitFor();
    await shot(p, 'campaign-send');
    const sent = posted(p, `/campaigns/${campaignId}/send`, 200);
    await send.getByRole('button', { name: /发\s*送/ }).click();
    await sent;
    await modalClosed(p);
    // The page follows the campaign by itself until it is done.
    await p.getByTestId('campaign-status').getByText('已完成').waitFor({ timeout: 120_000 });
    const value = async (testId) => p.getByTestId(testId).getAttribute('data-value');
    assert.equal(await value('result-audience'), '3');
    assert.equal(await value('result-queued-count'), '2');
    assert.equal(await value('result-skipped-no_consent'), '1');
    await p.getByTestId('result-handed').waitFor();
    assert.equal(await value('result-handed'), '2');
    assert.equal(await p.getByTestId('campaign-send').count(), 0, 'a campaign sent is not sent again');
    assert.equal(await p.getByTestId('campaign-edit').count(), 0);

    // The delivery log: the two sent, by name, with their masked or plain number and what became of the message.
    const log = p.getByTestId('recipients');
    await log.getByTestId('recipients-total').getByText('共 2 条').waitFor();
    const row = log.locator('[data-testid^="recipient-row-"]').filter({ hasText: customers.first.name });
    await row.getByText('已发出').waitFor();
    await row.getByRole('link', { name: customers.first.name }).waitFor();
    assert.ok((await row.innerText()).includes(customers.first.phone.slice(-4)), 'the address ends as the phone does');
    await log.locator('[data-testid^="recipient-row-"]').filter({ hasText: customers.second.name }).waitFor();
    assert.equal(await log.locator('[data-testid^="recipient-row-"]').filter({ hasText: customers.refused.name }).count(), 0, 'the customer without consent was not queued');
    await assertNoWords(p.locator('.ant-layout-content'), kRawWords, 'the campaign page');
    await pageShot(p, 'campaign-done');
    await onPhone(p, () => log.locator('[data-testid^="recipient-row-"]').first().waitFor(), 'the campaign page', 'campaign-done-phone');

    // The list: counted, the campaign with its status and how many it went to; by status.
    await openMenu(p, '营销活动');
    await p.waitForURL('**/campaigns');
    await p.getByTestId('campaigns-total').getByText('共 1 个').waitFor();
    const listed = p.getByTestId(`campaign-row-${campaignId}`);
    await listed.getByText(campaignName).waitFor();
    await p.getByTestId(`campaign-status-${campaignId}`).getByText('已完成').waitFor();
    await p.getByTestId(`campaign-queued-${campaignId}`).getByText('2 人').waitFor();
    await p.getByLabel('状态', { exact: true }).click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '草稿' }).click();
    await p.waitForURL(/status=draft/);
    await p.getByTestId('campaigns-total').getByText('共 0 个').waitFor();
    await p.getByText('没有这个状态的活动').waitFor();
    await p.goto('/campaigns');
    await listed.waitFor();
    await assertNoWords(p.locator('.ant-layout-content'), kRawWords, 'the campaigns list');
    await pageShot(p, 'campaigns');
    await onPhone(p, () => listed.waitFor(), 'the campaigns list', 'campaigns-phone');
  });

  it('says 链接无效 for an unsubscribe link that is not one, on a phone without signing in', kStep, async () => {
    const p = page;
    await p.context().clearCookies();
    await p.setViewportSize(kPhone);
    await p.goto('/u/1-abcdefghijkl');
    await p.getByTestId('unsubscribe-invalid').getByText('链接无效').waitFor();
    await assertFitsPhone(p, 'the unsubscribe page');
    await shot(p, 'unsubscribe-invalid-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('lets the agent record an opt-out on the customer page’s 营销偏好 card; only the manager may take it back', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const p = agent.page;
    await p.goto(`/customers/${customers.second.id}`);
    const card = p.getByTestId('customer-section-marketing');
    await card.getByText('营销偏好').waitFor();
    await card.getByTestId('marketing-consent').getByText('已同意营销').waitFor();
    await card.getByTestId('marketing-opt-outs').getByText('没有退订').waitFor();
    await card.getByTestId('marketing-wechat').getByText('未绑定').waitFor();
    await card.getByTestId('marketing-record').click();
    await p.getByTestId('marketing-record-sms').click();
    await p.locator('.ant-modal-confirm-title', { hasText: '登记客户退订短信？' }).waitFor();
    const recorded = p.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/customers/${customers.second.id}/marketing/opt-outs/sms` && r.request().method() === 'PUT');
    await p.getByTestId('marketing-record-ok').click();
    assert.equal((await recorded).status(), 200);
    const optOut = card.getByTestId('marketing-opt-out-sms');
    await optOut.getByText('短信', { exact: true }).waitFor();
    await optOut.getByText(/客服登记 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    assert.equal(await card.getByTestId('marketing-opt-in-sms').count(), 0, 'an agent may not take an opt-out back');
    await assertNoWords(card, kRawWords, 'the marketing card');
    await pageShot(p, 'campaign-customer-card');
    await onPhone(p, () => optOut.waitFor(), 'the customer page', 'campaign-customer-card-phone');

    // The manager sees it, and may take it back.
    const m = manager.page;
    await m.goto(`/customers/${customers.second.id}`);
    await m.getByTestId('customer-section-marketing').getByTestId('marketing-opt-out-sms').waitFor();
    await m.getByTestId('marketing-opt-in-sms').waitFor();
  });

  it('shows the agent the campaigns read-only: no 新建活动, no 发送', kStep, async () => {
    const p = agent.page;
    await openMenu(p, '营销活动');
    await p.waitForURL('**/campaigns');
    await p.getByTestId('campaigns-read-only').waitFor();
    await p.getByTestId(`campaign-row-${campaignId}`).getByText(campaignName).waitFor();
    assert.equal(await p.getByTestId('campaigns-new').count(), 0);
    await p.getByTestId(`campaign-link-${campaignId}`).click();
    await p.waitForURL(`**/campaigns/${campaignId}`);
    await p.getByTestId('campaign-status').getByText('已完成').waitFor();
    await p.getByTestId('recipients').locator('[data-testid^="recipient-row-"]').first().waitFor();
    assert.equal(await p.locator('[data-testid="campaign-edit"], [data-testid="campaign-send"], [data-testid="campaign-cancel"]').count(), 0, 'nothing to change');
    assert.deepEqual(pageErrors, []);
  });
});
