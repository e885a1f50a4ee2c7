import type { Knex } from 'knex';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up, down } from '../store/migrations/0004_seals.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { AppError } from '../errors/index.ts';
import { SealUnusableError } from './seal-error.ts';
import { LocalSm2Signer } from './signing/local-sm2-signer.ts';
import { generateSm2KeyPair } from './signing/sm2.ts';
import {
  createSeal, getSeal, listSeals, revokeSeal, sealDocument, sealStampSpec, verifyDocument,
} from './seal-store.ts';

describe.each(['sqlite', 'postgres'] as const)('seal registry on %s', (kind) => {
  let db: Knex;
  let test: TestDatabase;
  const pdf = Buffer.from('%PDF-1.7\n% a sealed document\n%%EOF\n');
  const NOW = '2026-11-23T02:30:00.000Z';

  beforeEach(async () => {
    // Only this migration, run on its own, as it must also run after the others.
    test = await createTestDatabase(kind, { migrate: false });
    db = test.db;
    await up(db);
  });
  afterEach(async () => {
    await test.destroy();
  });

  const centreSeal = () =>
    createSeal(db, { orgId: 'org-wuxie', code: 'centre', name: '诸暨市五泄镇便民服务中心', kind: 'official', validFrom: '2026-01-01T00:00:00.000Z' }, NOW);

  describe('seals', () => {
    it('creates seals with a local SM2 key, lists them per organisation, refuses a duplicate code', async () => {
      const seal = await centreSeal();
      expect(seal).toMatchObject({ orgId: 'org-wuxie', code: 'centre', kind: 'official', status: 'active' });
      expect(seal.publicKey).toMatch(/^04[0-9a-f]{128}$/);
      expect(seal.keyLabel).toBe('本地测试密钥（非CA认证，不具法律效力）');
      expect(seal).not.toHaveProperty('privateKey');
      await createSeal(db, { orgId: 'org-wuxie', code: 'approval', name: '诸暨市五泄镇人民政府', kind: 'approval', purpose: '审批专用章', serial: '3306810012345' }, NOW);
      await createSeal(db, { orgId: 'org-other', code: 'centre', name: '另一中心', kind: 'official' }, NOW);
      expect((await listSeals(db, 'org-wuxie')).map((s) => s.code)).toEqual(['approval', 'centre']);
      await expect(centreSeal()).rejects.toMatchObject({ code: 'DUPLICATE', status: 409 });
      expect(sealStampSpec((await listSeals(db, 'org-wuxie'))[0]!)).toEqual({
        name: '诸暨市五泄镇人民政府', kind: 'approval', purpose: '审批专用章', serial: '3306810012345',
      });
    });

    it('seals a PDF, logs the use, and verifies it; one changed byte fails', async () => {
      const seal = await centreSeal();
      const use = await sealDocument(db, { sealId: seal.id, documentId: 'doc-1', documentNumber: '五泄便受〔2026〕12号', pdf, usedBy: 'clerk-1', now: NOW });
      expect(use).toMatchObject({ sealName: seal.name, signerLabel: seal.keyLabel, algorithm: 'SM2-SM3', usedAt: NOW });
      expect(use.digest).toMatch(/^[0-9a-f]{64}$/);
      const logged = await db('seal_uses').where({ document_number: '五泄便受〔2026〕12号' });
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ seal_id: seal.id, document_id: 'doc-1', used_by: 'clerk-1', digest: use.digest });

      expect(await verifyDocument(db, '五泄便受〔2026〕12号', pdf)).toMatchObject({ valid: true, sealName: seal.name, usedAt: NOW });
      const changed = Buffer.from(pdf);
      changed[12] = (changed[12] ?? 0) ^ 0x20;
      expect(await verifyDocument(db, '五泄便受〔2026〕12号', changed)).toMatchObject({ valid: false, reason: expect.stringContaining('篡改') });
      expect(await verifyDocument(db, '五泄便受〔2026〕99号', pdf)).toMatchObject({ valid: false, reason: '未找到该文书的用印记录' });
    });

    it('detects a forged signature in the use log', async () => {
      const seal = await centreSeal();
      const use = await sealDocument(db, { sealId: seal.id, documentId: 'doc-1', documentNumber: 'N1', pdf, usedBy: 'u', now: NOW });
      const forged = use.signature.slice(0, -2) + (use.signature.endsWith('00') ? '01' : '00');
      await db('seal_uses').where({ id: use.id }).update({ signature: forged });
      expect(await verifyDocument(db, 'N1', pdf)).toMatchObject({ valid: false, reason: '电子印章签名验证失败' });
    });

    it('refuses a revoked seal and one outside its validity, with a typed error', async () => {
      const seal = await centreSeal();
      const request = { sealId: seal.id, documentId: 'd', documentNumber: 'N', pdf, usedBy: 'u' };
      await expect(sealDocument(db, { ...request, now: '2025-12-31T23:59:59.000Z' })).rejects.toMatchObject({ reason: 'not-yet-valid', code: 'SEAL_UNUSABLE' });
      const limited = await createSeal(db, { orgId: 'o', code: 'old', name: '旧章', kind: 'business', validFrom: '2020-01-01T00:00:00Z', validTo: '2025-12-31T16:00:00Z' }, NOW);
      const expired = sealDocument(db, { ...request, sealId: limited.id, now: NOW });
      await expect(expired).rejects.toBeInstanceOf(SealUnusableError);
      await expect(expired).rejects.toMatchObject({ reason: 'expired', status: 409, message: '印章已超过有效期，不能用印：旧章' });

      const sealedBefore = await sealDocument(db, { ...request, now: NOW });
      const revoked = await revokeSeal(db, seal.id, '2026-11-24T00:00:00.000Z');
      expect(revoked).toMatchObject({ status: 'revoked', revokedAt: '2026-11-24T00:00:00.000Z' });
      await expect(sealDocument(db, { ...request, now: '2026-11-25T00:00:00.000Z' })).rejects.toMatchObject({ reason: 'revoked' });
      // What was sealed before the revocation still verifies, flagged.
      expect(await verifyDocument(db, 'N', pdf)).toMatchObject({ valid: true, sealRevoked: true });
      expect(sealedBefore.sealId).toBe(seal.id);
    });

    it('seals with a device signer for a seal registered by its public key only', async () => {
      const deviceKeys = generateSm2KeyPair();
      const device = new LocalSm2Signer('ukey-1', deviceKeys, '某CA签发的印章证书（测试）');
      const seal = await createSeal(db, {
        orgId: 'o', code: 'e', name: '五泄镇人民政府', kind: 'e-seal',
        externalKey: { publicKeyHex: deviceKeys.publicKeyHex, label: device.label },
      }, NOW);
      expect((await db('seals').where({ id: seal.id }).first()).private_key).toBeNull();
      const request = { sealId: seal.id, documentId: 'd', documentNumber: 'N2', pdf, usedBy: 'u', now: NOW };
      await expect(sealDocument(db, request)).rejects.toMatchObject({ code: 'SEAL_UNUSABLE' });
      const wrong = new LocalSm2Signer('other', generateSm2KeyPair());
      await expect(sealDocument(db, request, () => wrong)).rejects.toMatchObject({ code: 'SEAL_UNUSABLE' });
      const use = await sealDocument(db, request, (s) => (s.id === seal.id ? device : undefined));
      expect(use.signerLabel).toBe('某CA签发的印章证书（测试）');
      expect(await verifyDocument(db, 'N2', pdf)).toMatchObject({ valid: true, signerLabel: '某CA签发的印章证书（测试）' });
    });

    it('answers a missing seal with NOT_FOUND and migrates down cleanly', async () => {
      expect(await getSeal(db, 'nope')).toBeUndefined();
      await expect(revokeSeal(db, 'nope')).rejects.toBeInstanceOf(AppError);
      await down(db);
      expect(await db.schema.hasTable('seals')).toBe(false);
      expect(await db.schema.hasTable('seal_uses')).toBe(false);
    });
  });
});
