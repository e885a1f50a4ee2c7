import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERRORS } from './catalogue.ts';

describe('error catalogue', () => {
  const source = readFileSync(fileURLToPath(new URL('./catalogue.ts', import.meta.url)), 'utf8');

  it('lists every code exactly once', () => {
    const codes = [...source.matchAll(/^\s+([A-Z_]+): \{ status/gm)].map((m) => m[1]);
    expect(codes.length).toBe(Object.keys(ERRORS).length);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has no code the server never answers with', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('errors/'))
      .map((f) => readFileSync(join(root, f), 'utf8'))
      .join('\n');
    const unused = Object.keys(ERRORS).filter((code) => !sources.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('keeps user errors 4xx and faults 5xx, each with a Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(message, code).toMatch(/[\u4e00-\u9fa5]/);
      if (['INTERNAL', 'DATABASE_UNAVAILABLE'].includes(code)) expect(status).toBeGreaterThanOrEqual(500);
      else expect(status, code).toBeLessThan(500);
    }
  });
});
