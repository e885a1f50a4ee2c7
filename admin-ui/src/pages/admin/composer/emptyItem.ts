import type { ItemDefinition, ItemGuide } from '../../../api/types.ts';
import { emptyGuide } from './guideSchema.ts';

/** A new item: promised, five working days, receipt/notice/refusal/result/delivery documents. */
export function emptyItem(): ItemDefinition {
  return {
    code: '',
    name: '',
    department: '',
    level: 'township',
    version: '1.0.0',
    guide: emptyGuide() as unknown as ItemGuide,
    materials: [],
    form: { schema: { type: 'object', required: [], properties: {} }, uiSchema: {} },
    procedure: { kind: 'promised', promisedDays: 5, reviewSteps: [] },
    documents: [
      { kind: 'acceptance-receipt' },
      { kind: 'one-time-notice' },
      { kind: 'refusal-decision' },
      { kind: 'result', sealKind: 'official' },
      { kind: 'delivery-receipt' },
    ],
    delivery: { modes: ['window-pickup'], default: 'window-pickup' },
  };
}

/** The next patch version, so editing a published item proposes a new version rather than a clash. */
export function nextVersion(v: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : v;
}

/** Orders semantic versions numerically (1.10.0 after 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Server-only fields of GET /api/items/:code (source, versions…) are not part of a definition. */
export function toDefinition(loaded: Record<string, unknown>): ItemDefinition {
  const { source: _s, versions: _v, status: _st, publishedAt: _p, ...def } = loaded;
  return def as unknown as ItemDefinition;
}
