// An organisation's settings for supervision, each inherited from the nearest organisation up the
// chain that sets it, else the default: the days a rectification is due in (seed 002 art. 35(三):
// 7 日, calendar days — the seeds say 工作日 where they mean working days), whether a refusal is
// reported to the centre head after the fact or needs the head's countersignature first (seed 003
// village item 32 否定报备, township item 38 窗口无否决权), and the monthly call-back sample size.
import type { Sql } from '../store/index.ts';
import type { OrgLookup } from './supervision-deps.ts';

export type RefusalReview = 'report' | 'countersign';

export interface SupervisionSettings {
  rectificationDays: number;
  refusalReview: RefusalReview;
  callbackSampleSize: number;
}

export const DEFAULT_SETTINGS: SupervisionSettings = { rectificationDays: 7, refusalReview: 'report', callbackSampleSize: 10 };

/** What an organisation sets itself; null fields are inherited. */
export type OwnSettings = { [K in keyof SupervisionSettings]: SupervisionSettings[K] | null };

interface Row {
  org_id: string;
  rectification_days: number | null;
  refusal_review: RefusalReview | null;
  callback_sample_size: number | null;
}

const COLUMNS: Record<keyof SupervisionSettings, keyof Row> = {
  rectificationDays: 'rectification_days',
  refusalReview: 'refusal_review',
  callbackSampleSize: 'callback_sample_size',
};

export interface SettingsView {
  effective: SupervisionSettings;
  own: OwnSettings;
  /** For each setting, the organisation it comes from (null: the default). */
  from: { [K in keyof SupervisionSettings]: string | null };
}

export async function readSettings(sql: Sql, orgs: OrgLookup, orgId: string): Promise<SettingsView> {
  const chain = orgs.chain(orgId).map((o) => o.id);
  const rows = chain.length === 0 ? [] : await sql.all<Row>(`select * from supervision_settings where org_id in (${chain.map(() => '?').join(', ')})`, chain);
  const byOrg = new Map(rows.map((r) => [r.org_id, r]));
  const effective = { ...DEFAULT_SETTINGS } as Record<keyof SupervisionSettings, unknown>;
  const from = {} as Record<keyof SupervisionSettings, string | null>;
  for (const key of Object.keys(COLUMNS) as (keyof SupervisionSettings)[]) {
    const owner = chain.find((id) => byOrg.get(id)?.[COLUMNS[key]] != null);
    from[key] = owner ?? null;
    if (owner) effective[key] = key === 'refusalReview' ? byOrg.get(owner)![COLUMNS[key]] : Number(byOrg.get(owner)![COLUMNS[key]]);
  }
  const own = byOrg.get(orgId);
  return {
    effective: effective as unknown as SupervisionSettings,
    own: {
      rectificationDays: own?.rectification_days == null ? null : Number(own.rectification_days),
      refusalReview: own?.refusal_review ?? null,
      callbackSampleSize: own?.callback_sample_size == null ? null : Number(own.callback_sample_size),
    },
    from,
  };
}

export async function writeSettings(sql: Sql, orgId: string, own: OwnSettings, by: string, at: Date): Promise<void> {
  await sql.run(
    `insert into supervision_settings (org_id, rectification_days, refusal_review, callback_sample_size, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)
     on conflict (org_id) do update set rectification_days = excluded.rectification_days, refusal_review = excluded.refusal_review,
       callback_sample_size = excluded.callback_sample_size, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [orgId, own.rectificationDays, own.refusalReview, own.callbackSampleSize, by, at.toISOString()],
  );
}
