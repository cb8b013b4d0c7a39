// End-to-end browser tests of delivery's records and reports against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/delivery-records.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a company,
// a project with six units, a customer-relations agent, two sold units, a delivery batch with a risk
// check and a blocking finding. Then the agent, in the browser: records a unit's property
// certificate step by step (资料收齐 … 已出证; 已出证 without its number is refused in Chinese) and sees
// the counts per step; reads the project's special report (the inspection, the open blocking finding,
// the certificate); finds the batch's day in the delivery calendar and opens the batch from it; adds a
// photo to the finding and sees its thumbnail. The certificates and the calendar are checked on a phone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answered, assertFitsPhone, chinaDay, kPhone, launch, modal, modalClosed, modalSettled, ok, openMenu, pageApi, pageShot, posted, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `产权置业${suffix}`;
const projectName = `观澜苑${suffix}`;
const batchName = `二期交付 ${short}`;
const password = `E2e-records-${suffix}-Pass`;
const agentUser = { username: `e2e_rec_agent_${suffix}`, name: `客关乙${short}`, roles: ['agent'] };
const buyers = [
  { name: `林产权${short}`, phone: `136${randomDigits(8)}`, code: '1-1-201' },
  { name: `周产权${short}`, phone: `135${randomDigits(8)}`, code: '1-1-202' },
];
const kFinding = { location: '阳台', description: `栏杆松动，存在坠落风险 ${short}` };
const kCertificateNo = `鄂(2026)武汉市不动产权第${randomDigits(7)}号`;
const kPlannedOn = chinaDay(20);
// A 1×1 PNG.
const kPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('Delivery records: certificates, the special report, the calendar, finding photos', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // { browser, page }
  let projectId;
  let units; // by code
  let batchId;
  let findingId;
  let inspectionId;
  const pageErrors = [];

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await agent?.browser.close();
    await browser?.close();
  });

  it('sets up a project with two sold units, an agent, and a batch with a blocking finding', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    ({ projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: '汉阳区滨江大道 8 号',
      floors: 3,
      decoration: 'raw',
      people: [agentUser],
      password,
      customers: buyers,
    }));
    for (const [index, buyer] of buyers.entries()) {
      await sellUnit(api, { projectId, unit: units.get(buyer.code), buyers: [buyer.id], contractNo: `HT-REC-${suffix}-${index}`, signedOn: chinaDay(-30), dueOn: chinaDay(10) });
    }
    const batch = ok(
      await api('POST', '/delivery-batches', {
        project_id: projectId,
        name: batchName,
        unit_ids: buyers.map((buyer) => units.get(buyer.code).id),
        planned_on: kPlannedOn,
      }),
      201,
    );
    batchId = batch.id;
    const inspection = ok(await api('POST', `/delivery-batches/${batchId}/inspections`, { kind: 'risk_check', on: chinaDay(0), note: '三方联合排查' }), 201);
    inspectionId = inspection.id;
    findingId = ok(
      await api('POST', `/inspections/${inspection.id}/findings`, {
        unit_id: units.get(buyers[0].code).id,
        location: kFinding.location,
        category: '卫生间渗漏',
        severity: 'blocking',
        description: kFinding.description,
      }),
      201,
    ).id;

    agent = await signInAs(agentUser, password, { pageErrors });
  });

  it('records a unit’s certificate step by step, refusing 已出证 without its number', kStep, async () => {
    const p = agent.page;
    const menu = p.locator('.ant-layout-sider .ant-menu');
    for (const entry of ['交付日历', '产权办理']) await menu.getByText(entry, { exact: true }).waitFor();
    await openMenu(p, '产权办理');
    await p.waitForURL('**/delivery/certificates');
    await p.getByRole('heading', { name: '产权办理' }).waitFor();
    // Choose the project by its name.
    const chooser = p.getByLabel('项目', { exact: true });
    await chooser.click();
    await chooser.fill(projectName);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: projectName }).first().click();
    await p.waitForURL((url) => url.searchParams.get('project_id') === String(projectId));
    await p.getByTestId('title-summary-not_started').and(p.locator('[data-count="2"]')).waitFor();
    assert.equal(await p.getByTestId('title-sold').getAttribute('data-count'), '2');

    const unitId = units.get(buyers[0].code).id;
    const row = p.getByTestId(`title-row-${unitId}`);
    await row.getByText(buyers[0].name).waitFor();
    await pageShot(p, 'certificates-start');

    for (const [step, word] of [
      ['documents', '资料收齐'],
      ['tax_paid', '契税完税'],
      ['submitted', '递件受理'],
    ]) {
      await row.getByTestId(`title-record-${unitId}`).click();
      const dialog = modal(p, `记录「${word}」`);
      await modalSettled(dialog);
      const saved = posted(p, `/title-certificates/${unitId}/steps/${step}`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      assert.equal((await saved).status(), 200);
      await modalClosed(p);
      await p.getByTestId(`title-stage-${unitId}`).and(p.locator(`[data-stage="${step}"]`)).waitFor();
      assert.equal(await p.getByTestId(`title-step-${unitId}-${step}`).getAttribute('data-day'), chinaDay(0));
    }

    // 已出证 without the certificate number: refused, in Chinese, on the field.
    await row.getByTestId(`title-record-${unitId}`).click();
    const dialog = modal(p, '记录「已出证」');
    await modalSettled(dialog);
    const refused = posted(p, `/title-certificates/${unitId}/steps/issued`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    assert.equal((await refused).status(), 422);
    await dialog.getByText('此项为必填项').waitFor();
    await shot(p, 'certificates-refused');
    await dialog.getByTestId('title-step-no').fill(kCertificateNo);
    const saved = posted(p, `/title-certificates/${unitId}/steps/issued`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    assert.equal((await saved).status(), 200);
    await modalClosed(p);
    await p.getByTestId(`title-stage-${unitId}`).and(p.locator('[data-stage="issued"]')).waitFor();
    await p.getByTestId(`title-no-${unitId}`).getByText(kCertificateNo).waitFor();

    // The counts per step follow, and each is a filter.
    await p.getByTestId('title-summary-issued').and(p.locator('[data-count="1"]')).waitFor();
    await p.getByTestId('title-summary-not_started').and(p.locator('[data-count="1"]')).waitFor();
    assert.equal(await p.getByTestId('title-summary-overdue').getAttribute('data-count'), '0');
    await p.getByTestId('title-summary-issued').click();
    await p.waitForURL((url) => url.searchParams.get('stage') === 'issued');
    await p.getByTestId(`title-row-${units.get(buyers[1].code).id}`).waitFor({ state: 'detached' });
    await row.waitFor();
    await pageShot(p, 'certificates-1440');
    await p.getByTestId('title-summary-all').click();
    await p.getByTestId(`title-row-${units.get(buyers[1].code).id}`).waitFor();

    await p.setViewportSize(kPhone);
    await p.getByTestId('title-cards').waitFor();
    await assertFitsPhone(p, '产权办理');
    await pageShot(p, 'certificates-390');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows the project’s special report with the inspection, the open blocking finding and the certificate', kStep, async () => {
    const p = agent.page;
    await p.goto(`/delivery/batches/${batchId}`);
    await p.getByTestId('batch-report').click();
    await p.waitForURL((url) => url.pathname === '/delivery/report' && url.searchParams.get('project_id') === String(projectId));
    await p.getByTestId('report-heading').getByText(`${projectName} 交付风险排查专项报告`).waitFor();
    await p.getByTestId('report-batch-table').getByText(batchName).waitFor();
    await p.getByTestId('report-inspection-table').getByText('交付风险排查').waitFor();
    await p.getByTestId('report-blocking-table').getByText(kFinding.description).waitFor();
    await p.getByTestId('report-blocking-table').getByText(buyers[0].code).waitFor();
    assert.equal(await p.getByTestId('report-findings-blocking').getAttribute('data-count'), '1');
    assert.equal(await p.getByTestId('report-titles-issued').getAttribute('data-count'), '1');
    await p.getByTestId('report-print').waitFor();
    await pageShot(p, 'report-1440');
    await p.emulateMedia({ media: 'print' });
    assert.equal(await p.locator('.ant-layout-sider').isVisible(), false);
    await pageShot(p, 'report-print');
    await p.emulateMedia({ media: 'screen' });
    await p.setViewportSize(kPhone);
    // On a phone the tables' rows stack as cards: nothing scrolls sideways.
    await p.getByTestId('report-blocking-table').getByText(kFinding.description).waitFor();
    await assertFitsPhone(p, 'the special report');
    await pageShot(p, 'report-390');
    await p.setViewportSize({ width: 1440, height: 900 });
    // The project's page links to it too.
    await p.goto(`/projects/${projectId}`);
    await p.getByTestId('project-link-delivery-report').click();
    await p.waitForURL((url) => url.pathname === '/delivery/report' && url.searchParams.get('project_id') === String(projectId));
    await p.getByTestId('report-heading').getByText(`${projectName} 交付风险排查专项报告`).waitFor();
  });

  it('finds the batch’s day in the delivery calendar and opens the batch from it', kStep, async () => {
    const p = agent.page;
    await openMenu(p, '交付日历');
    await p.waitForURL('**/delivery/calendar');
    const month = kPlannedOn.slice(0, 7);
    if ((await p.getByTestId('calendar-month').getAttribute('data-month')) !== month) await p.getByTestId('calendar-next').click();
    await p.getByTestId('calendar-month').and(p.locator(`[data-month="${month}"]`)).waitFor();
    const item = p.getByTestId(`calendar-day-${kPlannedOn}`).getByTestId(`calendar-batch-${batchId}`);
    await item.getByText(batchName, { exact: false }).waitFor();
    // Today's risk check is on the calendar too.
    await p.goto(`/delivery/calendar?month=${chinaDay(0).slice(0, 7)}&project_id=${projectId}`);
    await p.getByTestId(`calendar-day-${chinaDay(0)}`).getByText('交付风险排查', { exact: false }).waitFor();
    await pageShot(p, 'calendar-1440');
    await p.goto(`/delivery/calendar?month=${month}&project_id=${projectId}`);
    await p.getByTestId(`calendar-batch-${batchId}`).click();
    await p.waitForURL(`**/delivery/batches/${batchId}`);

    await p.setViewportSize(kPhone);
    await p.goto(`/delivery/calendar?month=${month}&project_id=${projectId}`);
    await p.getByTestId('calendar-list').getByTestId(`calendar-batch-${batchId}`).waitFor();
    await assertFitsPhone(p, '交付日历');
    await pageShot(p, 'calendar-390');
    await p.setViewportSize({ width: 1440, height: 900 });
  });

  it('adds a photo to the finding and shows its thumbnail', kStep, async () => {
    const p = agent.page;
    await p.goto(`/delivery/batches/${batchId}`);
    const photos = p.getByTestId(`finding-photos-${findingId}`);
    await photos.getByTestId(`finding-photo-add-${findingId}`).waitFor();
    const uploaded = posted(p, `/findings/${findingId}/photos`);
    await photos.locator('input[type=file]').setInputFiles({ name: '栏杆.png', mimeType: 'image/png', buffer: kPng });
    assert.equal((await uploaded).status(), 201);
    await photos.and(p.locator('[data-count="1"]')).waitFor();
    const img = photos.locator('img').first();
    await p.waitForFunction((el) => el?.getAttribute('src')?.startsWith('blob:'), await img.elementHandle());
    await pageShot(p, 'finding-photo');

    // A photo chosen while recording a finding goes up once the finding is saved.
    await p.getByTestId(`finding-add-${inspectionId}`).click();
    const dialog = modal(p, '记录问题');
    await modalSettled(dialog);
    const unitInput = dialog.getByLabel('房号', { exact: true });
    await unitInput.click();
    await unitInput.fill(buyers[1].code);
    await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: buyers[1].code }).first().click();
    await dialog.getByLabel('位置', { exact: true }).fill('厨房');
    await dialog.getByLabel('问题描述', { exact: true }).fill(`橱柜门下垂 ${short}`);
    await dialog.locator('input[type=file]').setInputFiles({ name: '橱柜.png', mimeType: 'image/png', buffer: kPng });
    await dialog.getByText('橱柜.png').waitFor();
    await shot(p, 'finding-photo-record');
    const saved = posted(p, `/inspections/${inspectionId}/findings`);
    const sent = p.waitForResponse((r) => /\/api\/v1\/findings\/\d+\/photos$/.test(new URL(r.url()).pathname) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const second = await (await saved).json();
    assert.equal((await sent).status(), 201);
    await modalClosed(p);
    await p.getByTestId(`finding-photos-${second.id}`).and(p.locator('[data-count="1"]')).waitFor();

    // A photo of an open finding can be taken away again, once asked; the list counts photos.
    const secondPhotos = p.getByTestId(`finding-photos-${second.id}`);
    const remove = secondPhotos.locator('[data-testid^="finding-photo-remove-"]');
    await remove.click();
    await p.locator('.ant-popconfirm:visible').getByText('删除照片 橱柜.png？').waitFor();
    const removed = answered(p, 'DELETE', `/findings/${second.id}/photos/${(await remove.getAttribute('data-testid')).split('-').pop()}`, 204);
    await p.locator('.ant-popconfirm:visible').getByRole('button', { name: /删\s*除/ }).click();
    await removed;
    await secondPhotos.and(p.locator('[data-count="0"]')).waitFor();
    const listed = ok(await pageApi(p, 'GET', `/findings?batch_id=${batchId}`));
    assert.deepEqual(
      [findingId, second.id].map((id) => listed.items.find((f) => f.id === id).photo_count),
      [1, 0],
    );
    assert.deepEqual(pageErrors, []);
  });
});
