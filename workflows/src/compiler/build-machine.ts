// Turns a JSON config and the named implementations into an xstate machine. The context comes
// from the case input, never from the config, so every case starts from what the core passes.
import { assign, setup } from 'xstate';
import type { MachineConfigJson } from '../config.ts';
import type { CaseInput, WorkflowContext, WorkflowEvent } from '../context.ts';
import { contextFromInput } from '../context.ts';
import type { Implementations } from '../library/implementations.ts';

function machineSetup(implementations: Implementations) {
  return setup({
    types: {
      context: {} as WorkflowContext,
      events: {} as WorkflowEvent,
      input: {} as CaseInput,
    },
    actions: Object.fromEntries(Object.entries(implementations.actions).map(([name, action]) => [
      name,
      assign<WorkflowContext, WorkflowEvent, Record<string, unknown> | undefined, WorkflowEvent, never>(
        ({ context, event }, params) => action.run({ context, event, params: params as never }),
      ),
    ])),
    guards: Object.fromEntries(Object.entries(implementations.guards).map(([name, guard]) => [
      name,
      ({ context, event }: { context: WorkflowContext; event: WorkflowEvent }, params: unknown) =>
        guard.check({ context, event, params: params as never }),
    ])),
  });
}

export type CaseMachine = ReturnType<ReturnType<typeof machineSetup>['createMachine']>;

export function buildMachine(config: MachineConfigJson, implementations: Implementations): CaseMachine {
  const { context: _ignored, ...rest } = config as MachineConfigJson & { context?: unknown };
  return machineSetup(implementations).createMachine({
    ...(rest as object),
    context: ({ input }: { input: CaseInput }) => contextFromInput(input),
  } as Parameters<ReturnType<typeof machineSetup>['createMachine']>[0]);
}
