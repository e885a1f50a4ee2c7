// A DELIVER event: the mode must be one the case offers, its fields must satisfy the mode's schema,
// and what they say becomes the delivery receipt's facts.
import { buildDeliveryRecord, createDownloadLink } from '../delivery/index.ts';
import { formatChineseDateTime } from '../documents/content/index.ts';
import type { ErrorDetail } from '../errors/index.ts';
import { placeholders, type Sql } from '../store/index.ts';
import type { CaseUser } from './case-engine.ts';
import type { CaseRecord } from './case-record.ts';
import type { EventFacts } from './document-facts.ts';
import type { EngineDeps } from './engine-deps.ts';

export async function checkDelivery(deps: EngineDeps, sql: Sql, record: CaseRecord, payload: Record<string, unknown>, facts: EventFacts, user: CaseUser, now: Date): Promise<ErrorDetail[]> {
  const code = payload.mode as string;
  if (!record.settings.deliveryModes.includes(code)) {
    return [{ pointer: '/payload/mode', message: `本事项可选的送达方式为：${record.settings.deliveryModes.join('、')}` }];
  }
  const mode = await deps.deliveryMode(sql, code);
  if (!mode) return [{ pointer: '/payload/mode', message: `送达方式 ${code} 不存在` }];
  const built = buildDeliveryRecord(mode, payload, record.data);
  if (!built.ok) return built.issues.map((i) => ({ pointer: `/payload${i.pointer}`, message: i.message }));
  const fields = Object.fromEntries(Object.entries(built.record.fields).map(([k, v]) => [k, String(v)]));
  if (built.record.address) fields.address = built.record.address;
  if (code === 'electronic') fields.downloadUrl = (await electronicLinks(deps, sql, record.id, now)).join(' ');
  const properties = (mode.fieldsSchema as { properties?: Record<string, { title?: unknown }> }).properties ?? {};
  const titles = Object.fromEntries(Object.entries(properties).flatMap(([k, p]) => (typeof p?.title === 'string' ? [[k, p.title]] : [])));
  facts.delivery = {
    mode: code,
    modeName: mode.name,
    fields,
    // The receipt prints a mode's own fields (网格员, 送达时间…) under their titles.
    ...(Object.keys(titles).length > 0 ? { fieldTitles: titles } : {}),
    by: user.name,
    at: now.toISOString(),
    place: deps.orgs.get(record.receivingOrgId)?.name ?? '',
    remarks: `送达时间 ${formatChineseDateTime(now.toISOString())}`,
  };
  return [];
}

/** 电子送达: how long the applicant's signed link to the sealed results works. */
const ELECTRONIC_LINK_DAYS = 30;

const RESULT_KINDS = ['decision', 'result'];

async function electronicLinks(deps: EngineDeps, sql: Sql, caseId: string, now: Date): Promise<string[]> {
  const results = await sql.all<{ id: string }>(`select id from documents where case_id = ? and kind in ${placeholders(RESULT_KINDS.length)} order by ordinal`, [caseId, ...RESULT_KINDS]);
  const expiresAt = new Date(now.getTime() + ELECTRONIC_LINK_DAYS * 86_400_000);
  return results.map((d) => createDownloadLink({ documentId: d.id, expiresAt, secret: deps.secret, baseUrl: deps.publicBaseUrl }).url);
}
