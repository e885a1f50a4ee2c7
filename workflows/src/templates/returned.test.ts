import { describe, expect, it } from 'vitest';
import { approver, clerk, driveCase } from '../../test/case-driver.ts';

describe('returned 退办件', () => {
  it('can only be refused, referred, corrected or withdrawn from received', () => {
    const c = driveCase({ kind: 'returned' });
    expect(c.actions(clerk).sort()).toEqual(['REFER', 'REFUSE', 'REQUEST_CORRECTION', 'WITHDRAW']);
    expect(c.send('ACCEPT', clerk).accepted).toBe(false);
  });

  it('refers by default to procedure.referral, hands back the materials and closes on the second signature', () => {
    const c = driveCase({ kind: 'returned', referral: { to: '诸暨市不动产登记中心', phone: '0575-1234' } });
    expect(c.send('REFER', clerk, { reason: '不属于本中心办理范围' }).stateValue).toBe('returned.handingBack');
    expect(c.snapshot.context).toMatchObject({ referredTo: '诸暨市不动产登记中心', outcome: 'referred' });
    expect(c.send('CONFIRM_RECEIPT', clerk).accepted).toBe(false); // materials not handed back yet
    expect(c.send('RETURN_MATERIALS', clerk).stateValue).toBe('returned.signingOff');
    expect(c.send('CONFIRM_RECEIPT', clerk).stateValue).toBe('returned.closed');
    expect(c.documents).toEqual(['referral-notice', 'materials-returned']);
    expect(c.snapshot.context.signatures).toHaveLength(2);
    expect(c.actions(clerk)).toEqual([]);
  });

  it('needs an organ to refer to when the item declares none', () => {
    const c = driveCase({ kind: 'returned' });
    expect(c.send('REFER', clerk, { reason: '不属于本中心' }).accepted).toBe(false);
    c.send('REFER', clerk, { to: '县公安局', reason: '不属于本中心' });
    expect(c.snapshot.context.referredTo).toBe('县公安局');
  });
});

describe('refusal 不予受理, common to every kind', () => {
  it('refuses with a reason from received, in every kind', () => {
    for (const kind of ['immediate', 'promised', 'reported', 'returned'] as const) {
      const c = driveCase({ kind });
      expect(c.send('REFUSE', clerk).accepted).toBe(false);
      expect(c.send('REFUSE', clerk, { reason: '   ' }).accepted).toBe(false);
      expect(c.send('REFUSE', approver, { reason: '不符合受理条件' }).accepted).toBe(false);
      expect(c.send('REFUSE', clerk, { reason: '不符合受理条件' }).stateValue).toBe('returned.handingBack');
      expect(c.documents).toEqual(['refusal-decision']);
      expect(c.snapshot.context).toMatchObject({ outcome: 'refused', note: '不符合受理条件' });
    }
  });

  it('stops the clock an immediate case started at reception', () => {
    const c = driveCase({ kind: 'immediate' });
    c.send('REFUSE', clerk, { reason: '非本辖区' });
    expect(c.effects.filter((e) => e.type === 'clock').map((e) => e.type === 'clock' && e.op)).toEqual(['start', 'stop']);
  });
});
