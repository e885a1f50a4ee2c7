import type { ItemType } from 'antd/es/menu/interface';
import { m } from '../i18n/index.ts';
import { hasRole, type Session } from '../auth/session.ts';

export const STAFF_ROLES = ['clerk', 'approver', 'agent', 'supervisor'];

/** Menus follow roles: administrators configure, window staff handle cases. */
export function menuFor(session: Session): ItemType[] {
  const items: ItemType[] = [];
  if (hasRole(session, ...STAFF_ROLES)) {
    const children: ItemType[] = [{ key: '/workbench', label: m.menu.queue }];
    if (hasRole(session, 'clerk', 'agent')) children.push({ key: '/workbench/new', label: m.menu.newCase });
    if (hasRole(session, 'approver', 'clerk')) children.push({ key: '/workbench/inbox', label: m.menu.inbox });
    items.push({ type: 'group', key: 'wb', label: m.menu.workbench, children });
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
  if (hasRole(session, ...STAFF_ROLES)) return '/workbench';
  if (hasRole(session, 'admin')) return '/admin/items';
  return '/public';
}
