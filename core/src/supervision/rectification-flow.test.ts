// The 差评整改 work order's state table, event by event: what each state takes, what each event
// needs and where it leads — the rules the API's 409s and 400s come from.
import { describe, expect, it } from 'vitest';
import { eventsInState, transition, UNREACHED_CALLS_TO_CLOSE, type RectificationState } from './rectification-flow.ts';

const state = (over: Partial<RectificationState> = {}): RectificationState => ({
  status: 'open', justified: null, realName: true, followUps: 0, reached: null, appealReason: null, appealFrom: null, ...over,
});

describe('rectification flow', () => {
  it('takes assignment and an appeal when opened, and nothing but the appeal decision while appealed', () => {
    expect(eventsInState(state())).toEqual(['ASSIGN', 'APPEAL']);
    expect(eventsInState(state({ status: 'appealed', appealReason: 'x', appealFrom: 'assigned' }))).toEqual(['DECIDE_APPEAL']);
    expect(eventsInState(state({ status: 'closed' }))).toEqual([]);
    expect(eventsInState(state({ status: 'annulled' }))).toEqual([]);
  });

  it('rectifies a justified complaint and explains one without legal ground', () => {
    expect(eventsInState(state({ status: 'verified', justified: true }))).toContain('RECTIFY');
    expect(eventsInState(state({ status: 'verified', justified: true }))).not.toContain('EXPLAIN');
    expect(eventsInState(state({ status: 'verified', justified: false }))).toContain('EXPLAIN');
    expect(eventsInState(state({ status: 'verified', justified: false }))).not.toContain('RECTIFY');
  });

  it('closes a real-name order only after a reached call-back, or after repeated unanswered calls', () => {
    expect(eventsInState(state({ status: 'rectified', justified: true }))).not.toContain('CLOSE');
    expect(eventsInState(state({ status: 'rectified', justified: true, followUps: UNREACHED_CALLS_TO_CLOSE, reached: false }))).toContain('CLOSE');
    expect(eventsInState(state({ status: 'followed-up', reached: true }))).toContain('CLOSE');
    // An anonymous evaluator cannot be called back: the order closes after the work.
    expect(eventsInState(state({ status: 'explained', realName: false }))).toEqual(['ASSIGN', 'CLOSE', 'APPEAL']);
  });

  it('sends a dissatisfied call-back back to be rectified again, and an unanswered one nowhere', () => {
    const rectified = state({ status: 'rectified', justified: true });
    expect(transition(rectified, 'FOLLOW_UP', { reached: true, satisfied: false }).transition).toMatchObject({ status: 'verified', changes: { followUps: 1 } });
    expect(transition(rectified, 'FOLLOW_UP', { reached: false }).transition).toMatchObject({ status: 'rectified', changes: { followUps: 1, reached: false } });
    expect(transition(rectified, 'FOLLOW_UP', { reached: true, satisfied: true }).transition!.status).toBe('followed-up');
  });

  it('names every missing or malformed field with its pointer', () => {
    expect(transition(state({ status: 'assigned' }), 'VERIFY', { finding: ' ' }).problems).toEqual([
      { pointer: '/payload/justified', message: '请选择差评是否属实' },
      { pointer: '/payload/finding', message: '请填写核实情况' },
    ]);
    expect(transition(state(), 'ASSIGN', {}).problems[0]!.pointer).toBe('/payload/userId');
    expect(transition(state({ status: 'rectified' }), 'FOLLOW_UP', { reached: true }).problems[0]!.pointer).toBe('/payload/satisfied');
    expect(transition(state(), 'APPEAL', { reason: 'x'.repeat(2001) }).problems[0]!.message).toContain('2000');
  });

  it('returns an appeal not upheld to where it was, and annuls one upheld', () => {
    const appealed = state({ status: 'appealed', appealReason: '恶意差评', appealFrom: 'verified' });
    expect(transition(appealed, 'DECIDE_APPEAL', { upheld: false, note: '不成立' }).transition).toMatchObject({ status: 'verified', changes: { appealFrom: null } });
    expect(transition(appealed, 'DECIDE_APPEAL', { upheld: true, note: '成立' }).transition).toMatchObject({ status: 'annulled', changes: { closed: true } });
    expect(transition(state({ status: 'assigned' }), 'APPEAL', { reason: '恶意差评' }).transition).toMatchObject({ status: 'appealed', changes: { appealFrom: 'assigned' } });
  });
});
