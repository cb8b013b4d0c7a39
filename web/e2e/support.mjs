// Shared helpers for the browser tests: launching Debian's Chromium through playwright-core,
// screenshots, and driving antd widgets.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.HEARTH_URL ?? '').replace(/\/$/, '');
export const adminPassword = process.env.HEARTH_ADMIN_PASSWORD ?? '';

/** Logs in as the administrator through the login page and waits for the home page. */
export async function signIn(page) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(adminPassword);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === '/');
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
  return { browser, context, page };
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

/** A phone's screen, as the staff pages are checked at. */
export const kPhone = { width: 390, height: 844 };

/** Nothing on the page is wider than the phone's screen (no sideways scroll). */
export async function assertFitsPhone(page, where) {
  await page.waitForTimeout(400);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= kPhone.width, `${where} is ${width} px wide on a ${kPhone.width} px screen`);
}
