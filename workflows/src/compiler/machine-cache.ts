// Compiled machines per caller key (the core keys by item code and version, which are immutable
// once published), so a case event never pays for compiling.
import type { Procedure } from '@bianmin/contract';
import type { CompiledProcedure } from './compile.ts';
import { compileProcedure } from './compile.ts';
import type { PluginImplementations } from '../library/implementations.ts';

export interface MachineCache {
  /** The cached machine for `key`, compiling `procedure` the first time. */
  get(key: string, procedure: Procedure, plugins?: PluginImplementations): CompiledProcedure;
  delete(key: string): boolean;
  clear(): void;
  readonly size: number;
}

export function createMachineCache(): MachineCache {
  const compiled = new Map<string, CompiledProcedure>();
  return {
    get(key, procedure, plugins) {
      let entry = compiled.get(key);
      if (entry === undefined) {
        entry = compileProcedure(procedure, plugins);
        compiled.set(key, entry);
      }
      return entry;
    },
    delete: (key) => compiled.delete(key),
    clear: () => compiled.clear(),
    get size() {
      return compiled.size;
    },
  };
}
