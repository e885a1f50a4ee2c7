// Who signs a document's digest. The local signer below keeps its key in the database and is for
// testing only; a certified signing device or CA service (GB/T 38540 e-seals) implements the
// same interface and replaces it without touching the callers.
export type SignatureAlgorithm = 'SM2-SM3';

export interface Signer {
  id: string;
  /** Shown wherever the signature is: who vouches for the key. */
  label: string;
  algorithm: SignatureAlgorithm;
  /** Uncompressed SM2 public key, hex (04‖x‖y). */
  publicKeyHex: string;
  /** Signs a 32-byte SM3 digest; the signature is hex r‖s. */
  sign(digest: Uint8Array): Promise<string>;
  verify(digest: Uint8Array, signatureHex: string): Promise<boolean>;
}

/** Label of keys generated and held by Bianmin itself. */
export const LOCAL_KEY_LABEL = '本地测试密钥（非CA认证，不具法律效力）';
