// Sealing over the seal registry: the seal a document carries is item configuration (the case's
// effective settings: a seal code, or a kind), chosen from the issuing organisation's chain by
// seals/seal-choice.ts. No usable seal refuses the document — the step that would issue it, or its
// PDF — with SEAL_NOT_FOUND / SEAL_UNUSABLE and an inbox message to the administrators; a document is
// never issued unsealed. The step's check reads a copy of the registry kept in memory (seals are
// few and change rarely; an event must not pay for a query per document), reloaded whenever it finds
// nothing, so a seal registered by another server counts at once; the PDF reads the registry itself.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { DocumentKind, SealKind } from '@bianmin/contract';
import { readJson, type Sql } from '../../store/index.ts';
import type { EffectiveSettings } from '../../registry/index.ts';
import type { OrgDirectory } from '../../org/index.ts';
import { chooseSeal, listAllSeals, listSealsOf, sealDocument, sealStampSpec, type Seal, type SealChoice } from '../../seals/index.ts';
import type { DocumentSealing, DocumentToSeal, SealRefusal } from './document-sealing.ts';
import { noticeSealProblem } from './seal-problem-notice.ts';
import { SealRefusedError } from './seal-refused-error.ts';

/** The kind of seal a document carries when the item does not say. */
const DEFAULT_SEAL_KIND: Record<DocumentKind, SealKind> = {
  'acceptance-receipt': 'business',
  'one-time-notice': 'business',
  'refusal-decision': 'business',
  'referral-notice': 'business',
  decision: 'business',
  result: 'business',
  'delivery-receipt': 'business',
  'materials-returned': 'business',
};

/** The document's name in the administrators' message. */
const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  'acceptance-receipt': '受理通知书',
  'one-time-notice': '一次性告知书',
  'refusal-decision': '不予受理决定书',
  'referral-notice': '告知书',
  decision: '决定书',
  result: '结果文书',
  'delivery-receipt': '送达回证',
  'materials-returned': '退件清单',
};

const CACHE_MS = 5_000;

export function registrySealing(db: Knex, orgs: OrgDirectory): DocumentSealing {
  // The copy the steps check against; refreshed when older than a few seconds or when it finds nothing.
  let cached: { seals: Seal[]; at: number } | null = null;
  const reload = async (sql: Sql) => (cached = { seals: await listAllSeals(sql), at: Date.now() }).seals;
  const choose = (seals: readonly Seal[], doc: DocumentToSeal, at: Date): SealChoice => {
    const spec = doc.documents.find((d) => d.kind === doc.kind);
    return chooseSeal(seals, {
      ...(spec?.seal ? { code: spec.seal } : {}),
      kind: (spec?.sealKind as SealKind | undefined) ?? DEFAULT_SEAL_KIND[doc.kind],
      itemCode: doc.itemCode,
      chain: orgs.chain(doc.issuerOrgId),
      at,
    });
  };
  const report = async (doc: DocumentToSeal, refusal: SealRefusal, at: Date): Promise<void> => {
    const chain = orgs.chain(doc.issuerOrgId);
    const spec = doc.documents.find((d) => d.kind === doc.kind);
    const wanted = spec?.seal ? `code:${spec.seal}` : `kind:${spec?.sealKind ?? DEFAULT_SEAL_KIND[doc.kind]}`;
    await noticeSealProblem(db, {
      orgIds: chain.map((o) => o.id),
      key: createHash('sha256').update(`${doc.issuerOrgId}|${doc.itemCode}|${wanted}`).digest('hex').slice(0, 40),
      title: `${chain[0]?.name ?? ''}的《${DOCUMENT_NAMES[doc.kind]}》无法用印`,
      body: `${refusal.message}（事项 ${doc.itemCode}）。请在“印章管理”中登记或启用所需印章，文书方可出具。`,
      caseId: doc.caseId,
      at,
    });
  };
  return {
    forget() {
      cached = null;
    },
    async check(sql, doc, at) {
      const seals = cached && Date.now() - cached.at < CACHE_MS ? cached.seals : await reload(sql);
      let choice = choose(seals, doc, at);
      if (!choice.ok && seals === cached?.seals) choice = choose(await reload(sql), doc, at);
      return choice.ok ? null : { code: choice.code, message: choice.message };
    },
    report,
    async sealFor(doc, at) {
      const row = await db('cases').where({ id: doc.caseId }).first('settings', 'item_code');
      const settings = row ? readJson<EffectiveSettings>(row.settings) : null;
      const toSeal: DocumentToSeal = { kind: doc.kind, caseId: doc.caseId, itemCode: row?.item_code ?? '', issuerOrgId: doc.issuerOrgId, documents: settings?.documents ?? [] };
      const choice = choose(await listSealsOf(db, orgs.chain(doc.issuerOrgId).map((o) => o.id)), toSeal, at);
      if (!choice.ok) {
        const refusal = { code: choice.code, message: choice.message };
        await report(toSeal, refusal, at);
        throw new SealRefusedError(refusal, toSeal);
      }
      return { sealId: choice.seal.id, stamp: sealStampSpec(choice.seal) };
    },
    async sign(trx, request) {
      const use = await sealDocument(trx, { ...request, usedBy: 'system', now: request.now.toISOString() });
      return { digest: use.digest, signature: use.signature };
    },
  };
}
