// Appointments and the queue in a real browser (issue 19): book online on the portal, take the
// ticket at the kiosk with the appointment number, call it with one key at the window page, receive
// the case and finish the ticket with it, and see the lobby board follow. No page may log a console error.
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

const shanghaiDay = (offset = 0) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!ready)('booking, kiosk, window and board', () => {
  let server: RunningServer;
  let browser: Browser;
  const log: ConsoleLog = { errors: [] };

  beforeAll(async () => {
    ensureBuilt();
    server = await startServer();
    browser = await launch();
    // Whatever day and hour the suite runs, the centre is open: today and tomorrow are exceptions
    // served around the clock.
    const admin = await signIn(server.url, 'admin', server.adminPassword);
    const workday = [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:00' }];
    await call(server.url, 'PUT', '/admin/orgs/wx/hours', admin, {
      weekly: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] },
      exceptions: [0, 1].map((d) => ({ date: shanghaiDay(d), closed: false, periods: [{ start: '00:00', end: '23:59' }], reason: '测试日全天服务' })),
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('books online, takes the ticket at the kiosk, calls it at the window, receives the case, and the board follows', async () => {
    const context = await newContext(browser, log);
    const portal = await context.newPage();
    await portal.goto(`${server.url}/public/book`);
    await portal.getByLabel('办理地点').click();
    await portal.getByTitle('诸暨市五泄镇便民服务中心').click();
    const itemName = (await call<{ name: string }>(server.url, 'GET', `/public/items/${ITEM}`)).name;
    // The list of items is long and virtual: search for it.
    await portal.getByLabel('办理事项').click();
    await portal.getByLabel('办理事项').fill(itemName);
    await portal.getByTitle(itemName).click();
    await portal.locator('.ant-radio-button-wrapper:not(.ant-radio-button-wrapper-disabled)').first().click();
    await portal.getByLabel('姓名').fill('王预约');
    await portal.getByLabel('手机号（接收预约提醒短信）').fill('13905750001');
    await shot(portal, 'book');
    await portal.getByRole('button', { name: /确认预约/ }).click();
    const booked = await portal.getByTestId('booked-number').textContent();
    const appointmentNumber = /预约号 (\d+)/.exec(booked ?? '')![1]!;

    const board = await context.newPage();
    await board.goto(`${server.url}/queue/wx/board`);
    await board.getByTestId('board-calling').waitFor();

    const kiosk = await context.newPage();
    await kiosk.goto(`${server.url}/queue/wx/kiosk`);
    await kiosk.getByLabel('预约号').fill(appointmentNumber);
    await kiosk.getByRole('button', { name: /签到取号/ }).click();
    const ticket = (await kiosk.getByTestId('kiosk-ticket').textContent())!.trim();
    expect(ticket).toMatch(/^A\d{3}$/);
    await shot(kiosk, 'kiosk');

    const desk = await context.newPage();
    await uiSignIn(desk, server.url, 'clerk-wx', DEMO);
    await desk.goto(`${server.url}/workbench/window`);
    await desk.getByRole('button', { name: /叫下一号/ }).waitFor();
    await desk.keyboard.press('F1');
    await expect.poll(() => desk.getByTestId('desk-current').textContent(), { timeout: 10_000 }).toBe(ticket);
    // The board hears of the call through its event stream.
    await expect.poll(() => board.getByTestId('board-calling').textContent(), { timeout: 3_000 }).toContain(`请 ${ticket} 号到 综合窗口1 办理`);
    await shot(board, 'board');

    const clerk = await signIn(server.url, 'clerk-wx', DEMO);
    const received = await call<{ id: string; number: string }>(server.url, 'POST', '/cases', clerk, {
      itemCode: ITEM,
      data: { applicant: { name: '王预约', idNumber: '370302198506123518', phone: '13905750001' }, certificateType: '曾用名证明（同一人证明）', formerName: '王小约', purpose: '办理公证', copies: 1 },
      materials: { 'id-card': 'provided' },
    });
    await desk.getByLabel('受理的办件编号（可选）').fill(received.number);
    await desk.getByRole('button', { name: /开始办理/ }).click();
    await desk.getByRole('button', { name: /办理完毕/ }).waitFor();
    await shot(desk, 'window-desk');
    await desk.getByRole('button', { name: /办理完毕/ }).click();
    await desk.getByTestId('desk-current').waitFor({ state: 'detached' });
    const done = await call<{ items: { number: string; status: string; caseId: string | null }[] }>(server.url, 'GET', '/queue/tickets?orgId=wx&status=done', clerk);
    expect(done.items.find((t) => t.number === ticket)).toMatchObject({ status: 'done', caseId: received.id });
    const appointment = await call<{ items: { number: string; status: string; caseId: string | null }[] }>(server.url, 'GET', `/appointments?orgId=wx&date=${shanghaiDay()}`, clerk);
    expect(appointment.items.find((a) => a.number === appointmentNumber)).toMatchObject({ status: 'done', caseId: received.id });
    expect(log.errors).toEqual([]);
    await context.close();
  }, 180_000);
});
