// The demo county, seeded on first start unless BIANMIN_DEMO=0: one county centre, two townships,
// two villages each, their windows, and users per role.
import type { Knex } from 'knex';
import type { Role } from '@bianmin/contract';
import { createUser, hashPassword } from '../auth/index.ts';
import { createOrg, createWindow, type Organisation } from '../org/index.ts';
import { adminPassword, alreadySeeded, type SeedResult } from './first-start.ts';

/** Demo users' password, published in README.md (never printed); never used outside the demo county. */
export const DEMO_PASSWORD = 'bianmin-demo';

interface DemoOrg {
  code: string;
  name: string;
  shortName: string;
  level: Organisation['level'];
  parent?: string;
  phone: string;
  address: string;
}

// A fictional county modelled on Zhuji, Zhejiang (seed documents' 五泄镇); phones and addresses are illustrative.
const DEMO_ORGS: DemoOrg[] = [
  { code: 'zj', name: '诸暨市政务服务中心', shortName: '诸暨政', level: 'county', phone: '0575-87000000', address: '诸暨市暨阳街道市民中心' },
  { code: 'wx', name: '诸暨市五泄镇便民服务中心', shortName: '五泄便', level: 'township', parent: 'zj', phone: '0575-87010000', address: '诸暨市五泄镇人民政府一楼' },
  { code: 'fq', name: '诸暨市枫桥镇便民服务中心', shortName: '枫桥便', level: 'township', parent: 'zj', phone: '0575-87020000', address: '诸暨市枫桥镇人民政府一楼' },
  { code: 'wx-ssd', name: '五泄镇十四都村便民服务站', shortName: '十四都', level: 'village', parent: 'wx', phone: '0575-87010100', address: '五泄镇十四都村党群服务中心' },
  { code: 'wx-qk', name: '五泄镇青口村便民服务站', shortName: '青口', level: 'village', parent: 'wx', phone: '0575-87010200', address: '五泄镇青口村党群服务中心' },
  { code: 'fq-fy', name: '枫桥镇枫源村便民服务站', shortName: '枫源', level: 'village', parent: 'fq', phone: '0575-87020100', address: '枫桥镇枫源村党群服务中心' },
  { code: 'fq-xf', name: '枫桥镇新枫村便民服务站', shortName: '新枫', level: 'village', parent: 'fq', phone: '0575-87020200', address: '枫桥镇新枫村党群服务中心' },
];

const DEMO_USERS: { username: string; name: string; org: string; roles: Role[] }[] = [
  { username: 'supervisor', name: '督查员', org: 'zj', roles: ['supervisor'] },
  { username: 'clerk-zj', name: '市中心窗口', org: 'zj', roles: ['clerk'] },
  { username: 'approver-zj', name: '市中心审批', org: 'zj', roles: ['approver'] },
  { username: 'clerk-wx', name: '五泄窗口', org: 'wx', roles: ['clerk'] },
  { username: 'approver-wx', name: '五泄审批', org: 'wx', roles: ['approver'] },
  { username: 'admin-wx', name: '五泄管理员', org: 'wx', roles: ['admin'] },
  { username: 'clerk-fq', name: '枫桥窗口', org: 'fq', roles: ['clerk'] },
  { username: 'approver-fq', name: '枫桥审批', org: 'fq', roles: ['approver'] },
  { username: 'agent-wx-ssd', name: '十四都代办员', org: 'wx-ssd', roles: ['agent'] },
  { username: 'agent-wx-qk', name: '青口代办员', org: 'wx-qk', roles: ['agent'] },
  { username: 'agent-fq-fy', name: '枫源代办员', org: 'fq-fy', roles: ['agent'] },
  { username: 'agent-fq-xf', name: '新枫代办员', org: 'fq-xf', roles: ['agent'] },
  // 中心负责人: assigns rectifications, reviews refusals (seed 003 township item 23).
  { username: 'head-wx', name: '五泄中心主任', org: 'wx', roles: ['head'] },
  { username: 'head-fq', name: '枫桥中心主任', org: 'fq', roles: ['head'] },
];

/** Counter staff sit at their organisation's window, so an evaluation names the window that served. */
const AT_WINDOW: readonly Role[] = ['clerk', 'agent'];

export async function seedDemoCounty(db: Knex, env: NodeJS.ProcessEnv = process.env): Promise<SeedResult> {
  if (await alreadySeeded(db)) return { created: false, orgs: [], signIns: [] };
  const byCode = new Map<string, Organisation>();
  const windowOf = new Map<string, string>();
  for (const o of DEMO_ORGS) {
    const parentId = o.parent ? byCode.get(o.parent)!.id : null;
    const org = await createOrg(db, {
      id: o.code,
      code: o.code,
      name: o.name,
      shortName: o.shortName,
      level: o.level,
      parentId,
      phone: o.phone,
      address: o.address,
      reviewOrgan: '诸暨市人民政府',
      court: '诸暨市人民法院',
    });
    byCode.set(o.code, org);
    windowOf.set(o.code, (await createWindow(db, { orgId: org.id, name: o.level === 'village' ? '代办窗口' : '综合窗口1', kind: 'general' })).id);
  }
  const admin = adminPassword(db, env);
  await createUser(db, { username: 'admin', name: '系统管理员', password: admin.password, orgId: 'zj', roles: ['admin'], mustChangePassword: admin.generated });
  const signIns: SeedResult['signIns'] = [{ username: 'admin', passwordNote: admin.note, roles: ['admin'], org: byCode.get('zj')!.name }];
  // One hash for the shared demo password: argon2 costs ~0.3 s a hash by design, and these
  // accounts' password is printed anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const windowId = u.roles.some((r) => AT_WINDOW.includes(r)) ? windowOf.get(u.org) : undefined;
    await createUser(db, { username: u.username, name: u.name, password: DEMO_PASSWORD, passwordHash, orgId: u.org, roles: u.roles, windowId });
    signIns.push({ username: u.username, passwordNote: '演示密码（见 README.md）', roles: u.roles, org: byCode.get(u.org)!.name });
  }
  return { created: true, orgs: [...byCode.values()], signIns };
}
