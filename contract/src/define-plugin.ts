import type { PluginManifest } from './manifest.generated.ts';
import type { PluginCode } from './runtime.ts';

/** A plugin written in TypeScript: its manifest and, optionally, its code, checked by the compiler. */
export type PluginDefinition = PluginManifest & PluginCode;

export function definePlugin<const T extends PluginDefinition>(plugin: T): T {
  return plugin;
}
