import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { LocalSm2Signer } from './local-sm2-signer.ts';
import { DEFAULT_USER_ID, generateSm2KeyPair, sm2Sign, sm2Verify, sm3Digest } from './sm2.ts';
import { verifySealedPdf } from './verify-sealed-pdf.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('SM3 and SM2', () => {
  it('hashes with SM3 (GB/T 32905 example 1: "abc")', () => {
    expect(hex(sm3Digest(new TextEncoder().encode('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('signs e = SM3(Z‖M) with the default user id 1234567812345678', () => {
    const keys = generateSm2KeyPair();
    const digest = sm3Digest(Buffer.from('a document'));
    const signature = sm2Sign(digest, keys);
    expect(signature).toMatch(/^[0-9a-f]{128}$/);
    // Recompute e independently and verify the raw signature over it.
    const e = sm2.getHash(digest, keys.publicKeyHex, DEFAULT_USER_ID);
    expect(sm2.doVerifySignature(sm2.hexToArray(e), signature, keys.publicKeyHex, { hash: false })).toBe(true);
    expect(sm2Verify(digest, signature, keys.publicKeyHex, 'another-user-id')).toBe(false);
  });

  it('refuses a signature by another key, over another digest, or malformed', () => {
    const a = generateSm2KeyPair();
    const b = generateSm2KeyPair();
    const digest = sm3Digest(Buffer.from('x'));
    const signature = sm2Sign(digest, a);
    expect(sm2Verify(digest, signature, a.publicKeyHex)).toBe(true);
    expect(sm2Verify(digest, signature, b.publicKeyHex)).toBe(false);
    expect(sm2Verify(sm3Digest(Buffer.from('y')), signature, a.publicKeyHex)).toBe(false);
    expect(sm2Verify(digest, 'zz', a.publicKeyHex)).toBe(false);
  });
});

describe('LocalSm2Signer and verifySealedPdf', () => {
  const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');

  it('is labelled as a local test key and verifies what it signed', async () => {
    const signer = new LocalSm2Signer('seal-1', generateSm2KeyPair());
    expect(signer.label).toContain('非CA认证');
    expect(signer.algorithm).toBe('SM2-SM3');
    const digest = sm3Digest(pdf);
    const signature = await signer.sign(digest);
    expect(await signer.verify(digest, signature)).toBe(true);
    const record = { digest: hex(digest), signature, publicKeyHex: signer.publicKeyHex };
    expect(verifySealedPdf(pdf, record)).toEqual({ valid: true, reason: expect.stringContaining('有效') });
  });

  it('fails when any single byte of the PDF changes', async () => {
    const signer = new LocalSm2Signer('seal-1', generateSm2KeyPair());
    const digest = sm3Digest(pdf);
    const record = { digest: hex(digest), signature: await signer.sign(digest), publicKeyHex: signer.publicKeyHex };
    for (const position of [0, 10, pdf.length - 1]) {
      const changed = Buffer.from(pdf);
      changed[position] = (changed[position] ?? 0) ^ 0x01;
      const result = verifySealedPdf(changed, record);
      expect(result.valid).toBe(false);
      expect(result.reason).toContain('篡改');
    }
  });

  it('fails when the signature does not belong to the recorded key', async () => {
    const signer = new LocalSm2Signer('seal-1', generateSm2KeyPair());
    const other = generateSm2KeyPair();
    const digest = sm3Digest(pdf);
    const record = { digest: hex(digest), signature: await signer.sign(digest), publicKeyHex: other.publicKeyHex };
    expect(verifySealedPdf(pdf, record)).toEqual({ valid: false, reason: '电子印章签名验证失败' });
  });
});
