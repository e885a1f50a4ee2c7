// What a composer needs to write one statutory document: facts only, no wording. The case engine
// fills it from the case, the item definition and the issuing organisation.
import type { DocumentKind, ItemGuide, LegalBasis, Material, Referral } from '@bianmin/contract';

export interface DocumentIssuer {
  /** Full name, printed at the bottom and under the seal, e.g. 诸暨市五泄镇便民服务中心. */
  name: string;
  /** Used in document numbers, e.g. 五泄便. */
  shortName: string;
  address?: string;
  /** Contact phone printed in the footer. */
  phone?: string;
  /** 行政复议机关, named in the notice of rights of refusal and denial decisions. */
  reviewOrgan?: string;
  /** 人民法院 with jurisdiction, named in the same notice. */
  court?: string;
  /** Complaint channel for the footer; defaults to the 12345 hotline. */
  complaintChannel?: string;
}

export interface DocumentAddressee {
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

export interface DocumentItem {
  code: string;
  name: string;
  /** 结果名称, e.g. 高龄津贴核定通知书. */
  resultName: string;
  /** 事项类型: a 行政许可 cites the licensing law directly, other items apply it by local rule. */
  itemType?: ItemGuide['itemType'];
  materials: Material[];
  promisedDays?: number;
  legalBasis?: LegalBasis[];
  referral?: Referral;
}

/** Why an application is not accepted; selects the clause of 行政许可法 art. 32 cited. */
export type RefusalGround = 'not-competent' | 'not-required' | 'not-eligible' | 'other';

export interface CaseDelivery {
  /** Delivery mode code (window, postal, electronic, self-service, door …). */
  mode: string;
  /** Its zh-CN name, e.g. 邮寄送达. */
  modeName: string;
  /** The DELIVER event's fields, e.g. { carrier: 'EMS', trackingNumber: '…', signature: '张三' }. */
  fields: Record<string, string>;
  /** Titles of the mode's fields, from its fields schema (e.g. { gridWorker: '网格员' }). */
  fieldTitles?: Record<string, string>;
  /** Person delivering. */
  by: string;
  at: string;
  place?: string;
  /** The documents handed over; defaults to the item's result. */
  documents?: { title: string; number?: string }[];
  remarks?: string;
}

export interface CaseFacts {
  number: string;
  receivedAt: string;
  acceptedAt?: string;
  dueAt?: string;
  /** The form data of the case. */
  data: Record<string, unknown>;
  /** Ids of the optional materials handed in; required ones count as handed in unless missing or waived. */
  submitted?: string[];
  /** Materials missing or defective (one-time notice), each with what is wrong. */
  missing: { id: string; name: string; problem?: string }[];
  /** Materials accepted as owed (容缺) and when they are due. */
  waived: { id: string; name: string; dueAt: string }[];
  /**
   * The printed dates (due date, 容缺 and correction deadlines) that count over a year whose official
   * holiday schedule is not entered yet: each is printed 「（暂定）」 with a note that it is recomputed.
   */
  provisionalDates?: ProvisionalDate[];
  reason?: string;
  refusalGround?: RefusalGround;
  opinion?: string;
  approved?: boolean;
  /** What an approval grants: content, scope and validity. */
  grant?: { content?: string; scope?: string; validFrom?: string; validTo?: string };
  /** Labelled content of the result certificate; defaults to the form's plain fields. */
  resultFields?: { label: string; value: string }[];
  referral?: Referral;
  correctionDueAt?: string;
  delivery?: CaseDelivery;
  returnedMaterials?: { name: string; form?: Material['form']; count?: number }[];
}

export interface DocumentInput {
  kind: DocumentKind;
  /** e.g. 五泄便受〔2026〕12号, assigned by the numbering service. */
  number: string;
  issuedAt: string;
  issuer: DocumentIssuer;
  addressee: DocumentAddressee;
  item: DocumentItem;
  caseInfo: CaseFacts;
  /** Public page where anyone can check the document and its seal. */
  verifyUrl: string;
}

/** Which printed date is provisional, and the years whose schedule it waits for. */
export interface ProvisionalDate {
  field: 'dueAt' | 'correctionDueAt' | `waived:${string}`;
  years: number[];
}
