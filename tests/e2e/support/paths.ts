import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const ADMIN_UI = `${REPO}admin-ui/`;
export const SERVER_ENTRY = `${REPO}core/src/main.ts`;
export const CHROMIUM = process.env.BIANMIN_CHROMIUM ?? '/usr/bin/chromium';
