import { describe, expect, it } from 'vitest';
import { approver, clerk, clockOps, driveCase, supervisor } from '../../test/case-driver.ts';

describe('immediate 即办件', () => {
  it('runs received → accepted → approved → delivering → concluded with its documents', () => {
    const c = driveCase({ kind: 'immediate' });
    expect(c.state).toBe('received');
    expect(clockOps(c.effects)).toEqual(['start']); // the same-visit target counts from reception

    expect(c.send('ACCEPT', clerk).stateValue).toBe('accepted');
    expect(c.send('APPROVE', clerk, { opinion: '符合条件' }).stateValue).toBe('approved');
    expect(c.send('SEAL', clerk).stateValue).toBe('delivering');
    expect(c.send('DELIVER', clerk, { mode: 'window' }).stateValue).toBe('concluded');

    expect(c.documents).toEqual(['acceptance-receipt', 'result', 'delivery-receipt']);
    expect(clockOps(c.effects)).toEqual(['start', 'stop']);
    expect(c.snapshot.context.outcome).toBe('approved');
    expect(c.snapshot.context.note).toBe('符合条件');
    expect(c.snapshot.context.signatures.map((s) => s.role)).toEqual(['clerk', 'approver']);
    expect(c.actions(clerk)).toEqual([]);
  });

  it('denies with a reason and seals the decision', () => {
    const c = driveCase({ kind: 'immediate' });
    c.send('ACCEPT', clerk);
    expect(c.send('DENY', approver).accepted).toBe(false); // no reason
    expect(c.send('DENY', approver, { reason: '不符合条件' }).stateValue).toBe('denied');
    c.send('SEAL', approver);
    expect(c.documents).toEqual(['acceptance-receipt', 'decision']);
    expect(c.snapshot.context.outcome).toBe('denied');
  });

  it('lets the approver decide but not receive, and a supervisor do neither', () => {
    const c = driveCase({ kind: 'immediate' });
    expect(c.send('ACCEPT', approver).accepted).toBe(false);
    expect(c.send('ACCEPT', supervisor).accepted).toBe(false);
    expect(c.send('ACCEPT').accepted).toBe(false); // no user at all
    c.send('ACCEPT', clerk);
    expect(c.actions(approver).sort()).toEqual(['APPROVE', 'DENY']);
    expect(c.actions(supervisor)).toEqual([]);
  });
});
