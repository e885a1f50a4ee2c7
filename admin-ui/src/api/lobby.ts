// Appointments, queue tickets, windows and the lobby board (core/src/queue).
import { get, post, put, query } from './client.ts';

export interface Ticket {
  id: string; number: string; category: string; categoryName: string; itemCode: string | null; itemName: string | null; priority: string; priorityLabel: string;
  greenReason: string | null; status: string; statusLabel: string; windowId: string | null; issuedAt: string; calledAt: string | null; callCount: number;
  startedAt: string | null; caseId: string | null; waitSeconds: number | null; handleSeconds: number | null; ahead?: number; actions: string[]; org: { id: string; name: string };
}
export interface KioskOffer {
  org: { id: string; name: string };
  categories: { code: string; name: string; prefix: string; items: { code: string; name: string }[] }[];
  greenReasons: { code: string; label: string }[];
}
export interface WindowState {
  id: string; orgId: string; name: string; kind: string; status: 'open' | 'paused'; reason: string | null; categories: string[];
  current: { id: string; number: string; status: string; calledAt: string | null; priorityLabel: string } | null;
}
export interface Board {
  org: { id: string; name: string };
  at: string;
  windows: { id: string; name: string; status: string; reason: string | null; current: { number: string; status: string } | null }[];
  calls: { number: string; windowName: string; at: string; recall: boolean }[];
  waiting: { total: number; categories: { code: string; name: string; prefix: string; waiting: number }[] };
}
export interface Slot { slot: string; start: string; end: string; kind: string; capacity: number; left: number }
export interface DaySlots { date: string; open: boolean; bookable: boolean; reason: string | null; category: string; slots: Slot[] }

export const kioskOffer = (orgId: string) => get<KioskOffer>(`/public/queue/${encodeURIComponent(orgId)}/kiosk`);
export const takeTicket = (body: { orgId: string; category?: string; itemCode?: string; appointmentNumber?: string; priority?: string }) => post<Ticket>('/public/queue/tickets', body);
export const readBoard = (orgId: string) => get<Board>(`/public/queue/${encodeURIComponent(orgId)}/board`);
export const boardStreamUrl = (orgId: string) => `/api/public/queue/${encodeURIComponent(orgId)}/board/stream`;

export const listWindows = (orgId?: string) => get<WindowState[]>(`/queue/windows${query({ orgId })}`);
export const callNext = (windowId: string) => post<{ ticket: Ticket | null; waiting: number }>(`/queue/windows/${encodeURIComponent(windowId)}/call-next`);
export const ticketEvent = (id: string, body: { type: string; caseId?: string; toWindowId?: string }) => post<Ticket>(`/queue/tickets/${encodeURIComponent(id)}/events`, body);
export const setWindowStatus = (id: string, status: 'open' | 'paused', reason?: string) => put<WindowState>(`/queue/windows/${encodeURIComponent(id)}/status`, { status, reason });
/** Today's tickets for the window: those it would call, in order, and the one at it. */
export const waitingTickets = (windowId: string) => get<{ items: Ticket[] }>(`/queue/tickets${query({ windowId })}`);

export const daySlots = (orgId: string, itemCode: string, date: string) => get<DaySlots>(`/public/orgs/${encodeURIComponent(orgId)}/slots${query({ itemCode, date })}`);
export const bookOnline = (body: { orgId: string; itemCode: string; slot: string; applicant: { name: string; phone: string } }) =>
  post<{ number: string; date: string; start: string; end: string; itemName: string; org: { id: string; name: string } }>('/public/appointments', body);
