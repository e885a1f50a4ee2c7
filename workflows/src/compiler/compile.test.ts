import { describe, expect, it } from 'vitest';
import type { Procedure } from '@bianmin/contract';
import type { MachineConfigJson } from '../config.ts';
import { driveCase, clerk } from '../../test/case-driver.ts';
import { templateFor } from '../templates/index.ts';
import { compileProcedure, MachineCheckError } from './compile.ts';
import { createMachineCache } from './machine-cache.ts';

describe('compileProcedure', () => {
  it('compiles the template of the procedure kind', () => {
    const { config, machine } = compileProcedure({ kind: 'immediate' });
    expect(config).toEqual(templateFor({ kind: 'immediate' }));
    expect(machine.events).toContain('ACCEPT');
    expect(JSON.parse(JSON.stringify(config))).toEqual(config); // plain JSON
  });

  it('uses procedure.config instead of the template, and checks it first', () => {
    const config: MachineConfigJson = {
      id: 'case', initial: 'received',
      states: {
        received: { on: { ACCEPT: [{ target: 'done', guard: { type: 'hasRole', params: { roles: ['clerk'] } } }] } },
        done: { type: 'final' },
      },
    };
    const c = driveCase({ kind: 'immediate', config });
    expect(c.send('ACCEPT', clerk).stateValue).toBe('done');

    const broken = { ...config, states: { ...config.states, stuck: {} } };
    expect(() => compileProcedure({ kind: 'immediate', config: broken })).toThrow(MachineCheckError);
    try {
      compileProcedure({ kind: 'immediate', config: broken });
    } catch (error) {
      expect((error as MachineCheckError).issues).toEqual([
        { pointer: '/states/stuck', message: 'state "stuck" cannot be reached from the initial state' },
      ]);
    }
  });

  it('adapts namespaced plugin actions and guards', () => {
    const procedure: Procedure = {
      kind: 'immediate',
      config: {
        id: 'case', initial: 'received',
        states: {
          received: {
            on: {
              ACCEPT: [{
                target: 'done',
                guard: { type: 'and', params: { guards: [{ type: 'civil.ageOver', params: { years: 80 } }, { type: 'hasRole', params: { roles: ['clerk'] } }] } },
                actions: [{ type: 'civil.grantSubsidy', params: { yuan: 100 } }],
              }],
            },
          },
          done: { type: 'final' },
        },
      },
    };
    const plugins = {
      pluginGuards: { 'civil.ageOver': ({ context, params }: { context: { data: Record<string, unknown> }; params?: Record<string, unknown> }) => Number(context.data.age) > Number(params?.years) },
      pluginActions: {
        'civil.grantSubsidy': ({ params }: { params?: Record<string, unknown> }) => ({
          set: { subsidy: params?.yuan },
          effects: [{ type: 'plugin' as const, name: 'civil.grantSubsidy', payload: { yuan: params?.yuan } }],
        }),
      },
    };
    const young = driveCase(procedure, { data: { age: 70 } }, plugins);
    expect(young.send('ACCEPT', clerk).accepted).toBe(false);
    const old = driveCase(procedure, { data: { age: 85 } }, plugins);
    expect(old.send('ACCEPT', clerk).effects).toEqual([{ type: 'plugin', name: 'civil.grantSubsidy', payload: { yuan: 100 } }]);
    expect(old.snapshot.context.vars).toEqual({ subsidy: 100 });
  });

  it('refuses plugin names without a namespace (they could shadow the library)', () => {
    expect(() => compileProcedure({ kind: 'immediate' }, { pluginActions: { sign: () => ({}) } })).toThrow(/namespaced/);
  });
});

describe('createMachineCache', () => {
  it('compiles once per key', () => {
    const cache = createMachineCache();
    const first = cache.get('demo@1.0.0', { kind: 'promised' });
    expect(cache.get('demo@1.0.0', { kind: 'immediate' })).toBe(first);
    expect(cache.get('demo@1.1.0', { kind: 'immediate' })).not.toBe(first);
    expect(cache.size).toBe(2);
    expect(cache.delete('demo@1.0.0')).toBe(true);
    expect(cache.get('demo@1.0.0', { kind: 'immediate' }).config.description).toBe('immediate 即办件');
  });
});
