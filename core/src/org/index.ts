export { createOrg, getOrg, listOrgs, scopeOf, ancestry, type Organisation, type NewOrganisation } from './org-store.ts';
export { createWindow, listWindows, type ServiceWindow } from './window-store.ts';
export { OrgDirectory } from './org-directory.ts';
