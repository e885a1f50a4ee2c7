// The seal registry and the register of uses (用印登记): create, list, revoke, press a seal on a
// PDF (sign its SM3 digest and log the use), and check a PDF against its logged seal.
// Every seal gets a key pair, whatever its kind, so every sealed PDF can be verified; keys made
// here are local test keys and say so in their label. A seal whose key lives in a certified
// device is registered with its public key only, and sealed through a Signer for that device.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { SealKind } from '@bianmin/contract';
import { AppError } from '../errors/index.ts';
import type { Sql } from '../store/index.ts';
import { SealUnusableError } from './seal-error.ts';
import { LocalSm2Signer } from './signing/local-sm2-signer.ts';
import { LOCAL_KEY_LABEL, type Signer } from './signing/signer.ts';
import { generateSm2KeyPair, sm3Digest } from './signing/sm2.ts';
import { verifySealedPdf } from './signing/verify-sealed-pdf.ts';
import type { SealStampSpec } from './stamp/seal-drawing.ts';

export interface Seal {
  id: string;
  orgId: string;
  code: string;
  name: string;
  kind: SealKind;
  purpose?: string;
  serial?: string;
  validFrom: string;
  validTo?: string;
  status: 'active' | 'revoked';
  revokedAt?: string;
  /** The items this seal serves alone; absent: every item of its organisation that asks for its kind. */
  itemCodes?: string[];
  keyLabel: string;
  publicKey: string;
  createdAt: string;
}

export interface NewSeal {
  orgId: string;
  code: string;
  name: string;
  kind: SealKind;
  purpose?: string;
  serial?: string;
  validFrom?: string;
  validTo?: string;
  itemCodes?: string[];
  /** A key held elsewhere (signing device, CA service): no private key is generated or stored. */
  externalKey?: { publicKeyHex: string; label: string };
}

/** Finds the signer of a seal whose key is not stored here, e.g. a UKey or a signature server. */
export type SignerResolver = (seal: Seal) => Signer | undefined;

export interface SealUse {
  id: string;
  sealId: string;
  sealName: string;
  documentId: string;
  documentNumber: string;
  digest: string;
  signature: string;
  signerLabel: string;
  algorithm: Signer['algorithm'];
  publicKey: string;
  usedBy: string;
  usedAt: string;
}

export interface DocumentVerification {
  valid: boolean;
  /** zh-CN, for the public verification page. */
  reason: string;
  documentNumber: string;
  sealName?: string;
  /** The purpose under the star (业务专用章, 审批专用章), when the seal has one. */
  sealPurpose?: string;
  signerLabel?: string;
  usedAt?: string;
  /** The seal was revoked after this use; the signature still shows the PDF is unchanged. */
  sealRevoked?: boolean;
}

interface SealRow {
  id: string;
  org_id: string;
  code: string;
  name: string;
  kind: string;
  purpose: string | null;
  serial: string | null;
  valid_from: string;
  valid_to: string | null;
  status: string;
  revoked_at: string | null;
  item_codes?: string | null;
  key_label: string;
  public_key: string;
  private_key: string | null;
  created_at: string;
}

export async function createSeal(db: Knex, seal: NewSeal, now = new Date().toISOString()): Promise<Seal> {
  const existing = await db('seals').where({ org_id: seal.orgId, code: seal.code }).first();
  if (existing) throw new AppError('DUPLICATE', `印章编码已存在：${seal.code}`);
  const keys = seal.externalKey ? undefined : generateSm2KeyPair();
  const row: SealRow = {
    id: randomUUID(),
    org_id: seal.orgId,
    code: seal.code,
    name: seal.name,
    kind: seal.kind,
    purpose: seal.purpose ?? null,
    serial: seal.serial ?? null,
    valid_from: seal.validFrom ?? now,
    valid_to: seal.validTo ?? null,
    status: 'active',
    revoked_at: null,
    ...(seal.itemCodes && seal.itemCodes.length > 0 ? { item_codes: JSON.stringify([...new Set(seal.itemCodes)]) } : {}),
    key_label: seal.externalKey?.label ?? LOCAL_KEY_LABEL,
    public_key: seal.externalKey?.publicKeyHex ?? keys!.publicKeyHex,
    private_key: keys?.privateKeyHex ?? null,
    created_at: now,
  };
  await db('seals').insert(row);
  return toSeal(row);
}

export async function listSeals(db: Knex, orgId: string): Promise<Seal[]> {
  const rows: SealRow[] = await db('seals').where({ org_id: orgId }).orderBy([{ column: 'status' }, { column: 'code' }]);
  return rows.map(toSeal);
}

/** Every seal, oldest first, on a step's connection (the copy sealing keeps: seals are few and change rarely). */
export async function listAllSeals(sql: Sql): Promise<Seal[]> {
  const rows = await sql.all<SealRow>('select * from seals order by created_at');
  return rows.map(toSeal);
}

/** The seals of these organisations (a document's issuer and its chain). */
export async function listSealsOf(db: Knex, orgIds: readonly string[]): Promise<Seal[]> {
  const rows: SealRow[] = await db('seals').whereIn('org_id', [...orgIds]).orderBy('created_at');
  return rows.map(toSeal);
}

export async function getSeal(db: Knex, id: string): Promise<Seal | undefined> {
  const row: SealRow | undefined = await db('seals').where({ id }).first();
  return row ? toSeal(row) : undefined;
}

export async function revokeSeal(db: Knex, id: string, now = new Date().toISOString()): Promise<Seal> {
  const row = await requireSeal(db, id);
  if (row.status !== 'revoked') {
    await db('seals').where({ id }).update({ status: 'revoked', revoked_at: now });
  }
  return toSeal(await requireSeal(db, id));
}

/** What layoutSeal needs to draw this seal's stamp. */
export function sealStampSpec(seal: Seal): SealStampSpec {
  return { name: seal.name, kind: seal.kind, purpose: seal.purpose, serial: seal.serial };
}

export interface SealDocumentRequest {
  sealId: string;
  documentId: string;
  documentNumber: string;
  pdf: Uint8Array;
  usedBy: string;
  now?: string;
}

/** Presses the seal: refuses a revoked or out-of-date seal, signs the PDF's digest, logs the use. */
export async function sealDocument(db: Knex, request: SealDocumentRequest, signers?: SignerResolver): Promise<SealUse> {
  const now = request.now ?? new Date().toISOString();
  const row = await requireSeal(db, request.sealId);
  if (row.status === 'revoked') throw new SealUnusableError('revoked', row.name);
  if (Date.parse(now) < Date.parse(row.valid_from)) throw new SealUnusableError('not-yet-valid', row.name);
  if (row.valid_to && Date.parse(now) > Date.parse(row.valid_to)) throw new SealUnusableError('expired', row.name);

  const signer = signers?.(toSeal(row)) ?? signerOf(row);
  if (signer.publicKeyHex.toLowerCase() !== row.public_key.toLowerCase()) {
    throw new AppError('SEAL_UNUSABLE', `签名密钥与印章登记的公钥不符：${row.name}`);
  }
  const digest = sm3Digest(request.pdf);
  const signature = await signer.sign(digest);
  const use = {
    id: randomUUID(),
    seal_id: row.id,
    document_id: request.documentId,
    document_number: request.documentNumber,
    digest: Buffer.from(digest).toString('hex'),
    signature,
    used_by: request.usedBy,
    used_at: now,
  };
  await db('seal_uses').insert(use);
  return {
    id: use.id,
    sealId: row.id,
    sealName: row.name,
    documentId: use.document_id,
    documentNumber: use.document_number,
    digest: use.digest,
    signature,
    signerLabel: signer.label,
    algorithm: signer.algorithm,
    publicKey: signer.publicKeyHex,
    usedBy: use.used_by,
    usedAt: now,
  };
}

/** Checks a PDF presented as `documentNumber` against the seal uses logged for that number. */
export async function verifyDocument(db: Knex, documentNumber: string, pdf: Uint8Array): Promise<DocumentVerification> {
  const uses: (SealRow & { digest: string; signature: string; used_at: string })[] = await db('seal_uses')
    .join('seals', 'seals.id', 'seal_uses.seal_id')
    .where('seal_uses.document_number', documentNumber)
    .orderBy('seal_uses.used_at', 'desc')
    .select('seals.*', 'seal_uses.digest', 'seal_uses.signature', 'seal_uses.used_at');
  if (uses.length === 0) return { valid: false, reason: '未找到该文书的用印记录', documentNumber };
  const digest = Buffer.from(sm3Digest(pdf)).toString('hex');
  const use = uses.find((u) => u.digest === digest) ?? uses[0]!;
  const result = verifySealedPdf(pdf, { digest: use.digest, signature: use.signature, publicKeyHex: use.public_key });
  return {
    ...result,
    documentNumber,
    sealName: use.name,
    ...(use.purpose ? { sealPurpose: use.purpose } : {}),
    signerLabel: use.key_label,
    usedAt: use.used_at,
    ...(use.status === 'revoked' ? { sealRevoked: true } : {}),
  };
}

async function requireSeal(db: Knex, id: string): Promise<SealRow> {
  const row: SealRow | undefined = await db('seals').where({ id }).first();
  if (!row) throw new AppError('NOT_FOUND', `印章不存在：${id}`);
  return row;
}

/** The seal's own local key, when no device signer was given. */
function signerOf(row: SealRow): Signer {
  if (!row.private_key) throw new AppError('SEAL_UNUSABLE', `印章的签名设备不可用：${row.name}`);
  return new LocalSm2Signer(row.id, { publicKeyHex: row.public_key, privateKeyHex: row.private_key }, row.key_label);
}

function toSeal(row: SealRow): Seal {
  return {
    id: row.id,
    orgId: row.org_id,
    code: row.code,
    name: row.name,
    kind: row.kind as SealKind,
    ...(row.purpose ? { purpose: row.purpose } : {}),
    ...(row.serial ? { serial: row.serial } : {}),
    validFrom: row.valid_from,
    ...(row.valid_to ? { validTo: row.valid_to } : {}),
    status: row.status === 'revoked' ? 'revoked' : 'active',
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.item_codes ? { itemCodes: JSON.parse(row.item_codes) as string[] } : {}),
    keyLabel: row.key_label,
    publicKey: row.public_key,
    createdAt: row.created_at,
  };
}
