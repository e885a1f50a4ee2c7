// From an item's procedure to a runnable machine: the kind's template (or the admin's full
// `procedure.config`), statically checked, then built with the library and the plugins' code.
import type { Procedure, Problem } from '@bianmin/contract';
import type { MachineConfigJson } from '../config.ts';
import { checkMachine } from '../check/check-machine.ts';
import { templateFor } from '../templates/index.ts';
import type { CaseMachine } from './build-machine.ts';
import { buildMachine } from './build-machine.ts';
import type { PluginImplementations } from '../library/implementations.ts';
import { buildImplementations } from '../library/implementations.ts';

export interface CompiledProcedure {
  config: MachineConfigJson;
  machine: CaseMachine;
}

/** A config that failed the static check; `issues` carry JSON pointers into the config. */
export class MachineCheckError extends Error {
  constructor(readonly issues: Problem[]) {
    super(`the machine config has ${issues.length} problem(s): ${issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ')}`);
    this.name = 'MachineCheckError';
  }
}

export function compileProcedure(procedure: Procedure, plugins: PluginImplementations = {}): CompiledProcedure {
  const implementations = buildImplementations(plugins);
  const config: unknown = procedure.config ?? templateFor(procedure);
  const issues = checkMachine(config, implementations);
  if (issues.length > 0) throw new MachineCheckError(issues);
  const checked = config as MachineConfigJson;
  return { config: checked, machine: buildMachine(checked, implementations) };
}
