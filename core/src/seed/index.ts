// First-start data: the demo county (organisations, users, seals) or, with BIANMIN_DEMO=0, a root
// organisation and the `admin` user.
export { seedDemoCounty, DEMO_PASSWORD } from './demo-county.ts';
export { seedDemoSeals } from './demo-seals.ts';
export { seedRootOrganisation } from './root-organisation.ts';
export type { SeedResult } from './first-start.ts';
