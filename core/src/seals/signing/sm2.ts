// SM2 signatures over SM3 digests (GB/T 32918, GM/T 0009) with sm-crypto-v2. The signature is over
// e = SM3(Z ‖ M) where Z binds the signer's public key and user id; M is the document's digest.
import { sm2, sm3 } from 'sm-crypto-v2';

/** GM/T 0009's default signer id, used when a certificate names none. */
export const DEFAULT_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  publicKeyHex: string;
  privateKeyHex: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKeyHex: publicKey, privateKeyHex: privateKey };
}

export function sm3Digest(bytes: Uint8Array): Uint8Array {
  return Uint8Array.from(Buffer.from(sm3(bytes), 'hex'));
}

export function sm2Sign(digest: Uint8Array, keys: Sm2KeyPair, userId = DEFAULT_USER_ID): string {
  return sm2.doSignature(digest, keys.privateKeyHex, { hash: true, publicKey: keys.publicKeyHex, userId });
}

export function sm2Verify(digest: Uint8Array, signatureHex: string, publicKeyHex: string, userId = DEFAULT_USER_ID): boolean {
  try {
    return sm2.doVerifySignature(digest, signatureHex, publicKeyHex, { hash: true, userId });
  } catch {
    // A malformed signature or key is simply not a valid signature.
    return false;
  }
}
