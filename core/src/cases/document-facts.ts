// What a document says about its case: gathered from the case, its item and the event that issued
// it, in the shape the composers of documents/content take.
import type { DocumentKind, ItemDefinition, Referral } from '@bianmin/contract';
import { shanghaiDateOf, yearOf, type WorkingCalendar } from '../calendar/index.ts';
import type { CaseDelivery, DocumentInput, ProvisionalDate, RefusalGround } from '../documents/content/index.ts';
import type { Organisation } from '../org/index.ts';
import type { CaseRecord } from './case-record.ts';

export interface EventFacts {
  reason?: string;
  opinion?: string;
  approved?: boolean;
  refusalGround?: RefusalGround;
  referral?: Referral;
  problems?: Record<string, string>;
  /** The materials a REQUEST_CORRECTION names (the one-time notice lists these and whatever is still missing). */
  listedMissing?: string[];
  correctionDueAt?: string;
  delivery?: CaseDelivery;
}

export interface DocumentFactsInput {
  kind: DocumentKind;
  number: string;
  at: Date;
  record: CaseRecord;
  missing: string[];
  item: ItemDefinition;
  issuer: Organisation;
  calendar: WorkingCalendar;
  event: EventFacts;
  dueAt: string | null;
  verifyUrl: string;
  /** Documents issued before this one, for the delivery receipt's list. */
  issued: { kind: DocumentKind; title: string; number: string }[];
}

/** The printed dates that count over a year with no entered schedule (provisional-schedule.ts). */
function provisionalDates(calendar: WorkingCalendar, from: Date, dates: [ProvisionalDate['field'], string | undefined][]): ProvisionalDate[] {
  const out: ProvisionalDate[] = [];
  const first = yearOf(shanghaiDateOf(from));
  for (const [field, iso] of dates) {
    if (!iso) continue;
    const years: number[] = [];
    for (let year = first; year <= yearOf(shanghaiDateOf(new Date(iso))); year += 1) if (calendar.isProvisional(year)) years.push(year);
    if (years.length > 0) out.push({ field, years });
  }
  return out;
}

export function buildDocumentInput(f: DocumentFactsInput): DocumentInput {
  const { record, item } = f;
  const materialName = (id: string) => item.materials.find((m) => m.id === id)?.name ?? id;
  const waivedIds = Object.entries(record.materials).filter(([, s]) => s === 'waived').map(([id]) => id);
  const acceptedAt = record.acceptedAt ?? (f.kind === 'acceptance-receipt' ? f.at.toISOString() : undefined);
  const waived = waivedIds
    .filter((id) => f.missing.includes(id))
    .map((id) => {
      const days = item.materials.find((m) => m.id === id)?.waivableDays ?? 5;
      return { id, name: materialName(id), dueAt: f.calendar.dueAt(new Date(acceptedAt ?? f.at), days).toISOString() };
    });
  const provisional = provisionalDates(f.calendar, new Date(acceptedAt ?? f.at), [
    ['dueAt', f.dueAt ?? undefined],
    ['correctionDueAt', f.event.correctionDueAt],
    ...waived.map((m): [ProvisionalDate['field'], string] => [`waived:${m.id}`, m.dueAt]),
  ]);
  const applicant = record.applicant;
  const promised = record.settings.promisedDays;
  const results = f.issued.filter((d) => d.kind === 'decision' || d.kind === 'result');
  return {
    kind: f.kind,
    number: f.number,
    issuedAt: f.at.toISOString(),
    issuer: {
      name: f.issuer.name,
      shortName: f.issuer.shortName,
      ...(f.issuer.address ? { address: f.issuer.address } : {}),
      ...(f.issuer.phone ? { phone: f.issuer.phone } : {}),
      ...(f.issuer.reviewOrgan ? { reviewOrgan: f.issuer.reviewOrgan } : {}),
      ...(f.issuer.court ? { court: f.issuer.court } : {}),
    },
    addressee: {
      name: applicant.name ?? '申请人',
      ...(applicant.idNumber ? { idNumber: applicant.idNumber } : {}),
      ...(applicant.phone ? { phone: applicant.phone } : {}),
      ...(applicant.address ? { address: applicant.address } : {}),
    },
    item: {
      code: item.code,
      name: item.name,
      // The item's (or overlay's) title for the document overrides the guide's result name.
      resultName: record.settings.documents.find((d) => d.kind === f.kind)?.title ?? item.guide.resultName,
      itemType: item.guide.itemType,
      materials: item.materials,
      ...(promised ? { promisedDays: promised } : {}),
      legalBasis: item.guide.legalBasis,
      ...(item.procedure.referral ? { referral: item.procedure.referral } : {}),
    },
    caseInfo: {
      number: record.number,
      receivedAt: record.receivedAt,
      ...(acceptedAt ? { acceptedAt } : {}),
      ...(f.dueAt ? { dueAt: f.dueAt } : {}),
      data: record.data,
      ...(f.kind === 'result' ? { resultFields: labelledFields(record.data, item.form.schema) } : {}),
      submitted: Object.entries(record.materials).filter(([, s]) => s === 'provided').map(([id]) => id),
      // What must really be corrected: a 容缺 material may still be owed after acceptance, so the
      // notice names it only when the clerk listed it.
      missing: f.kind === 'one-time-notice'
        ? f.missing
          .filter((id) => record.materials[id] !== 'waived' || f.event.listedMissing?.includes(id))
          .map((id) => ({ id, name: materialName(id), ...(f.event.problems?.[id] ? { problem: f.event.problems[id] } : {}) }))
        : [],
      waived,
      ...(provisional.length > 0 ? { provisionalDates: provisional } : {}),
      ...(f.event.reason ? { reason: f.event.reason } : {}),
      ...(f.event.refusalGround ? { refusalGround: f.event.refusalGround } : {}),
      ...(f.event.opinion ? { opinion: f.event.opinion } : {}),
      ...(f.event.approved !== undefined ? { approved: f.event.approved } : {}),
      ...(f.event.referral ? { referral: f.event.referral } : {}),
      ...(f.event.correctionDueAt ? { correctionDueAt: f.event.correctionDueAt } : {}),
      ...(f.event.delivery
        ? { delivery: { ...f.event.delivery, documents: results.map((d) => ({ title: d.title, number: d.number })) } }
        : {}),
      ...(f.kind === 'materials-returned'
        ? {
            returnedMaterials: item.materials
              .filter((m) => record.materials[m.id] === 'provided' || (m.required && !m.sharedFrom && !f.missing.includes(m.id)))
              .map((m) => ({ name: m.name, form: m.form, count: m.count })),
          }
        : {}),
    },
    verifyUrl: f.verifyUrl,
  };
}

/** The form's text and number fields under their titles (nested objects' too, e.g. 申请人·姓名); ID numbers and phones stay out. */
function labelledFields(data: Record<string, unknown>, schema: unknown, prefix = ''): { label: string; value: string }[] {
  const properties = (schema as { properties?: Record<string, { title?: string; format?: string; properties?: unknown }> })?.properties ?? {};
  return Object.entries(data).flatMap(([key, value]) => {
    const property = properties[key];
    const title = property?.title ?? key;
    if (value && typeof value === 'object' && !Array.isArray(value)) return labelledFields(value as Record<string, unknown>, property, `${prefix}${title}·`);
    if (typeof value !== 'string' && typeof value !== 'number') return [];
    if (property?.format && /id-number|mobile|phone/.test(property.format)) return [];
    return [{ label: `${prefix}${title}`, value: String(value) }];
  });
}
