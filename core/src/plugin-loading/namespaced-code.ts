import type { PluginCode } from '@bianmin/contract';

/**
 * A plugin's actions, guards and validators keyed by their full `namespace.name`, as machines and
 * manifests reference them. Names already carrying a namespace are kept as written.
 */
export function namespacedCode(namespace: string | undefined, code: PluginCode): PluginCode {
  const prefix = <T>(entries: Record<string, T> | undefined): Record<string, T> | undefined =>
    entries && Object.fromEntries(Object.entries(entries).map(([name, fn]) => [name.includes('.') || !namespace ? name : `${namespace}.${name}`, fn]));
  return { actions: prefix(code.actions), guards: prefix(code.guards), validators: prefix(code.validators) };
}
