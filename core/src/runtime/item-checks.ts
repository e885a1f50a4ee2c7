// Load-time checks of forms and procedures, shared by the server, the admin API and the CLI. Kept
// apart from the composition root so the CLI can check a plugin without loading the whole runtime.
import { compileProcedure, MachineCheckError } from '@bianmin/workflows';
import type { ItemRuntime } from '../cases/item-runtime.ts';
import type { ItemDefinition, PluginCode, Problem } from '@bianmin/contract';
import type { LoadContext } from '../plugin-loading/index.ts';

export function itemChecks(items: ItemRuntime): Pick<LoadContext, 'checkFormSchema' | 'checkProcedure'> {
  return {
    checkFormSchema: (schema: object): Problem[] => items.forms.checkSchemaCompiles(schema),
    checkProcedure: (item: ItemDefinition, code: PluginCode): Problem[] => {
      try {
        compileProcedure(item.procedure, { pluginActions: code.actions, pluginGuards: code.guards });
        return [];
      } catch (err) {
        if (err instanceof MachineCheckError) return err.issues.map((i) => ({ pointer: `${item.procedure.config ? '/config' : ''}${i.pointer}`, message: i.message }));
        return [{ pointer: '', message: (err as Error).message }];
      }
    },
  };
}

