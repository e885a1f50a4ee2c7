// Checks a sealed PDF against its record: the bytes must hash to the recorded digest and the
// signature over that digest must hold under the seal's public key.
import { sm2Verify, sm3Digest } from './sm2.ts';

export interface SealRecord {
  /** SM3 digest of the PDF bytes, hex. */
  digest: string;
  signature: string;
  publicKeyHex: string;
  algorithm?: string;
}

export interface SealVerification {
  valid: boolean;
  /** zh-CN, shown on the public verification page. */
  reason: string;
}

export function verifySealedPdf(pdf: Uint8Array, record: SealRecord): SealVerification {
  if (record.algorithm !== undefined && record.algorithm !== 'SM2-SM3') {
    return { valid: false, reason: `不支持的签名算法：${record.algorithm}` };
  }
  const digest = sm3Digest(pdf);
  if (Buffer.from(digest).toString('hex') !== record.digest.toLowerCase()) {
    return { valid: false, reason: '文件内容与用印时不一致，可能已被篡改' };
  }
  if (!sm2Verify(digest, record.signature, record.publicKeyHex)) {
    return { valid: false, reason: '电子印章签名验证失败' };
  }
  return { valid: true, reason: '文件自用印以来未被修改，电子印章签名有效' };
}
