// Per item version, compiled once and kept: the procedure's machine and the form's validator.
// Item versions are immutable, so the cache never needs invalidating.
import { createFormValidator, type FormValidator } from '@bianmin/forms';
import { compileProcedure, type CompiledProcedure } from '@bianmin/workflows';
import type { ErrorDetail } from '../errors/index.ts';
import type { RegisteredItem } from '../registry/index.ts';

export class ItemRuntime {
  readonly #machines = new WeakMap<RegisteredItem, CompiledProcedure>();
  readonly forms: FormValidator;

  constructor(forms: FormValidator = createFormValidator({ logger: false })) {
    this.forms = forms;
  }

  procedure(entry: RegisteredItem): CompiledProcedure {
    let compiled = this.#machines.get(entry);
    if (!compiled) {
      compiled = compileProcedure(entry.definition.procedure, { pluginActions: entry.code.actions, pluginGuards: entry.code.guards });
      this.#machines.set(entry, compiled);
    }
    return compiled;
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
