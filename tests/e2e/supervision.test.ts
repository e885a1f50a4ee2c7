// 好差评 in a real browser: an applicant rates a decided case 不满意 at the window's QR page, and the
// centre head walks the work order it opened from the overview to its closing — assigns it, has it
// verified and rectified, records the call-back and closes it within the 7 days. The other
// supervision screens (complaints, call-backs, refusal reports, the evaluator, the window QR codes,
// the paper card entry) open with their data. No page may log a console error.
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from './support/api.ts';
import { launch, newContext, type ConsoleLog } from './support/browser.ts';
import { ensureBuilt } from './support/build.ts';
import { CHROMIUM, REPO, SERVER_ENTRY } from './support/paths.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { uiSignIn } from './support/ui.ts';

const ready = existsSync(SERVER_ENTRY) && existsSync(CHROMIUM);
const SHOTS = process.env.BIANMIN_SCREENSHOTS ? `${REPO}docs/images/` : null;
const DEMO = 'bianmin-demo';
const ITEM = 'household-registration-certificate';
const PHONE = '13805330001';

interface Case { id: string; number: string }

describe.skipIf(!ready)('supervision in the web app', () => {
  let server: RunningServer;
  let browser: Browser;
  const log: ConsoleLog = { errors: [] };
  let decided: Case;
  let windowId = '';

  const shot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await page.waitForTimeout(3000); // let the toasts fade
    await page.screenshot({ path: `${SHOTS}ui-${name}.png` });
  };

  /** A certificate received by 五泄's clerk and approved: open for evaluation. */
  async function decidedCase(name = '张明'): Promise<Case> {
    const clerk = await signIn(server.url, 'clerk-wx', DEMO);
    const approver = await signIn(server.url, 'approver-wx', DEMO);
    const c = await call<Case>(server.url, 'POST', '/cases', clerk, {
      itemCode: ITEM,
      data: { applicant: { name, idNumber: '370302198506123518', phone: PHONE }, certificateType: '曾用名证明（同一人证明）', formerName: '张小明', purpose: '办理公证', copies: 1 },
      materials: { 'id-card': 'provided' },
    });
    await call(server.url, 'POST', `/cases/${c.id}/events`, clerk, { type: 'ACCEPT' });
    await call(server.url, 'POST', `/cases/${c.id}/events`, approver, { type: 'APPROVE', payload: { opinion: '属实' } });
    return c;
  }

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launch();
    const clerk = await signIn(server.url, 'clerk-wx', DEMO);
    windowId = (await call<{ window: { id: string } }>(server.url, 'GET', '/windows/mine', clerk)).window.id;
    decided = await decidedCase();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the applicant rates the case 不满意 at the window QR page, giving the reasons', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await page.goto(`${server.url}/public/rate?window=${windowId}`);
    await page.getByText('诸暨市五泄镇便民服务中心 · 综合窗口1').waitFor();
    await page.getByTestId('rate-number').fill(decided.number);
    await page.getByTestId('rate-phone4').fill(PHONE.slice(-4));
    await page.getByTestId('evaluate-2').click();
    // A bad rating asks for the reason before it is taken.
    await page.getByTestId('evaluate-submit').click();
    await page.getByText('请至少选择一项不满意的原因').waitFor();
    await page.getByTestId('evaluate-reasons').getByText('排队等候时间长').click();
    await page.getByTestId('evaluate-reasons').getByText('服务态度差、推诿扯皮').click();
    await page.getByLabel('意见建议').fill('等了一个多小时，窗口说下班了');
    await page.getByText('实名评价（愿意接受回访）').click();
    await shot(page, 'public-rate');
    await page.getByTestId('evaluate-submit').click();
    await expect.poll(() => page.getByTestId('evaluated').textContent()).toMatch(/感谢您的评价.*核实整改并回访/);
    await context.close();
  }, 120_000);

  it('the centre head walks the work order from the overview to its closing within the due date', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'head-wx', DEMO);
    await page.waitForURL(/\/supervision$/);
    await expect.poll(() => page.getByTestId('overview-open').textContent()).toContain('1');
    await shot(page, 'supervision-overview');

    // From the menu to the list, then the order opened by Enter on its row.
    await page.getByRole('menuitem', { name: '差评整改' }).click();
    const row = page.getByTestId(`rect-${decided.number}`);
    await row.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/supervision\/rectifications\/.+/);
    await page.getByText('等了一个多小时，窗口说下班了').waitFor();

    const step = async (event: string, fill: () => Promise<void>, status: string) => {
      await page.getByTestId(`rect-action-${event}`).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await fill();
      // Ctrl+Enter submits the dialog from the keyboard.
      await page.keyboard.press('Control+Enter');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('rect-status').getAttribute('data-status')).toBe(status);
    };
    await step('ASSIGN', async () => {
      await page.getByTestId('rect-assignee').click();
      await page.keyboard.type('五泄窗口');
      await page.locator('.ant-select-item-option', { hasText: '五泄窗口' }).first().waitFor();
      await page.keyboard.press('Enter');
    }, 'assigned');
    await step('VERIFY', async () => {
      await page.getByRole('dialog').locator('textarea').fill('调阅录像属实：17:05 仍有群众等候，窗口提前停止受理');
    }, 'verified');
    await step('RECTIFY', async () => {
      await page.getByRole('dialog').locator('textarea').fill('严格执行“下班不拒办”，排队群众办完再下班；对当事人批评教育');
    }, 'rectified');
    await step('FOLLOW_UP', async () => {
      await page.getByRole('dialog').getByRole('radio', { name: '满意', exact: true }).check();
      await page.getByRole('dialog').locator('textarea').fill('电话回访，群众认可整改');
    }, 'followed-up');
    await shot(page, 'supervision-rectification');
    await step('CLOSE', async () => {}, 'closed');
    await page.getByText('电话回访，群众认可整改').waitFor();

    const head = await signIn(server.url, 'head-wx', DEMO);
    const closed = await call<{ items: { caseNumber: string; status: string; overdue: boolean }[] }>(server.url, 'GET', '/rectifications?status=closed', head);
    expect(closed.items.find((r) => r.caseNumber === decided.number)).toMatchObject({ status: 'closed', overdue: false });
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => /\/feedback\.pdf$/.test(new URL(r.url()).pathname)),
      page.getByRole('button', { name: '打印整改反馈单' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    await context.close();
  }, 180_000);

  it('opens the other supervision screens with their data', async () => {
    // Data for them, set up through the API.
    const clerk = await signIn(server.url, 'clerk-wx', DEMO);
    await call(server.url, 'POST', '/complaints', clerk, { receivedAt: new Date(Date.now() - 3600_000).toISOString(), complainant: '李四', phone: '13812345678', content: '窗口人员未一次性告知所需材料，跑了两趟', source: 'mailbox', subject: { kind: 'window', id: windowId } });
    const refused = await call<Case>(server.url, 'POST', '/cases', clerk, {
      itemCode: ITEM, data: { applicant: { name: '王五', idNumber: '370302198506123518', phone: '13805330002' }, certificateType: '曾用名证明（同一人证明）', formerName: '王小五', purpose: '办理公证', copies: 1 }, materials: { 'id-card': 'provided' },
    });
    await call(server.url, 'POST', `/cases/${refused.id}/events`, clerk, { type: 'REFUSE', payload: { reason: '申请人户籍不在本镇，应向户籍地申请' } });
    const tabletCase = await decidedCase('赵六');
    const concluded = await decidedCase('孙七');
    await call(server.url, 'POST', `/cases/${concluded.id}/events`, clerk, { type: 'SEAL' });
    await call(server.url, 'POST', `/cases/${concluded.id}/events`, clerk, { type: 'DELIVER', payload: { mode: 'window-pickup', recipientName: '孙七' } });
    await call(server.url, 'POST', '/evaluations/requests', clerk, { caseId: tabletCase.id });

    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'head-wx', DEMO);
    for (const [path, text, name] of [
      ['/supervision/complaints', '窗口人员未一次性告知所需材料', 'supervision-complaints'],
      ['/supervision/refusals', '申请人户籍不在本镇', 'supervision-refusals'],
      ['/supervision/callbacks', concluded.number, 'supervision-callbacks'],
      ['/supervision/requests', '办不成事反映', null],
      ['/supervision/evaluations', '录入评议卡', 'supervision-evaluations'],
      ['/supervision/windows', '窗口评价二维码', 'supervision-window-qr'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.getByText(text).first().waitFor({ timeout: 15_000 });
      if (name) await shot(page, name);
    }
    // The case page shows its evaluation and the work order it opened.
    await page.goto(`${server.url}/workbench/cases/${decided.id}`);
    await expect.poll(() => page.getByTestId('case-evaluation').textContent(), { timeout: 15_000 }).toBe('群众评价：不满意');
    await page.getByRole('link', { name: /五泄便整〔\d{4}〕\d+号/ }).waitFor();
    // The head reviews the clerk's refusal, from the keyboard.
    await page.goto(`${server.url}/supervision/refusals`);
    await page.getByTestId(`review-${refused.number}`).click();
    await page.getByRole('dialog').locator('textarea').fill('同意，已告知户籍地派出所地址');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText('只看待审核').click();
    await page.getByText('同意，已告知户籍地派出所地址').waitFor();
    await context.close();

    // The window's evaluator shows the case its clerk handed to it; the applicant taps a level.
    const tabletContext = await newContext(browser, log);
    const tablet = await tabletContext.newPage();
    await uiSignIn(tablet, server.url, 'clerk-wx', DEMO);
    await tablet.goto(`${server.url}/tablet`);
    await expect.poll(() => tablet.getByTestId('tablet-case').textContent(), { timeout: 15_000 }).toContain(tabletCase.number);
    await shot(tablet, 'supervision-tablet');
    await tablet.locator('label', { has: tablet.getByTestId('evaluate-5') }).click();
    await tablet.getByTestId('evaluate-submit').click();
    await tablet.getByText('感谢您的评价！').waitFor();
    await tabletContext.close();
  }, 180_000);

  it('logged no console errors on any page', () => {
    expect(log.errors).toEqual([]);
  });
});
