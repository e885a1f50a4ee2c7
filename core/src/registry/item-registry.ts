// One registry of immutable (itemCode, version) definitions, fed by plugins and by the database
// (items composed by administrators). Registering the same content twice is a no-op; different
// content under a registered version is refused; versions coexist.
import semver from 'semver';
import type { ItemDefinition, PluginCode } from '@bianmin/contract';
import { definitionHash } from './definition-hash.ts';

export interface RegisteredItem {
  definition: ItemDefinition;
  /** `plugin:<package>@<version>` or `admin`. */
  source: string;
  hash: string;
  /** Actions, guards and validators of the plugin the item came from. */
  code: PluginCode;
}

export type RegisterOutcome = { status: 'added' | 'unchanged' } | { status: 'conflict'; existingSource: string };

export class ItemRegistry {
  private readonly items = new Map<string, Map<string, RegisteredItem>>();

  /** `hash`: the definition's definitionHash, when the caller has computed it already. */
  register(definition: ItemDefinition, source: string, code: PluginCode = {}, hash = definitionHash(definition)): RegisterOutcome {
    const versions = this.items.get(definition.code) ?? new Map<string, RegisteredItem>();
    const existing = versions.get(definition.version);
    if (existing) return existing.hash === hash ? { status: 'unchanged' } : { status: 'conflict', existingSource: existing.source };
    versions.set(definition.version, { definition, source, hash, code });
    this.items.set(definition.code, versions);
    return { status: 'added' };
  }

  /** The given version, or the newest. */
  get(code: string, version?: string): RegisteredItem | undefined {
    const versions = this.items.get(code);
    if (!versions) return undefined;
    if (version) return versions.get(version);
    return versions.get(this.versions(code).at(-1)!);
  }

  /** Versions of an item, oldest first. */
  versions(code: string): string[] {
    return [...(this.items.get(code)?.keys() ?? [])].sort(semver.compare);
  }

  /** The newest version of every item. */
  list(): RegisteredItem[] {
    return [...this.items.keys()].sort().map((code) => this.get(code)!);
  }

  has(code: string): boolean {
    return this.items.has(code);
  }

  codes(): Set<string> {
    return new Set(this.items.keys());
  }
}
