// Small steps the walks repeat: signing in through the UI, waiting for a case state, screenshots.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { REPO } from './paths.ts';

// Screenshots for docs/images are taken only when asked (they are committed files, not test output).
const SHOTS = process.env.BIANMIN_SCREENSHOTS ? `${REPO}docs/images/` : null;

/** docs/images/ui-<name>.png of the page as it is, once the toasts have faded; only with BIANMIN_SCREENSHOTS=1. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(3500);
  await page.screenshot({ path: `${SHOTS}ui-${name}.png` });
}

export async function uiSignIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Waits until the case page shows a state whose dotted path starts with `state`. */
export async function waitState(page: Page, state: string): Promise<string> {
  const tag = page.getByTestId('case-state');
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="case-state"]')?.getAttribute('data-state')?.startsWith(s) ?? false,
    state,
    { timeout: 15_000 },
  );
  return (await tag.getAttribute('data-state')) ?? '';
}

/** Sends an event from the case page; events with a payload open a dialog that `fill` completes. */
export async function act(page: Page, event: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${event}`).click();
  if (fill) {
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await fill(page);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

/** Picks an option of an antd Select by typing its text and pressing Enter. */
export async function pick(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Opens an antd Select and clicks the option with `text` (for selects without search). */
export async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
}

/** Marks every material the clerk has not looked at yet as checked (已核验): they start 未核验. */
export async function verifyMaterials(page: Page): Promise<void> {
  const unmarked = page.locator('[data-choice="unverified"]');
  while ((await unmarked.count()) > 0) await unmarked.first().getByText('已核验').click();
}
