// From an item's procedure to a runnable machine: the kind's template (or the admin's full
// `procedure.config`), statically checked, then built with the library and the plugins' code.
// The check and the build are apart so a loader can check every item and build a machine only
// when the item's first case needs it.
import type { Procedure, Problem } from '@bianmin/contract';
import type { MachineConfigJson } from '../config.ts';
import { checkMachine } from '../check/check-machine.ts';
import { templateFor } from '../templates/index.ts';
import type { CaseMachine } from './build-machine.ts';
import { buildMachine } from './build-machine.ts';
import type { Implementations, PluginImplementations } from '../library/implementations.ts';
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

/** The checked config of `procedure`, or MachineCheckError. */
export function checkProcedure(procedure: Procedure, implementations: Implementations): MachineConfigJson {
  const config: unknown = procedure.config ?? templateFor(procedure);
  const issues = checkMachine(config, implementations);
  if (issues.length > 0) throw new MachineCheckError(issues);
  return config as MachineConfigJson;
}

export function compileProcedure(procedure: Procedure, plugins: PluginImplementations = {}): CompiledProcedure {
  const implementations = buildImplementations(plugins);
  const config = checkProcedure(procedure, implementations);
  return { config, machine: buildMachine(config, implementations) };
}
