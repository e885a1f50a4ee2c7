import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.ts';
import * as main from './index.ts';

/** Every package a module imports at run time, following relative imports (type-only ones skipped). */
function runtimePackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
    const target = match[1]!;
    if (target.startsWith('.')) {
      for (const p of runtimePackages(resolve(dirname(file), target), seen)) packages.add(p);
    } else packages.add(target);
  }
  return packages;
}

describe('@bianmin/forms/browser', () => {
  const here = dirname(fileURLToPath(import.meta.url));

  it('pulls in no package at run time but ajv-i18n\'s Chinese messages (no ajv, no json-schema-to-typescript)', () => {
    // ajv-i18n is a table of message functions: the web form words errors as the server does with it.
    expect([...runtimePackages(resolve(here, 'browser.ts'))]).toEqual(['ajv-i18n/localize/zh/index.js']);
  });

  it('the scan does see the packages of the main entry', () => {
    expect(runtimePackages(resolve(here, 'index.ts'))).toContain('ajv');
  });

  it('exports the same functions as the main entry', () => {
    for (const [name, value] of Object.entries(browser)) expect(main[name as keyof typeof main], name).toBe(value);
  });
});
