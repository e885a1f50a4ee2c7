// The whole counter in a real browser: an administrator composes and publishes an item, a clerk and
// an approver run a case from one-time notice to delivery and print the receipt, and the public finds
// the case by number and evaluates it. No page may log a console error.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createStaff, signIn } from './support/api.ts';
import { launch, newContext, type ConsoleLog } from './support/browser.ts';
import { ensureBuilt } from './support/build.ts';
import { BROWSER_READY, failOnCiWithoutBrowser } from './support/readiness.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { act, choose, pick, shot, uiSignIn, verifyMaterials, waitState } from './support/ui.ts';

const SHOTS = Boolean(process.env.BIANMIN_SCREENSHOTS);
const STAFF_PASSWORD = 'E2e-staff-pass-2026';
const CODE = `e2e-cert-${Date.now().toString(36)}`;
const NAME = '测试居住情况证明';
const REPORTED_NAME = '测试上报审批事项';

failOnCiWithoutBrowser();

describe.skipIf(!BROWSER_READY)('web app walkthrough', () => {
  let server: RunningServer;
  let browser: Browser;
  const log: ConsoleLog = { errors: [] };
  let staff: { clerk: string; approver: string; agent: string; township: { id: string; name: string } };
  let caseUrl = '';
  let caseNumber = '';


  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launch();
    const admin = await signIn(server.url, 'admin', server.adminPassword);
    staff = await createStaff(server.url, admin, STAFF_PASSWORD);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an administrator composes and publishes a promised item with a new field and a waivable material', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'admin', server.adminPassword);

    // Deadlines run into next year: its working-day calendar must be on record before cases start.
    await page.goto(`${server.url}/admin/calendar`);
    const nextYear = String(new Date().getFullYear() + 1);
    await page.locator('.ant-input-number input').fill(nextYear);
    await page.locator(`[data-date="${nextYear}-01-01"]`).waitFor();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();

    await page.goto(`${server.url}/admin/items/new`);

    // An empty definition fails validation with JSON pointers, shown above the tabs and at the fields.
    await page.getByTestId('validate').click();
    await expect.poll(() => page.getByTestId('composer-problems').textContent()).toContain('/code');
    await expect.poll(() => page.locator('.ant-form-item-has-error').count()).toBeGreaterThan(0);

    await page.getByTestId('basics-code').fill(CODE);
    await page.getByTestId('basics-name').fill(NAME);
    await page.getByTestId('basics-department').fill('民政');
    await choose(page, 'basics-level', '村（社区）'); // so village agents may receive it too

    await page.getByRole('tab', { name: '办事指南' }).click();
    await page.locator('#root_name').fill(NAME);
    await page.locator('#root_authority').fill('测试镇便民服务中心');
    await page.locator('#root_resultName').fill('居住情况证明');

    await page.getByRole('tab', { name: '申请材料' }).click();
    await page.getByTestId('add-material').click();
    await page.getByTestId('material-name-0').fill('居民户口簿');
    await page.getByTestId('add-material').click();
    await page.getByTestId('material-name-1').fill('村（社区）情况说明');
    await page.getByTestId('material-waivable-1').check();

    await page.getByRole('tab', { name: '表单设计' }).click();
    await page.getByTestId('add-field-text').click();
    await page.getByTestId('field-title').fill('申请事由');
    await page.getByTestId('field-name').fill('reason');
    await page.getByTestId('field-required').check();
    await expect.poll(() => page.getByTestId('form-preview').locator('#root_reason').count()).toBe(1);

    await page.getByRole('tab', { name: '办理流程' }).click();
    await page.getByTestId('promised-days').fill('3');
    await page.getByTestId('procedure-diagram').locator('.react-flow__node').first().waitFor({ timeout: 15_000 });
    await shot(page, 'composer');

    await page.getByTestId('publish').click();
    await page.getByText(/已发布/).first().waitFor({ timeout: 15_000 });

    const published = await call<{ code: string; procedure: { kind: string; promisedDays: number }; materials: { waivable?: boolean }[] }>(
      server.url, 'GET', `/items/${CODE}`, await signIn(server.url, 'admin', server.adminPassword),
    );
    expect(published.procedure).toMatchObject({ kind: 'promised', promisedDays: 3 });
    expect(published.materials[1]?.waivable).toBe(true);
    await context.close();
  }, 120_000);

  it('a clerk runs a case through a one-time notice, supplement and acceptance, and prints the receipt', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.clerk, STAFF_PASSWORD);
    await page.goto(`${server.url}/workbench/new`);
    await pick(page, 'item-picker', NAME);
    await page.getByTestId('applicant-name').fill('张三');
    await page.getByTestId('applicant-phone').fill('13800138000');
    await page.locator('#root_reason').fill('办理居住证明');
    await page.getByTestId('material-material1').getByText('缺少').click();
    await page.getByTestId('material-material2').getByText('容缺').click();
    await page.getByTestId('create-case').click();
    await page.waitForURL(/\/workbench\/cases\//);
    caseUrl = page.url();
    caseNumber = (await page.getByTestId('case-number').textContent())!.trim();
    expect(caseNumber).not.toBe('');
    await waitState(page, 'received');

    await act(page, 'REQUEST_CORRECTION', async (p) => {
      await expect.poll(() => p.getByRole('dialog').getByText('居民户口簿').count()).toBeGreaterThan(0);
      await p.getByRole('dialog').locator('textarea').fill('户口簿须为原件，复印件不予受理');
      await p.getByTestId('problem-material1').fill('仅带来复印件，请携带户口簿原件');
    });
    await waitState(page, 'correcting');
    // The note is in the history and on the notice, which lists the missing material only (not the 容缺 one).
    await expect.poll(() => page.getByTestId('history-note').allTextContents()).toContainEqual(expect.stringContaining('户口簿须为原件'));
    const notice = page.getByTestId('document-one-time-notice');
    await notice.getByRole('button', { name: /查\s*看/ }).click();
    const noticeText = () => page.frameLocator('iframe[title="document"]').locator('body').textContent();
    await expect.poll(noticeText).toContain('补正说明：户口簿须为原件，复印件不予受理');
    expect(await noticeText()).toContain('仅带来复印件，请携带户口簿原件');
    expect(await noticeText()).not.toContain('村（社区）情况说明');
    await page.keyboard.press('Escape');

    await act(page, 'SUPPLEMENT', async () => {});
    await waitState(page, 'received');
    await act(page, 'ACCEPT');
    await waitState(page, 'reviewing');
    await shot(page, 'case');

    const receipt = page.getByTestId('document-acceptance-receipt');
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => /\/api\/documents\/.+\.pdf$/.test(new URL(r.url()).pathname)),
      receipt.getByRole('button', { name: '打印 PDF' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('pdf');

    // The same document as HTML, read on screen.
    await receipt.getByRole('button', { name: /查\s*看/ }).click();
    await expect.poll(() => page.frameLocator('iframe[title="document"]').locator('body').textContent()).toContain('受理');
    await page.keyboard.press('Escape');

    if (SHOTS) {
      // A fuller queue for the documentation picture.
      const token = await signIn(server.url, staff.clerk, STAFF_PASSWORD);
      for (const [name, phone] of [['陈一', '13500135001'], ['周二', '13500135002'], ['吴三', '13500135003']] as const) {
        await call(server.url, 'POST', '/cases', token, { itemCode: CODE, data: { reason: '开具居住证明' }, applicant: { name, phone }, materials: { material1: 'provided', material2: 'waived' } });
      }
    }
    await page.goto(`${server.url}/workbench`);
    await page.getByText(caseNumber).waitFor();
    await shot(page, 'workbench-queue');
    await context.close();
  }, 120_000);

  it('the approver approves and seals, and the clerk delivers at the window', async () => {
    const approverContext = await newContext(browser, log);
    const approver = await approverContext.newPage();
    await uiSignIn(approver, server.url, staff.approver, STAFF_PASSWORD);
    await approver.goto(caseUrl);
    await act(approver, 'APPROVE', async (p) => {
      await p.getByRole('dialog').locator('textarea').fill('材料齐全，同意。');
    });
    await waitState(approver, 'approved');
    await expect.poll(() => approver.getByTestId('history-note').allTextContents()).toContain('材料齐全，同意。');
    await act(approver, 'SEAL');
    await waitState(approver, 'delivering');
    await approverContext.close();

    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.clerk, STAFF_PASSWORD);
    await page.goto(caseUrl);
    await page.getByTestId('action-DELIVER').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#root_recipientName').waitFor();
    // Sent empty, the mode's own field says what is missing, at the field.
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => dialog.locator('#root_recipientName__error').textContent()).toBe('请填写领取人姓名');
    await dialog.locator('#root_recipientName').fill('张三');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    // The 容缺 material was never handed in: concluding warns, and the clerk's confirmation is recorded.
    const warning = page.locator('.ant-modal-confirm');
    await warning.getByText('村（社区）情况说明').waitFor();
    await warning.getByRole('button', { name: '仍然办结' }).click();
    await waitState(page, 'concluded');
    await expect.poll(() => page.getByTestId('history-note').allTextContents()).toContainEqual(expect.stringContaining('容缺材料未补交即办结（村（社区）情况说明）'));
    await page.getByTestId('document-delivery-receipt').waitFor();
    await context.close();
  }, 120_000);

  it('the public reads the guide, finds the case by number and phone, and evaluates it once', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await page.goto(`${server.url}/public/items/${CODE}`);
    await page.getByTestId('guide-qr').waitFor();
    await page.getByText('监督投诉方式').waitFor();
    await shot(page, 'public-guide');

    await page.goto(`${server.url}/public/progress`);
    await page.getByTestId('progress-number').fill(caseNumber);
    await page.getByTestId('progress-phone4').fill('8000');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await expect.poll(() => page.getByTestId('public-state').textContent()).toBe('已办结');
    await page.getByTestId('evaluate-5').click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByTestId('evaluated').waitFor();

    const again = await fetch(`${server.url}/api/public/cases/${encodeURIComponent(caseNumber)}/evaluation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone4: '8000', level: 1 }),
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    await context.close();
  }, 120_000);

  it('a village agent applies on a citizen\'s behalf (帮办代办) with the authorisation recorded', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.agent, STAFF_PASSWORD);
    await page.goto(`${server.url}/workbench/new`);
    await pick(page, 'item-picker', NAME);
    await page.getByTestId('applicant-name').fill('李四');
    await page.getByTestId('applicant-phone').fill('13900139000');
    await choose(page, 'auth-type', '书面委托书');
    await page.getByTestId('auth-note').fill('委托书 2026-018');
    await page.getByTestId('auth-date').click();
    await page.keyboard.type('2026-11-20');
    await page.keyboard.press('Enter');
    await page.locator('#root_reason').fill('老人行动不便，代为申请');
    await verifyMaterials(page);
    await page.getByTestId('create-case').click();
    await page.waitForURL(/\/workbench\/cases\//);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const token = await signIn(server.url, staff.agent, STAFF_PASSWORD);
    const created = await call<{ channel: string; applicant: { name: string; authorisation?: Record<string, string> } }>(server.url, 'GET', `/cases/${id}`, token);
    expect(created.channel).toBe('agent');
    expect(created.applicant.authorisation).toMatchObject({ agentName: '测试代办员', document: '委托书 2026-018' });
    await context.close();
  }, 120_000);

  it('a reported case goes from the village agent up to the township inbox and comes back for delivery', async () => {
    // Set-up through the API: a copy of the composed item whose procedure reports to the township.
    const admin = await signIn(server.url, 'admin', server.adminPassword);
    const base = await call<Record<string, unknown>>(server.url, 'GET', `/items/${CODE}`, admin);
    const { source: _s, versions: _v, ...definition } = base;
    const reportedCode = `${CODE}-rep`;
    await call(server.url, 'POST', '/admin/items', admin, {
      ...definition,
      code: reportedCode,
      name: REPORTED_NAME,
      version: '1.0.0',
      guide: { ...(definition.guide as object), name: REPORTED_NAME },
      procedure: { kind: 'reported', decidingLevel: 'township', promisedDays: 3 },
    });
    await call(server.url, 'POST', `/admin/items/${reportedCode}/publish`, admin);

    const agentContext = await newContext(browser, log);
    const agent = await agentContext.newPage();
    await uiSignIn(agent, server.url, staff.agent, STAFF_PASSWORD);
    await agent.goto(`${server.url}/workbench/new`);
    await pick(agent, 'item-picker', REPORTED_NAME);
    await agent.getByTestId('applicant-name').fill('赵六');
    await agent.getByTestId('applicant-phone').fill('13600136000');
    await choose(agent, 'auth-type', '网格员代办');
    await agent.getByTestId('auth-note').fill('网格员入户代办');
    await agent.getByTestId('auth-date').click();
    await agent.keyboard.type('2026-11-21');
    await agent.keyboard.press('Enter');
    await agent.locator('#root_reason').fill('上报件');
    await verifyMaterials(agent);
    await agent.getByTestId('create-case').click();
    await agent.waitForURL(/\/workbench\/cases\//);
    const url = agent.url();
    const number = (await agent.getByTestId('case-number').textContent())!.trim();
    await act(agent, 'ACCEPT');
    await waitState(agent, 'accepted');
    await act(agent, 'REPORT');
    await waitState(agent, 'reported');

    const approverContext = await newContext(browser, log);
    const approver = await approverContext.newPage();
    await uiSignIn(approver, server.url, staff.approver, STAFF_PASSWORD);
    await approver.goto(`${server.url}/workbench/inbox`);
    await approver.getByText(number).click({ clickCount: 2 });
    await approver.waitForURL(url);
    await act(approver, 'DECIDE', async (p) => {
      await p.getByRole('dialog').locator('textarea').fill('符合条件，准予。');
    });
    await waitState(approver, 'approved');
    await act(approver, 'SEAL');
    await waitState(approver, 'delivering');
    await approverContext.close();

    await agent.reload();
    await act(agent, 'DELIVER', async (p) => {
      await p.getByRole('dialog').locator('#root_recipientName').fill('赵六');
    });
    await waitState(agent, 'concluded');
    await agentContext.close();
  }, 120_000);

  it('a clerk refuses a case in writing, hands the materials back and closes it on the applicant\'s receipt', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, staff.clerk, STAFF_PASSWORD);
    await page.goto(`${server.url}/workbench/new`);
    await pick(page, 'item-picker', NAME);
    await page.getByTestId('applicant-name').fill('钱七');
    await page.getByTestId('applicant-phone').fill('13300133000');
    await page.locator('#root_reason').fill('办理外地户籍证明');
    await verifyMaterials(page);
    await page.getByTestId('create-case').click();
    await page.waitForURL(/\/workbench\/cases\//);
    await act(page, 'REFUSE', async (p) => {
      const dialog = p.getByRole('dialog');
      await dialog.locator('.ant-select').click();
      await p.locator('.ant-select-item-option', { hasText: '不属于本机关职权范围' }).click();
      await dialog.locator('textarea').fill('申请人户籍不在本镇，应向户籍地申请。');
    });
    await waitState(page, 'returned.handingBack');
    await page.getByTestId('document-refusal-decision').waitFor();
    await act(page, 'RETURN_MATERIALS');
    await waitState(page, 'returned.signingOff');
    await act(page, 'CONFIRM_RECEIPT');
    await waitState(page, 'returned.closed');
    await context.close();
  }, 120_000);

  it('the public applies online with the same form', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await page.goto(`${server.url}/public/items/${CODE}/apply`);
    await pick(page, 'apply-org', staff.township.name);
    await page.getByTestId('apply-name').fill('王五');
    await page.getByTestId('apply-id').fill('11010519491231002X');
    await page.getByTestId('apply-phone').fill('13700137000');
    await page.locator('#root_reason').fill('网上申请居住证明');
    // The applicant says which materials they have ready; unmarked ones stop the submission at their row.
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-material-material1').getByText('请选择此材料是否已备齐').waitFor();
    await page.getByTestId('apply-material-material1').getByText('已备齐', { exact: true }).click();
    await page.getByTestId('apply-material-material2').getByText('已备齐', { exact: true }).click();
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => page.getByTestId('applied').textContent(), { timeout: 15_000 }).toMatch(/办件编号 \S+/);
    const number = /办件编号 (\S+?)，/.exec((await page.getByTestId('applied').textContent())!)![1]!;
    await context.close();

    // Complete as the applicant marked it, the clerk accepts it at once.
    const clerkContext = await newContext(browser, log);
    const clerk = await clerkContext.newPage();
    await uiSignIn(clerk, server.url, staff.clerk, STAFF_PASSWORD);
    const token = await signIn(server.url, staff.clerk, STAFF_PASSWORD);
    const found = await call<{ items: { id: string; number: string }[] }>(server.url, 'GET', `/cases?q=${encodeURIComponent(number)}`, token);
    await clerk.goto(`${server.url}/workbench/cases/${found.items.find((c) => c.number === number)!.id}`);
    await act(clerk, 'ACCEPT');
    await waitState(clerk, 'reviewing');
    await clerkContext.close();
  }, 120_000);

  it('opens every administration page with its data', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'admin', server.adminPassword);
    for (const [path, text] of [
      ['/admin/items', NAME],
      ['/admin/seals', '审批专用章'],
      ['/admin/delivery-modes', '窗口领取'],
      ['/admin/calendar', '12月'],
      ['/admin/orgs', staff.township.name],
      ['/admin/users', staff.clerk],
      ['/admin/plugins', '@bianmin/plugin-'],
      [`/admin/items/${CODE}`, '事项编排'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      // The shipped catalogue runs to many pages: the admin finds the test item by its name.
      if (path === '/admin/items') await page.getByPlaceholder('按名称或编码搜索').fill(NAME);
      await page.getByText(text).first().waitFor({ timeout: 15_000 });
    }
    await context.close();
  }, 120_000);

  it('logged no console errors on any page', () => {
    expect(log.errors).toEqual([]);
  });
});
