import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { definitionHash } from './definition-hash.ts';

/** The first implementation, whose output every stored hash was computed from. */
function originalCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(originalCanonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${originalCanonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
const original = (value: unknown) => createHash('sha256').update(originalCanonicalJson(value)).digest('hex');

describe('definitionHash', () => {
  it('ignores key order and undefined members', () => {
    expect(definitionHash({ b: 1, a: [1, { d: null, c: '中' }], u: undefined })).toBe(definitionHash({ a: [1, { c: '中', d: null }], b: 1 }));
    expect(definitionHash({ a: 1 })).not.toBe(definitionHash({ a: 2 }));
  });

  it('gives every shipped item the hash the first implementation gave it (stored hashes stay valid)', () => {
    const files = execFileSync('git', ['ls-files', 'plugins/*/items/*/item.json'], { encoding: 'utf8' }).trim().split('\n');
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const item = JSON.parse(readFileSync(file, 'utf8'));
      expect(definitionHash(item), file).toBe(original(item));
    }
    const odd = { 'é': 1, 'Z': [undefined, 'x', { '': true }], '\u2028': 'a"b', n: -0.5 };
    expect(definitionHash(odd)).toBe(original(odd));
  });
});
