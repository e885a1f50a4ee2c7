import { describe, expect, it } from 'vitest';
import type { Procedure } from '@bianmin/contract';
import type { CaseInput } from '../context.ts';
import { clockOps, driveCase, user } from '../../test/case-driver.ts';

// A village receives; the township's clerk does 初审, the village posts 公示 for 5 working days,
// the county's approver does 审核 (困难群众救助的常见链).
const chain: Procedure = {
  kind: 'promised',
  promisedDays: 20,
  reviewSteps: [
    { id: 'firstReview', name: '初审', role: 'clerk', level: 'township' },
    { id: 'publicity', name: '公示', role: 'clerk', level: 'township', special: 'publicity', days: 5 },
    { id: 'countyReview', name: '审核', role: 'approver', level: 'county' },
  ],
};

const fromVillage: Partial<CaseInput> = {
  receivingOrgId: 'shangyuan',
  receivingLevel: 'village',
  parentOrgs: [{ id: 'wuxie', level: 'township' }, { id: 'zhuji', level: 'county' }],
};
const villageAgent = user('agent', 'shangyuan', 'village');
const townshipClerk = user('clerk', 'wuxie', 'township');
const countyApprover = user('approver', 'zhuji', 'county');
const countyClerk = user('clerk', 'zhuji', 'county');
const system = undefined;

describe('review steps decided at named levels', () => {
  it('moves the case to the level of each step; only that organisation decides it; the county returns once, then approves', () => {
    const c = driveCase(chain, fromVillage);
    expect(c.send('ACCEPT', villageAgent).stateValue).toBe('reviewing.firstReview');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'wuxie', currentLevel: 'township' });
    expect(c.send('APPROVE', villageAgent, { opinion: '?' }).accepted).toBe(false); // the village does not decide 初审
    expect(c.actions(townshipClerk).sort()).toEqual(['APPROVE', 'DENY', 'RETURN_FOR_SUPPLEMENT', 'SUPPLEMENT', 'WITHDRAW']);

    expect(c.send('APPROVE', townshipClerk, { opinion: '初审同意' }).stateValue).toBe('reviewing.publicity');
    expect(c.effects.at(-1)).toEqual({ type: 'clock', op: 'pause', reason: 'publicity' });
    // The publicity period has not ended: no APPROVE, not even offered.
    expect(c.actions(townshipClerk)).not.toContain('APPROVE');
    expect(c.send('APPROVE', townshipClerk, { opinion: '公示无异议' }).accepted).toBe(false);
    expect(c.send('PUBLICITY_ENDED', townshipClerk).accepted).toBe(false); // only the sweeper sends it
    expect(c.send('PUBLICITY_ENDED', system).accepted).toBe(true);
    expect(c.send('APPROVE', townshipClerk, { opinion: '公示无异议' }).stateValue).toBe('reviewing.countyReview');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'zhuji', currentLevel: 'county' });

    // 退回补充 from the county: back to the step before it, at the township.
    expect(c.send('RETURN_FOR_SUPPLEMENT', countyApprover, {}).accepted).toBe(false); // a reason is required
    expect(c.send('RETURN_FOR_SUPPLEMENT', countyApprover, { reason: '补充家庭收入证明' }).stateValue).toBe('reviewing.publicity');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'wuxie' });
    // The period, once over, stays over: the township sends it up again at once.
    expect(c.send('APPROVE', townshipClerk, { opinion: '已补充' }).stateValue).toBe('reviewing.countyReview');

    expect(c.send('APPROVE', countyClerk, { opinion: '?' }).accepted).toBe(false); // the step's role is the approver
    expect(c.send('APPROVE', countyApprover, { opinion: '审核同意' }).stateValue).toBe('approved');
    expect(c.send('SEAL', villageAgent).accepted).toBe(false); // sealed where it was decided
    expect(c.send('SEAL', countyApprover).stateValue).toBe('delivering');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'shangyuan' });
    expect(c.send('DELIVER', villageAgent, { mode: 'window-pickup' }).stateValue).toBe('concluded');
    expect(c.effects.filter((e) => e.type === 'route')).toEqual([
      { type: 'route', to: 'level', level: 'township' },
      { type: 'route', to: 'level', level: 'county' },
      { type: 'route', to: 'level', level: 'township' },
      { type: 'route', to: 'level', level: 'county' },
      { type: 'route', to: 'receiving' },
    ]);
  });

  it('sends the case from the first step back to the applicant, the clock paused until the SUPPLEMENT', () => {
    const c = driveCase(chain, fromVillage);
    c.send('ACCEPT', villageAgent);
    expect(c.send('RETURN_FOR_SUPPLEMENT', townshipClerk, { reason: '缺村委会评议意见' }).stateValue).toBe('supplementing');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'shangyuan' });
    expect(clockOps(c.effects).slice(-1)).toEqual(['pause']);
    expect(c.effects).toContainEqual({ type: 'notify', template: 'supplement-requested', to: 'applicant' });
    expect(c.send('SUPPLEMENT', townshipClerk, {}).accepted).toBe(false); // at the receiving counter
    expect(c.send('SUPPLEMENT', villageAgent, { provided: [] }).stateValue).toBe('reviewing.firstReview');
    expect(clockOps(c.effects).slice(-1)).toEqual(['resume']);
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'wuxie' });
  });

  it('lets the county deny in its step; the decision is sealed there', () => {
    const c = driveCase({ ...chain, reviewSteps: [chain.reviewSteps![0]!, chain.reviewSteps![2]!] }, fromVillage);
    c.send('ACCEPT', villageAgent);
    c.send('APPROVE', townshipClerk, { opinion: '同意上报' });
    expect(c.send('DENY', countyApprover, { reason: '家庭收入超过标准' }).stateValue).toBe('denied');
    expect(c.send('SEAL', countyApprover).stateValue).toBe('delivering');
    expect(c.snapshot.context.currentOrgId).toBe('shangyuan');
  });
});

describe('a reported case on its way up', () => {
  const toCounty: Procedure = { kind: 'reported', promisedDays: 10, decidingLevel: 'county' };
  const townshipApprover = user('approver', 'wuxie', 'township');

  it('can be denied by the township in between, sealed there and routed back', () => {
    const c = driveCase(toCounty, fromVillage);
    c.send('ACCEPT', villageAgent);
    c.send('REPORT', villageAgent);
    expect(c.actions(townshipApprover).sort()).toEqual(['DENY', 'RETURN_FOR_SUPPLEMENT']);
    expect(c.actions(townshipClerk)).toContain('REPORT');
    expect(c.send('DENY', townshipApprover, {}).accepted).toBe(false);
    expect(c.send('DENY', townshipApprover, { reason: '不符合条件' }).stateValue).toBe('denied');
    expect(c.send('SEAL', townshipApprover).stateValue).toBe('delivering');
    expect(c.snapshot.context.currentOrgId).toBe('shangyuan');
  });

  it('can be sent back down a level at a time, and reported up again', () => {
    const c = driveCase(toCounty, fromVillage);
    c.send('ACCEPT', villageAgent);
    c.send('REPORT', villageAgent);
    c.send('REPORT', townshipClerk);
    expect(c.send('DENY', countyApprover, { reason: 'x' }).accepted).toBe(false); // the deciding level DECIDEs
    expect(c.send('RETURN_FOR_SUPPLEMENT', countyApprover, { reason: '补充评议记录' }).stateValue).toBe('reported');
    expect(c.snapshot.context.currentOrgId).toBe('wuxie');
    expect(c.send('RETURN_FOR_SUPPLEMENT', townshipClerk, { reason: '请村里补充' }).stateValue).toBe('accepted');
    expect(c.snapshot.context.currentOrgId).toBe('shangyuan');
    expect(c.send('REPORT', villageAgent).stateValue).toBe('reported');
  });
});
