// End-to-end browser tests of 交付排期 and the owners' booking by link, against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/booking.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with units, a customer-relations agent, two owners with phones who buy a unit
// each (判客, 认购, 签约), and a batch of those two units and one unsold, released. Then, in the
// browsers: the agent opens handover slots on the batch page and sees the calendar, narrows one slot
// to a single seat, and sends the booking links (no SMS provider: the messages are logged, and the
// answer still lists each link); the owner opens their link on a phone without signing in, books a
// slot, sees the confirmation and moves it; the agent books the other unit from the desk into the
// single-seat slot, which the owner's page then shows full and disabled; the links say who booked;
// the agent moves the owner's handover from its page, and once its inspection has opened a repair
// the page shows it 待维修 and the owner's page says the handover has begun. An unknown link says so.
// Pages are checked on a phone too. The run makes everything it needs, so it works on an empty
// database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answered, assertFitsPhone, chinaDay, kPhone, launch, modal, modalClosed, ok, openMenu, pageApi, pageShot, pickOption, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

/** "12月8日" of a day, as the pages write it (before the weekday). */
const monthDay = (day) => {
  const [, month, date] = day.split('-').map(Number);
  return `${month}月${date}日`;
};

const companyName = `预约置业${suffix}`;
const projectName = `观澜府${suffix}`;
const projectAddress = `江岸区解放大道 ${short} 号`;
const batchName = `二期预约交付 ${short}`;
const password = `E2e-booking-${suffix}-Pass`;
const agentUser = { username: `e2e_bk_agent_${suffix}`, name: `客关乙${short}`, roles: ['agent'] };
const owners = {
  self: { name: `欧阳约${short}`, phone: `139${randomDigits(8)}`, code: '1-1-101' },
  desk: { name: `司马收${short}`, phone: `138${randomDigits(8)}`, code: '1-1-102' },
};
const unsoldCode = '1-1-201';
// The calendar: seven days from the day after tomorrow, five hours a day, two seats an hour.
const kFrom = chinaDay(2);
const kTo = chinaDay(8);
const kHours = [9, 10, 14, 15, 16];
const dayOne = chinaDay(2);
const dayTwo = chinaDay(3);
const dayThree = chinaDay(4);
const dayFour = chinaDay(5);

describe('交付排期: slots on the batch, links to the owners, booking by slot', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // the agent's browser { browser, page }
  let owner; // the owner's phone, no session { browser, page }
  let projectId;
  let units; // by code
  let batchId;
  let bookingPath; // /b/<token>
  let selfHandoverId;
  let deskHandoverId;
  let singleSeat; // the slot narrowed to one seat
  const pageErrors = [];

  /** Shows the day `day` in the slot picker of `dialog` (its list of days), checking that it took. */
  const pickDay = async (p, dialog, day) => {
    const select = dialog.getByTestId('slot-picker-day');
    await select.click();
    await pickOption(p, monthDay(day));
    await select.getByText(monthDay(day), { exact: false }).waitFor();
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await owner?.browser.close();
    await agent?.browser.close();
    await browser?.close();
  });

  it('sets up a project, an agent, two sold units and a released batch', kStep, async () => {
    await signIn(page);
    const api = (method, path, body, headers) => pageApi(page, method, path, body, headers);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: projectAddress,
      floors: 2,
      decoration: 'finished',
      rooms: [
        { suffix: '01', layout: '3室2厅2卫', area_m2: 120, list_price_cents: 320_000_000 },
        { suffix: '02', layout: '2室2厅1卫', area_m2: 90, list_price_cents: 230_000_000 },
      ],
      people: [agentUser],
      password,
      customers: Object.values(owners),
    }));
    assert.equal(units.size, 4);

    // Each owner buys their unit, as the administrator: 判客, 认购, 签约.
    for (const buyer of Object.values(owners)) {
      const unit = units.get(buyer.code);
      await sellUnit(api, { projectId, unit, buyers: [buyer.id], contractNo: `HT-BK-${buyer.code}-${suffix}`, signedOn: chinaDay(-60), dueOn: chinaDay(-30) });
      assert.equal(ok(await api('GET', `/units/${unit.id}`)).status, 'contracted');
    }

    // The batch: the two sold units and one unsold; nothing blocks it, so it is released at once.
    const batch = ok(
      await api('POST', '/delivery-batches', {
        project_id: projectId,
        name: batchName,
        planned_on: chinaDay(2),
        unit_ids: [owners.self.code, owners.desk.code, unsoldCode].map((code) => units.get(code).id),
      }),
      201,
    );
    batchId = batch.id;
    assert.equal(ok(await api('POST', `/delivery-batches/${batchId}/release`, {}, { 'If-Match': String(batch.version) })).status, 'released');
  });

  it('lets the agent open slots on the batch page, see the calendar and narrow a slot', kStep, async () => {
    agent = await signInAs(agentUser, password, { pageErrors });
    const p = agent.page;

    await p.goto(`/delivery/batches/${batchId}`);
    const card = p.getByTestId('slot-card');
    await card.getByText('还没有开放收房时段').waitFor();
    // Links wait for slots: not offered before one has a seat (the server would answer 409 no_slots).
    await p.getByTestId('invite-no-slots').getByText('还没有可预约的时段：请先在交付排期中开放时段').waitFor();
    assert.equal(await p.getByTestId('invite-send').isDisabled(), true);
    const early = await pageApi(p, 'POST', `/delivery-batches/${batchId}/invitations`);
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.equal(early.body.error.code, 'no_slots');

    await card.getByTestId('slot-open').click();
    const dialog = modal(p, '开放收房时段');
    await dialog.waitFor();
    const [start, end] = [dialog.locator('.ant-picker-range input').nth(0), dialog.locator('.ant-picker-range input').nth(1)];
    await start.click();
    await start.fill(kFrom);
    await start.press('Enter');
    await end.fill(kTo);
    await end.press('Enter');
    // 周一…周日 all ticked; the hours 9–11 and 14–16 to begin with: 11 off.
    for (const day of ['周一', '周二', '周三', '周四', '周五', '周六', '周日']) assert.ok(await dialog.getByTestId('slot-weekdays').getByLabel(day).isChecked());
    await dialog.getByTestId('slot-hours').getByText('11:00', { exact: true }).click();
    await dialog.getByLabel('每个时段名额（户）', { exact: true }).fill('2');
    await shot(p, 'booking-open-slots');
    const opened = answered(p, 'POST', `/delivery-batches/${batchId}/slots`, 201);
    await dialog.getByRole('button', { name: /开\s*放/ }).click();
    const calendar = await (await opened).json();
    assert.equal(calendar.items.length, 7 * kHours.length);
    assert.deepEqual([...new Set(calendar.items.map((s) => s.hour))].sort((a, b) => a - b), kHours);
    assert.equal(calendar.capacity, 7 * kHours.length * 2);
    await modalClosed(p);

    // The grid: a row a day, a cell an hour, booked/seats; the totals.
    for (let offset = 2; offset <= 8; offset += 1) await card.getByTestId(`slot-day-${chinaDay(offset)}`).waitFor();
    for (const hour of kHours) assert.equal(await card.getByTestId(`slot-cell-${dayOne}-${hour}`).innerText(), '0/2');
    assert.equal(await card.getByTestId(`slot-cell-${dayOne}-11`).count(), 0);
    await card.getByTestId('slot-totals').getByText(`${7 * kHours.length} 个时段 · 名额 70 户 · 已预约 0 户 · 剩余 70 户`).waitFor();

    // One slot narrowed to a single seat (the desk fills it later).
    singleSeat = calendar.items.find((s) => s.day === dayTwo && s.hour === 15);
    await card.getByTestId(`slot-cell-${dayTwo}-15`).click();
    const seats = modal(p, '调整名额');
    await seats.getByText(`${monthDay(dayTwo)}`).first().waitFor();
    await seats.getByText('已预约 0 户').waitFor();
    await seats.getByLabel('名额（户）', { exact: true }).fill('1');
    const patched = answered(p, 'PATCH', `/handover-slots/${singleSeat.id}`, 200);
    await seats.getByRole('button', { name: /保\s*存/ }).click();
    const narrowed = await (await patched).json();
    assert.equal(narrowed.capacity, 1);
    assert.equal(narrowed.version, singleSeat.version + 1);
    await modalClosed(p);
    await card.getByTestId(`slot-cell-${dayTwo}-15`).getByText('0/1').waitFor();
    await card.getByTestId('slot-totals').getByText('名额 69 户').waitFor();
    await pageShot(p, 'booking-batch-slots');
  });

  it('sends the booking links: one each to the owners, the unsold unit skipped', kStep, async () => {
    const p = agent.page;
    const invites = p.getByTestId('invite-card');
    await invites.getByTestId('invite-empty').waitFor();
    assert.equal(await invites.getByTestId('invite-no-slots').count(), 0);
    await invites.getByTestId('invite-send').click();
    await p.getByText('向本批次已签约、尚未预约的业主逐户发送收房预约短信').waitFor();
    const sent = answered(p, 'POST', `/delivery-batches/${batchId}/invitations`, 200);
    await p.getByTestId('invite-send-confirm').click();
    const run = await (await sent).json();
    assert.equal(run.sent_count, 2);
    assert.deepEqual(
      run.skipped.map((s) => [s.unit_code, s.reason]),
      [[unsoldCode, 'not_contracted']],
    );
    const result = invites.getByTestId('invite-result');
    await result.getByText('已发送 2 条预约短信，跳过 1 户').waitFor();
    await result.getByTestId(`invite-skipped-${unsoldCode}`).getByText('未签约').waitFor();
    // The owner's link, as the page shows it to copy.
    const shown = await result.getByTestId(`invite-sent-${owners.self.code}`).getByTestId('invite-url').innerText();
    const link = run.sent.find((s) => s.unit_code === owners.self.code);
    assert.equal(shown.trim(), link.url);
    assert.equal(link.customer_name, owners.self.name);
    bookingPath = new URL(link.url).pathname;
    assert.match(bookingPath, /^\/b\/[\w-]+$/);
    await result.getByTestId(`invite-sent-${owners.self.code}`).locator('.ant-typography-copy').waitFor();

    await invites.getByTestId('invite-summary').getByText('共 2 户，已预约 0 户').waitFor();
    const rows = invites.locator('[data-testid^="invite-row-"]');
    assert.equal(await rows.count(), 2);
    for (const code of [owners.self.code, owners.desk.code]) await invites.locator(`[data-unit="${code}"]`).getByText('已发送').waitFor();
    await pageShot(p, 'booking-batch-links');
  });

  it('lets the owner book a slot on their phone without signing in, then move it', kStep, async () => {
    owner = await launch();
    owner.page.on('pageerror', (err) => pageErrors.push(String(err)));
    const p = owner.page;
    await p.setViewportSize(kPhone);
    await p.goto(bookingPath);
    const info = p.getByTestId('booking-info');
    await info.getByTestId('booking-project').getByText(projectName).waitFor();
    await info.getByTestId('booking-unit').getByText(owners.self.code).waitFor();
    // Only the owner's initial: the link may be forwarded.
    assert.equal(await info.getByTestId('booking-owner').innerText(), `${owners.self.name.slice(0, 1)}**`);
    await info.getByText(projectAddress).waitFor();
    await info.getByText(monthDay(chinaDay(2))).waitFor();
    // No session on this phone.
    assert.equal((await p.context().cookies()).filter((c) => c.name.startsWith('hearth_')).length, 0);

    // The days as tiles, the hours with their seats left.
    await p.getByTestId(`booking-day-${dayOne}`).click();
    const first = p.getByTestId(`booking-slot-${dayOne}-10`);
    await first.getByText('剩余 2 个名额').waitFor();
    await assertFitsPhone(p, 'the booking page');
    await pageShot(p, 'booking-owner-phone');
    await first.click();
    const confirm = p.getByTestId('booking-confirm');
    await confirm.getByText(`收房时间：${monthDay(dayOne)}`).waitFor();
    await confirm.getByText('10:00–11:00', { exact: false }).waitFor();
    await shot(p, 'booking-owner-confirm-phone');
    const booked = answered(p, 'POST', `/public/handover-bookings/${bookingPath.slice(3)}`, 200);
    await p.getByTestId('booking-confirm-ok').click();
    const made = await (await booked).json();
    assert.equal(made.booking.day, dayOne);
    assert.equal(made.booking.hour, 10);
    assert.equal(made.booking.may_move, true);
    await p.getByTestId('booking-success').getByText('预约成功').waitFor();
    await p.getByTestId('booking-success').getByText(`${monthDay(dayOne)}`, { exact: false }).waitFor();
    await pageShot(p, 'booking-owner-success-phone');

    // Back to the booking: highlighted, with 改约; the own hour marked, not offered again.
    await p.getByTestId('booking-back').click();
    await p.getByTestId('booking-current-slot').getByText(`${monthDay(dayOne)}`, { exact: false }).waitFor();
    await p.getByTestId('booking-move').click();
    await p.getByTestId(`booking-slot-${dayOne}-10`).getByText('当前预约').waitFor();
    await p.getByTestId(`booking-day-${dayThree}`).click();
    await p.getByTestId(`booking-slot-${dayThree}-9`).click();
    await p.getByTestId('booking-confirm').getByText(`原预约：${monthDay(dayOne)}`, { exact: false }).waitFor();
    const moved = answered(p, 'POST', `/public/handover-bookings/${bookingPath.slice(3)}`, 200);
    await p.getByTestId('booking-confirm-ok').click();
    const after = await (await moved).json();
    assert.equal(after.booking.day, dayThree);
    assert.equal(after.booking.hour, 9);
    await p.getByTestId('booking-success').getByText('改约成功').waitFor();
    await assertFitsPhone(p, 'the booking made');
    await p.getByTestId('booking-back').click();
    await p.getByTestId('booking-current-slot').getByText(`${monthDay(dayThree)}`, { exact: false }).waitFor();
    await p.getByTestId('booking-current-slot').getByText('09:00–10:00', { exact: false }).waitFor();
    await pageShot(p, 'booking-owner-booked-phone');
  });

  it('books the other unit from the desk by slot, filling the single seat', kStep, async () => {
    const p = agent.page;
    await openMenu(p, '交付台');
    await p.waitForURL('**/delivery/desk');
    await p.getByTestId('book-handover').click();
    const dialog = modal(p, '预约收房');
    const projectInput = dialog.getByLabel('楼盘', { exact: true });
    await projectInput.click();
    await projectInput.fill(projectName);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: projectName }).first().click();
    const unitInput = dialog.getByLabel('房号', { exact: true });
    await unitInput.click();
    await unitInput.fill(owners.desk.code);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: owners.desk.code }).first().click();
    await dialog.getByTestId('book-owner').getByText(`${owners.desk.name}（100%）`).waitFor();
    // The unit's batch has slots: a slot is picked, not a free time.
    await dialog.getByTestId('slot-picker').waitFor();
    await dialog.getByText(`按「${batchName}」的交付排期预约`).waitFor();
    assert.equal(await dialog.getByTestId('book-time').count(), 0);
    await pickDay(p, dialog, dayTwo);
    const seat = dialog.getByTestId(`slot-${dayTwo}-15`);
    await seat.getByText('剩余 1 个名额').waitFor();
    await seat.click();
    assert.equal(await seat.getAttribute('aria-checked'), 'true');
    await shot(p, 'booking-desk-by-slot');
    const posted = answered(p, 'POST', '/handovers', 201);
    await dialog.getByRole('button', { name: /预约收房/ }).click();
    const handover = await (await posted).json();
    deskHandoverId = handover.id;
    assert.equal(handover.unit_code, owners.desk.code);
    assert.equal(handover.slot_id, singleSeat.id);
    assert.equal(handover.booked_via, 'staff');
    await modalClosed(p);
    await p.getByTestId(`handover-card-${deskHandoverId}`).getByTestId('handover-slot').getByText('15:00').waitFor();
  });

  it('shows the full slot disabled on the owner\'s page, and says so to one who took it meanwhile', kStep, async () => {
    const p = owner.page;
    // The page still shows the seat the desk has just taken: choosing it is refused in words, and the seats read again.
    await p.getByTestId('booking-move').click();
    await p.getByTestId(`booking-day-${dayTwo}`).click();
    const full = p.getByTestId(`booking-slot-${dayTwo}-15`);
    await full.getByText('剩余 1 个名额').waitFor();
    await full.click();
    const refused = answered(p, 'POST', `/public/handover-bookings/${bookingPath.slice(3)}`, 409);
    await p.getByTestId('booking-confirm-ok').click();
    assert.equal((await (await refused).json()).error.code, 'slot_full');
    await p.getByTestId('booking-error').getByText('已约满，请选择其他时间').waitFor();
    await full.getByText('已约满').waitFor();
    assert.equal(await full.isDisabled(), true);
    assert.equal(await full.getAttribute('data-left'), '0');
    // Its neighbour still has seats.
    assert.equal(await p.getByTestId(`booking-slot-${dayTwo}-14`).isDisabled(), false);
    await pageShot(p, 'booking-owner-full-phone');
    await p.getByTestId('booking-move').click();
  });

  it('says in the links who booked: 业主自助 and 客服代约', kStep, async () => {
    const p = agent.page;
    await p.goto(`/delivery/batches/${batchId}`);
    const invites = p.getByTestId('invite-card');
    await invites.getByTestId('invite-summary').getByText('共 2 户，已预约 2 户').waitFor();
    const selfRow = invites.locator(`[data-unit="${owners.self.code}"]`);
    await selfRow.getByText('已预约').waitFor();
    await selfRow.getByText('业主自助').waitFor();
    await selfRow.getByText(`${dayThree} 09:00`).waitFor();
    const deskRow = invites.locator(`[data-unit="${owners.desk.code}"]`);
    await deskRow.getByText('已预约').waitFor();
    await deskRow.getByText('客服代约').waitFor();
    await p.getByTestId('slot-card').getByTestId(`slot-cell-${dayTwo}-15`).getByText('1/1').waitFor();
    await p.getByTestId('slot-card').getByTestId(`slot-cell-${dayThree}-9`).getByText('1/2').waitFor();
    await p.getByTestId('slot-card').getByTestId('slot-totals').getByText('已预约 2 户').waitFor();
    await pageShot(p, 'booking-batch-booked');

    const links = ok(await pageApi(p, 'GET', `/delivery-batches/${batchId}/invitations`)).items;
    const self = links.find((l) => l.unit_code === owners.self.code);
    assert.equal(self.state, 'booked');
    assert.equal(self.booked_via, 'owner');
    assert.ok(self.opened_at);
    selfHandoverId = self.handover_id;
    assert.equal(links.find((l) => l.unit_code === owners.desk.code).booked_via, 'staff');

    // On a phone: the calendar as a day's chips, the links as cards.
    await p.setViewportSize(kPhone);
    await p.getByTestId('slot-grid').waitFor();
    await assertFitsPhone(p, 'the batch page with its calendar and links');
    await pageShot(p, 'booking-batch-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('moves the owner\'s handover from its page, then shows its repairs and the owner that it began', kStep, async () => {
    const p = agent.page;
    await p.goto(`/delivery/handovers/${selfHandoverId}`);
    await p.getByTestId('fact-booked-via').getByText('业主自助').waitFor();
    await p.getByTestId('handover-reschedule').click();
    const dialog = modal(p, `改约 · ${owners.self.code}`);
    await dialog.getByTestId('reschedule-current').getByText(`${dayThree} 09:00`).waitFor();
    // The slot held now is marked; choosing it again is refused.
    const mine = dialog.getByTestId(`slot-${dayThree}-9`);
    await mine.getByText('当前预约').waitFor();
    await mine.click();
    await dialog.getByRole('button', { name: /改\s*约/ }).click();
    await dialog.getByText('请选择另一个时段').waitFor();
    await pickDay(p, dialog, dayFour);
    await dialog.getByTestId(`slot-${dayFour}-10`).click();
    await shot(p, 'booking-reschedule');
    const moved = answered(p, 'POST', `/handovers/${selfHandoverId}/reschedule`, 200);
    await dialog.getByRole('button', { name: /改\s*约/ }).click();
    const after = await (await moved).json();
    assert.equal(after.slot_at, new Date(`${dayFour}T10:00:00+08:00`).toISOString().replace('.000Z', 'Z'));
    await modalClosed(p);
    await p.getByTestId('fact-slot').getByText(`${dayFour} 10:00`).waitFor();

    // The steps through the API up to the inspection, which finds one defect: a repair to re-inspect.
    for (const [step, body] of [
      ['notice', {}],
      ['identity', { attendee: 'owner' }],
      ['fees', { fees_cents: 300_000, receipt_no: `SJ-${short}` }],
      ['documents', {}],
      ['inspection', { defects: [{ location: '主卧', description: `窗框密封条脱落 ${short}` }] }],
    ]) {
      ok(await pageApi(p, 'POST', `/handovers/${selfHandoverId}/steps/${step}`, body));
    }
    await p.reload();
    const handover = ok(await pageApi(p, 'GET', `/handovers/${selfHandoverId}`));
    assert.equal(handover.repairs.length, 1);
    const repair = handover.repairs[0];
    assert.equal(repair.reinspection, 'pending_repair');
    const row = p.getByTestId(`handover-ticket-${repair.id}`);
    await row.getByText(`工单 #${repair.id}`).waitFor();
    await row.getByText(repair.title).waitFor();
    await p.getByTestId(`repair-reinspection-${repair.id}`).getByText('待维修').waitFor();
    assert.equal(await p.getByTestId(`handover-ticket-link-${repair.id}`).getAttribute('href'), `/tickets/${repair.id}`);
    // Begun: no more 改约.
    assert.equal(await p.getByTestId('handover-reschedule').count(), 0);
    await pageShot(p, 'booking-handover-repairs');
    await p.setViewportSize(kPhone);
    await p.reload();
    await p.getByTestId('handover-steps').waitFor();
    await assertFitsPhone(p, 'the handover page');
    await pageShot(p, 'booking-handover-phone');
    await p.setViewportSize({ width: 1440, height: 900 });

    // The owner's page says it began, and moves nothing.
    const o = owner.page;
    await o.reload();
    await o.getByTestId('booking-begun').getByText('交付手续已开始，如需改期请联系客服中心').waitFor();
    assert.equal(await o.getByTestId('booking-move').count(), 0);
    await pageShot(o, 'booking-owner-begun-phone');
  });

  it('says an unknown link is not valid', kStep, async () => {
    const p = owner.page;
    await p.goto(`/b/unknown-${suffix}`);
    await p.getByTestId('booking-invalid').getByText('链接无效或已过期').waitFor();
    await assertFitsPhone(p, 'the invalid link');
    await pageShot(p, 'booking-owner-invalid-phone');
    assert.deepEqual(pageErrors, []);
  });
});
