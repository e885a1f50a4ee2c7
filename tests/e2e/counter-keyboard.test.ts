// A counter's first day by keyboard alone (issue 14, points 7–9, 11 and 13, and the "done when"
// count): a clerk receives a 户籍证明 from the item search to the printed, sealed 受理通知书 with
// no mouse, and the walk counts its interactions. One interaction is one field filled (its text and
// the Enter that moves on), one choice made, or one command key; the key presses besides typed text
// are counted too. Every page it meets has one <h1> and names every control.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPage } from './support/a11y.ts';
import { call, createStaff, signIn } from './support/api.ts';
import { launch, newContext, type ConsoleLog } from './support/browser.ts';
import { ensureBuilt } from './support/build.ts';
import { BROWSER_READY, failOnCiWithoutBrowser } from './support/readiness.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { shot, uiSignIn } from './support/ui.ts';

const PASSWORD = 'E2e-staff-pass-2026';
const ITEM = '户籍证明';

/** Keyboard only, counting as it goes. */
class Walk {
  readonly steps: string[] = [];
  keys = 0;
  constructor(readonly page: Page) {}
  /** A command key (F2, Alt+1, Ctrl+Enter, Enter on a button). */
  async key(chord: string, what: string) {
    this.steps.push(`${chord} ${what}`);
    this.keys++;
    await this.page.keyboard.press(chord);
  }
  /** Text typed into the focused field, then Enter: on to the next required field, or the choice taken. */
  async fill(text: string, what: string) {
    this.steps.push(`${what}「${text}」`);
    this.keys++;
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }
  /** Text typed into a focused search select, then Enter once the list shows the match highlighted (as the clerk sees it). */
  async pick(text: string, what: string) {
    this.steps.push(`${what}「${text}」`);
    this.keys++;
    await this.page.keyboard.type(text);
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: text }).first().waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
  }
  /** A key that marks a choice (Space on a radio). */
  async choose(chord: string, what: string) {
    this.steps.push(`${chord} ${what}`);
    this.keys++;
    await this.page.keyboard.press(chord);
  }
}

const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return { tag: a?.tagName ?? '', id: a?.id ?? '', text: (a?.textContent ?? '').trim(), testid: a?.closest('[data-testid]')?.getAttribute('data-testid') ?? '' };
});
async function waitFocus(page: Page, check: string): Promise<void> {
  try {
    await page.waitForFunction(check, undefined, { timeout: 15_000 });
  } catch (e) {
    throw new Error(`focus never met ${check}; it is on ${JSON.stringify(await focused(page))} at ${page.url()}`, { cause: e });
  }
}

failOnCiWithoutBrowser();

describe.skipIf(!BROWSER_READY)('the counter by keyboard', () => {
  let server: RunningServer;
  let browser: Browser;
  const log: ConsoleLog = { errors: [] };
  let staff: Awaited<ReturnType<typeof createStaff>>;
  const audits: Record<string, Awaited<ReturnType<typeof auditPage>>> = {};

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launch();
    staff = await createStaff(server.url, await signIn(server.url, 'admin', server.adminPassword), PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`receives a ${ITEM} and prints its sealed receipt in at most 12 interactions, keyboard only`, async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.clerk, PASSWORD);
    // The queue's own heading (the sign-in page's may still show while the staff layout loads).
    await page.locator('#main h1').waitFor();
    await page.waitForLoadState('networkidle');
    audits.queue = await auditPage(page);
    const walk = new Walk(page);

    // The header shows the shortcuts once they are live; the clerk presses F2 when it is there.
    await page.getByTestId('key-hints').getByText('F2', { exact: true }).waitFor();
    await walk.key('F2', '收件登记');
    await page.waitForURL(/\/workbench\/new/);
    await waitFocus(page, `document.activeElement?.closest('[data-testid="item-picker"]')`);
    audits.newCase = await auditPage(page);
    await walk.pick(ITEM, '事项搜索');
    // The item's form opens with the caret in its first field.
    await waitFocus(page, `document.activeElement?.id === 'root_applicant_name'`);

    // Sending it empty shows each problem at its field, in plain words — also under fields with help text.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('#root_applicant_name__error').textContent()).toBe('请填写姓名');
    // 联系电话 has help text, which stays below while the error takes its place.
    await expect.poll(() => page.locator('#root_applicant_phone__error').textContent()).toBe('请填写联系电话');
    expect(await page.locator('#root_applicant_phone__help').textContent()).toContain('用于接收受理、办结短信通知');
    expect(await page.getByTestId('material-id-card').getAttribute('data-choice')).toBe('unverified');
    expect(await page.getByTestId('material-id-card').textContent()).toContain('请核验此材料');
    expect(await page.getByTestId('material-supporting-documents').getAttribute('data-choice')).toBe('not-applicable');
    await shot(page, 'new-case-errors');
    await page.locator('#root_applicant_name').focus(); // where the clerk starts typing (not counted: the caret is there already)

    await walk.fill('张明', '姓名');
    await walk.fill('11010519491231002X', '公民身份号码');
    await walk.fill('13800138000', '联系电话');
    await waitFocus(page, `document.activeElement?.id === 'root_certificateType'`);
    await walk.pick('曾用名', '证明类型'); // Enter takes the option and moves on
    await waitFocus(page, `document.activeElement?.id === 'root_purpose'`);
    await walk.fill('办理不动产继承公证', '证明用途');
    // On to the first material not yet verified: the applicant's ID card.
    await waitFocus(page, `!!document.activeElement?.closest('[data-testid="material-id-card"]')`);
    await walk.choose('Space', '身份证 已核验');
    expect(await page.getByTestId('material-id-card').getAttribute('data-choice')).toBe('provided');
    await walk.key('Control+Enter', '收件');

    await page.waitForURL(/\/workbench\/cases\//);
    // After the navigation the page's heading has the focus.
    await waitFocus(page, `document.activeElement?.tagName === 'H1'`);
    expect((await focused(page)).text).toContain('户籍证明出具');
    audits.casePage = await auditPage(page);
    const acceptButton = page.getByTestId('action-ACCEPT');
    expect(await acceptButton.textContent()).toContain('Alt+1');
    await walk.key('Alt+1', '受理');
    // The receipt it issued has the caret on its print button.
    await waitFocus(page, `!!document.activeElement?.closest('[data-testid="document-acceptance-receipt"]') && document.activeElement.hasAttribute('data-print')`);
    const [pdf, popup] = await Promise.all([
      page.waitForResponse((r) => /\/api\/documents\/.+\.pdf$/.test(new URL(r.url()).pathname)),
      page.waitForEvent('popup'),
      walk.key('Enter', '打印受理通知书'),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('pdf');
    await popup.close();

    console.log(`${ITEM}: ${walk.steps.length} interactions from the item search to the printed sealed receipt (${walk.keys} key presses besides typed text):\n  ${walk.steps.join('\n  ')}`);
    expect(walk.steps.length).toBeLessThanOrEqual(12);

    // The receipt lists what was really received: the ID card checked and the register fetched by
    // data sharing, not the optional materials left 不适用; and it is sealed.
    const token = await signIn(server.url, staff.clerk, PASSWORD);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const c = await call<{ documents: { id: string; kind: string; number: string }[]; materials: Record<string, string> }>(server.url, 'GET', `/cases/${id}`, token);
    expect(c.materials).toEqual({ 'id-card': 'provided', 'supporting-documents': 'not-applicable', 'power-of-attorney': 'not-applicable' });
    const receipt = c.documents.find((d) => d.kind === 'acceptance-receipt')!;
    const content = await call<{ content: { tables: { rows: string[][] }[]; verifyUrl: string } }>(server.url, 'GET', `/documents/${receipt.id}.json`, token);
    expect(content.content.tables[0]!.rows.map((r) => r[1])).toEqual(['申请人居民身份证', '居民户口簿']);
    const verified = await call<{ valid: boolean; sealed: boolean }>(server.url, 'GET', `/public/verify/${encodeURIComponent(receipt.number)}`);
    expect(verified).toMatchObject({ valid: true, sealed: true });

    // Its QR code opens a page a person reads, not JSON.
    const qr = new URL(content.content.verifyUrl);
    const phone = await context.newPage();
    await phone.goto(`${server.url}${qr.pathname}`);
    await phone.getByText('核验通过').waitFor();
    expect(await phone.locator('h1').textContent()).toBe('文书核验');
    expect(await phone.textContent('body')).toContain(receipt.number);
    expect(await phone.textContent('body')).toContain('受理通知书');
    audits.verify = await auditPage(phone);
    await shot(phone, 'verify');
    await context.close();
  }, 120_000);

  it('keeps the applicant\'s details typed before the item was chosen', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.clerk, PASSWORD);
    await page.goto(`${server.url}/workbench/new`);
    await page.getByTestId('applicant-name').fill('李四');
    await page.getByTestId('applicant-phone').fill('13900139000');
    await page.getByTestId('item-picker').click();
    await page.keyboard.type(ITEM);
    await page.keyboard.press('Enter');
    await page.locator('#root_applicant_name').waitFor();
    expect(await page.locator('#root_applicant_name').inputValue()).toBe('李四');
    expect(await page.locator('#root_applicant_phone').inputValue()).toBe('13900139000');
    await context.close();
  }, 60_000);

  it('opens the menu with F4 and the cheat sheet with ?, and every page has one <h1> and names its controls', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.clerk, PASSWORD);
    await page.locator('#main h1').waitFor();
    await waitFocus(page, `document.activeElement !== document.body`);
    await page.locator('[data-page-title]').focus();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('cheat-sheet');
    await sheet.waitFor();
    for (const key of ['F2', 'F3', 'F4', 'Alt+1 … Alt+9', 'Ctrl+Enter']) expect(await sheet.textContent()).toContain(key);
    audits.cheatSheet = await auditPage(page);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });

    await page.keyboard.press('F4');
    await waitFocus(page, `!!document.activeElement?.closest('#bm-menu')`);
    await page.keyboard.press('ArrowDown');
    await waitFocus(page, `document.activeElement?.getAttribute('data-menu-id')?.endsWith('/workbench/new') ?? false`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/workbench\/new$/);
    await waitFocus(page, `!!document.activeElement?.closest('[data-testid="item-picker"]')`);

    await page.keyboard.press('F3');
    await page.waitForURL(/\/workbench$/);
    await waitFocus(page, `document.activeElement?.getAttribute('data-shortcut') === 'search' || !!document.activeElement?.closest('[data-shortcut="search"]')`);
    await context.close();

    const publicContext = await newContext(browser, log);
    const pub = await publicContext.newPage();
    for (const path of ['/public', '/public/items/household-registration-certificate', '/public/items/household-registration-certificate/apply', '/public/progress', '/login']) {
      await pub.goto(`${server.url}${path}`);
      await pub.locator('h1').first().waitFor();
      await pub.waitForLoadState('networkidle');
      audits[path] = await auditPage(pub);
    }
    await publicContext.close();

    for (const [name, audit] of Object.entries(audits)) {
      expect(audit.h1, `${name}: <h1> count`).toBe(1);
      expect(audit.unlabelled, `${name}: controls without an accessible name`).toEqual([]);
    }
  }, 120_000);

  it('logged no console errors on any page', () => {
    expect(log.errors).toEqual([]);
  });
});
