// The workbench in a real browser (issue 14 points 1, 3–5): the queue shows the real total and
// pages through every case, not the first 50; an immediate item shows its own target; the menu's
// 我的待办 badge counts what waits and the work list page lists it; an administrator sees the banner
// naming a calendar year still to be entered. No page may log a console error.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from './support/api.ts';
import { launch, newContext, type ConsoleLog } from './support/browser.ts';
import { ensureBuilt } from './support/build.ts';
import { CHROMIUM, SERVER_ENTRY } from './support/paths.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { shot, uiSignIn } from './support/ui.ts';

const ready = existsSync(SERVER_ENTRY) && existsSync(CHROMIUM);
const DEMO = 'bianmin-demo';
const ITEM = 'household-registration-certificate';
const CASES = 64;

describe.skipIf(!ready)('the workbench queue and work list', () => {
  let server: RunningServer;
  let browser: Browser;
  const log: ConsoleLog = { errors: [] };
  let first: { id: string; number: string };

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launch();
    const clerk = await signIn(server.url, 'clerk-wx', DEMO);
    for (let i = 0; i < CASES; i++) {
      const c = await call<{ id: string; number: string }>(server.url, 'POST', '/cases', clerk, {
        itemCode: ITEM,
        data: { applicant: { name: `申请人${i}`, idNumber: '370302198506123518', phone: '13805330001' }, certificateType: '曾用名证明（同一人证明）', formerName: '张小明', purpose: '办理公证', copies: 1 },
        materials: { 'id-card': 'provided' },
      });
      first ??= c;
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('pages through every case of the queue with the real total', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'clerk-wx', DEMO);
    await page.goto(`${server.url}/workbench`);
    const total = page.getByTestId('queue-total');
    await total.getByText(`已显示 50 条，共 ${CASES} 条`).waitFor();
    await shot(page, 'queue-paging');
    await total.getByRole('button', { name: /加载更多/ }).click();
    await total.getByText(`已显示 ${CASES} 条，共 ${CASES} 条`).waitFor();
    expect(await total.getByRole('button', { name: /加载更多/ }).count()).toBe(0);
    // The immediate item's own target (30 minutes), not a flat 60.
    expect(await page.getByText('即办 30 分钟').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('counts what waits in the menu and lists it on 我的待办', async () => {
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'clerk-wx', DEMO);
    const menu = page.locator('#bm-menu');
    await menu.getByLabel(`我的待办 ${CASES} 件`).waitFor();
    await menu.getByText('我的待办').click();
    await page.getByRole('heading', { level: 1, name: '我的待办' }).waitFor();
    await page.getByTestId('work-counts').getByText('待办').waitFor();
    await page.getByTestId('queue-total').getByText(`已显示 50 条，共 ${CASES} 条`).waitFor();
    await shot(page, 'worklist');
    // The case page shows the item's target.
    await page.goto(`${server.url}/workbench/cases/${first.id}`);
    await page.getByText('即办 30 分钟').waitFor();
    await context.close();
  });

  it('shows an administrator the banner naming a calendar year still to be entered', async () => {
    const admin = await signIn(server.url, 'admin', server.adminPassword);
    const status = await call<{ missing: { year: number }[] }>(server.url, 'GET', '/admin/calendar-status', admin);
    const context = await newContext(browser, log);
    const page = await context.newPage();
    await uiSignIn(page, server.url, 'admin', server.adminPassword);
    const banner = page.getByTestId('calendar-banner');
    if (status.missing.length > 0) {
      // Today (December 2026, or any later day until a year ships) a year is missing.
      await banner.first().getByText(`${status.missing[0]!.year} 年工作日历尚未录入`).waitFor();
      await shot(page, 'calendar-banner');
      await page.locator('#bm-menu').getByRole('menuitem', { name: /消息/ }).click();
      await page.getByRole('heading', { level: 1, name: '消息' }).waitFor();
      await page.getByText(`请录入 ${status.missing[0]!.year} 年工作日历`).waitFor();
    } else {
      expect(await banner.count()).toBe(0);
    }
    await context.close();
  });

  it('logged no console errors', () => {
    expect(log.errors).toEqual([]);
  });
});
