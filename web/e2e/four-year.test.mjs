// End-to-end browser tests of 四年之约 (the 6+2 journey's eighth step) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/four-year.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project with six units, a customer-relations agent of the company, sells five units
// (判客, 认购, 签约), puts them in a batch, releases it and hands the five over today (the six steps).
// Then, in the browser: the agent finds 四年之约 in the menu; the project's plan counts the five
// homes, the even share a month, no visit due yet in this cycle; its 60 months' planned homes are
// where the server's spread puts each home (the phase of its unit, as journey.cpp computes it) and
// add up to the homes whose visit falls within the months shown; this month links to the visit queue
// of the project. The company's plan has the project in its table. Switched off in the playbook, the
// page says so (and the touch is switched on again). Checked on a phone too, and in English.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, assertNoWords, chinaDay, handOver, kPhone, launch, ok, openMenu, pageApi, pageShot, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 180_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

/** Days from 1970-01-01 of "2026-12-07", and back. */
const dayNumber = (day) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
const dayOf = (number) => new Date(number * 86_400_000).toISOString().slice(0, 10);
/** The month `shift` months from "2026-12": "2027-01". */
const monthFrom = (month, shift) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + shift;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
/** The cycle's length in days, and the day of a home's visit in it (journey.cpp's FourYearPhase: frac(id·φ) of the cycle). */
const kFourYearDays = 1461;
const fourYearPhase = (unitId) => 1 + Math.min(kFourYearDays - 1, Math.floor(((unitId * 0.6180339887498949) % 1) * kFourYearDays));

const companyName = `四年置业${suffix}`;
const projectName = `长乐苑${suffix}`;
const password = `E2e-fouryear-${suffix}-Pass`;
const agentUser = { username: `e2e_4y_agent_${suffix}`, name: `客关专员${short}`, roles: ['agent'] };
const soldCodes = ['1-1-101', '1-1-102', '1-1-201', '1-1-202', '1-1-301'];
/** Words the page must never show raw. */
const kRawWords = ['four_year_visit', 'not_made', 'per_month', 'project_id', 'company_id'];

describe('四年之约: the homes spread over the cycle’s months, the coverage, the visit queue', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // the agent's browser { browser, page }
  let companyId;
  let projectId;
  let touch; // the group's four_year_visit touch, as found
  let units; // by code
  const delivered = []; // the units handed over
  const pageErrors = [];

  /** The page shows people words, not the wire's. */
  const assertNoRawWords = (p, where) => assertNoWords(p.locator('.ant-layout-content'), kRawWords, where);

  /** Every month the page shows, by its testid, with its planned homes as the page has them. */
  const monthsShown = (p) =>
    p.locator('[data-testid^="four-year-month-2"]').evaluateAll((nodes) => nodes.map((node) => ({ month: node.getAttribute('data-testid').slice('four-year-month-'.length), planned: Number(node.getAttribute('data-planned')) })));

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    // The touch switched off by a step that failed half-way is switched on again.
    if (touch && page) await pageApi(page, 'PATCH', `/journey/playbook/${touch.id}`, { active: true }).catch(() => {});
    await agent?.browser.close();
    await browser?.close();
  });

  it('sets up a company, a project, an agent, and five homes sold and handed over today', kStep, async () => {
    await signIn(page);
    const api = (method, path, body, headers) => pageApi(page, method, path, body, headers);
    const customers = soldCodes.map((code, index) => ({ name: `业主${index + 1}号${short}`, phone: `139${randomDigits(8)}` }));
    let company;
    ({ company, projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '福州',
      address: '鼓楼区五四路 66 号',
      floors: 3,
      decoration: 'raw',
      rooms: [
        { suffix: '01', layout: '3室2厅2卫', area_m2: 118, list_price_cents: 260_000_000 },
        { suffix: '02', layout: '2室2厅1卫', area_m2: 89, list_price_cents: 190_000_000 },
      ],
      people: [agentUser],
      password,
      customers,
    }));
    companyId = company.id;
    assert.equal(units.size, 6);

    // Each home sold, as the administrator: 判客, 认购, 签约.
    for (const [index, code] of soldCodes.entries()) {
      await sellUnit(api, { projectId, unit: units.get(code), buyers: [customers[index].id], contractNo: `HT-4Y-${code}-${suffix}`, signedOn: chinaDay(-200), dueOn: chinaDay(-100) });
    }

    // A batch of the five, released at once (nothing blocks it), and each handed over today: the six steps.
    const batch = ok(
      await api('POST', '/delivery-batches', { project_id: projectId, name: `四年之约首批 ${short}`, planned_on: chinaDay(0), unit_ids: soldCodes.map((code) => units.get(code).id) }),
      201,
    );
    assert.equal(ok(await api('POST', `/delivery-batches/${batch.id}/release`, {}, { 'If-Match': String(batch.version) })).status, 'released');
    const slotAt = new Date(`${chinaDay(0)}T09:00:00+08:00`).toISOString();
    for (const code of soldCodes) {
      const unit = units.get(code);
      const last = await handOver(api, unit.id, { slotAt });
      assert.equal(last.status, 'done');
      const after = ok(await api('GET', `/units/${unit.id}`));
      assert.equal(after.status, 'delivered');
      assert.equal(after.delivered_on, chinaDay(0));
      delivered.push(after);
    }
    touch = ok(await api('GET', '/journey/playbook')).items.find((item) => item.code === 'four_year_visit' && !item.company_id);
    assert.ok(touch, 'the group has the four_year_visit touch');
    if (!touch.active) ok(await api('PATCH', `/journey/playbook/${touch.id}`, { active: true }));
  });

  it('shows the project’s plan: the homes, the even share, each month’s planned homes where the spread puts them', kStep, async () => {
    agent = await signInAs(agentUser, password, { pageErrors });
    const p = agent.page;
    // In the menu after 一路同行基金.
    const menu = p.locator('.ant-layout-sider .ant-menu');
    await menu.getByText('四年之约', { exact: true }).waitFor();
    const entries = await menu.locator('.ant-menu-title-content').allInnerTexts();
    assert.equal(entries[entries.indexOf('一路同行基金') + 1], '四年之约', `the journey's entries: ${entries.join(' ')}`);
    await openMenu(p, '四年之约');
    await p.waitForURL('**/journey/four-year');
    await p.getByRole('heading', { name: '四年之约', exact: true }).waitFor();
    await p.getByText('每套交付的房屋在交钥匙后的每个四年周期内拜访一次', { exact: false }).waitFor();

    // The project alone (its company is the agent's, with nothing else delivered).
    await p.getByTestId('four-year-columns').waitFor();
    const read = p.waitForResponse((r) => r.url().includes(`/api/v1/journey/four-year-plan?project_id=${projectId}`));
    await p.getByTestId('filter-project').click();
    await p.getByTestId('filter-project').locator('input').fill(projectName);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: projectName }).first().click();
    await p.waitForURL(`**/journey/four-year?project_id=${projectId}`);
    await read;
    await p.getByTestId('four-year-homes-value').getByText('5 户', { exact: true }).waitFor();
    await p.getByTestId('four-year-per-month-value').getByText('1 户/月', { exact: true }).waitFor();
    await p.getByTestId('four-year-per-month').getByText('5 户 ÷ 48 个月').waitFor();
    // Handed over today: no visit is due yet in this cycle.
    await p.getByTestId('four-year-coverage-value').getByText('—', { exact: true }).waitFor();
    await p.getByTestId('four-year-coverage').getByText('本周期还没有到期的拜访').waitFor();
    assert.equal(await p.getByTestId('four-year-inactive').count(), 0);

    // The server's plan, and where each home's visit falls: its phase after today's keys.
    const plan = ok(await pageApi(p, 'GET', `/journey/four-year-plan?project_id=${projectId}`));
    const today = chinaDay(0);
    const thisMonth = today.slice(0, 7);
    assert.equal(plan.today, today);
    assert.deepEqual([plan.homes, plan.per_month, plan.coverage.due, plan.coverage.visited], [5, 1, 0, 0]);
    assert.equal(plan.months.length, 60);
    assert.equal(plan.months[0].month, monthFrom(thisMonth, -12));
    assert.equal(plan.months[12].month, thisMonth);
    assert.equal(plan.months[59].month, monthFrom(thisMonth, 47));
    const lastDay = dayOf(dayNumber(`${monthFrom(thisMonth, 48)}-01`) - 1);
    const expected = new Map();
    let inWindow = 0;
    for (const unit of delivered) {
      const visit = dayOf(dayNumber(unit.delivered_on) + fourYearPhase(unit.id));
      assert.ok(visit > today, `${unit.code}'s first visit comes after its keys`);
      if (visit > lastDay) continue; // past the 47th month: beyond the months shown
      inWindow += 1;
      expected.set(visit.slice(0, 7), (expected.get(visit.slice(0, 7)) ?? 0) + 1);
    }
    for (const month of plan.months) assert.equal(month.planned, expected.get(month.month) ?? 0, `the server's ${month.month}`);

    // The page draws every month with the server's count, adding up to the homes in the window.
    await p.getByTestId('four-year-columns').waitFor();
    const shown = await monthsShown(p);
    assert.deepEqual(
      shown.map((month) => month.month),
      plan.months.map((month) => month.month),
    );
    for (const month of shown) assert.equal(month.planned, expected.get(month.month) ?? 0, `the page's ${month.month}`);
    assert.equal(
      shown.reduce((sum, month) => sum + month.planned, 0),
      inWindow,
    );
    assert.equal(await p.getByTestId(`four-year-month-${thisMonth}`).getAttribute('data-current'), 'true');
    // Nothing is due before today: no month of the past year plans a visit of these homes.
    for (const month of shown.slice(0, 12)) assert.equal(month.planned, 0, month.month);
    await p.getByTestId('four-year-average').getByText('月均 1').waitFor();
    await p.getByTestId('four-year-legend').getByText('未生成任务').waitFor();

    // The project's line; this month leads to the project's visit queue.
    const row = p.getByTestId(`four-year-project-${projectId}`);
    await row.getByText(projectName).waitFor();
    assert.deepEqual((await row.locator('td').allInnerTexts()).slice(1, 4), ['5', '0', '0']);
    assert.equal(await p.getByTestId('four-year-this-month').getByTestId('four-year-month-queue').getAttribute('href'), `/journey/tasks?touch=four_year_visit&project_id=${projectId}`);
    await assertNoRawWords(p, 'the four-year plan');
    await pageShot(p, 'four-year');

    await p.getByTestId('four-year-this-month').getByTestId('four-year-month-queue').click();
    await p.waitForURL(`**/journey/tasks?touch=four_year_visit&project_id=${projectId}`);
    await p.getByTestId('filter-touch').getByText('四年之约回访', { exact: false }).waitFor();
  });

  it('shows the company’s projects, and says so when the visit is switched off in the playbook', kStep, async () => {
    const p = agent.page;
    await p.goto(`/journey/four-year?company_id=${companyId}`);
    const row = p.getByTestId(`four-year-project-${projectId}`);
    await row.getByText(projectName).waitFor();
    await p.getByTestId('four-year-homes-value').getByText('5 户', { exact: true }).waitFor();
    // 只看该楼盘 narrows to the project.
    await p.getByTestId(`four-year-project-show-${projectId}`).click();
    await p.waitForURL(`**/journey/four-year?company_id=${companyId}&project_id=${projectId}`);
    await p.getByTestId(`four-year-project-show-${projectId}`).waitFor({ state: 'detached' });
    await p.getByTestId(`four-year-project-queue-${projectId}`).waitFor();

    // The group's touch switched off (by the administrator): the plan says so, with the playbook's link.
    ok(await pageApi(page, 'PATCH', `/journey/playbook/${touch.id}`, { active: false }));
    try {
      await p.reload();
      const alert = p.getByTestId('four-year-inactive');
      await alert.getByText('四年之约回访已在旅程手册中停用').waitFor();
      assert.equal(await alert.getByRole('link', { name: '打开旅程手册' }).getAttribute('href'), '/journey/playbook');
      await pageShot(p, 'four-year-inactive');
    } finally {
      ok(await pageApi(page, 'PATCH', `/journey/playbook/${touch.id}`, { active: true }));
    }
    await p.reload();
    await p.getByTestId('four-year-homes').waitFor();
    assert.equal(await p.getByTestId('four-year-inactive').count(), 0);
  });

  it('fits a phone: the months as rows, adding up the same', kStep, async () => {
    const p = agent.page;
    await p.setViewportSize(kPhone);
    await p.goto(`/journey/four-year?project_id=${projectId}`);
    await p.getByTestId('four-year-rows').waitFor();
    const shown = await monthsShown(p);
    assert.equal(shown.length, 60);
    const plan = ok(await pageApi(p, 'GET', `/journey/four-year-plan?project_id=${projectId}`));
    assert.deepEqual(
      shown.map((month) => month.planned),
      plan.months.map((month) => month.planned),
    );
    const thisMonth = chinaDay(0).slice(0, 7);
    const current = p.getByTestId(`four-year-month-${thisMonth}`);
    assert.equal(await current.getAttribute('data-current'), 'true');
    assert.equal(await current.getByTestId('four-year-month-queue').getAttribute('href'), `/journey/tasks?touch=four_year_visit&project_id=${projectId}`);
    await p.getByTestId(`four-year-project-${projectId}`).waitFor();
    await assertFitsPhone(p, 'the four-year plan');
    await pageShot(p, 'four-year-phone');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('speaks English too, and no page failed', kStep, async () => {
    const p = agent.page;
    await p.goto(`/journey/four-year?project_id=${projectId}`);
    await p.getByTestId('four-year-columns').waitFor();
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Four-year visits', exact: true }).waitFor();
    await p.getByTestId('four-year-coverage').getByText('No visit due yet this cycle').waitFor();
    await p.getByTestId('four-year-per-month-value').getByText('1 a month', { exact: true }).waitFor();
    await p.locator('.ant-layout-sider .ant-menu').getByText('Four-year visits', { exact: true }).waitFor();
    await assertNoRawWords(p, 'the English plan');
    await pageShot(p, 'four-year-english');
    await p.getByRole('button', { name: '中文' }).click();
    await p.getByRole('heading', { name: '四年之约', exact: true }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the pages');
  });
});
