// What a notify effect says and to whom, from the case as a step left it. A case step writes the
// message into its outbox row, so the worker sends it without reading the case back (a read and a
// parse of the snapshot per message); rows without one (the sweeper's flags for staff, rows written
// by an earlier version) are filled from the case when they run.
import type { Recipient } from './channel.ts';
import type { TemplateVars } from './render.ts';
import type { Organisation } from '../org/index.ts';
import { dueDateText } from './due-date-text.ts';

export interface NotifyMessage {
  to: Recipient;
  vars: TemplateVars;
}

/** What of the case's applicant a message needs (the case record's Applicant has these). */
export interface NotifyApplicant {
  name?: string;
  phone?: string;
  email?: string;
}

export interface NotifyFacts {
  audience: unknown;
  caseNumber: string;
  itemName: string;
  applicant: NotifyApplicant;
  dueAt: string | null;
  org: Organisation | undefined;
  note: string | undefined;
  pickupCode?: string | undefined;
}

export function notifyMessage(f: NotifyFacts): NotifyMessage {
  const to: Recipient =
    f.audience === 'staff' ? { userId: null } : { ...(f.applicant.phone ? { phone: f.applicant.phone } : {}), ...(f.applicant.email ? { email: f.applicant.email } : {}) };
  return {
    to,
    vars: {
      caseNumber: f.caseNumber,
      itemName: f.itemName,
      applicantName: f.applicant.name,
      dueDate: f.dueAt ? dueDateText(new Date(f.dueAt)) : undefined,
      orgName: f.org?.name,
      phone: f.org?.phone ?? undefined,
      note: f.note,
      pickupCode: f.pickupCode,
    },
  };
}

/** The message a row carries, if its step wrote one. */
export function carriedMessage(payload: Record<string, unknown>): NotifyMessage | undefined {
  const message = payload.message as NotifyMessage | undefined;
  return message && typeof message === 'object' && message.vars && message.to ? message : undefined;
}
