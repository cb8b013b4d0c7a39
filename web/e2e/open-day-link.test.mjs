// End-to-end browser test of the owners' own sign-up for a site open day, against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/open-day-link.test.mjs
// Steps run in order and build on each other. The administrator makes (through the API) a city
// company, a project of raw units, a customer-relations agent, two owners with phones who buy a unit
// each, and a raw open day two weeks ahead with room for five households. Then, in the browsers:
// the agent opens the day's sign-ups and sends the sign-up SMS (no SMS provider: the messages are
// logged, and the answer still lists each link); the first owner opens their link on a phone without
// signing in, chooses three people and signs up; the agent sees the household signed up by the owner
// and the links' figures; the owner cancels and the place comes back; an unknown link says so.
// The run makes everything it needs, so it works on an empty database and beside earlier runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertFitsPhone, chinaDay, kPhone, launch, ok, openMenu, pageApi, pageShot, posted, randomDigits, requireEnvironment, runSuffix, sellUnit, setUpProject, shot, signIn, signInAs } from './support.mjs';

const kStep = { timeout: 120_000 };
const suffix = runSuffix();
const short = suffix.slice(-4);

const companyName = `开放置业${suffix}`;
const projectName = `云栖府${suffix}`;
const projectAddress = `洪山区珞喻路 ${short} 号`;
const password = `E2e-openday-${suffix}-Pass`;
const people = { agent: { username: `e2e_od_agent_${suffix}`, name: `客关丙${short}`, roles: ['agent'] } };
const owners = [
  { name: `诸葛开${short}`, phone: `139${randomDigits(8)}`, code: '1-1-101' },
  { name: `上官放${short}`, phone: `138${randomDigits(8)}`, code: '1-1-102' },
];
const openOn = chinaDay(14);
const openNote = `上午九点半售楼处集合 ${short}`;

describe('工地开放日 by link: the SMS, the owner signs up and cancels on a phone', { concurrency: false }, () => {
  let browser;
  let page; // the administrator
  let agent; // the agent's browser { browser, page }
  let owner; // the owner's phone, no session { browser, page }
  let openDayId;
  let linkPath; // /o/<token>
  const pageErrors = [];

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

  it('sets up a project of raw units, an agent, two owners who bought a unit each and an open day', kStep, async () => {
    await signIn(page);
    const api = (method, path, body) => pageApi(page, method, path, body);
    const { projectId, units } = await setUpProject(api, {
      companyName,
      projectName,
      city: '武汉',
      address: projectAddress,
      floors: 2,
      decoration: 'raw',
      people,
      password,
      customers: owners,
    });
    for (const [index, who] of owners.entries()) {
      await sellUnit(api, { projectId, unit: units.get(who.code), buyers: [who.id], contractNo: `OD-${suffix}-${index}`, signedOn: chinaDay(-30), dueOn: chinaDay(-30) });
    }
    openDayId = ok(await api('POST', '/open-days', { project_id: projectId, on: openOn, decoration: 'raw', capacity: 5, note: openNote }), 201).id;
  });

  it('lets the agent send the sign-up SMS from the day’s sign-ups, one per household', kStep, async () => {
    agent = await signInAs(people.agent, password, { pageErrors });
    const p = agent.page;
    await openMenu(p, '工地开放日');
    await p.waitForURL('**/delivery/open-days');
    await p.getByTestId(`open-day-signups-${openDayId}`).click();
    const drawer = p.getByTestId('signup-drawer');
    await drawer.getByTestId('signup-links-none').getByText('尚未发送报名短信').waitFor();
    await drawer.getByTestId('signup-send-links').click();
    const confirm = p.locator('.ant-popconfirm:visible');
    await confirm.getByText('向尚未报名的毛坯业主每户发送一条报名短信', { exact: false }).waitFor();
    const sent = posted(p, `/open-days/${openDayId}/invitations`, 200);
    await confirm.getByRole('button', { name: /发\s*送/ }).click();
    const run = await (await sent).json();
    assert.equal(run.sent_count, 2, JSON.stringify(run));
    assert.deepEqual(run.sent.map((s) => s.unit_code).sort(), owners.map((o) => o.code).sort());
    linkPath = new URL(run.sent.find((s) => s.unit_code === owners[0].code).url).pathname;
    assert.match(linkPath, /^\/o\/[\w-]{20,}$/);
    await drawer.getByTestId('signup-links-result').getByText('已向 2 户发送报名短信').waitFor();
    const notOpened = drawer.getByTestId('signup-links-sent');
    await notOpened.getByText('未打开 2').waitFor();
    await shot(p, 'open-day-links-sent');
  });

  it('lets the owner sign their household up on a phone, without signing in', kStep, async () => {
    owner = await launch();
    owner.page.on('pageerror', (err) => pageErrors.push(String(err)));
    const o = owner.page;
    await o.setViewportSize(kPhone);
    await o.goto(linkPath);
    const info = o.getByTestId('open-day-info');
    await info.getByTestId('open-day-project').getByText(projectName).waitFor();
    await info.getByTestId('open-day-unit').getByText(owners[0].code).waitFor();
    await info.getByText(`${owners[0].name.slice(0, 1)}**`).waitFor();
    await info.getByText('毛坯工地开放日').waitFor();
    await info.getByText(openNote).waitFor();
    await info.getByTestId('open-day-places').getByText('剩余 5 户名额').waitFor();
    await assertFitsPhone(o, 'the open-day sign-up page');
    await pageShot(o, 'open-day-link-phone');
    await o.getByTestId('open-day-party-3').click();
    const signed = posted(o, linkPath.replace('/o/', '/public/open-day-signups/'), 200);
    await o.getByTestId('open-day-sign-up').getByText('报名 · 3 人').click();
    assert.equal((await (await signed).json()).signup.party_size, 3);
    const done = o.getByTestId('open-day-signed-up');
    await done.getByText('您已报名').waitFor();
    await done.getByText('3 人', { exact: false }).waitFor();
    await done.getByText(projectAddress, { exact: false }).waitFor();
    await assertFitsPhone(o, 'the signed-up page');
    await pageShot(o, 'open-day-link-signed-up');
  });

  it('shows the agent the household signed up by the owner, and the links where they stand', kStep, async () => {
    const p = agent.page;
    await p.reload();
    await p.getByTestId(`open-day-signups-${openDayId}`).click();
    const drawer = p.getByTestId('signup-drawer');
    const row = drawer.locator('[data-testid^="signup-row-"]', { hasText: owners[0].code });
    await row.getByText(owners[0].name).waitFor();
    await row.getByText('3 人').waitFor();
    await row.getByText('通过短信链接报名', { exact: false }).waitFor();
    await drawer.getByTestId('signup-links-signed_up').getByText('已报名 1').waitFor();
    await drawer.getByTestId('signup-links-sent').getByText('未打开 1').waitFor();
    await drawer.getByTestId('signup-count').getByText('已报名 1/5 户').waitFor();
    await pageShot(p, 'open-day-signed-up-by-owner');
  });

  it('lets the owner cancel, giving the place back; an unknown link says so', kStep, async () => {
    const o = owner.page;
    await o.getByTestId('open-day-cancel').click();
    const cancelled = posted(o, `${linkPath.replace('/o/', '/public/open-day-signups/')}/cancel`, 200);
    await o.getByTestId('open-day-cancel-ok').click();
    await cancelled;
    await o.getByTestId('open-day-notice').getByText('已取消报名', { exact: false }).waitFor();
    await o.getByTestId('open-day-places').getByText('剩余 5 户名额').waitFor();
    await o.getByTestId('open-day-sign-up').waitFor();
    await o.goto('/o/this-link-was-never-sent-to-anyone');
    await o.getByTestId('open-day-invalid').getByText('链接无效或已过期').waitFor();
    assert.deepEqual(pageErrors, []);
  });
});
