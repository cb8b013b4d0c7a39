// End-to-end browser tests of the site open days as owners live them (工地开放日: 筹备会, 报名, 签到)
// against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/open-days.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with six units, a customer-relations agent of the company, and sells four units
// (判客, 认购, 签约; one to two co-owners). Then, in the browser, the agent plans an open day for today (China time)
// for three households, finds its 筹备会 overdue in red and records it; opens the day's sign-ups and
// signs up the co-owned unit, choosing its second owner, for three people (only sold units are
// offered); is refused, in Chinese naming the unit, a unit signed up meanwhile, and, naming the
// capacity, a unit once the day filled meanwhile; cancels a sign-up, which frees its place, and signs
// up another; checks a household in (on the day only: the server refuses a check-in on another day,
// and the page offers none); the list's counts follow. Pages are checked on a phone and in English too.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answered, assertFitsPhone, assertNoWords, chinaDay, kPhone, launch, modal, modalClosed, modalSettled, ok, openMenu, pageApi, pageShot, pick, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs, typeDay } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `开放置业${suffix}`;
const projectName = `春晓苑${suffix}`;
const password = `E2e-openday-${suffix}-Pass`;
const agentUser = { username: `e2e_od_agent_${suffix}`, name: `客关专员${short}`, roles: ['agent'] };
/** The sold units and their owners; 1-1-101 has two. 1-1-301 and 1-1-302 stay unsold. */
const kSold = {
  '1-1-101': [`欧阳甲${short}`, `欧阳乙${short}`],
  '1-1-102': [`司徒丙${short}`],
  '1-1-201': [`上官丁${short}`],
  '1-1-202': [`诸葛戊${short}`],
};
const kPrepNote = '确定参观路线：样板段—2 号楼—中庭；安全员 2 名';
/** Words the pages must never show raw. */
const kRawWords = ['signed_up', 'checked_in', 'open_day_full', 'already_signed_up', 'not_the_open_day', 'invalid_transition', 'upcoming', 'unit_id'];

describe('Open days: the preparation meeting, sign-ups up to the capacity, and check-in on the day', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // the agent's browser { browser, page }
  let projectId;
  let dayId; // today's open day
  let tomorrowId;
  let units; // by code
  const owners = new Map(); // name → customer id
  const signups = {}; // unit code → sign-up
  const pageErrors = [];

  const api = (method, path, body, headers) => pageApi(page, method, path, body, headers);

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('body'), kRawWords, where);

  /** The sign-ups drawer, open. */
  const drawer = (p) => p.locator('.ant-drawer-content-wrapper').filter({ has: p.getByTestId('signup-summary') });

  /** Opens 报名 in the drawer and picks `code` among the units; answers the dialog. */
  const openSignup = async (p, code) => {
    await drawer(p).getByTestId('signup-add').click();
    const dialog = modal(p, '业主报名');
    await modalSettled(dialog);
    if (code) await pick(p, dialog, '房号', code);
    return dialog;
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await agent?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project, an agent, and four sold units, one with two owners', kStep, async () => {
    await signIn(page);
    const customers = Object.values(kSold)
      .flat()
      .map((name) => ({ name, phone: `138${randomDigits(8)}` }));
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '厦门',
      address: '思明区环岛路 8 号',
      floors: 3,
      decoration: 'raw',
      rooms: [
        { suffix: '01', layout: '3室2厅2卫', area_m2: 118, list_price_cents: 280_000_000 },
        { suffix: '02', layout: '2室2厅1卫', area_m2: 89, list_price_cents: 200_000_000 },
      ],
      people: [agentUser],
      password,
      customers,
    }));
    assert.equal(units.size, 6);
    for (const customer of customers) owners.set(customer.name, customer.id);

    // 判客, 认购 and 签约, as the administrator: the owners are the subscription's buyers.
    for (const [code, names] of Object.entries(kSold)) {
      const unit = units.get(code);
      await sellUnit(api, { projectId, unit, buyers: names.map((name) => owners.get(name)), contractNo: `HT-OD-${code}-${suffix}`, signedOn: chinaDay(-90), dueOn: chinaDay(-60) });
      const sold = ok(await api('GET', `/units/${unit.id}`));
      assert.deepEqual(
        sold.owners.map((owner) => owner.name),
        names,
      );
    }
  });

  it('lets the agent plan an open day for today with a capacity, and record its overdue 筹备会', kStep, async () => {
    agent = await signInAs(agentUser, password, { pageErrors });
    const p = agent.page;
    await openMenu(p, '工地开放日');
    await p.waitForURL('**/delivery/open-days');

    await p.getByTestId('open-day-create').click();
    const create = modal(p, '新建工地开放日');
    await modalSettled(create);
    await pick(p, create, '楼盘', projectName);
    await typeDay(create, '日期', chinaDay(0));
    await create.getByTestId('open-day-decoration').getByText('毛坯', { exact: true }).click();
    await create.getByTestId('open-day-capacity').fill('3');
    await shot(p, 'open-day-create');
    const created = answered(p, 'POST', '/open-days', 201);
    await create.getByRole('button', { name: /创\s*建/ }).click();
    const day = await (await created).json();
    dayId = day.id;
    assert.deepEqual([day.on, day.capacity, day.signed_up, day.checked_in, day.prep.state, day.prep.due_on], [chinaDay(0), 3, 0, 0, 'late', chinaDay(-60)]);
    await modalClosed(p);

    // The row: the households of the capacity, the meeting overdue (red) with the day it was due.
    const row = p.getByTestId(`open-day-row-${dayId}`);
    await row.getByTestId(`open-day-signed-up-${dayId}`).getByText('已报名 0/3 户').waitFor();
    await row.getByTestId(`open-day-checked-in-${dayId}`).getByText('已签到 0 户').waitFor();
    const prep = row.getByTestId(`open-day-prep-${dayId}`);
    assert.equal(await prep.getAttribute('data-state'), 'late');
    await prep.getByText('已逾期').waitFor();
    const due = prep.getByText(`应于 ${chinaDay(-60)} 前召开`);
    await due.waitFor();
    assert.equal(await due.evaluate((node) => getComputedStyle(node).color), 'rgb(255, 77, 79)', 'overdue in red');

    // Never in the future: the server refuses it on the field.
    const future = await pageApi(p, 'POST', `/open-days/${dayId}/prep`, { held_on: chinaDay(1) });
    assert.equal(future.status, 422, JSON.stringify(future.body));
    assert.equal(future.body.error.fields.held_on, 'in_the_future');

    // 记录筹备会: the day it was held and the minutes.
    await row.getByTestId(`open-day-prep-button-${dayId}`).click();
    const dialog = modal(p, '记录筹备会');
    await modalSettled(dialog);
    await dialog.getByText(`筹备会应在开放日前两个月（${chinaDay(-60)} 前）召开`, { exact: false }).waitFor();
    await typeDay(dialog, '召开日期', chinaDay(-62));
    await dialog.getByTestId('open-day-prep-note').fill(kPrepNote);
    await shot(p, 'open-day-prep');
    const recorded = answered(p, 'POST', `/open-days/${dayId}/prep`, 200);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const after = await (await recorded).json();
    assert.deepEqual([after.prep.state, after.prep.held_on, after.prep.note], ['held', chinaDay(-62), kPrepNote]);
    await modalClosed(p);
    await prep.and(p.locator('[data-state="held"]')).waitFor();
    await prep.getByText('已召开').waitFor();
    await prep.getByText(`${chinaDay(-62)} 召开`).waitFor();
    await prep.getByText(kPrepNote).waitFor();
    await row.getByTestId(`open-day-prep-button-${dayId}`).waitFor({ state: 'detached' });
    await pageShot(p, 'open-days');
  });

  it('signs up a co-owned unit, its second owner chosen, only sold units offered', kStep, async () => {
    const p = agent.page;
    await p.getByTestId(`open-day-signups-${dayId}`).click();
    const panel = drawer(p);
    await panel.waitFor();
    await panel.getByText(`报名与签到 · ${projectName} ${chinaDay(0)}`).waitFor();
    await panel.getByTestId('signup-count').getByText('已报名 0/3 户').waitFor();
    await panel.getByTestId('signup-notice-today').getByText('今天是开放日：业主到场后点「签到」').waitFor();
    await panel.getByText('还没有业主报名').waitFor();

    const dialog = await openSignup(p);
    // Only the sold units are offered, by their codes.
    const unitInput = dialog.getByLabel('房号', { exact: true });
    await unitInput.click();
    const options = p.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    assert.deepEqual(await options.allInnerTexts(), Object.keys(kSold));
    await unitInput.press('Escape');
    // Nothing chosen: refused on the field before the server.
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    await dialog.getByText('请选择房号').waitFor();
    await pick(p, dialog, '房号', '1-1-101');
    const [first, second] = kSold['1-1-101'];
    await dialog.getByTestId('signup-owner').getByText(`${first}（50%）`).waitFor();
    await dialog.getByTestId('signup-owner').getByText(`${second}（50%）`).click();
    await dialog.getByTestId('signup-party-size').fill('3');
    await dialog.getByTestId('signup-note').fill('带老人，需要轮椅');
    await shot(p, 'open-day-signup');
    const made = answered(p, 'POST', `/open-days/${dayId}/signups`, 201);
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    signups['1-1-101'] = await (await made).json();
    assert.deepEqual(
      [signups['1-1-101'].unit_code, signups['1-1-101'].customer_id, signups['1-1-101'].party_size, signups['1-1-101'].status],
      ['1-1-101', owners.get(second), 3, 'signed_up'],
    );
    await modalClosed(p);
    const id = signups['1-1-101'].id;
    await panel.getByTestId(`signup-unit-${id}`).getByText('1-1-101').waitFor();
    await panel.getByTestId(`signup-owner-${id}`).getByText(second).waitFor();
    await panel.getByTestId(`signup-row-${id}`).getByText('3 人').waitFor();
    await panel.getByTestId(`signup-row-${id}`).getByText('带老人，需要轮椅').waitFor();
    await panel.getByTestId(`signup-status-${id}`).getByText('已报名').waitFor();
    await panel.getByTestId('signup-count').getByText('已报名 1/3 户').waitFor();
    await panel.getByTestId('signup-people').getByText('预计到场 3 人').waitFor();
  });

  it('refuses, in words, a unit signed up meanwhile and a unit once the day is full', kStep, async () => {
    const p = agent.page;
    const panel = drawer(p);

    // 1-1-102 is signed up elsewhere while the dialog is open.
    let dialog = await openSignup(p, '1-1-102');
    signups['1-1-102'] = ok(await api('POST', `/open-days/${dayId}/signups`, { unit_id: units.get('1-1-102').id, party_size: 2 }), 201);
    let refused = answered(p, 'POST', `/open-days/${dayId}/signups`, 409);
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    assert.equal((await (await refused).json()).error.code, 'already_signed_up');
    await dialog.getByTestId('form-error').getByText('房号 1-1-102 已报名本次开放日').waitFor();
    await dialog.getByText('该房源已报名本次开放日').waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);
    await panel.getByTestId(`signup-row-${signups['1-1-102'].id}`).waitFor();
    await panel.getByTestId('signup-count').getByText('已报名 2/3 户').waitFor();

    // The units signed up are marked and cannot be chosen.
    dialog = await openSignup(p);
    const unitInput = dialog.getByLabel('房号', { exact: true });
    await unitInput.click();
    const taken = p.locator('.ant-select-dropdown:visible .ant-select-item-option-disabled');
    await taken.first().waitFor();
    assert.deepEqual(await taken.allInnerTexts(), ['1-1-101（已报名）', '1-1-102（已报名）']);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '1-1-201' }).click();

    // 1-1-202 takes the last place while the dialog is open.
    signups['1-1-202'] = ok(await api('POST', `/open-days/${dayId}/signups`, { unit_id: units.get('1-1-202').id }), 201);
    refused = answered(p, 'POST', `/open-days/${dayId}/signups`, 409);
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    assert.equal((await (await refused).json()).error.code, 'open_day_full');
    await dialog.getByTestId('form-error').getByText('本次开放日已满（3 户），不能再报名').waitFor();
    await shot(p, 'open-day-signup-full');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await modalClosed(p);

    // Full: said so, and 报名 is not offered.
    await panel.getByTestId('signup-count').getByText('已报名 3/3 户').waitFor();
    await panel.getByTestId('signup-notice-full').getByText('名额已满（3 户）：取消一户的报名可释放名额').waitFor();
    assert.equal(await panel.getByTestId('signup-add').isDisabled(), true);
    await p.getByTestId(`open-day-row-${dayId}`).getByText('已满', { exact: true }).waitFor();
  });

  it('cancels a sign-up, which frees its place for another household', kStep, async () => {
    const p = agent.page;
    const panel = drawer(p);
    const id = signups['1-1-202'].id;
    await panel.getByTestId(`signup-cancel-${id}`).click();
    const confirm = p.locator('.ant-popover:visible');
    await confirm.getByText(`取消 1-1-202 ${kSold['1-1-202'][0]} 的报名？名额将释放给其他业主。`).waitFor();
    const cancelled = answered(p, 'POST', `/open-day-signups/${id}/cancel`, 200);
    await confirm.getByRole('button', { name: /取消报名/ }).click();
    assert.equal((await (await cancelled).json()).status, 'cancelled');
    await panel.getByTestId(`signup-status-${id}`).getByText('已取消').waitFor();
    await panel.getByTestId('signup-count').getByText('已报名 2/3 户').waitFor();
    assert.equal(await panel.getByTestId(`signup-cancel-${id}`).count(), 0);
    await panel.getByTestId('signup-add').and(p.locator(':enabled')).waitFor();

    const dialog = await openSignup(p, '1-1-201');
    await dialog.getByTestId('signup-owner').getByText(kSold['1-1-201'][0]).waitFor();
    await dialog.getByTestId('signup-party-size').fill('2');
    const made = answered(p, 'POST', `/open-days/${dayId}/signups`, 201);
    await dialog.getByRole('button', { name: /报\s*名/ }).click();
    signups['1-1-201'] = await (await made).json();
    await modalClosed(p);
    await panel.getByTestId(`signup-status-${signups['1-1-201'].id}`).getByText('已报名').waitFor();
    await panel.getByTestId('signup-count').getByText('已报名 3/3 户').waitFor();
    // The people expected: 3 + 2 + 2 (the cancelled household not counted).
    await panel.getByTestId('signup-people').getByText('预计到场 7 人').waitFor();
  });

  it('checks a household in on the day; a check-in on another day is refused and not offered', kStep, async () => {
    const p = agent.page;
    const panel = drawer(p);
    const id = signups['1-1-101'].id;
    const checked = answered(p, 'POST', `/open-day-signups/${id}/check-in`, 200);
    await panel.getByTestId(`signup-check-in-${id}`).click();
    const body = await (await checked).json();
    assert.equal(body.status, 'checked_in');
    await panel.getByTestId(`signup-status-${id}`).getByText('已签到').waitFor();
    await panel.getByTestId(`signup-row-${id}`).getByText(`${agentUser.name} `, { exact: false }).waitFor();
    await panel.getByTestId('signup-checked-in').getByText('已签到 1 户').waitFor();
    assert.equal(await panel.getByTestId(`signup-check-in-${id}`).count(), 0);
    assert.equal(await panel.getByTestId(`signup-cancel-${id}`).count(), 0, 'a household checked in is not cancelled');
    await assertNoRawWords(p, 'the sign-ups');
    await shot(p, 'open-day-signups');

    // Once checked in, neither again nor cancelled.
    assert.equal((await api('POST', `/open-day-signups/${id}/check-in`)).body.error.code, 'invalid_transition');
    assert.equal((await api('POST', `/open-day-signups/${id}/cancel`)).body.error.code, 'invalid_transition');

    // The list follows.
    await panel.locator('.ant-drawer-close').click();
    await panel.waitFor({ state: 'hidden' });
    const row = p.getByTestId(`open-day-row-${dayId}`);
    await row.getByTestId(`open-day-checked-in-${dayId}`).getByText('已签到 1 户').waitFor();
    await row.getByTestId(`open-day-signed-up-${dayId}`).getByText('已报名 3/3 户').waitFor();

    // Tomorrow's open day (no limit): a household signed up is not checked in today.
    tomorrowId = ok(await api('POST', '/open-days', { project_id: projectId, on: chinaDay(1), decoration: 'finished' }), 201).id;
    const early = ok(await api('POST', `/open-days/${tomorrowId}/signups`, { unit_id: units.get('1-1-102').id, party_size: 4 }), 201);
    const refused = await api('POST', `/open-day-signups/${early.id}/check-in`);
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'not_the_open_day');
    await p.reload();
    await p.getByTestId(`open-day-signed-up-${tomorrowId}`).getByText('已报名 1 户（不限）').waitFor();
    await p.getByTestId(`open-day-signups-${tomorrowId}`).click();
    const later = drawer(p);
    await later.getByTestId('signup-notice-ahead').getByText(`签到仅在开放日当天（${chinaDay(1)}）开放`).waitFor();
    assert.equal(await later.getByTestId(`signup-check-in-${early.id}`).isDisabled(), true);
    await later.getByTestId(`signup-cancel-${early.id}`).and(p.locator(':enabled')).waitFor();
    await later.locator('.ant-drawer-close').click();
    await later.waitFor({ state: 'hidden' });
  });

  it('fits a phone: the open days as cards, the sign-ups in a full-width drawer', kStep, async () => {
    const p = agent.page;
    await p.setViewportSize(kPhone);
    await p.goto('/delivery/open-days');
    const card = p.getByTestId(`open-day-row-${dayId}`);
    await card.getByText('已报名 3/3 户').waitFor();
    await card.getByText(`${chinaDay(-62)} 召开`).waitFor();
    await assertFitsPhone(p, 'the open days');
    await pageShot(p, 'open-days-phone');
    await card.getByTestId(`open-day-signups-${dayId}`).click();
    const panel = drawer(p);
    await panel.getByTestId('signup-cards').waitFor();
    await panel.getByTestId(`signup-row-${signups['1-1-201'].id}`).getByText('1-1-201').waitFor();
    await assertFitsPhone(p, 'the sign-ups');
    await shot(p, 'open-day-signups-phone');
    await panel.locator('.ant-drawer-close').click();
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('speaks English too, and no page failed', kStep, async () => {
    const p = agent.page;
    await p.goto('/delivery/open-days');
    await p.getByTestId(`open-day-row-${dayId}`).waitFor();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Site open days', exact: true }).waitFor();
    const row = p.getByTestId(`open-day-row-${dayId}`);
    await row.getByText('3/3 households signed up').waitFor();
    await row.getByText('1 checked in').waitFor();
    await row.getByTestId(`open-day-prep-${dayId}`).getByText(`held on ${chinaDay(-62)}`).waitFor();
    await row.getByTestId(`open-day-signups-${dayId}`).click();
    const panel = drawer(p);
    await panel.getByText(`Sign-ups and check-in · ${projectName} ${chinaDay(0)}`).waitFor();
    await panel.getByTestId(`signup-status-${signups['1-1-101'].id}`).getByText('Checked in').waitFor();
    await panel.getByTestId(`signup-status-${signups['1-1-202'].id}`).getByText('Cancelled').waitFor();
    await assertNoRawWords(p, 'the English sign-ups');
    await shot(p, 'open-day-signups-english');
    await panel.locator('.ant-drawer-close').click();
    await p.getByRole('button', { name: '中文' }).click();
    await p.getByRole('heading', { name: '工地开放日', exact: true }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
