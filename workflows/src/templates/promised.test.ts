import { describe, expect, it } from 'vitest';
import type { Procedure } from '@bianmin/contract';
import { agent, approver, clerk, clockOps, driveCase } from '../../test/case-driver.ts';

const twoSteps: Procedure = {
  kind: 'promised',
  promisedDays: 5,
  reviewSteps: [
    { id: 'firstReview', name: '初审', role: 'clerk' },
    { id: 'siteInspection', name: '现场勘查', role: 'agent', special: 'inspection' },
  ],
};

describe('promised 承诺件', () => {
  it('goes through the review steps in order, the clock paused during the special step', () => {
    const c = driveCase(twoSteps);
    expect(c.effects).toEqual([]);
    expect(c.send('ACCEPT', clerk).stateValue).toBe('reviewing.firstReview');
    expect(clockOps(c.effects)).toEqual(['start']);

    expect(c.send('APPROVE', agent).accepted).toBe(false); // not this step's role
    expect(c.send('APPROVE', clerk, { opinion: '材料齐全' }).stateValue).toBe('reviewing.siteInspection');
    expect(c.effects.at(-1)).toEqual({ type: 'clock', op: 'pause', reason: 'inspection' });

    expect(c.send('APPROVE', agent, { opinion: '现场属实' }).stateValue).toBe('approved');
    expect(c.effects.at(-1)).toEqual({ type: 'clock', op: 'resume', reason: 'inspection' });

    c.send('SEAL', approver);
    c.send('DELIVER', clerk, { mode: 'postal', trackingNumber: 'EMS1' });
    expect(c.state).toBe('concluded');
    expect(clockOps(c.effects)).toEqual(['start', 'pause', 'resume', 'stop']);
    expect(c.documents).toEqual(['acceptance-receipt', 'result', 'delivery-receipt']);
    // Only the last step's approval is the decision that signs: 最多签两次.
    expect(c.snapshot.context.signatures.map((s) => s.role)).toEqual(['clerk', 'approver']);
  });

  it('lets the approver act in any step and deny from any step with a reason', () => {
    const c = driveCase(twoSteps);
    c.send('ACCEPT', clerk);
    c.send('APPROVE', approver);
    expect(c.state).toBe('reviewing.siteInspection');
    expect(c.send('DENY', approver, { reason: '现场不符' }).stateValue).toBe('denied');
    expect(clockOps(c.effects)).toEqual(['start', 'pause', 'resume']);
    expect(c.snapshot.context.note).toBe('现场不符');
  });

  it('has one approver step "review" when no steps are declared', () => {
    const c = driveCase({ kind: 'promised' });
    expect(c.send('ACCEPT', agent).stateValue).toBe('reviewing.review');
    expect(c.actions(clerk)).not.toContain('APPROVE');
    expect(c.send('APPROVE', approver).stateValue).toBe('approved');
  });

  it('takes procedure.roles over the default roles', () => {
    const c = driveCase({ ...twoSteps, roles: { ACCEPT: ['agent'], APPROVE: ['supervisor'] } });
    expect(c.send('ACCEPT', clerk).accepted).toBe(false);
    expect(c.send('ACCEPT', agent).stateValue).toBe('reviewing.firstReview');
    // APPROVE: the step's role (clerk) and, instead of the approvers, the supervisors.
    expect(c.actions(approver).sort()).toEqual(['DENY', 'RETURN_FOR_SUPPLEMENT']);
    expect(c.send('APPROVE', { ...approver, roles: ['supervisor'] }).stateValue).toBe('reviewing.siteInspection');
  });
});
