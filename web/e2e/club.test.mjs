// End-to-end browser tests of 万客会 (the club) and of 客户终身价值 (lifetime value) against a running
// `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/club.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company with a project of two homes, a manager and an agent of the company, and two customers of
// it, one of whom buys a home. In the browsers: the agent opens the owner's page, sees the value
// card (the value in yuan, the chart, the computation in words) and enrols the owner from the 万客会
// card; on the member's page earns event points (the dialog offers no 调整), redeems more than the
// balance and is refused in words with the balance, redeems less and sees the ledger. The manager
// adjusts points by hand, finds the member in the list (counted, by tier, by number), changes the
// margin on the assumptions page and sees the owner's value change; the customer without a home is
// told so in words. The rules and tiers are read-only for the agent; the administrator's faulty tier
// is refused on its field. The agent holds an event of one place (活动): the owner signs up, the
// second member is refused with 名额已满, the owner is checked in and earns its points; the partner
// offers are read-only for the agent; the manager recomputes 会员与非会员. At 1440 px and on a phone.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answered,
  assertFitsPhone,
  assertNoWords,
  chinaDay,
  chooseOption,
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
  pick,
  posted,
  randomDigits,
  requireEnvironment,
  runSuffix,
  sellUnit,
  setUpProject,
  shot,
  signIn,
  signInAs,
} from './support.mjs';

const kStep = { timeout: 240_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `万客置业${suffix}`;
const eventTitle = `业主答谢会${short}`;
const offerMerchant = `湾畔咖啡${short}`;
const projectName = `会员湾${suffix}`;
const password = `E2e-club-${suffix}-Pass`;
const people = {
  manager: { username: `e2e_club_mgr_${suffix}`, name: `万客经理${short}`, roles: ['manager'] },
  agent: { username: `e2e_club_agent_${suffix}`, name: `万客专员${short}`, roles: ['agent'] },
};
const customers = {
  owner: { name: `业主甲${short}`, phone: `135${randomDigits(8)}` },
  noHome: { name: `访客乙${short}`, phone: `136${randomDigits(8)}` },
};
/** Words the club's and the value's parts of the pages must never show: the wire's codes and the browser's blanks. */
const kRawWords = ['purchase', 'referral', 'event', 'redeem', 'adjustment', 'expired', 'basic', 'silver', 'diamond', 'base_cents', 'undefined', 'NaN', 'null'];

/** Fen as the pages write a lifetime value: whole yuan, thousands grouped. */
const wholeYuan = (cents) => `${cents < 0 ? '-' : ''}¥${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(Math.abs(Math.round(cents / 100)))}`;

describe('Club: enrolment, points and the ledger, the rules; lifetime value and its assumptions', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // { browser, page }
  let manager;
  let memberId;
  let memberNo;
  let valueBefore;
  let companyId;
  const pageErrors = [];

  /** The open points dialog titled `title`, once it has finished opening. */
  const pointsDialog = async (p, title) => {
    const dialog = modal(p, title);
    await modalSettled(dialog);
    return dialog;
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    for (const who of [agent, manager]) await who?.browser.close();
    await browser?.close();
  });

  it('sets up a company with a project, a manager, an agent and two customers, one of whom buys a home', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    const { projectId, units, company } = await setUpProject(api, {
      companyName,
      projectName,
      city: '杭州',
      address: '西湖区文三路 88 号',
      floors: 1,
      decoration: 'finished',
      people: Object.values(people),
      password,
      customers: Object.values(customers),
    });
    companyId = company.id;
    await sellUnit(api, { projectId, unit: units.get('1-1-101'), buyers: [customers.owner.id], contractNo: `HT-CLUB-${suffix}`, signedOn: chinaDay(-10), dueOn: chinaDay(20) });
    const value = ok(await api('GET', `/customers/${customers.owner.id}/value`));
    assert.equal(value.owner, true, 'the buyer owns a home');
    valueBefore = value.value_cents;
  });

  it('shows the agent the owner’s lifetime value: the amount, the chart, the computation in words, the assumptions', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const p = agent.page;
    await p.goto(`/customers/${customers.owner.id}`);
    const card = p.getByTestId('customer-section-value');
    await card.getByText('客户终身价值').waitFor();
    await card.getByTestId('customer-value-total').getByText(wholeYuan(valueBefore), { exact: true }).waitFor();
    for (const part of ['基础利润', '再购买', '推荐价值', '服务成本节约', '溢价', '获客成本']) await card.getByTestId('customer-value-parts').getByText(part, { exact: true }).waitFor();
    await card.getByTestId('value-chart').locator('canvas').waitFor();
    await card.getByTestId('customer-value-lines').getByText(/^基础利润：\d{4} 年首套房 ¥3,000,000 × 毛利率 15% = ¥450,000。$/).waitFor();
    await card.getByTestId('customer-value-assumptions').getByText('测算假设：集团默认').waitFor();
    // The agent may not set the assumptions: no way to them.
    assert.equal(await card.getByTestId('customer-value-edit-assumptions').count(), 0);
    await assertNoWords(card, kRawWords, 'the value card');
  });

  it('lets the agent enrol the owner from the customer page’s 万客会 card', kStep, async () => {
    const p = agent.page;
    const club = p.getByTestId('customer-section-club');
    await club.getByTestId('customer-club-none').getByText('尚未加入万客会').waitFor();
    const enrolled = posted(p, '/club/members', 201);
    await club.getByTestId('customer-club-enrol').click();
    const member = await (await enrolled).json();
    memberId = member.id;
    memberNo = member.member_no;
    await club.getByTestId('customer-club-tier').getByText('普卡').waitFor();
    await club.getByTestId('customer-club-number').getByText(`会员号 ${memberNo}`).waitFor();
    await club.getByTestId('customer-club-balance').getByText('0 分').waitFor();
    await club.getByTestId('customer-club-expiring').getByText('暂无将过期的积分').waitFor();
    await assertNoWords(club, kRawWords, 'the club card');
    await pageShot(p, 'club-customer');
    await onPhone(
      p,
      async () => {
        await club.getByTestId('customer-club-balance').waitFor();
        await p.getByTestId('value-chart').locator('canvas').waitFor();
      },
      'the customer page',
      'club-customer-phone',
    );
  });

  it('lets the agent earn event points (no 调整 offered), be refused a redemption above the balance in words, redeem less', kStep, async () => {
    const p = agent.page;
    await p.getByTestId('customer-club-link').click();
    await p.waitForURL(`**/club/members/${memberId}`);
    await p.getByTestId('member-name').getByText(customers.owner.name).waitFor();
    await p.getByTestId('member-number').getByText(memberNo).waitFor();
    await p.getByTestId('member-balance-value').getByText('0 分').waitFor();
    // An agent is not offered adjustments: neither the button nor the reason.
    assert.equal(await p.getByTestId('member-adjust').count(), 0);

    // 积分入账: 参加活动, 200 points.
    await p.getByTestId('member-earn').click();
    const earn = await pointsDialog(p, '积分入账');
    await earn.getByLabel('事由', { exact: true }).click();
    const options = p.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    const offered = await options.allInnerTexts();
    assert.deepEqual(offered, ['参加活动', '参与调查', '推荐成交', '购房'], 'the reasons an agent is offered');
    await options.filter({ hasText: '参加活动' }).click();
    await earn.getByTestId('points-amount').fill('200');
    await earn.getByTestId('points-note').fill('业主答谢会签到');
    const earned = posted(p, `/club/members/${memberId}/points`, 201);
    await earn.getByRole('button', { name: /保\s*存/ }).click();
    await earned;
    await modalClosed(p);
    await p.getByTestId('member-balance-value').getByText('200 分').waitFor();

    // 积分兑换 of more than the balance: refused, the balance said in words; then less.
    await p.getByTestId('member-redeem').click();
    const redeem = await pointsDialog(p, '积分兑换');
    await redeem.getByTestId('points-modal-balance').getByText(`现有积分 200 分`, { exact: false }).waitFor();
    await redeem.getByTestId('points-amount').fill('500');
    await redeem.getByTestId('points-note').fill('物业费抵扣券');
    const refused = posted(p, `/club/members/${memberId}/points`, 409);
    await redeem.getByRole('button', { name: /兑\s*换/ }).click();
    await refused;
    await redeem.getByTestId('form-error').getByText('积分不足：会员现有 200 分，不够扣减 500 分。').waitFor();
    await shot(p, 'club-redeem-refused');
    await redeem.getByTestId('points-amount').fill('50');
    const spent = posted(p, `/club/members/${memberId}/points`, 201);
    await redeem.getByRole('button', { name: /兑\s*换/ }).click();
    await spent;
    await modalClosed(p);
    await p.getByTestId('member-balance-value').getByText('150 分').waitFor();

    // The ledger, newest first: the redemption, then the earning, who and the balance after each.
    const ledger = p.getByTestId('ledger');
    const rows = ledger.locator('[data-testid^="ledger-row-"]');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    const newest = rows.nth(0);
    await newest.getByText('兑换', { exact: true }).waitFor();
    await newest.getByText('物业费抵扣券').waitFor();
    await newest.getByText('−50').waitFor();
    await newest.getByText('150', { exact: true }).waitFor();
    await newest.getByText(people.agent.name).waitFor();
    const first = rows.nth(1);
    await first.getByText('参加活动', { exact: true }).waitFor();
    await first.getByText('+200').waitFor();
    await first.getByText(chinaDay(730)).waitFor(); // a lot lasts the group's 730 days
    await p.getByTestId('member-expiring').getByText('150 分').waitFor();
    await p.getByTestId('member-next-tier').getByText('再获得 1,800 分升至银卡（近 12 个月获得 2,000 分即可）').waitFor();
    await assertNoWords(p.locator('.ant-layout-content'), kRawWords, 'the member page');
    await pageShot(p, 'club-member');
    await onPhone(p, () => p.getByTestId('ledger').locator('[data-testid^="ledger-row-"]').nth(1).waitFor(), 'the member page', 'club-member-phone');
  });

  it('shows the agent the rules and tiers read-only', kStep, async () => {
    const p = agent.page;
    await openMenu(p, '规则与等级');
    await p.waitForURL('**/club/settings');
    await p.getByTestId('club-settings-read-only').waitFor();
    await p.getByTestId('club-settings-purchase_points').getByText('1,000 分').waitFor();
    await p.getByTestId('club-settings-expiry_days').getByText('730 天').waitFor();
    for (const tier of ['普卡', '银卡', '金卡', '钻石卡']) await p.getByTestId('club-tiers').getByText(tier, { exact: true }).waitFor();
    assert.equal(await p.getByTestId('club-settings-save').count(), 0);
    assert.equal(await p.locator('input').filter({ visible: true }).count(), 0, 'no field to type in');
    await assertNoWords(p.locator('.ant-layout-content'), ['basic', 'silver', 'gold', 'diamond', 'undefined'], 'the rules page');
    await pageShot(p, 'club-settings-agent');
    await onPhone(p, () => p.getByTestId('club-tiers').waitFor(), 'the rules page', 'club-settings-agent-phone');
  });

  it('lets the manager adjust points by hand, and find the member in the list: counted, by tier, by number', kStep, async () => {
    manager = await signInAs(people.manager, password, { pageErrors });
    const p = manager.page;
    await openMenu(p, '会员');
    await p.waitForURL('**/club/members');
    await p.getByTestId('members-total').getByText('共 1 位').waitFor();
    await p.getByTestId(`member-row-${memberId}`).getByText(customers.owner.name).waitFor();
    await p.getByTestId(`member-balance-${memberId}`).getByText('150').waitFor();
    await p.getByTestId(`member-tier-${memberId}`).getByText('普卡').waitFor();
    await p.getByTestId(`member-expiring-${memberId}`).getByText(`150 分，${chinaDay(730)} 到期`).waitFor();
    // By tier: none is 银卡 yet; by the start of the number.
    await p.getByLabel('等级', { exact: true }).click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '银卡' }).click();
    await p.getByTestId('members-total').getByText('共 0 位').waitFor();
    await p.getByText('没有符合条件的会员').waitFor();
    await p.getByLabel('等级', { exact: true }).click();
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '全部等级' }).click();
    await p.getByTestId('members-search').fill(memberNo.slice(0, -1));
    await p.waitForURL(/q=WK/);
    await p.getByTestId('members-total').getByText('共 1 位').waitFor();
    await assertNoWords(p.locator('.ant-layout-content'), kRawWords, 'the members list');
    await pageShot(p, 'club-members');
    await onPhone(p, () => p.getByTestId(`member-row-${memberId}`).waitFor(), 'the members list', 'club-members-phone');

    // 积分调整 (a manager's): 100 points added, with why.
    await p.getByTestId(`member-link-${memberId}`).click();
    await p.waitForURL(`**/club/members/${memberId}`);
    await p.getByTestId('member-adjust').click();
    const adjust = await pointsDialog(p, '积分调整');
    await adjust.getByTestId('points-amount').fill('100');
    await adjust.getByRole('button', { name: /保\s*存/ }).click();
    await adjust.getByText('请写明调整原因').waitFor(); // the reason is required
    await adjust.getByTestId('points-note').fill('补录活动积分');
    const adjusted = posted(p, `/club/members/${memberId}/points`, 201);
    await adjust.getByRole('button', { name: /保\s*存/ }).click();
    await adjusted;
    await modalClosed(p);
    await p.getByTestId('member-balance-value').getByText('250 分').waitFor();
    const newest = p.getByTestId('ledger').locator('[data-testid^="ledger-row-"]').first();
    await newest.getByText('调整', { exact: true }).waitFor();
    await newest.getByText('+100').waitFor();
    await newest.getByText(people.manager.name).waitFor();
  });

  it('lets the manager change the margin on the assumptions page; the owner’s value changes; a customer without a home is told so', kStep, async () => {
    const p = manager.page;
    await openMenu(p, '价值假设');
    await p.waitForURL('**/segments/value-assumptions');
    await p.getByTestId('assumptions-unit-name').getByText(companyName).waitFor();
    await p.getByTestId('assumptions-source').getByText('集团默认').waitFor();
    const margin = p.getByTestId('assumption-margin');
    assert.equal(await margin.inputValue(), '15.00');
    await p.getByText('毛利率（%）').waitFor();
    await p.getByText('推荐奖励（元/户）').waitFor();
    assert.equal(await p.getByTestId('assumption-referral_reward_cents').inputValue(), '5,000');
    assert.equal(await p.getByTestId('assumptions-inherit').count(), 0, 'nothing of its own to give up yet');
    // A margin above 100% is refused on its field before it is sent.
    await margin.fill('150');
    await margin.blur();
    assert.equal(await margin.inputValue(), '100.00');
    await margin.fill('20');
    const saved = answered(p, 'PUT', `/value-assumptions/${companyId}`, 200);
    await p.getByTestId('assumptions-save').click();
    const body = await (await saved).json();
    assert.equal(body.assumptions.margin, 0.2);
    assert.equal(body.assumptions.referral_reward_cents, 500_000, 'the other assumptions are sent as they were');
    await p.getByTestId('assumptions-source').getByText(`${companyName}自行设定`).waitFor();
    await p.getByTestId('assumptions-inherit').waitFor();
    await assertNoWords(p.locator('.ant-layout-content'), ['margin', 'discount_rate', '_cents', 'undefined', 'NaN'], 'the assumptions page');
    await pageShot(p, 'club-value-assumptions');
    await onPhone(p, () => p.getByTestId('assumption-margin').waitFor(), 'the assumptions page', 'club-value-assumptions-phone');

    // The owner's value, computed with the company's margin now.
    const after = ok(await pageApi(p, 'GET', `/customers/${customers.owner.id}/value`)).value_cents;
    assert.ok(after > valueBefore, `the value grows with the margin (${valueBefore} → ${after})`);
    await p.goto(`/customers/${customers.owner.id}`);
    const card = p.getByTestId('customer-section-value');
    await card.getByTestId('customer-value-total').getByText(wholeYuan(after), { exact: true }).waitFor();
    await card.getByTestId('customer-value-lines').getByText(/× 毛利率 20% = ¥600,000。$/).waitFor();
    await card.getByTestId('customer-value-assumptions').getByText(`测算假设：${companyName}自行设定`).waitFor();
    await card.getByTestId('customer-value-edit-assumptions').waitFor(); // the manager may set them
    await card.getByTestId('value-chart').locator('canvas').waitFor();
    await pageShot(p, 'club-value-owner');

    // The customer without a home: the words, no chart.
    await p.goto(`/customers/${customers.noHome.id}`);
    const none = p.getByTestId('customer-section-value');
    await none.getByTestId('customer-value-none').getByText('尚未购房：客户终身价值从第一次购房算起，购房后即可测算。').waitFor();
    assert.equal(await none.getByTestId('value-chart').count(), 0);
    await p.getByTestId('customer-section-club').getByTestId('customer-club-enrol').waitFor();
    await onPhone(p, () => none.getByTestId('customer-value-none').waitFor(), 'a customer without a home', 'club-value-none-phone');
  });

  it('lets the agent hold an event of one place: a member signs up, a second is refused (名额已满), the first is checked in and earns its points', kStep, async () => {
    const p = agent.page;
    // A second member, to be refused the one place.
    const second = ok(await pageApi(p, 'POST', '/club/members', { customer_id: customers.noHome.id }), 201);
    await openMenu(p, '活动');
    await p.waitForURL('**/club/events');
    await p.getByTestId('events-new').click();
    const create = modal(p, '新建活动');
    await modalSettled(create);
    await create.getByTestId('event-title').fill(eventTitle);
    await create.getByTestId('event-place').fill('会员湾会所');
    await create.getByTestId('event-capacity').fill('1');
    await create.getByTestId('event-points').fill('300');
    await chooseOption(p, create, '参加等级', '普卡及以上');
    const created = posted(p, '/club/events', 201);
    await create.getByRole('button', { name: /保\s*存/ }).click();
    const event = await (await created).json();
    await modalClosed(p);
    await p.waitForURL(`**/club/events/${event.id}`);
    await p.getByTestId('event-name').getByText(eventTitle).waitFor();
    await p.getByTestId('event-state').getByText('报名中').waitFor();
    await p.getByTestId('event-taken').getByText('0 / 1').waitFor();
    await p.getByTestId('event-tier').getByText('普卡及以上').waitFor();
    await p.getByTestId('event-points').getByText('300 分').waitFor();
    await p.getByTestId('event-time').getByText(`${chinaDay(7)} 14:00 – 16:00`).waitFor();

    // The owner takes the place, found by the start of their number.
    await p.getByTestId('event-sign-up').click();
    const signUp = modal(p, '为会员报名');
    await pick(p, signUp, '会员', memberNo, memberNo.slice(0, -1));
    const signed = posted(p, `/club/events/${event.id}/signups`, 201);
    await signUp.getByRole('button', { name: /报\s*名/ }).click();
    const signup = await (await signed).json();
    await modalClosed(p);
    await p.getByTestId('event-taken').getByText('1 / 1').waitFor();
    const row = p.getByTestId(`signup-row-${signup.id}`);
    await row.getByText(memberNo).waitFor();
    await row.getByText(customers.owner.name).waitFor();
    await row.getByText('普卡').waitFor();

    // The second member: refused in words, the dialog stays open.
    await p.getByTestId('event-sign-up').click();
    const again = modal(p, '为会员报名');
    await pick(p, again, '会员', second.member_no, second.member_no);
    const full = posted(p, `/club/events/${event.id}/signups`, 409);
    await again.getByRole('button', { name: /报\s*名/ }).click();
    await full;
    await again.getByTestId('form-error').getByText('名额已满，不能再报名。').waitFor();
    await again.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    // 签到: the owner came and earns the event's 300 points.
    const checked = posted(p, `/club/event-signups/${signup.id}/check-in`, 200);
    await p.getByTestId(`signup-check-in-${signup.id}`).click();
    await checked;
    await p.getByTestId(`signup-checked-${signup.id}`).waitFor();
    await p.getByTestId('event-taken').getByText('已签到 1 人').waitFor();
    assert.equal(await p.getByTestId(`signup-cancel-${signup.id}`).count(), 0, 'a member checked in keeps the sign-up');
    await assertNoWords(p.locator('.ant-layout-content'), [...kRawWords, 'open', 'closed', 'cancelled', 'signed'], 'the event page');
    await pageShot(p, 'club-event');
    await onPhone(p, () => p.getByTestId(`signup-row-${signup.id}`).waitFor(), 'the event page', 'club-event-phone');

    // The points in the member's ledger.
    await p.getByTestId(`signup-member-${signup.id}`).click();
    await p.waitForURL(`**/club/members/${memberId}`);
    await p.getByTestId('member-balance-value').getByText('550 分').waitFor();
    const newest = p.getByTestId('ledger').locator('[data-testid^="ledger-row-"]').first();
    await newest.getByText('参加活动', { exact: true }).waitFor();
    await newest.getByText('+300').waitFor();

    // The list: the event with its places, upcoming too.
    await openMenu(p, '活动');
    await p.waitForURL('**/club/events');
    const listed = p.getByTestId(`event-row-${event.id}`);
    await listed.getByText(eventTitle).waitFor();
    await p.getByTestId(`event-taken-${event.id}`).getByText('1 / 1').waitFor();
    await listed.getByText('普卡及以上').waitFor();
    await p.getByTestId('events-upcoming').click();
    await p.waitForURL(/upcoming=true/);
    await listed.waitFor();
    await p.getByTestId('events-total').getByText(/^共 \d+ 个$/).waitFor();
    await assertNoWords(p.locator('.ant-layout-content'), [...kRawWords, 'open', 'closed', 'cancelled'], 'the events list');
    await pageShot(p, 'club-events');
    await onPhone(p, () => listed.waitFor(), 'the events list', 'club-events-phone');
  });

  it('shows the agent the partner offers read-only; the manager compares members with the others and recomputes', kStep, async () => {
    const offer = ok(await pageApi(page, 'POST', '/club/offers', { merchant: offerMerchant, title: '咖啡买一赠一', tier_min: 'silver', points_cost: 200, valid_from: chinaDay(-1), valid_to: chinaDay(60) }), 201);
    const p = agent.page;
    await openMenu(p, '合作商家优惠');
    await p.waitForURL('**/club/offers');
    await p.getByTestId('offers-read-only').waitFor();
    const row = p.getByTestId(`offer-row-${offer.id}`);
    await row.getByText(offerMerchant).waitFor();
    await row.getByText('银卡及以上').waitFor();
    await row.getByText('200 分').waitFor();
    await row.getByText(`${chinaDay(-1)} 至 ${chinaDay(60)}`).waitFor();
    await p.getByTestId(`offer-state-${offer.id}`).getByText('有效').waitFor();
    assert.equal(await p.getByTestId('offers-new').count(), 0);
    assert.equal(await p.locator('[data-testid^="offer-edit-"], [data-testid^="offer-withdraw-"]').count(), 0, 'no offer to change');
    await assertNoWords(p.locator('.ant-layout-content'), [...kRawWords, 'silver', 'active', 'withdrawn'], 'the offers page');
    await pageShot(p, 'club-offers-agent');
    await onPhone(p, () => row.waitFor(), 'the offers page', 'club-offers-agent-phone');

    // 会员与非会员 on the manager's members list: the owner is the company's only one, and a member.
    const m = manager.page;
    await openMenu(m, '会员');
    await m.waitForURL('**/club/members');
    const rates = m.getByTestId('club-rates');
    await rates.waitFor();
    const recomputed = posted(m, '/club/rates/recompute', 200);
    await m.getByTestId('rates-recompute').click();
    await recomputed;
    await m.getByTestId('rates-computed').getByText(/计算于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    await m.getByTestId('rates-repurchase-members').getByText('0.0%').waitFor();
    await m.getByTestId('rates-repurchase-members').getByText('（0/1）').waitFor();
    await m.getByTestId('rates-repurchase-others').getByText('无数据').waitFor();
    await m.getByTestId('rates-rebuy-members').getByText('无数据').waitFor();
    await assertNoWords(rates, ['null', 'NaN', 'undefined'], 'the rates card');
    await pageShot(m, 'club-members-rates');
    await onPhone(m, () => rates.waitFor(), 'the members list with the rates', 'club-members-rates-phone');
  });

  it('lets the administrator edit the rules: a tier below the one before it is refused on its field', kStep, async () => {
    const p = page;
    await p.goto('/club/settings');
    await p.getByTestId('club-settings-form').waitFor();
    assert.equal(await p.getByTestId('club-settings-read-only').count(), 0);
    // 银卡 below 普卡's 0: the form lets it through (no ascending check of its own); the server refuses it there.
    const silver = p.getByTestId('club-tier-1-min');
    await silver.fill('0');
    const refused = answered(p, 'PUT', '/club/settings', 422);
    await p.getByTestId('club-settings-save').click();
    await refused;
    await p.getByTestId('club-tier-1').getByText('须高于上一等级（第一个等级为 0）').waitFor();
    await p.getByTestId('form-error').waitFor();
    await pageShot(p, 'club-settings-admin-refused');
    // Nothing was saved.
    assert.equal(ok(await pageApi(p, 'GET', '/club/settings')).tiers[1].min_points_12m, 2000);
    assert.deepEqual(pageErrors, []);
  });
});
