// Which seal a document carries, from the seals of its issuing organisation's chain:
// - by code (`documents[].seal`): the nearest organisation's seal of that code that is usable now;
// - by kind (`sealKind`): the issuer's own usable seal of that kind; an approval seal is also looked
//   for up the chain (a township's delegated licence carries the county's 审批专用章, seed 002
//   art. 8(三)); then the issuer's business seal (docs/plugins.md).
// Usable now: active and within its validity, so a seal registered to take effect later never
// displaces the working one. A seal registered for particular items (`itemCodes`) serves those
// alone, before the organisation's general seal, so registering one never takes over another item's
// seal; among several general seals the one in force the longest keeps sealing.
import type { SealKind } from '@bianmin/contract';
import type { SealUnusableReason } from './seal-error.ts';
import type { Seal } from './seal-store.ts';

export interface SealWanted {
  /** A specific seal's code; otherwise the kind decides. */
  code?: string;
  kind: SealKind;
  itemCode: string;
  /** The issuing organisation and its ancestors, nearest first. */
  chain: readonly { id: string; name: string }[];
  at: Date;
}

export type SealChoice = { ok: true; seal: Seal } | { ok: false; code: 'SEAL_NOT_FOUND' | 'SEAL_UNUSABLE'; message: string };

export const SEAL_KIND_NAMES: Record<SealKind, string> = {
  official: '公章',
  approval: '审批专用章',
  business: '业务专用章',
  'e-seal': '电子印章',
};

const REASONS: Record<SealUnusableReason, string> = { revoked: '已停用', 'not-yet-valid': '尚未启用', expired: '已超过有效期' };

export function unusableReason(seal: Seal, at: Date): SealUnusableReason | null {
  if (seal.status === 'revoked') return 'revoked';
  if (at.getTime() < Date.parse(seal.validFrom)) return 'not-yet-valid';
  if (seal.validTo && at.getTime() > Date.parse(seal.validTo)) return 'expired';
  return null;
}

export function chooseSeal(seals: readonly Seal[], wanted: SealWanted): SealChoice {
  const issuer = wanted.chain[0];
  if (!issuer) return { ok: false, code: 'SEAL_NOT_FOUND', message: '文书的出具单位不存在，无法用印' };
  const usable = (s: Seal) => unusableReason(s, wanted.at) === null;
  const serves = (s: Seal) => !s.itemCodes || s.itemCodes.includes(wanted.itemCode);
  if (wanted.code) {
    const named = wanted.chain.flatMap((org) => seals.filter((s) => s.orgId === org.id && s.code === wanted.code));
    const found = named.find((s) => usable(s) && serves(s));
    if (found) return { ok: true, seal: found };
    const nearest = named[0];
    if (nearest) {
      const reason = unusableReason(nearest, wanted.at);
      const why = reason ? REASONS[reason] : `只用于其他事项`;
      return { ok: false, code: 'SEAL_UNUSABLE', message: `印章 ${wanted.code}（${nearest.name}）${why}，不能为本事项的文书用印` };
    }
    return { ok: false, code: 'SEAL_NOT_FOUND', message: `${issuer.name}及其上级单位没有登记编码为 ${wanted.code} 的印章，文书不能出具` };
  }
  const best = (orgId: string, kind: SealKind) =>
    seals
      .filter((s) => s.orgId === orgId && s.kind === kind && usable(s) && serves(s))
      .sort((a, b) => Number(!a.itemCodes) - Number(!b.itemCodes) || Date.parse(a.validFrom) - Date.parse(b.validFrom) || a.createdAt.localeCompare(b.createdAt))[0];
  const orgs = wanted.kind === 'approval' ? wanted.chain : [issuer];
  for (const org of orgs) {
    const seal = best(org.id, wanted.kind);
    if (seal) return { ok: true, seal };
  }
  const business = best(issuer.id, 'business');
  if (business) return { ok: true, seal: business };
  const sought = wanted.kind === 'business' ? SEAL_KIND_NAMES.business : `${SEAL_KIND_NAMES[wanted.kind]}或业务专用章`;
  return { ok: false, code: 'SEAL_NOT_FOUND', message: `${issuer.name}没有可用的${sought}，文书不能出具；请管理员登记或启用印章` };
}
