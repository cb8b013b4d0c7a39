// End-to-end browser tests of the customer import wizard (导入客户) and export, against a running
// `hearth serve` (a fresh database with only the admin user is enough):
//   HEARTH_URL=http://127.0.0.1:18080 HEARTH_ADMIN_PASSWORD=... node --test web/e2e/customer-import.test.mjs
// Steps run in order and share one browser page: each builds on the one before.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openMenu, randomDigits, requireEnvironment, residentId, shot, signIn } from './support.mjs';
import { xlsxOf } from './xlsx.mjs';

const kStep = { timeout: 120_000 };
const kBom = '\uFEFF';

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const digits = randomDigits;

/** A valid resident ID of someone born in 1960–1999 in 朝阳区, 北京. */
const beijingId = () => residentId('110105');

const mobile = () => `137${digits(8)}`;

// This run's customers share a surname-less two-character stem, so one search finds them all.
const stemChars = '曜祺琨璘骞邈翀珈玹瑄'.split('');
const stem = `${pick(stemChars)}${pick(stemChars)}${pick(stemChars)}`;
const good = ['甲', '乙', '丙', '丁'].map((tail) => ({ name: `${pick(['欧阳', '上官', '皇甫'])}${stem}${tail}`, phone: mobile(), id: beijingId() }));
const badId = beijingId();
const wrongCheck = badId.slice(0, 17) + (badId[17] === '1' ? '2' : '1');

/**
 * 8 rows: 4 good ones, a repeat of the first one's phone (a duplicate within the file), a resident ID
 * with a wrong check digit (line 7), a phone that is no phone (line 8) and a row without a name (line 9).
 */
const mixedCsv = [
  '姓名,手机号,证件号码,性别,城市,来源渠道,标签,营销同意',
  `${good[0].name},${good[0].phone},${good[0].id},,北京,展会,意向客户;首置,是`,
  `${good[1].name},${good[1].phone},${good[1].id},,上海,老带新,,否`,
  `${good[2].name},${good[2].phone},,女,杭州,,,`,
  `${good[3].name},${good[3].phone},,男,"广州, 天河",中介,VIP,`,
  `${good[0].name}二号,${good[0].phone},,,北京,,,`,
  `错校验${stem},${mobile()},${wrongCheck},,,,,`,
  `错电话${stem},12345,,,,,,`,
  `,${mobile()},,,杭州,,,`,
].join('\r\n');

describe('Customer import and export', { concurrency: false }, () => {
  let browser;
  let page;
  let dir;
  const pageErrors = [];

  const fileOf = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  /** The text of the file the next click downloads, with the name the browser was given. */
  const download = async (click) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    const bytes = readFileSync(await file.path());
    return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
  };

  const chooseFile = async (path) => {
    await page.locator('input[type=file]').setInputFiles(path);
    await page.getByTestId('import-file').waitFor();
  };

  const stat = async (key) => (await page.getByTestId(`import-stat-${key}`).locator('.ant-statistic-content').innerText()).trim();

  before(async () => {
    requireEnvironment();
    dir = mkdtempSync(join(tmpdir(), 'hearth-import-'));
    ({ browser, page } = await launch());
    page.on('pageerror', (err) => pageErrors.push(String(err)));
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the wizard from the customer list', kStep, async () => {
    await signIn(page);

    await openMenu(page, '客户档案');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByTestId('export-customers').waitFor();
    await page.getByTestId('import-customers').click();
    await page.waitForURL('**/customers/import');
    await page.getByRole('heading', { name: '导入客户' }).waitFor();
    // The menu has the entry too, and it is the selected one.
    await page.locator('.ant-layout-sider .ant-menu-item-selected', { hasText: '导入客户' }).waitFor();
    for (const title of ['选择文件', '校验', '导入']) await page.getByTestId('import-steps').getByText(title, { exact: true }).waitFor();
    assert.equal(await page.getByTestId('import-check').isDisabled(), true, 'no check without a file');
    await shot(page, 'import-start');
  });

  it('offers a template CSV with a BOM and the Chinese headers', kStep, async () => {
    const { name, text } = await download(() => page.getByTestId('import-template').click());
    assert.equal(name, '客户导入模板.csv');
    assert.ok(text.startsWith(kBom), 'the template starts with a UTF-8 BOM');
    const [header, example] = text.slice(1).trim().split('\r\n');
    assert.match(header, /^姓名,手机号,证件类型,证件号码,性别,/);
    assert.equal(header.split(',').length, example.split(',').length);
    await page.getByText('填写说明').click();
    await page.getByText('居民身份证须为 18 位，校验位和出生日期正确').waitFor();
  });

  it('refuses a file that is neither CSV nor Excel', kStep, async () => {
    await page.locator('input[type=file]').setInputFiles(fileOf('名单.txt', 'hello'));
    await page.getByTestId('import-file-refused').getByText('请选择 .csv 或 .xlsx 文件').waitFor();
  });

  it('explains a header the server does not know, in Chinese', kStep, async () => {
    await chooseFile(fileOf('错误表头.csv', `${kBom}姓名,手机号,会员等级\r\n测试${stem},${mobile()},金卡\r\n`));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-failure').getByText('表头中的「会员等级」不是可识别的客户字段').waitFor();
    await shot(page, 'import-bad-header');
    await page.getByRole('button', { name: '重新选择文件' }).click();
  });

  it('checks a file with errors: counts, Chinese reasons, error report', kStep, async () => {
    const path = fileOf('客户名单.csv', kBom + mixedCsv);
    await chooseFile(path);
    assert.match(await page.getByTestId('import-file').innerText(), /客户名单\.csv[\s\S]*CSV 文件 · \d+(\.\d)? (B|KB)/);
    await shot(page, 'import-file-chosen');

    const posted = page.waitForRequest((r) => r.url().includes('/api/v1/imports/customers?') && r.method() === 'POST');
    await page.getByTestId('import-check').click();
    const request = await posted;
    assert.equal(new URL(request.url()).searchParams.get('dry_run'), 'true');
    assert.equal(new URL(request.url()).searchParams.get('on_duplicate'), 'skip');
    assert.equal(request.headers()['content-type'], 'text/csv');
    assert.equal(request.headers()['prefer'], 'respond-async');

    await page.getByTestId('import-report-check').waitFor();
    assert.equal(await stat('rows'), '8');
    assert.equal(await stat('good'), '4');
    assert.equal(await stat('duplicates'), '1');
    assert.equal(await stat('rejected'), '3');
    const errors = page.getByTestId('import-errors');
    const rowOf = (line) => errors.locator('.ant-table-row').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${line}$`) }) });
    const expectRow = async (line, field, reason) => {
      const cells = rowOf(line).locator('td');
      await cells.first().waitFor();
      assert.match(await cells.nth(1).innerText(), new RegExp(`^${field}`), `line ${line} names the field`);
      assert.match(await cells.nth(2).innerText(), new RegExp(`^${reason}`), `line ${line} gives the reason`);
    };
    await expectRow(7, '证件号码', '身份证校验位错误');
    await expectRow(8, '手机号', '格式无效');
    await expectRow(9, '姓名', '必填，不能为空');
    await page.getByTestId('import-summary').getByText('3 行有误').waitFor();
    await shot(page, 'import-check-report');

    const report = await download(() => page.getByTestId('download-error-report').click());
    assert.equal(report.name, '客户名单_错误报告.csv');
    assert.ok(report.text.startsWith(kBom), 'the error report starts with a UTF-8 BOM');
    const lines = report.text.slice(1).trim().split('\r\n');
    // Each problem, then the rejected row as it was in the file.
    assert.equal(lines[0], `行号,字段,问题,字段代码,原因代码,${mixedCsv.split('\r\n')[0]}`);
    const rowAt = (line) => mixedCsv.split('\r\n')[line - 1];
    assert.deepEqual(lines.slice(1), [
      `7,证件号码,身份证校验位错误,id_number,invalid_checksum,${rowAt(7)}`,
      `8,手机号,格式无效,phone,invalid_format,${rowAt(8)}`,
      `9,姓名,必填，不能为空,name,required,${rowAt(9)}`,
    ]);
    // The same report as a workbook, made by the server too.
    const workbook = await download(() => page.getByTestId('download-error-report-xlsx').click());
    assert.equal(workbook.name, '客户名单_错误报告.xlsx');
    assert.ok(workbook.text.startsWith('PK'), 'an XLSX file (a zip)');
  });

  it('imports the good rows, which then appear in the list', kStep, async () => {
    const posted = page.waitForRequest((r) => r.url().includes('/api/v1/imports/customers?') && r.method() === 'POST');
    await page.getByTestId('import-start').click();
    assert.equal(new URL((await posted).url()).searchParams.get('dry_run'), 'false');
    await page.getByTestId('import-done').waitFor();
    assert.match(await page.getByTestId('import-done').innerText(), /新建 4 位客户档案.*跳过重复 1 行，3 行有误未导入/);
    assert.equal(await stat('good'), '4');
    await shot(page, 'import-done');

    await page.getByTestId('import-to-list').click();
    await page.waitForURL((url) => url.pathname === '/customers');
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/customers?') && new URL(r.url()).searchParams.get('q') === stem);
    await page.getByTestId('customer-search').fill(stem);
    await answered;
    const table = page.getByTestId('customer-table');
    for (const customer of good) await table.getByText(customer.name).waitFor();
    assert.equal(await table.locator('.ant-table-row').count(), 4, 'only the good rows were imported');
    await shot(page, 'import-list');
  });

  it('exports the current search as CSV', kStep, async () => {
    await page.getByTestId('export-customers').click();
    await page.locator('.ant-dropdown:visible').getByText(`导出「${stem}」的搜索结果`).waitFor();
    await shot(page, 'export-menu');
    const requested = page.waitForRequest((r) => r.url().includes('/api/v1/exports/customers?'));
    const file = await download(() => page.locator('.ant-dropdown:visible').getByText('CSV 文件（.csv）').click());
    const url = new URL((await requested).url());
    assert.equal(url.searchParams.get('format'), 'csv');
    assert.equal(url.searchParams.get('q'), stem);
    assert.match(file.name, /^客户档案_\d{8}-\d{4}\.csv$/);
    for (const customer of good) assert.ok(file.text.includes(customer.name), `${customer.name} is exported`);
    assert.equal(file.text.includes('错电话'), false, 'rejected rows are not there');
    await page.locator('.ant-message-notice', { hasText: '已导出' }).waitFor();

    await page.getByTestId('export-customers').click();
    const excel = await download(() => page.locator('.ant-dropdown:visible').getByText('Excel 文件（.xlsx）').click());
    assert.match(excel.name, /^客户档案_\d{8}-\d{4}\.xlsx$/);
    assert.equal(excel.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX file is a ZIP archive');
  });

  it('imports an Excel file too', kStep, async () => {
    const people = ['戊', '己'].map((tail) => ({ name: `司徒${stem}${tail}`, phone: mobile() }));
    const path = join(dir, '客户名单.xlsx');
    writeFileSync(
      path,
      xlsxOf([
        ['姓名', '手机号', '城市', '标签'],
        [people[0].name, people[0].phone, '成都', '高意向'],
        [people[1].name, people[1].phone, '重庆', ''],
        ['', mobile(), '西安', ''],
      ]),
    );
    await page.goto('/customers/import');
    await chooseFile(path);
    assert.match(await page.getByTestId('import-file').innerText(), /Excel 文件/);
    const posted = page.waitForRequest((r) => r.url().includes('/api/v1/imports/customers?') && r.method() === 'POST');
    await page.getByTestId('import-check').click();
    assert.equal((await posted).headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.getByTestId('import-report-check').waitFor();
    assert.equal(await stat('rows'), '3');
    assert.equal(await stat('good'), '2');
    assert.equal(await stat('rejected'), '1');
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-done').waitFor();
    assert.match(await page.getByTestId('import-done').innerText(), /新建 2 位客户档案/);
    await page.getByTestId('import-to-list').click();
    await page.getByTestId('customer-search').fill(stem);
    for (const person of people) await page.getByTestId('customer-table').getByText(person.name).waitFor();
  });

  it('a file whose rows are all duplicates or wrong cannot be imported', kStep, async () => {
    await page.goto('/customers/import');
    await chooseFile(fileOf('重复.csv', `${kBom}姓名,手机号\r\n${good[1].name},${good[1].phone}\r\n无名氏,000\r\n`));
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-report-check').waitFor();
    assert.equal(await stat('good'), '0');
    assert.equal(await stat('duplicates'), '1');
    assert.equal(await stat('rejected'), '1');
    assert.equal(await page.getByTestId('import-start').isDisabled(), true);
    await page.getByTestId('import-summary').getByText('没有可导入的行').waitFor();
    await shot(page, 'import-nothing-to-import');
  });

  it('speaks English too', kStep, async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Import customers' }).waitFor();
    await page.getByTestId('import-stat-duplicates').getByText('Duplicates (to skip)').waitFor();
    await shot(page, 'import-english');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '导入客户' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  });
});
