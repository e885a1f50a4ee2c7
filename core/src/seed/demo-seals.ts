// The demo county's seals: each centre's and station's business seal (业务专用章), the towns' and the
// county's official seals and the county's approval seal (一枚印章管审批). Keys are local test keys.
import type { Knex } from 'knex';
import { createSeal } from '../seals/index.ts';
import type { Organisation } from '../org/index.ts';

export async function seedDemoSeals(db: Knex, orgs: Organisation[], now: Date): Promise<void> {
  const at = now.toISOString();
  for (const org of orgs) {
    if (org.level === 'village') {
      const village = org.name.replace(/便民服务站$/, '');
      await createSeal(db, { orgId: org.id, code: `${org.code}-business`, name: `${village}党建+邻里中心`, kind: 'business', purpose: '业务专用章' }, at);
      continue;
    }
    await createSeal(db, { orgId: org.id, code: `${org.code}-business`, name: org.name, kind: 'business', purpose: '业务专用章' }, at);
    const government = org.level === 'county' ? '诸暨市人民政府' : org.name.replace(/便民服务中心$/, '人民政府');
    await createSeal(db, { orgId: org.id, code: `${org.code}-official`, name: government, kind: 'official' }, at);
  }
  const county = orgs.find((o) => o.level === 'county');
  if (county) {
    await createSeal(db, { orgId: county.id, code: `${county.code}-approval`, name: '诸暨市行政审批服务局', kind: 'approval', purpose: '审批专用章', serial: '3306810000001' }, at);
  }
}
