import { describe, expect, it } from 'vitest';
import type { ItemDefinition } from '@bianmin/contract';
import { ItemRegistry } from './item-registry.ts';

const item = (version: string, name = '高龄津贴申领') => ({ code: 'gaoling', version, name }) as unknown as ItemDefinition;

describe('item registry', () => {
  it('treats registering the same version with the same content as a no-op', () => {
    const r = new ItemRegistry();
    expect(r.register(item('1.0.0'), 'plugin:a@1').status).toBe('added');
    expect(r.register(item('1.0.0'), 'plugin:a@1').status).toBe('unchanged');
    expect(r.versions('gaoling')).toEqual(['1.0.0']);
  });

  it('refuses different content under a registered version', () => {
    const r = new ItemRegistry();
    r.register(item('1.0.0'), 'plugin:a@1');
    expect(r.register(item('1.0.0', '改过的名称'), 'admin')).toEqual({ status: 'conflict', existingSource: 'plugin:a@1' });
    expect(r.get('gaoling')!.definition.name).toBe('高龄津贴申领');
  });

  it('keeps versions side by side and serves the newest by semver', () => {
    const r = new ItemRegistry();
    for (const v of ['1.2.0', '1.10.0', '1.9.1']) r.register(item(v), 'admin');
    expect(r.versions('gaoling')).toEqual(['1.2.0', '1.9.1', '1.10.0']);
    expect(r.get('gaoling')!.definition.version).toBe('1.10.0');
    expect(r.get('gaoling', '1.2.0')!.definition.version).toBe('1.2.0');
    expect(r.get('missing')).toBeUndefined();
  });
});
