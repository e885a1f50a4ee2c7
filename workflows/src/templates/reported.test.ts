import { describe, expect, it } from 'vitest';
import type { Procedure } from '@bianmin/contract';
import type { CaseInput } from '../context.ts';
import { driveCase, user } from '../../test/case-driver.ts';

const toCounty: Procedure = { kind: 'reported', promisedDays: 10, decidingLevel: 'county' };

const fromVillage: Partial<CaseInput> = {
  receivingOrgId: 'shangyuan',
  receivingLevel: 'village',
  parentOrgs: [{ id: 'wuxie', level: 'township' }, { id: 'zhuji', level: 'county' }],
};

const villageAgent = user('agent', 'shangyuan', 'village');
const villageApprover = user('approver', 'shangyuan', 'village');
const townshipClerk = user('clerk', 'wuxie', 'township');
const townshipApprover = user('approver', 'wuxie', 'township');
const countyApprover = user('approver', 'zhuji', 'county');
const countyClerk = user('clerk', 'zhuji', 'county');

describe('reported 上报件', () => {
  it('climbs village → township → county one REPORT at a time, is decided and sealed there, and comes back', () => {
    const c = driveCase(toCounty, fromVillage);
    c.send('ACCEPT', villageAgent);
    expect(c.state).toBe('accepted');
    expect(c.actions(villageAgent)).toContain('REPORT');

    expect(c.send('REPORT', villageAgent).stateValue).toBe('reported');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'wuxie', currentLevel: 'township' });
    expect(c.send('DECIDE', townshipApprover, { approved: true }).accepted).toBe(false); // not the deciding level
    expect(c.send('REPORT', villageAgent).accepted).toBe(false); // the case is no longer in the village's queue

    expect(c.send('REPORT', townshipClerk).stateValue).toBe('reported');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'zhuji', currentLevel: 'county' });
    expect(c.send('REPORT', countyClerk).accepted).toBe(false); // nothing above the deciding level
    expect(c.send('DECIDE', villageApprover, { approved: true }).accepted).toBe(false); // wrong organisation
    expect(c.actions(countyApprover).sort()).toEqual(['DECIDE', 'RETURN_FOR_SUPPLEMENT']);

    expect(c.send('DECIDE', countyApprover, { approved: true, opinion: '同意' }).stateValue).toBe('approved');
    expect(c.send('SEAL', villageAgent).accepted).toBe(false); // sealed by the deciding level
    expect(c.send('SEAL', countyApprover).stateValue).toBe('delivering');
    expect(c.snapshot.context).toMatchObject({ currentOrgId: 'shangyuan', currentLevel: 'village' });

    expect(c.send('DELIVER', villageAgent, { mode: 'door', deliveredBy: '代办员' }).stateValue).toBe('concluded');
    expect(c.effects.filter((e) => e.type === 'route')).toEqual([
      { type: 'route', to: 'parent' }, { type: 'route', to: 'parent' }, { type: 'route', to: 'receiving' },
    ]);
    expect(c.documents).toEqual(['acceptance-receipt', 'result', 'delivery-receipt']);
    expect(c.snapshot.context.signatures.map((s) => [s.role, s.userId])).toEqual([
      ['clerk', 'agent@shangyuan'], ['approver', 'approver@zhuji'],
    ]);
  });

  it('is denied when DECIDE says approved: false, and needs the approved field', () => {
    const c = driveCase({ kind: 'reported', decidingLevel: 'township' }, fromVillage);
    c.send('ACCEPT', villageAgent);
    c.send('REPORT', villageAgent);
    expect(c.send('DECIDE', townshipApprover, { opinion: '?' }).accepted).toBe(false);
    expect(c.send('DECIDE', townshipApprover, { approved: false, opinion: '不符合条件' }).stateValue).toBe('denied');
    c.send('SEAL', townshipApprover);
    expect(c.documents).toEqual(['acceptance-receipt', 'decision']);
  });

  it('refuses REPORT when the core gave no parent organisation', () => {
    const c = driveCase(toCounty, { receivingOrgId: 'shangyuan', receivingLevel: 'village' });
    c.send('ACCEPT', villageAgent);
    expect(c.actions(villageAgent)).not.toContain('REPORT');
    expect(c.send('REPORT', villageAgent).accepted).toBe(false);
  });

  it('is decided from accepted when received at the deciding level itself', () => {
    const c = driveCase({ kind: 'reported', decidingLevel: 'township' });
    c.send('ACCEPT', townshipClerk);
    expect(c.send('REPORT', townshipClerk).accepted).toBe(false);
    expect(c.send('DECIDE', townshipApprover, { approved: true }).stateValue).toBe('approved');
  });

  it('decides at the township when no deciding level is declared', () => {
    const c = driveCase({ kind: 'reported' }, fromVillage);
    c.send('ACCEPT', villageAgent);
    c.send('REPORT', villageAgent);
    expect(c.send('REPORT', townshipClerk).accepted).toBe(false);
    expect(c.send('DECIDE', townshipApprover, { approved: true }).stateValue).toBe('approved');
  });
});
