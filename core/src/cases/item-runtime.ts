// Per item version, compiled once and kept: the procedure's machine and the form's validator.
// Item versions are immutable, so the cache never needs invalidating. Machines are kept per plugin
// and per procedure content: items whose procedures are written alike share one, the loader's check
// leaves the checked config here and the machine is built when the first case needs it.
import { createFormValidator, type FormValidator } from '@bianmin/forms';
import {
  buildImplementations, buildMachine, checkProcedure, type CompiledProcedure, type Implementations, type MachineConfigJson,
} from '@bianmin/workflows';
import type { PluginCode, Procedure } from '@bianmin/contract';
import type { ErrorDetail } from '../errors/index.ts';
import type { RegisteredItem } from '../registry/index.ts';

interface PluginMachines {
  implementations: Implementations;
  /** By the procedure's JSON. */
  byContent: Map<string, { config: MachineConfigJson; compiled?: CompiledProcedure }>;
}

export class ItemRuntime {
  readonly #plugins = new WeakMap<PluginCode, PluginMachines>();
  readonly forms: FormValidator;

  constructor(forms: FormValidator = createFormValidator({ logger: false })) {
    this.forms = forms;
  }

  procedure(entry: RegisteredItem): CompiledProcedure {
    const { implementations, entry: cached } = this.#checked(entry.definition.procedure, entry.code);
    cached.compiled ??= { config: cached.config, machine: buildMachine(cached.config, implementations) };
    return cached.compiled;
  }

  /** The static check of a procedure (MachineCheckError when it fails), remembered for its first case. */
  checkProcedure(procedure: Procedure, code: PluginCode): MachineConfigJson {
    return this.#checked(procedure, code).entry.config;
  }

  #checked(procedure: Procedure, code: PluginCode) {
    let plugin = this.#plugins.get(code);
    if (!plugin) {
      plugin = { implementations: buildImplementations({ pluginActions: code.actions, pluginGuards: code.guards }), byContent: new Map() };
      this.#plugins.set(code, plugin);
    }
    const key = JSON.stringify(procedure);
    let entry = plugin.byContent.get(key);
    if (!entry) {
      entry = { config: checkProcedure(procedure, plugin.implementations) };
      plugin.byContent.set(key, entry);
    }
    return { implementations: plugin.implementations, entry };
  }

  /** Form problems located under /data, ages judged on `on` (the day the case is received). */
  validateData(entry: RegisteredItem, data: unknown, on: Date): ErrorDetail[] {
    const validate = this.forms.compileForm(entry.definition.form.schema);
    const problems = validate(data, { on }).map((e) => ({ pointer: `/data${e.pointer}`, message: e.message }));
    if (problems.length > 0 || !data || typeof data !== 'object') return problems;
    for (const name of entry.definition.validators ?? []) {
      const check = entry.code.validators?.[name];
      for (const issue of check?.(data as Record<string, unknown>, { now: on }) ?? []) {
        problems.push({ pointer: `/data${issue.pointer}`, message: issue.message });
      }
    }
    return problems;
  }
}
