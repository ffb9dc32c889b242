import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPhoneBrowser, TEST_ARTIFACTS } from '@kessai/shared-testing';
import { ConsoleStack } from '../../support/console-stack';

const PASSWORD = 'console browser pass 1';

describe('merchant console in Chromium (phone-sized), through the gateway', () => {
  const stack = new ConsoleStack('console_browser');
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;

  beforeAll(async () => {
    await stack.start();
    await stack.addUser('hanako@shop.example', PASSWORD, 'admin');
    await stack.addUser('taro@shop.example', PASSWORD, 'operator');
    browser = await launchPhoneBrowser();
    page = await browser.context.newPage();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${stack.consoleUrl}/sign-in`);
    await page.getByLabel('加盟店ID').fill(stack.merchantId);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
  }

  it('locks an account after repeated wrong passwords and tells the person when to try again', async () => {
    for (let i = 0; i < 3; i++) await signIn('taro@shop.example', `wrong password ${i}`);
    await expect(page.locator('#error').textContent()).resolves.toContain('ロック');
    await signIn('taro@shop.example', PASSWORD);
    await expect(page.locator('#error').textContent()).resolves.toContain('ロック');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'console-sign-in-locked.png'), fullPage: true });
  });

  it('signs in from the console address and lands on the page asked for', async () => {
    await page.goto(`${stack.consoleUrl}/bills`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'console-sign-in.png'), fullPage: true });
    await page.getByLabel('加盟店ID').fill(stack.merchantId);
    await page.getByLabel('メールアドレス').fill('hanako@shop.example');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/bills$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('請求');
    await expect(page.getByRole('navigation', { name: 'メインメニュー' }).isVisible()).resolves.toBe(true);
  });

  it('uploads a CSV with a bad line, shows the live progress and downloads the error report', async () => {
    const csv = [
      'merchantBillNumber,amount,currency,dueDate,allowedPaymentMethods,customerName,customerPhone',
      'WEB-1,1500,JPY,2099-12-31,card|konbini,山田 太郎,09012345678',
      'WEB-2,abc,JPY,2099-12-31,card,佐藤 花子,09012345679',
      'WEB-3,3300,JPY,2099-12-31,card,鈴木 一郎,09012345670',
    ].join('\n');
    await page.getByRole('link', { name: 'CSVアップロード' }).click();
    // The stack runs no recurring engine: the page says so and the bill upload still works.
    await expect(page.locator('#deadline-unreachable').textContent()).resolves.toContain('recurring-engine');
    await page.getByLabel('CSVファイル (UTF-8 または Shift_JIS)').setInputFiles({ name: 'bills.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'アップロード' }).click();
    await page.waitForURL(/\/console\/uploads\/bill-imports\/[0-9a-f-]{36}/);
    await page.locator('#import-state', { hasText: '取り込みが完了しました。' }).waitFor({ timeout: 30_000 });
    await expect(page.locator('#accepted').textContent()).resolves.toBe('2');
    await expect(page.locator('#rejected').textContent()).resolves.toBe('1');
    await expect(page.locator('#import-state').getAttribute('aria-live')).resolves.toBe('polite');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'console-upload-with-error.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-errors').click()]);
    // The report starts with a BOM so that Excel reads it as UTF-8.
    const report = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    expect(report.split('\n')[0]).toBe('line,column,reason');
    expect(report).toMatch(/^3,amount,/m);
    expect(download.suggestedFilename()).toMatch(/errors\.csv$/);

    await page.getByRole('link', { name: '請求' }).first().click();
    await expect(page.getByRole('link', { name: 'WEB-1' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'WEB-3' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'WEB-2' }).count()).resolves.toBe(0);
  });

  it('lets an admin change a user\'s role and remove the user with controls named after that user', async () => {
    await page.goto(`${stack.consoleUrl}/users`);
    await page.getByLabel('taro@shop.example の権限', { exact: true }).selectOption('read-only');
    await page.getByRole('button', { name: 'taro@shop.example の権限を変更' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('権限を変更しました。');
    await page.getByRole('button', { name: 'taro@shop.example を削除' }).click();
    await expect(page.locator('.notice').textContent()).resolves.toContain('ユーザーを削除しました。');
    await expect(page.locator('#users').textContent()).resolves.not.toContain('taro@shop.example');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'console-user-removed.png'), fullPage: true });
  });

  it('creates an API key shown once, rotates it, and the new key works at the gateway', async () => {
    await page.getByRole('link', { name: 'APIキー' }).click();
    await page.getByRole('button', { name: 'APIキーを発行する' }).click();
    const first = ((await page.locator('#new-key-secret').textContent()) ?? '').trim();
    expect(first).toMatch(/^kes_test_/);
    await page.goto(`${stack.consoleUrl}/api-keys`);
    await expect(page.locator('#new-key-secret').count()).resolves.toBe(0);

    await page.locator('button.rotate-key').first().click();
    const second = ((await page.locator('#new-key-secret').textContent()) ?? '').trim();
    expect(second).toMatch(/^kes_test_/);
    expect(second).not.toBe(first);
    await expect(page.locator('#api-keys .key-state').allTextContents()).resolves.toEqual(expect.arrayContaining(['切替期間中', '有効']));
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'console-api-key-rotated.png'), fullPage: true });

    const probe = await fetch(`${stack.gateway.baseUrl}/bills/0190a0e0-0000-7000-8000-000000000001`, { headers: { authorization: `Bearer ${second}` } });
    expect(probe.status).toBe(404);
    expect(((await probe.json()) as { error: { code: string } }).error.code).toBe('BILLING_BILL_NOT_FOUND');
  });

  it('switches to English and keeps the choice', async () => {
    await page.locator('#switch-language').click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('API keys');
    await page.getByRole('link', { name: 'Bills' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Bills');
  });
});
