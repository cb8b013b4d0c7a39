// Shared helpers for the browser tests: launching Debian's Chromium through playwright-core,
// signing in, screenshots, driving antd widgets, and making through the API what the pages are
// then tested on (a company, its project, units and people; a sale; a handover).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.HEARTH_URL ?? '').replace(/\/$/, '');
export const adminPassword = process.env.HEARTH_ADMIN_PASSWORD ?? '';

/** Logs in as `username` with `password` through the login page and waits for the home page. */
export async function logIn(page, username, password) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** Logs in as the administrator through the login page and waits for the home page. */
export async function signIn(page) {
  await logIn(page, 'admin', adminPassword);
}
export const chromiumPath = process.env.HEARTH_CHROMIUM ?? '/usr/bin/chromium';
/**
 * Where `shot` writes: e2e/screenshots/, or the folder HEARTH_SHOTS names. HEARTH_SHOTS=off takes
 * none (`make test`: the pictures are for people looking at the pages, and cost minutes of the run).
 */
const kShotsOff = process.env.HEARTH_SHOTS === 'off';
export const screenshotDir = process.env.HEARTH_SHOTS && !kShotsOff
  ? `${process.env.HEARTH_SHOTS.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('./screenshots/', import.meta.url));

export function requireEnvironment() {
  if (!baseUrl || !adminPassword) {
    throw new Error('Set HEARTH_URL (e.g. http://127.0.0.1:18080) and HEARTH_ADMIN_PASSWORD to run the browser tests.');
  }
}

/** A new window (browser context) of `browser` and its page: a desk's screen, in Chinese, in China, without motion. */
export async function openWindow(browser) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // No motion (the app honours it): a click never lands on a dialog still zooming in.
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

export async function launch() {
  mkdirSync(screenshotDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const { context, page } = await openWindow(browser);
  return { browser, context, page };
}

/**
 * Signs `who` ({ username }) in with `password`, in a browser of their own (close it after); its
 * page errors go into `pageErrors`, and `viewport` sizes its window when given.
 */
export async function signInAs(who, password, { pageErrors, viewport } = {}) {
  const second = await launch();
  if (viewport) await second.page.setViewportSize(viewport);
  if (pageErrors) second.page.on('pageerror', (err) => pageErrors.push(String(err)));
  await logIn(second.page, who.username, password);
  return second;
}

// Toasts are left out of the pictures (so each shows only its own page) rather than waited out.
const kNoToasts = '.ant-message { visibility: hidden !important; }';

/**
 * A full-page PNG in e2e/screenshots/<name>.png (or HEARTH_SHOTS), once animations have settled. While a dialog is
 * open, the picture is of the window instead (a full-page capture tears fixed overlays apart),
 * made tall enough for the whole dialog.
 */
export async function shot(page, name) {
  if (kShotsOff) return;
  await page.waitForTimeout(400);
  const dialog = page.locator('.ant-modal-container, .ant-modal-content').filter({ visible: true }).last();
  if ((await dialog.count()) === 0) {
    await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true, style: kNoToasts });
    return;
  }
  // Show the dialog from its top (a long form may have scrolled to its buttons).
  await page.locator('.ant-modal-wrap').filter({ visible: true }).last().evaluate((wrap) => wrap.scrollTo(0, 0)).catch(() => {});
  const size = page.viewportSize();
  const box = await dialog.boundingBox();
  const height = Math.max(size.height, Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 64));
  if (height > size.height) {
    await page.setViewportSize({ width: size.width, height });
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `${screenshotDir}${name}.png`, style: kNoToasts });
  if (height > size.height) await page.setViewportSize(size);
}

/** A full-page picture from the top: a page scrolled down draws its sticky header and menu mid-page. */
export async function pageShot(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, name);
}

/** The open (visible) antd modal whose title contains `title`. */
export function modal(page, title) {
  return page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
}

/**
 * Waits until the dialog `locator` (see `modal`) has finished opening: antd zooms it in, and a
 * click on its buttons while it still moves may be lost on a loaded machine.
 */
export async function modalSettled(locator) {
  await locator.waitFor();
  await locator.evaluate(
    (element) =>
      new Promise((resolve) => {
        const moving = () => /-(appear|enter)(-|\b)/.test(element.className);
        if (!moving()) return resolve();
        const watch = new MutationObserver(() => {
          if (!moving()) finish();
        });
        const timer = setTimeout(() => finish(), 3_000);
        function finish() {
          watch.disconnect();
          clearTimeout(timer);
          resolve();
        }
        watch.observe(element, { attributes: true, attributeFilter: ['class'] });
      }),
  );
}

/** When `scope` is a dialog (a locator from `modal`), waits until it has finished opening. */
async function settledScope(scope) {
  if (typeof scope.goto === 'function') return;  // the page itself
  const dialog = await scope.evaluate((element) => element.classList.contains('ant-modal')).catch(() => false);
  if (dialog) await modalSettled(scope);
}

/** Waits until every open antd modal has gone. */
export async function modalClosed(page) {
  await page.locator('.ant-modal-wrap').filter({ visible: true }).waitFor({ state: 'detached', timeout: 15_000 }).catch(async () => {
    await page.locator('.ant-modal-content').filter({ visible: true }).first().waitFor({ state: 'hidden' });
  });
}

/** Picks `text` in the antd Select / TreeSelect labelled `label` inside `scope`, by typing to search. */
export async function chooseTree(page, scope, label, text) {
  await settledScope(scope);
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-tree-treenode', { hasText: text }).first();
  await option.locator('.ant-select-tree-node-content-wrapper').click();
}

/**
 * Picks the option `text` in the (multi) Select labelled `label`. A single Select is left closed:
 * one opened while another dropdown was still closing may stay open and cover the next button.
 */
export async function chooseOption(page, scope, label, text) {
  await settledScope(scope);
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  if ((await scope.locator('.ant-select-single').filter({ has: page.getByLabel(label, { exact: true }) }).count()) === 0) return;
  const open = page.locator('.ant-select-dropdown:visible').first();
  await open.waitFor({ state: 'hidden', timeout: 1_500 }).catch(async () => {
    await input.press('Tab');
    await open.waitFor({ state: 'hidden' });
  });
}

/**
 * Picks `text` in the Select labelled `label` inside `scope` (once a dialog has finished opening)
 * by typing `typed` (the text itself unless told), and closes the dropdown.
 */
export async function pick(page, scope, label, text, typed = text) {
  await settledScope(scope);
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  const open = page.locator('.ant-select-dropdown:visible').first();
  await open.waitFor({ state: 'hidden', timeout: 1_500 }).catch(async () => {
    await input.press('Tab');
    await open.waitFor({ state: 'hidden' });
  });
}

/** Types a day into the DatePicker labelled `label` inside `scope`. */
export async function typeDay(scope, label, day) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await input.press('Enter');
}

/**
 * Clicks the option `text` of the Select dropdown that is open, then makes sure no dropdown stays
 * open: one opened while another was still closing may stay open and cover the next button (the
 * focus leaves with Tab; Escape would close a dialog around it).
 */
export async function pickOption(page, text) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  const open = page.locator('.ant-select-dropdown:visible').first();
  await open.waitFor({ state: 'hidden', timeout: 1_500 }).catch(async () => {
    await page.keyboard.press('Tab');
    await open.waitFor({ state: 'hidden' });
  });
}

/** Clicks the left-menu entry whose text is exactly `text`. */
export async function openMenu(page, text) {
  await page.locator('.ant-layout-sider .ant-menu').getByText(text, { exact: true }).click();
}

/** A suffix that keeps this run's names apart from earlier runs' on the same database. */
export const runSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** `count` random decimal digits (phone numbers, IDs). */
export const randomDigits = (count) => Array.from({ length: count }, () => Math.floor(Math.random() * 10)).join('');

const randomOf = (list) => list[Math.floor(Math.random() * list.length)];
const kGivenChars = '晟昀珂琰玥熠璟翊曦岚湛霁骁琛瑾煜晗筠泓璇'.split('');

/** GB 11643: the check character of the first 17 digits of a resident ID. */
function checkCharacter(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

/** A valid resident ID of someone born on a random day of 1960–1999 in `area` (its six digits: 330106 is 西湖区, 杭州). */
export function residentId(area) {
  const birth = new Date(Date.UTC(1960, 0, 1) + Math.floor(Math.random() * 40 * 365) * 86_400_000);
  const first17 = `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${randomDigits(3)}`;
  return first17 + checkCharacter(first17);
}

/** A person's name of the family name `family` and two random given characters. */
export const personName = (family) => `${family}${randomOf(kGivenChars)}${randomOf(kGivenChars)}`;

/** A day counted from today in China (the server's and the browser's calendar), as YYYY-MM-DD. */
export const chinaDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));

/** "¥2,065,000" as the pages write fen. */
export const yuan = (fen) => `¥${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(fen / 100)}`;

/** The page's session cookies by name (`hearth_session`, `hearth_csrf`), or {} when signed out. */
export async function sessionCookies(page) {
  const cookies = await page.context().cookies();
  return Object.fromEntries(cookies.filter((c) => c.name.startsWith('hearth_')).map((c) => [c.name, c]));
}

/**
 * Calls the API with the page's session (to set up what the UI is then tested on); answers
 * `{ status, body }` with the body parsed, or null when it is not JSON.
 */
export function pageApi(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        // The page's session cookie goes by itself; a write adds the CSRF header as the app does.
        headers: {
          'X-CSRF-Token': document.cookie.match(/(?:^|; )hearth_csrf=([^;]*)/)?.[1] ?? '',
          'Content-Type': 'application/json',
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body, headers },
  );
}

/** Asserts an API answer (see `pageApi`) has `status` (200 unless told), and answers its body. */
export function ok(answer, status = 200) {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  return answer.body;
}

/**
 * Waits for `page`'s answer to `method` /api/v1`path` (start waiting before the click that sends
 * it); asserts its status when `status` is given. Answers the response.
 */
export function answered(page, method, path, status) {
  return page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1${path}` && r.request().method() === method).then(async (r) => {
    if (status === undefined) return r;
    // The body says why, when the status is not the one expected.
    const why = r.status() === status ? '' : `: ${await r.text().catch(() => '(no body)')}`;
    assert.equal(r.status(), status, `${method} ${path}${why}`);
    return r;
  });
}

/** Waits for `page`'s answer to POST /api/v1`path`, as `answered` does. */
export function posted(page, path, status) {
  return answered(page, 'POST', path, status);
}

/** A phone's screen, as the staff pages are checked at. */
export const kPhone = { width: 390, height: 844 };

/** Nothing on the page is wider than the phone's screen (no sideways scroll). */
export async function assertFitsPhone(page, where) {
  await page.waitForTimeout(400);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= kPhone.width, `${where} is ${width} px wide on a ${kPhone.width} px screen`);
}

/** Looks at a page on a phone: it fits, and its picture is taken; then back to the desk's width. */
export async function onPhone(page, ready, where, name) {
  await page.setViewportSize(kPhone);
  await ready();
  await assertFitsPhone(page, where);
  await pageShot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** The page (or the part `scope` of it) shows none of `words`: people words, not the wire's. */
export async function assertNoWords(scope, words, where) {
  const text = await scope.innerText();
  for (const word of words) assert.ok(!text.includes(word), `${where} shows "${word}"`);
}

/** The rooms of each floor `setUpProject` makes unless told: a three-bedroom and a two-bedroom home. */
const kRooms = [
  { suffix: '01', layout: '3室2厅2卫', area_m2: 118, list_price_cents: 300_000_000 },
  { suffix: '02', layout: '2室2厅1卫', area_m2: 89, list_price_cents: 210_000_000 },
];

/**
 * Makes through `api` (a `pageApi` of the administrator's page, `(method, path, body)`): the city
 * company `companyName` under the administrator's org unit; a project org unit `projectUnitName`
 * under it when named; the project `projectName` of the project org unit (else of the company) at
 * `city`, `address`; when `floors` is given, its units: `floors` floors of building 1 (or
 * { building: floors } for several buildings), `decoration`, `rooms` on each floor; a user of the
 * company (of the project org unit when `atProject`) for each of `people` ({ username, name, roles },
 * with `password`); a customer of the company for each of `customers` ({ name, phone }). Sets the
 * `id` of each person and customer. Answers { company, projectUnit, projectId, units }, the units
 * a Map by code.
 */
export async function setUpProject(api, options) {
  const { companyName, projectUnitName, projectName, city, address, floors, decoration, rooms = kRooms, people = [], password, customers = [] } = options;
  const me = ok(await api('GET', '/me'));
  const company = ok(await api('POST', '/org-units', { name: companyName, kind: 'city', parent_id: me.org_unit_id }), 201);
  const projectUnit = projectUnitName ? ok(await api('POST', '/org-units', { name: projectUnitName, kind: 'project', parent_id: company.id }), 201) : undefined;
  const projectId = ok(await api('POST', '/projects', { name: projectName, city, address, org_unit_id: (projectUnit ?? company).id }), 201).id;
  const units = new Map();
  if (floors !== undefined) {
    for (const [building, floorTo] of Object.entries(typeof floors === 'number' ? { 1: floors } : floors)) {
      ok(await api('POST', `/projects/${projectId}/units/bulk`, { building, entrance: '1', floor_from: 1, floor_to: floorTo, decoration, rooms }), 201);
    }
    for (const unit of ok(await api('GET', `/projects/${projectId}/units`)).items) units.set(unit.code, unit);
  }
  for (const who of Object.values(people)) {
    const orgUnitId = who.atProject ? projectUnit.id : company.id;
    who.id = ok(await api('POST', '/users', { username: who.username, password, display_name: who.name, roles: who.roles, org_unit_id: orgUnitId }), 201).id;
  }
  for (const customer of customers) {
    customer.id = ok(await api('POST', '/customers', { name: customer.name, phone: customer.phone, org_unit_id: company.id }), 201).id;
  }
  return { company, projectUnit, projectId, units };
}

/**
 * 判客 and 认购 through `api` (a `pageApi`, as whoever it signs in): a lead of the first of `buyers`
 * (customer ids) on `projectId`, unless `leadId` names one already made, and a subscription of
 * `unit` for the buyers in equal shares at `price` (its list price unless told). Answers the
 * subscription.
 */
export async function reserveUnit(api, { projectId, unit, buyers, leadId, price = unit.list_price_cents }) {
  if (leadId === undefined) leadId = ok(await api('POST', '/leads', { project_id: projectId, customer_id: buyers[0], source: 'visit', intent: 'A' }), 201).id;
  return ok(
    await api('POST', '/subscriptions', {
      unit_id: unit.id,
      buyers: buyers.map((id) => ({ customer_id: id, share: 1 / buyers.length })),
      price_cents: price,
      deposit_cents: 5_000_000,
      lead_id: leadId,
    }),
    201,
  );
}

/**
 * 签约 of the subscription `subscriptionId` through `api`: `contractNo`, `signedOn`, `total`, and
 * the payment `plan` (one down payment of the total due `dueOn` unless told). Answers the API's
 * answer as it comes ({ status, body }).
 */
export function signContract(api, { subscriptionId, contractNo, signedOn, total, dueOn, plan = [{ due_on: dueOn, amount_cents: total, kind: 'down_payment' }] }) {
  return api('POST', '/contracts', { subscription_id: subscriptionId, contract_no: contractNo, signed_on: signedOn, total_cents: total, payment_plan: plan });
}

/**
 * Sells `unit` through `api` (as whoever it signs in): `reserveUnit`, then `signContract` at the
 * price (the options of both). Answers the contract.
 */
export async function sellUnit(api, options) {
  const { unit, price = unit.list_price_cents } = options;
  const subscription = await reserveUnit(api, { ...options, price });
  return ok(await signContract(api, { ...options, subscriptionId: subscription.id, total: price }), 201);
}

/**
 * Hands the unit `unitId` over through `api`: a handover at `slotAt` (an ISO time), then its six
 * steps in order, the owner attending; `keys` is the body of 交钥匙. Answers the handover after it.
 */
export async function handOver(api, unitId, { slotAt, keys = {} }) {
  const handover = ok(await api('POST', '/handovers', { unit_id: unitId, slot_at: slotAt }), 201);
  let last;
  for (const [step, body] of [
    ['notice', {}],
    ['identity', { attendee: 'owner' }],
    ['fees', {}],
    ['documents', {}],
    ['inspection', {}],
    ['keys', keys],
  ]) {
    last = ok(await api('POST', `/handovers/${handover.id}/steps/${step}`, body));
  }
  return last;
}
