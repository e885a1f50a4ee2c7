// Sealing over the seal registry: the seal a document carries is item configuration (the case's
// effective settings: a seal code, or a kind of the issuing organisation's seals), falling back to
// the issuing organisation's business seal. A document with no usable seal stays unsealed and
// says so; a configured seal that is revoked or out of date refuses (the outbox records why).
import type { Knex } from 'knex';
import type { DocumentKind, SealKind } from '@bianmin/contract';
import { readJson } from '../../store/index.ts';
import type { EffectiveSettings } from '../../registry/index.ts';
import type { OrgDirectory } from '../../org/index.ts';
import { listSeals, sealDocument, sealStampSpec, type Seal } from '../../seals/index.ts';
import type { DocumentSealing } from './document-sealing.ts';

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

export function registrySealing(db: Knex, orgs: OrgDirectory): DocumentSealing {
  return {
    async sealFor(doc) {
      const row = await db('cases').where({ id: doc.caseId }).first('settings');
      const settings = row ? readJson<EffectiveSettings>(row.settings) : null;
      const spec = settings?.documents.find((d) => d.kind === doc.kind);
      let seal: Seal | undefined;
      if (spec?.seal) {
        for (const org of orgs.chain(doc.issuerOrgId)) {
          seal = (await listSeals(db, org.id)).find((s) => s.code === spec.seal);
          if (seal) break;
        }
      } else {
        const own = (await listSeals(db, doc.issuerOrgId)).filter((s) => s.status === 'active');
        const kind = spec?.sealKind ?? DEFAULT_SEAL_KIND[doc.kind];
        seal = own.find((s) => s.kind === kind) ?? own.find((s) => s.kind === 'business') ?? own[0];
      }
      return seal ? { sealId: seal.id, stamp: sealStampSpec(seal) } : null;
    },
    async sign(trx, request) {
      const use = await sealDocument(trx, { ...request, usedBy: 'system', now: request.now.toISOString() });
      return { digest: use.digest, signature: use.signature };
    },
  };
}
