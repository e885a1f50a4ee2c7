import { describe, expect, it } from 'vitest';
import { agent, approver, clerk, clockOps, driveCase, supervisor } from '../../test/case-driver.ts';

describe('correction 补齐补正, common to every kind', () => {
  it('pauses a running clock while the applicant corrects and resumes it on supplement', () => {
    const c = driveCase({ kind: 'immediate' }, { missing: ['idCard'] });
    expect(c.send('ACCEPT', clerk).accepted).toBe(false); // a required material is missing
    expect(c.actions(clerk)).not.toContain('ACCEPT');

    expect(c.send('REQUEST_CORRECTION', clerk, { missing: [] }).accepted).toBe(false);
    expect(c.send('REQUEST_CORRECTION', clerk, { missing: ['idCard', 'photo'], note: '照片需近期' }).stateValue)
      .toBe('correcting');
    expect(c.snapshot.context.missing).toEqual(['idCard', 'photo']);
    expect(c.documents).toEqual(['one-time-notice']);
    expect(c.effects).toContainEqual({ type: 'notify', template: 'correction-requested', to: 'applicant' });

    expect(c.send('SUPPLEMENT', clerk, { provided: ['photo'] }).stateValue).toBe('received');
    expect(c.snapshot.context.missing).toEqual(['idCard']);
    expect(clockOps(c.effects)).toEqual(['start', 'pause', 'resume']);
    expect(c.send('ACCEPT', clerk).accepted).toBe(false);

    c.send('REQUEST_CORRECTION', clerk, { missing: ['idCard'] });
    expect(c.send('SUPPLEMENT', agent).stateValue).toBe('received'); // no list: everything asked for arrived
    expect(c.snapshot.context.missing).toEqual([]);
    expect(c.send('ACCEPT', clerk).stateValue).toBe('accepted');
  });

  it('asks nothing of a clock that has not started (promised: the clock starts at acceptance)', () => {
    const c = driveCase({ kind: 'promised' });
    c.send('REQUEST_CORRECTION', clerk, { missing: ['idCard'] });
    c.send('SUPPLEMENT', clerk, { provided: ['idCard'] });
    expect(clockOps(c.effects)).toEqual([]);
    c.send('ACCEPT', clerk);
    expect(clockOps(c.effects)).toEqual(['start']);
  });

  it('treats an expired correction as withdrawn, sent by the sweeper only', () => {
    const c = driveCase({ kind: 'reported' });
    c.send('REQUEST_CORRECTION', clerk, { missing: ['idCard'] });
    expect(c.actions(clerk)).not.toContain('CORRECTION_EXPIRED');
    expect(c.send('CORRECTION_EXPIRED', clerk).accepted).toBe(false);
    expect(c.send('CORRECTION_EXPIRED').stateValue).toBe('withdrawn');
    expect(c.snapshot.context.outcome).toBe('withdrawn');
  });

  it('accepts with waivable materials still owed (容缺) and records them when they arrive', () => {
    const c = driveCase({ kind: 'promised' }, { missing: ['marriageCert'], waivable: ['marriageCert'] });
    expect(c.send('ACCEPT', clerk).stateValue).toBe('reviewing.review');
    expect(c.snapshot.context.missing).toEqual(['marriageCert']);
    expect(c.send('SUPPLEMENT', clerk).accepted).toBe(false); // after acceptance, say what arrived
    const result = c.send('SUPPLEMENT', clerk, { provided: ['marriageCert'] });
    expect(result).toMatchObject({ accepted: true, stateValue: 'reviewing.review', changed: true });
    expect(c.snapshot.context.missing).toEqual([]);
  });
});

describe('withdrawal 撤回', () => {
  it('is possible from every non-final state and stops the clock', () => {
    const reach: Array<[string, (c: ReturnType<typeof driveCase>) => void]> = [
      ['received', () => {}],
      ['correcting', (c) => c.send('REQUEST_CORRECTION', clerk, { missing: ['x'] })],
      ['reviewing.review', (c) => c.send('ACCEPT', clerk)],
      ['approved', (c) => { c.send('ACCEPT', clerk); c.send('APPROVE', approver); }],
      ['delivering', (c) => { c.send('ACCEPT', clerk); c.send('APPROVE', approver); c.send('SEAL', clerk); }],
      ['returned.handingBack', (c) => c.send('REFUSE', clerk, { reason: 'r' })],
    ];
    for (const [state, goThere] of reach) {
      const c = driveCase({ kind: 'promised' });
      goThere(c);
      expect(c.state).toBe(state);
      expect(c.send('WITHDRAW', supervisor).accepted).toBe(false);
      expect(c.send('WITHDRAW', agent, { reason: '申请人主动撤回' }).stateValue).toBe('withdrawn');
      expect(c.snapshot.context.outcome).toBe('withdrawn');
      expect(c.actions(clerk)).toEqual([]);
    }
  });

  it('stops a running clock once', () => {
    const c = driveCase({ kind: 'promised' });
    c.send('ACCEPT', clerk);
    c.send('WITHDRAW', clerk);
    expect(clockOps(c.effects)).toEqual(['start', 'stop']);
  });
});

describe('illegal events', () => {
  it('are not accepted and leave the case untouched', () => {
    const c = driveCase({ kind: 'immediate' });
    const before = c.snapshot;
    for (const type of ['APPROVE', 'SEAL', 'DELIVER', 'REPORT', 'DECIDE', 'RETURN_MATERIALS', 'NO_SUCH_EVENT']) {
      const result = c.send(type, clerk, { mode: 'window', approved: true });
      expect(result).toMatchObject({ accepted: false, stateValue: 'received', effects: [], changed: false });
      expect(result.snapshot).toBe(before);
    }
  });

  it('are not accepted once the case is concluded', () => {
    const c = driveCase({ kind: 'immediate' });
    c.send('ACCEPT', clerk);
    c.send('APPROVE', clerk);
    c.send('SEAL', clerk);
    c.send('DELIVER', clerk, { mode: 'window' });
    expect(c.send('WITHDRAW', clerk).accepted).toBe(false);
    expect(c.send('DELIVER', clerk, { mode: 'window' }).accepted).toBe(false);
  });
});
