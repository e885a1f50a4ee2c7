import type { ItemType } from 'antd/es/menu/interface';
import { m } from '../i18n/index.ts';
import { hasRole, type Session } from '../auth/session.ts';

export const STAFF_ROLES = ['clerk', 'approver', 'agent', 'supervisor', 'head'];

/** Menus follow roles: administrators configure, window staff handle cases. */
export function menuFor(session: Session): ItemType[] {
  const items: ItemType[] = [];
  if (hasRole(session, ...STAFF_ROLES)) {
    const children: ItemType[] = [{ key: '/workbench', label: m.menu.queue }];
    if (hasRole(session, 'clerk', 'agent')) children.push({ key: '/workbench/new', label: m.menu.newCase });
    if (hasRole(session, 'approver', 'clerk')) children.push({ key: '/workbench/inbox', label: m.menu.inbox });
    items.push({ type: 'group', key: 'wb', label: m.menu.workbench, children });
  }
  {
    // Every member of staff works on 好差评, complaints, call-backs and refusal reports.
    const children: ItemType[] = [];
    if (hasRole(session, 'head', 'supervisor')) children.push({ key: '/supervision', label: m.menu.overview });
    children.push({ key: '/supervision/rectifications', label: m.menu.rectifications });
    children.push({ key: '/supervision/complaints', label: m.menu.complaints });
    if (hasRole(session, 'head', 'supervisor', 'clerk', 'agent')) children.push({ key: '/supervision/callbacks', label: m.menu.callbacks });
    children.push({ key: '/supervision/refusals', label: m.menu.refusals });
    children.push({ key: '/supervision/requests', label: m.menu.requests });
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
