// A Signer whose SM2 key lives with the application: enough to prove a PDF was not changed after
// sealing, not a legally valid e-seal (that needs a certified device and a CA certificate).
import { LOCAL_KEY_LABEL, type Signer } from './signer.ts';
import { sm2Sign, sm2Verify, type Sm2KeyPair } from './sm2.ts';

export class LocalSm2Signer implements Signer {
  readonly algorithm = 'SM2-SM3' as const;
  readonly label: string;
  readonly publicKeyHex: string;
  readonly #keys: Sm2KeyPair;

  constructor(
    readonly id: string,
    keys: Sm2KeyPair,
    label = LOCAL_KEY_LABEL,
  ) {
    this.#keys = keys;
    this.publicKeyHex = keys.publicKeyHex;
    this.label = label;
  }

  async sign(digest: Uint8Array): Promise<string> {
    return sm2Sign(digest, this.#keys);
  }

  async verify(digest: Uint8Array, signatureHex: string): Promise<boolean> {
    return sm2Verify(digest, signatureHex, this.publicKeyHex);
  }
}
