// First start without the demo county (BIANMIN_DEMO=0): one root organisation and the `admin` user.
import type { Knex } from 'knex';
import { createUser } from '../auth/index.ts';
import { createOrg } from '../org/index.ts';
import { adminPassword, alreadySeeded, type SeedResult } from './first-start.ts';

/** Without the demo: one county-level organisation for the `admin` user to start from. */
export async function seedRootOrganisation(db: Knex, env: NodeJS.ProcessEnv = process.env): Promise<SeedResult> {
  if (await alreadySeeded(db)) return { created: false, orgs: [], signIns: [] };
  const org = await createOrg(db, {
    id: 'root',
    code: 'root',
    name: env.BIANMIN_ORG_NAME || '政务服务中心',
    shortName: env.BIANMIN_ORG_SHORT_NAME || '政务',
    level: 'county',
    parentId: null,
  });
  const admin = adminPassword(db, env);
  await createUser(db, { username: 'admin', name: '系统管理员', password: admin.password, orgId: org.id, roles: ['admin'], mustChangePassword: admin.generated });
  return { created: true, orgs: [org], signIns: [{ username: 'admin', passwordNote: admin.note, roles: ['admin'], org: org.name }] };
}
