import { Badge } from 'antd';
import type { ReactNode } from 'react';
import type { ItemType } from 'antd/es/menu/interface';
import type { WorkCounts } from '../api/cases.ts';
import { m } from '../i18n/index.ts';
import { hasRole, type Session } from '../auth/session.ts';

export const STAFF_ROLES = ['clerk', 'approver', 'agent', 'supervisor', 'head'];

/** A menu label with its count; red when something in it is overdue. Read out as 「我的待办 3 件」. */
function counted(label: string, count: number | undefined, urgent = false): ReactNode {
  if (!count) return label;
  return (
    <span aria-label={m.menu.counted(label, count)} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {label}
      <Badge count={count} overflowCount={99} size="small" color={urgent ? '#cf1322' : '#8c8c8c'} data-testid={`badge-${label}`} />
    </span>
  );
}

/** Menus follow roles: administrators configure, window staff handle cases; badges count what waits. */
export function menuFor(session: Session, counts?: WorkCounts | null): ItemType[] {
  const items: ItemType[] = [];
  if (hasRole(session, ...STAFF_ROLES)) {
    const children: ItemType[] = [
      { key: '/workbench/mine', label: counted(m.menu.mine, counts?.todo, Boolean(counts?.overdue)) },
      { key: '/workbench', label: m.menu.queue },
    ];
    if (hasRole(session, 'clerk', 'agent')) children.push({ key: '/workbench/new', label: m.menu.newCase });
    if (hasRole(session, 'clerk', 'agent', 'head')) children.push({ key: '/workbench/window', label: m.menu.windowDesk });
    if (hasRole(session, 'approver', 'clerk')) children.push({ key: '/workbench/inbox', label: m.menu.inbox });
    children.push({ key: '/messages', label: counted(m.menu.messages, counts?.inbox) });
    items.push({ type: 'group', key: 'wb', label: m.menu.workbench, children });
  }
  {
    // Every member of staff works on 好差评, complaints, call-backs and refusal reports.
    const children: ItemType[] = [];
    if (hasRole(session, 'head', 'supervisor')) children.push({ key: '/supervision', label: m.menu.overview });
    children.push({ key: '/supervision/rectifications', label: counted(m.menu.rectifications, counts?.rectifications) });
    children.push({ key: '/supervision/complaints', label: m.menu.complaints });
    if (hasRole(session, 'head', 'supervisor', 'clerk', 'agent')) children.push({ key: '/supervision/callbacks', label: m.menu.callbacks });
    children.push({ key: '/supervision/refusals', label: counted(m.menu.refusals, counts?.refusals) });
    children.push({ key: '/supervision/requests', label: counted(m.menu.requests, counts?.requests) });
    children.push({ key: '/supervision/evaluations', label: m.menu.evaluations });
    if (hasRole(session, 'head', 'clerk', 'agent')) {
      children.push({ key: '/supervision/windows', label: m.menu.windowQr });
      children.push({ key: '/tablet', label: m.menu.tablet });
    }
    if (hasRole(session, ...STAFF_ROLES)) items.push({ type: 'group', key: 'sv', label: m.menu.supervision, children });
  }
  if (hasRole(session, 'admin')) {
    items.push({
      type: 'group',
      key: 'admin',
      label: m.menu.admin,
      children: [
        // An administrator without a counter role still reads the calendar reminders in the inbox.
        ...(hasRole(session, ...STAFF_ROLES) ? [] : [{ key: '/messages', label: counted(m.menu.messages, counts?.inbox) }]),
        { key: '/admin/items', label: m.menu.catalogue },
        { key: '/admin/seals', label: m.menu.seals },
        { key: '/admin/delivery-modes', label: m.menu.deliveryModes },
        { key: '/admin/calendar', label: m.menu.calendar },
        { key: '/admin/orgs', label: m.menu.orgs },
        { key: '/admin/users', label: m.menu.users },
        { key: '/admin/plugins', label: m.menu.plugins },
      ],
    });
  }
  return items;
}

export function homeFor(session: Session | null): string {
  if (!session) return '/login';
  if (hasRole(session, 'head')) return '/supervision';
  if (hasRole(session, ...STAFF_ROLES)) return '/workbench';
  if (hasRole(session, 'admin')) return '/admin/items';
  return '/public';
}
