import { describe, expect, it } from 'vitest';
import type { MachineConfigJson } from '../config.ts';
import { buildImplementations } from '../library/implementations.ts';
import { templateFor } from '../templates/index.ts';
import { checkMachine } from './check-machine.ts';

const role = { type: 'hasRole', params: { roles: ['clerk'] } };

function small(): MachineConfigJson {
  return {
    id: 'case', initial: 'received',
    states: {
      received: { on: { ACCEPT: [{ target: 'accepted', guard: role, actions: [{ type: 'issueDocument', params: { kind: 'acceptance-receipt' } }] }] } },
      accepted: { on: { APPROVE: [{ target: 'concluded', guard: role }] } },
      concluded: { type: 'final' },
    },
  };
}

describe('checkMachine', () => {
  it('passes every template, with and without review steps', () => {
    for (const kind of ['immediate', 'promised', 'reported', 'returned'] as const) {
      expect(checkMachine(templateFor({ kind }))).toEqual([]);
    }
    expect(checkMachine(templateFor({
      kind: 'promised',
      reviewSteps: [{ id: 'first', name: '初审', role: 'clerk' }, { id: 'publicity', name: '公示', role: 'clerk', special: 'publicity', days: 7 }],
    }))).toEqual([]);
    expect(checkMachine(small())).toEqual([]);
  });

  it('names an unknown action, guard or param by its JSON pointer', () => {
    const config = small();
    config.states.received!.on!.ACCEPT![0]!.actions!.push({ type: 'sendFax' });
    config.states.received!.on!.ACCEPT![0]!.guard = { type: 'and', params: { guards: [role, { type: 'isFriday' }] } };
    config.states.accepted!.entry = [{ type: 'issueDocument', params: { kind: 'certificate' } }];
    expect(checkMachine(config)).toEqual([
      { pointer: '/states/received/on/ACCEPT/0/guard/params/guards/1', message: 'unknown guard "isFriday"' },
      { pointer: '/states/received/on/ACCEPT/0/actions/1', message: 'unknown action "sendFax"' },
      { pointer: '/states/accepted/entry/0/params', message: expect.stringMatching(/^issueDocument: param "kind" must be one of/) },
    ]);
  });

  it('knows plugin names only when given them', () => {
    const config = small();
    config.states.accepted!.on!.APPROVE![0]!.actions = [{ type: 'civil-affairs.recordSubsidy' }];
    expect(checkMachine(config)).toEqual([
      { pointer: '/states/accepted/on/APPROVE/0/actions/0', message: 'unknown action "civil-affairs.recordSubsidy"' },
    ]);
    const withPlugin = buildImplementations({ pluginActions: { 'civil-affairs.recordSubsidy': () => ({}) } });
    expect(checkMachine(config, withPlugin)).toEqual([]);
  });

  it('finds an unknown target, an unreachable state and a dead end', () => {
    const config = small();
    config.states.orphan = { on: { GO: [{ target: 'concluded', guard: role }] } };
    config.states.accepted!.on!.PARK = [{ target: 'parked', guard: role }];
    config.states.parked = { on: { POKE: [{ target: 'parked', guard: role }] } };
    config.states.received!.on!.LOST = [{ target: 'nowhere', guard: role }];
    expect(checkMachine(config)).toEqual([
      { pointer: '/states/received/on/LOST/0/target', message: 'unknown target state "nowhere"' },
      { pointer: '/states/orphan', message: 'state "orphan" cannot be reached from the initial state' },
      { pointer: '/states/parked', message: 'no final state can be reached from "parked"' },
    ]);
  });

  it('requires a role on every transition out of a review step', () => {
    const config = templateFor({ kind: 'promised' });
    delete config.states.reviewing!.states!.review!.on!.DENY![0]!.guard;
    expect(checkMachine(config)).toEqual([
      { pointer: '/states/reviewing/states/review/on/DENY/0', message: expect.stringMatching(/needs a hasRole guard/) },
    ]);
  });

  it('refuses timers, invoked actors and parallel states, and malformed parts', () => {
    const issues = checkMachine({
      id: 'case', initial: 'a',
      states: {
        a: { after: { 1000: 'b' }, on: { GO: 42 } },
        b: { type: 'parallel', states: { x: {}, y: {} } },
        c: { invoke: { src: 'fetch' } },
      },
    });
    expect(issues.map((i) => i.pointer)).toEqual(expect.arrayContaining([
      '/states/a/after', '/states/a/on/GO', '/states/b/type', '/states/b/initial', '/states/c/invoke',
    ]));
    expect(checkMachine('not a machine')).toEqual([{ pointer: '', message: 'a machine config must be an object' }]);
  });

  it('resolves #id, .child and sibling targets as xstate does', () => {
    const config: MachineConfigJson = {
      id: 'case', initial: 'a',
      states: {
        a: { initial: 'a1', states: { a1: { on: { N: [{ target: 'a2' }] } }, a2: { on: { N: [{ target: '#case.b' }] } } } },
        b: { on: { N: [{ target: 'c' }], M: [{ target: 'c.c2' }] } },
        c: { initial: 'c1', on: { IN: [{ target: '.c2' }] }, states: { c1: {}, c2: { type: 'final' } } },
      },
    };
    expect(checkMachine(config)).toEqual([]);
  });
});

describe('checkMachine target resolution', () => {
  it('does not resolve a bare sibling name from a nested state to a state elsewhere', () => {
    const config: MachineConfigJson = {
      id: 'case', initial: 'a',
      states: {
        a: { initial: 'a1', states: { a1: { on: { N: [{ target: 'b' }] } } } },
        b: { type: 'final' },
      },
    };
    expect(checkMachine(config)).toEqual([
      { pointer: '/states/a/states/a1/on/N/0/target', message: 'unknown target state "b"' },
      { pointer: '/states/b', message: 'state "b" cannot be reached from the initial state' },
      { pointer: '/states/a/states/a1', message: 'no final state can be reached from "a.a1"' },
    ]);
  });
});
