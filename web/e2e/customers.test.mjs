// End-to-end browser tests of Customer 360 (客户档案) against a running `hearth serve`.
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/
// Steps run in order and share one browser page: each builds on the one before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseOption, launch, logIn, modal, modalClosed, openMenu, pageApi, randomDigits, requireEnvironment, residentId, runSuffix, shot, signIn } from './support.mjs';

const kStep = { timeout: 90_000 };
const suffix = runSuffix();

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const digits = randomDigits;

/** Mobile numbers whose last 4 digits start with 6–9, so that no ID number (regions 11…65) starts with them. */
const mobile = () => `139${digits(4)}${6 + Math.floor(Math.random() * 4)}${digits(3)}`;

// A name whose last two characters are this run's search term.
const givenChars = '晟昀珂琰玥熠璟翊曦岚湛霁骁琛瑾煜晗筠泓璇'.split('');
const given = `${pick(givenChars)}${pick(givenChars)}`;
const name = `${pick(['林', '欧阳', '司马', '诸葛'])}${given}`;
const idNumber = residentId('330106'); // 西湖区, 杭州
const badIdNumber = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
const phone = mobile();
const homePhone = `0571-8${digits(7)}`;

describe('Customer 360', { concurrency: false }, () => {
  let browser;
  let page;
  let customerId;
  const pageErrors = [];

  const api = (method, path, body, headers = {}) => pageApi(page, method, path, body, headers);

  const searchFor = async (text) => {
    const answered = page.waitForResponse(
      (response) => response.url().includes('/api/v1/customers?') && new URL(response.url()).searchParams.get('q') === text,
    );
    await page.getByTestId('customer-search').fill(text);
    await answered;
    await page.getByTestId('customer-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  };

  before(async () => {
    requireEnvironment();
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
  });

  it('signs in and lists customers from the 客户 menu', kStep, async () => {
    await signIn(page);

    await openMenu(page, '客户档案');
    await page.waitForURL('**/customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    const table = page.getByTestId('customer-table');
    await table.locator('.ant-table-row, .ant-table-placeholder').first().waitFor();
    await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    for (const column of ['姓名', '主要电话', '证件', '性别', '城市', '标签', '来源渠道', '所属公司', '创建时间']) {
      await table.locator('th', { hasText: column }).first().waitFor();
    }
    await shot(page, 'customers-list');
  });

  it('refuses a resident ID with a wrong check digit, in Chinese, on the field', kStep, async () => {
    await page.getByTestId('new-customer').click();
    const dialog = modal(page, '新建客户');
    await dialog.waitFor();
    await dialog.getByLabel('姓名').fill(name);
    await dialog.getByTestId('customer-phone-0').fill(phone);
    await dialog.getByLabel('证件号码').fill(badIdNumber);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/customers') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    assert.equal((await answered).status(), 422);
    const idItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('证件号码') });
    await idItem.getByText('身份证校验位错误').waitFor();
    await dialog.getByTestId('form-error').waitFor();
    await shot(page, 'customers-create-error');
  });

  it('creates a customer with every kind of field', kStep, async () => {
    const dialog = modal(page, '新建客户');
    await dialog.getByLabel('证件号码').fill(idNumber);
    // The server's reason goes once the value changed.
    await dialog.getByText('身份证校验位错误').waitFor({ state: 'detached' });
    // The form reads birth date and gender from the ID as it is typed.
    await dialog.getByText(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)} 出生`).waitFor();
    await dialog.getByTestId('add-phone').click();
    await dialog.getByTestId('customer-phone-1').fill(homePhone);
    await dialog.getByLabel('邮箱').fill(`e2e.${suffix}@example.com`);
    await dialog.getByLabel('城市').fill('杭州');
    await dialog.getByLabel('地址').fill('浙江省杭州市西湖区文三路 100 号');
    await dialog.getByLabel('职业').fill('工程师');
    await chooseOption(page, dialog, '婚姻状况', '已婚');
    await dialog.getByLabel('赡养老人').fill('2');
    await chooseOption(page, dialog, '收入水平', '较高');
    const children = dialog.getByLabel('子女出生年份');
    await children.click();
    await children.pressSequentially('2012');
    await page.keyboard.press('Enter');
    await children.pressSequentially('2016');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('来源渠道').fill('老带新');
    await page.keyboard.press('Escape');
    const tags = dialog.getByLabel('标签');
    await tags.click();
    await tags.pressSequentially('高意向');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await dialog.getByTestId('customer-consent').click();
    await shot(page, 'customers-create-modal');

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/customers') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const created = await (await answered).json();
    assert.equal(created.name, name);
    customerId = created.id;
    await modalClosed(page);
    await page.waitForURL(`**/customers/${customerId}`);
    await page.getByTestId('customer-name').getByText(name).waitFor();
    const profile = page.getByTestId('customer-profile');
    await profile.getByText('住宅').waitFor();
    await profile.getByText('居民身份证').waitFor();
    await profile.getByText('已同意接收营销信息').waitFor();
    assert.equal(created.gender, Number(idNumber[16]) % 2 ? 'male' : 'female', 'gender derived from the ID');
    await page.getByTestId('customer-tags').getByText('高意向').waitFor();
    await shot(page, 'customers-detail');

    await page.getByRole('tab', { name: '家庭' }).click();
    const household = page.getByTestId('customer-household');
    const year = new Date().getFullYear();
    await household.getByText(`${year - 2012} 岁`).waitFor();
    await household.getByText('2 位').waitFor();
    await household.getByText('已婚').waitFor();
    await shot(page, 'customers-household');
  });

  it('offers the existing customer when the phone is taken', kStep, async () => {
    await page.goto('/customers');
    await page.getByTestId('new-customer').click();
    const dialog = modal(page, '新建客户');
    await dialog.waitFor();
    await dialog.getByLabel('姓名').fill(`${name}重复`);
    await dialog.getByTestId('customer-phone-0').fill(phone);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.getByTestId('form-error').getByText('该手机号或证件号已存在').waitFor();
    const open = dialog.getByTestId('open-existing-customer');
    assert.match(await open.innerText(), new RegExp(`#${customerId}`));
    await shot(page, 'customers-duplicate');
    await open.click();
    await page.waitForURL(`**/customers/${customerId}`);
    await page.getByTestId('customer-name').getByText(name).waitFor();
  });

  it('searches as one types: two characters of the name, then the last 4 digits of the phone', kStep, async () => {
    await page.goto('/customers');
    const table = page.getByTestId('customer-table');
    await table.locator('.ant-table-row').first().waitFor();

    // One character is not enough: a hint, not an error.
    await page.getByTestId('customer-search').fill(given[0]);
    await page.getByTestId('customer-search-status').getByText('请输入至少 2 个字').waitFor();
    assert.equal(await page.locator('.ant-alert-error').count(), 0);
    await shot(page, 'customers-search-hint');

    await searchFor(given);
    const byName = table.locator('.ant-table-row').filter({ hasText: name });
    await byName.waitFor();
    await page.getByTestId('customer-search-status').getByText(/按匹配度排序/).waitFor();
    await shot(page, 'customers-search');

    await searchFor(phone.slice(-4));
    const byPhone = table.locator('.ant-table-row').filter({ hasText: name });
    await byPhone.waitFor();
    assert.match(await byPhone.innerText(), new RegExp(phone.slice(-4)));
    await byPhone.click();
    await page.waitForURL(`**/customers/${customerId}`);
  });

  it('edits a field, and a stale version offers to reload', kStep, async () => {
    await page.getByTestId('edit-customer').click();
    let dialog = modal(page, '编辑客户档案');
    await dialog.waitFor();
    await dialog.getByLabel('职业').fill('建筑设计师');
    await shot(page, 'customers-edit-modal');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await modalClosed(page);
    await page.getByTestId('customer-profile').getByText('建筑设计师').waitFor();

    // Someone else changes the record while the form is open: 409 version_conflict.
    await page.getByTestId('edit-customer').click();
    dialog = modal(page, '编辑客户档案');
    await dialog.waitFor();
    const current = await api('GET', `/customers/${customerId}`);
    const other = await api('PATCH', `/customers/${customerId}`, { city: '宁波' }, { 'If-Match': String(current.body.version) });
    assert.equal(other.status, 200);
    await dialog.getByLabel('地址').fill('浙江省杭州市西湖区文三路 200 号');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByTestId('form-error').getByText('该记录已被其他人修改').waitFor();
    await shot(page, 'customers-edit-conflict');
    await dialog.getByTestId('reload-record').click();
    await dialog.getByTestId('form-error').waitFor({ state: 'detached' });
    assert.equal(await dialog.getByLabel('城市').inputValue(), '宁波');
    await dialog.getByLabel('地址').fill('浙江省杭州市西湖区文三路 200 号');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await modalClosed(page);
    await page.getByTestId('customer-profile').getByText('文三路 200 号').waitFor();
  });

  it('shows the timeline newest first, filtered by kind', kStep, async () => {
    await page.getByRole('tab', { name: '时间线' }).click();
    const timeline = page.getByTestId('customer-timeline');
    const events = timeline.getByTestId('timeline-event');
    await events.first().waitFor();
    const texts = await events.allInnerTexts();
    assert.ok(texts.length >= 4, `created and three updates: ${texts.length}`);
    assert.match(texts[0], /更新客户档案/);
    assert.match(texts.at(-1), /建立客户档案/);
    await shot(page, 'customers-timeline');

    const filtered = page.waitForResponse((r) => r.url().includes(`/customers/${customerId}/timeline`) && r.url().includes('kind=visit'));
    await timeline.getByTestId('timeline-filter').getByText('到访', { exact: true }).click();
    await filtered;
    await timeline.getByText('暂无此类记录').waitFor();
    await timeline.getByTestId('timeline-filter').getByText('全部', { exact: true }).click();
    await events.first().waitFor();

    // Pages of 20, newest first: "加载更多" follows the cursor.
    let version = (await api('GET', `/customers/${customerId}`)).body.version;
    for (let i = 0; i < 20; i += 1) {
      const changed = await api('PATCH', `/customers/${customerId}`, { elders: i % 3 }, { 'If-Match': String(version) });
      assert.equal(changed.status, 200);
      version = changed.body.version;
    }
    await page.reload();
    await page.getByRole('tab', { name: '时间线' }).click();
    await events.nth(19).waitFor();
    assert.equal(await events.count(), 20);
    const more = page.waitForResponse((r) => r.url().includes(`/customers/${customerId}/timeline`) && r.url().includes('cursor='));
    await timeline.getByTestId('load-more').click();
    await more;
    await timeline.getByText('已全部加载').waitFor();
    assert.equal(await events.count(), 24);
    assert.match(await events.last().innerText(), /建立客户档案/);
  });

  it('reveals the full phone and ID number to an agent who gives a reason', kStep, async () => {
    const agent = `e2e_agent_${suffix}`;
    const password = `E2e-agent-${suffix}`;
    const made = await api('POST', '/users', {
      username: agent,
      password,
      display_name: `客服${suffix}`,
      roles: ['agent'],
      org_unit_id: (await api('GET', `/customers/${customerId}`)).body.org_unit_id,
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));

    const second = await launch();
    try {
      const p = second.page;
      p.on('pageerror', (err) => pageErrors.push(String(err)));
      await logIn(p, agent, password);
      await p.goto(`/customers/${customerId}`);
      await p.getByTestId('customer-masked').waitFor();
      const fact = p.getByTestId('fact-phone');
      assert.match(await fact.innerText(), /\*{4}/);
      assert.equal(await p.getByTestId('erase-customer').count(), 0, 'agents may not erase personal data');

      await p.getByTestId('reveal-customer').click();
      const dialog = modal(p, '查看完整信息');
      await dialog.waitFor();
      await dialog.getByText('此操作将记入审计日志').waitFor();
      await dialog.getByRole('button', { name: /查\s*看/ }).click();
      await dialog.getByText('请填写查看原因').waitFor();
      await dialog.getByTestId('reveal-reason').fill('客户来电要求核实身份，办理签约');
      await shot(p, 'customers-reveal-modal');
      const revealed = p.waitForResponse((r) => r.url().endsWith(`/customers/${customerId}/reveal`));
      await dialog.getByRole('button', { name: /查\s*看/ }).click();
      assert.equal((await revealed).status(), 200);
      await modalClosed(p);
      await p.getByTestId('customer-revealed').waitFor();
      await fact.getByText(phone).waitFor();
      await p.getByTestId('customer-id-document').getByText(idNumber).waitFor();
      await p.getByTestId('customer-phones').getByText(homePhone).waitFor();
      await shot(p, 'customers-revealed');
    } finally {
      await second.browser.close();
    }

    // The reveal is audited with its reason.
    const audit = await api('GET', `/audit-log?action=personal_data.revealed&entity_type=customer&entity_id=${customerId}`);
    assert.equal(audit.status, 200);
    assert.ok(audit.body.items.some((entry) => JSON.stringify(entry.after).includes('办理签约')), 'audited with the reason');
  });

  it('merges a duplicate found by searching, then the duplicate redirects here', kStep, async () => {
    const duplicatePhone = mobile();
    const duplicate = await api('POST', '/customers', { name, phone: duplicatePhone, city: '杭州', tags: ['老业主'] });
    assert.equal(duplicate.status, 201, JSON.stringify(duplicate.body));
    const duplicateId = duplicate.body.id;

    await page.goto(`/customers/${customerId}`);
    await page.getByTestId('merge-customer').click();
    const dialog = modal(page, '合并重复档案');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确认合并/ }).click();
    await dialog.getByText('请选择要合并进来的档案').waitFor();
    const picker = dialog.getByLabel('重复的档案');
    await picker.click();
    await picker.pressSequentially(duplicatePhone.slice(-4));
    const option = page.getByTestId(`picker-option-${duplicateId}`);
    await option.waitFor();
    assert.equal(await page.getByTestId(`picker-option-${customerId}`).count(), 0, 'the customer itself is not offered');
    await option.click();
    await dialog.getByTestId('merge-merge').waitFor();
    await dialog.getByTestId('merge-keep').waitFor();
    await dialog.getByTestId('merge-confirmed').check();
    await shot(page, 'customers-merge-modal');
    const merged = page.waitForResponse((r) => r.url().endsWith(`/customers/${customerId}/merge`));
    await dialog.getByRole('button', { name: /确认合并/ }).click();
    assert.equal((await merged).status(), 200);
    await modalClosed(page);
    await page.getByTestId('customer-profile').getByText(duplicatePhone).waitFor();
    await page.getByTestId('customer-tags').getByText('老业主').waitFor();

    await page.getByRole('tab', { name: '时间线' }).click();
    await page.getByTestId('timeline-event').first().getByText(`合并重复客户档案：${name}`).waitFor();
    await shot(page, 'customers-merged-timeline');

    // The merged record answers 404 with merged_into: its page goes to the survivor.
    await page.goto(`/customers/${duplicateId}`);
    await page.waitForURL(`**/customers/${customerId}`);
    await page.getByTestId('merged-notice').getByText(`#${duplicateId}`).waitFor();
    await shot(page, 'customers-merged-redirect');
  });

  it('erases the personal data of a customer after a strong confirmation', kStep, async () => {
    const doomedName = `${pick(['赵', '钱', '孙', '李'])}${pick(givenChars)}${pick(givenChars)}`;
    const doomed = await api('POST', '/customers', { name: doomedName, phone: mobile(), city: '杭州' });
    assert.equal(doomed.status, 201);
    await page.goto(`/customers/${doomed.body.id}`);
    await page.getByTestId('erase-customer').click();
    const dialog = modal(page, '删除客户个人信息');
    await dialog.waitFor();
    await dialog.getByText('个人信息保护法').first().waitFor();
    await dialog.getByText(/业务记录将保留/).waitFor();
    await dialog.getByRole('button', { name: /永久删除个人信息/ }).click();
    await dialog.getByText('输入的姓名与客户姓名不一致').waitFor();
    await dialog.getByTestId('erase-confirm-name').fill(doomedName);
    await shot(page, 'customers-erase-modal');
    await dialog.getByRole('button', { name: /永久删除个人信息/ }).click();
    await modalClosed(page);
    await page.getByTestId('customer-anonymized').waitFor();
    assert.match(await page.getByTestId('customer-name').innerText(), /已注销客户/);
    assert.equal(await page.getByTestId('edit-customer').count(), 0);
    await shot(page, 'customers-erased');
  });

  it('speaks English too', kStep, async () => {
    await page.goto(`/customers/${customerId}`);
    await page.getByTestId('customer-name').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Household' }).waitFor();
    await page.getByRole('button', { name: /Merge duplicate/ }).waitFor();
    await shot(page, 'customers-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('tab', { name: '家庭' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
