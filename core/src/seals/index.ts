export type { SealStampSpec, SealDrawing } from './stamp/seal-drawing.ts';
export { SEAL_RED } from './stamp/seal-drawing.ts';
export { layoutSeal } from './stamp/seal-layout.ts';
export { drawSealSvg, sealDrawingSvg } from './stamp/seal-svg.ts';
export type { Signer, SignatureAlgorithm } from './signing/signer.ts';
export { LOCAL_KEY_LABEL } from './signing/signer.ts';
export { LocalSm2Signer } from './signing/local-sm2-signer.ts';
export { DEFAULT_USER_ID, generateSm2KeyPair, sm3Digest, type Sm2KeyPair } from './signing/sm2.ts';
export { verifySealedPdf, type SealRecord, type SealVerification } from './signing/verify-sealed-pdf.ts';
export {
  createSeal, listSeals, listSealsOf, listAllSeals, getSeal, revokeSeal, sealDocument, verifyDocument, sealStampSpec,
  type Seal, type NewSeal, type SealUse, type SignerResolver, type SealDocumentRequest, type DocumentVerification,
} from './seal-store.ts';
export { SealUnusableError, type SealUnusableReason } from './seal-error.ts';
export { chooseSeal, unusableReason, SEAL_KIND_NAMES, type SealChoice, type SealWanted } from './seal-choice.ts';
