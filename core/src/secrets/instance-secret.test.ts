import { mkdtempSync, statSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/index.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { instanceSecret, loadInstanceSecret, SECRET_FILE } from './instance-secret.ts';

const opened: { destroy(): Promise<void> }[] = [];
afterAll(async () => {
  for (const db of opened) await db.destroy();
});

describe('the instance secret', () => {
  it('derives one independent 32-byte key per purpose, the same each time', () => {
    const secret = instanceSecret('x'.repeat(40), 'env');
    const a = secret.deriveKey('id-number-search');
    expect(a).toHaveLength(32);
    expect(secret.deriveKey('id-number-search').equals(a)).toBe(true);
    expect(secret.deriveKey('signed-link').equals(a)).toBe(false);
    expect(instanceSecret('y'.repeat(40), 'env').deriveKey('id-number-search').equals(a)).toBe(false);
    a.fill(0); // a caller changing its copy changes nothing for the next
    expect(secret.deriveKey('id-number-search').equals(a)).toBe(false);
    expect(() => secret.deriveKey('')).toThrow(RangeError);
  });

  it('takes BIANMIN_SECRET first and refuses a short one', async () => {
    const db = openDatabase({ dataDir: ':memory:' });
    opened.push(db);
    const fromEnv = await loadInstanceSecret(db, { BIANMIN_SECRET: 'z'.repeat(32) });
    expect(fromEnv.source).toBe('env');
    expect(fromEnv.deriveKey('p').equals(instanceSecret('z'.repeat(32), 'env').deriveKey('p'))).toBe(true);
    await expect(loadInstanceSecret(db, { BIANMIN_SECRET: 'short' })).rejects.toThrow(/32/);
  });

  it('on SQLite, creates a 0600 file in the data folder once and reads it at every restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-secret-'));
    const first = openDatabase({ dataDir: dir });
    opened.push(first);
    const secret = await loadInstanceSecret(first, {});
    expect(secret.source).toBe('file');
    const file = join(dir, SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restarted = openDatabase({ dataDir: dir });
    opened.push(restarted);
    const again = await loadInstanceSecret(restarted, {});
    expect(again.deriveKey('p').equals(secret.deriveKey('p'))).toBe(true);
  });

  it('closes a secret file copied in with wider permissions and refuses one too short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bianmin-secret-'));
    const file = join(dir, SECRET_FILE);
    writeFileSync(file, 'k'.repeat(43));
    chmodSync(file, 0o644);
    const db = openDatabase({ dataDir: dir });
    opened.push(db);
    await loadInstanceSecret(db, {});
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('k'.repeat(43));
    writeFileSync(file, 'short');
    await expect(loadInstanceSecret(db, {})).rejects.toThrow(/过短/);
  });

  it('on PostgreSQL, keeps one row that every server of the deployment reads', async () => {
    const t = await createTestDatabase('postgres');
    opened.push(t);
    const [a, b] = await Promise.all([loadInstanceSecret(t.db, {}), loadInstanceSecret(t.db, {})]);
    expect(a.source).toBe('database');
    expect(a.deriveKey('p').equals(b.deriveKey('p'))).toBe(true);
    expect(Number((await t.db('instance_secret').count({ n: '*' }).first())!.n)).toBe(1);
  });
});
