// Load-time checks of forms and procedures, shared by the server, the admin API and the CLI. Kept
// apart from the composition root so the CLI can check a plugin without loading the whole runtime.
import { MachineCheckError } from '@bianmin/workflows';
import type { ItemRuntime } from '../cases/item-runtime.ts';
import type { ItemDefinition, PluginCode, Problem } from '@bianmin/contract';
import type { LoadContext } from '../plugin-loading/index.ts';

export interface ItemCheckOptions {
  /**
   * Compile each form (the CLI's and the composer's thorough check of one author's items). The
   * server's loader checks forms without compiling them and compiles each when first used:
   * compilation was most of a catalogue's start-up (bench/RESULTS.md, "loading 1,000 items").
   */
  compileForms?: boolean;
}

export function itemChecks(items: ItemRuntime, options: ItemCheckOptions = {}): Pick<LoadContext, 'checkFormSchema' | 'checkProcedure'> {
  return {
    checkFormSchema: (schema: object): Problem[] => (options.compileForms ? items.forms.checkSchemaCompiles(schema) : items.forms.checkSchema(schema)),
    checkProcedure: (item: ItemDefinition, code: PluginCode): Problem[] => {
      try {
        // The config checked here is the one the item's first case builds its machine from (ItemRuntime keeps it).
        items.checkProcedure(item.procedure, code);
        return [];
      } catch (err) {
        if (err instanceof MachineCheckError) return err.issues.map((i) => ({ pointer: `${item.procedure.config ? '/config' : ''}${i.pointer}`, message: i.message }));
        return [{ pointer: '', message: (err as Error).message }];
      }
    },
  };
}
