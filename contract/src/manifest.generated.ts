/* Generated from schemas/manifest.schema.json by contract/scripts/generate-types.ts. Do not edit. */

/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Code".
 */
export type Code = string;
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level = 'village' | 'township' | 'county';
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "SemVer".
 */
export type SemVer = string;
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Role".
 */
export type Role = 'admin' | 'clerk' | 'approver' | 'agent' | 'supervisor' | 'head';
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "ProcedureKind".
 */
export type ProcedureKind = 'immediate' | 'promised' | 'reported' | 'returned';
/**
 * Level whose staff decide this step (初审 at the township, 审核 at the county): entering it moves the case to the organisation of that level above the receiving one, and only its staff may APPROVE, DENY or RETURN_FOR_SUPPLEMENT. Not below the item's level, and not below an earlier step's. Omitted: the receiving organisation when another step names a level, otherwise the organisation holding the case.
 */
export type Level1 = 'village' | 'township' | 'county';
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "DocumentKind".
 */
export type DocumentKind =
  | 'acceptance-receipt'
  | 'one-time-notice'
  | 'refusal-decision'
  | 'referral-notice'
  | 'decision'
  | 'result'
  | 'delivery-receipt'
  | 'materials-returned';
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "SealKind".
 */
export type SealKind = 'official' | 'approval' | 'business' | 'e-seal';

/**
 * A Bianmin plugin manifest, contract version 1. Source of truth for the TypeScript types in manifest.generated.ts.
 */
export interface PluginManifest {
  $schema?: string;
  /**
   * Version of the plugin contract this manifest follows.
   */
  contractVersion: '1';
  /**
   * Prefix of this plugin's own actions, guards and validators (e.g. civil-affairs.checkAgeOver80).
   */
  namespace?: string;
  items: ItemDefinition[];
  seals?: SealDefinition[];
  deliveryModes?: DeliveryModeDefinition[];
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "ItemDefinition".
 */
export interface ItemDefinition {
  /**
   * The JSON Schema of an item.json file, for editors (schemas/item.schema.json); not part of the definition.
   */
  $schema?: string;
  code: Code;
  name: string;
  /**
   * e.g. 民政, 人力社保, 公安
   */
  department: string;
  level: Level;
  version: SemVer;
  guide: ItemGuide;
  materials: Material[];
  form: ItemForm;
  procedure: Procedure;
  documents: DocumentSpec[];
  delivery: Delivery;
  tags?: string[];
  bundle?: Bundle;
  /**
   * Namespaced cross-field validators from plugin code, run after the form schema.
   */
  validators?: string[];
}
/**
 * The guide elements of 淄川区镇村便民服务标准化管理办法 art. 30. 所需材料 is the item's materials list.
 *
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "ItemGuide".
 */
export interface ItemGuide {
  /**
   * 事项名称
   */
  name: string;
  /**
   * 事项类型
   */
  itemType:
    '行政许可' | '行政给付' | '行政确认' | '行政征收' | '行政奖励' | '行政裁决' | '其他行政权力' | '公共服务';
  /**
   * 设定依据
   */
  legalBasis: LegalBasis[];
  /**
   * 实施主体
   */
  authority: string;
  /**
   * 受理条件
   */
  conditions: string[];
  legalTimeLimit: TimeLimit;
  promisedTimeLimit: TimeLimit;
  /**
   * 结果名称
   */
  resultName: string;
  fee: Fee;
  /**
   * 收费依据
   */
  feeBasis: string;
  /**
   * 办理流程
   */
  process: ProcessStep[];
  /**
   * 审查标准
   */
  reviewCriteria: string[];
  appointment: Appointment;
  /**
   * 咨询方式
   */
  consultation: Contact[];
  /**
   * 监督投诉方式
   */
  supervision: Contact[];
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "LegalBasis".
 */
export interface LegalBasis {
  /**
   * Name of the law or regulation, e.g. 《中华人民共和国行政许可法》
   */
  law: string;
  /**
   * e.g. 第三十二条
   */
  article?: string;
  text?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "TimeLimit".
 */
export interface TimeLimit {
  value: number;
  unit: 'minutes' | 'hours' | 'working-days' | 'calendar-days';
  note?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Fee".
 */
export interface Fee {
  charged: boolean;
  /**
   * Yuan (CNY).
   */
  amount?: number;
  /**
   * 收费标准 as published, e.g. 不收费.
   */
  description: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "ProcessStep".
 */
export interface ProcessStep {
  name: string;
  description?: string;
  role?: Role;
}
/**
 * 预约办理
 */
export interface Appointment {
  available: boolean;
  channels?: string[];
  note?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Contact".
 */
export interface Contact {
  channel: 'phone' | 'window' | 'online' | 'email' | 'mail' | 'hotline';
  value: string;
  note?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Material".
 */
export interface Material {
  id: Code;
  name: string;
  required: boolean;
  form: 'original' | 'copy' | 'original-and-copy' | 'electronic';
  count: number;
  /**
   * Obtained by data sharing (免证办) from this source; not asked of the applicant.
   */
  sharedFrom?: string;
  /**
   * May be supplied after acceptance (容缺受理).
   */
  waivable?: boolean;
  /**
   * Working days to supply a waived material; default 5.
   */
  waivableDays?: number;
  /**
   * Who issues the material, e.g. 公安机关.
   */
  source?: string;
  note?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "ItemForm".
 */
export interface ItemForm {
  /**
   * JSON Schema (draft-07 or 2020-12) of the case data.
   */
  schema: {};
  /**
   * @rjsf/core uiSchema.
   */
  uiSchema?: {};
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Procedure".
 */
export interface Procedure {
  kind: ProcedureKind;
  /**
   * Working days from acceptance (promised, reported).
   */
  promisedDays?: number;
  /**
   * Same-visit target for immediate items; default 60.
   */
  targetMinutes?: number;
  reviewSteps?: ReviewStep[];
  /**
   * Level that decides a reported case.
   */
  decidingLevel?: 'township' | 'county';
  /**
   * Working days the applicant has to correct; default 5.
   */
  correctionDays?: number;
  referral?: Referral;
  /**
   * Roles allowed per event type, overriding the template's.
   */
  roles?: {
    /**
     * @minItems 1
     */
    [k: string]: [Role, ...Role[]];
  };
  /**
   * A full XState v5 machine config (JSON) replacing the template.
   */
  config?: {};
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "ReviewStep".
 */
export interface ReviewStep {
  /**
   * State name inside reviewing, e.g. firstReview.
   */
  id: string;
  /**
   * e.g. 初审, 复审, 现场勘查
   */
  name: string;
  role: Role;
  /**
   * A special step (听证, 检验, 鉴定, 现场勘查, 公示) whose time does not count toward the deadline.
   */
  special?: 'hearing' | 'testing' | 'appraisal' | 'inspection' | 'publicity';
  /**
   * Working days the step lasts. For a publicity step (公示) the least: its APPROVE is refused until the calendar's Nth working day after the publicity began has ended (the sweeper then sends PUBLICITY_ENDED); required for publicity.
   */
  days?: number;
  level?: Level1;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Referral".
 */
export interface Referral {
  /**
   * Organ that handles the item instead.
   */
  to: string;
  address?: string;
  phone?: string;
  hours?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "DocumentSpec".
 */
export interface DocumentSpec {
  kind: DocumentKind;
  /**
   * Code of a specific seal (from this plugin or the registry).
   */
  seal?: string;
  sealKind?: SealKind;
  /**
   * Overrides the document's title, e.g. the result's name.
   */
  title?: string;
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Delivery".
 */
export interface Delivery {
  /**
   * @minItems 1
   */
  modes: [string, ...string[]];
  default?: string;
}
/**
 * 一件事: several items applied for together. Applying creates one parent case (this item's procedure) and the child cases of `items` one after another, in order: each child is created when the one before it concludes, so a child can use what an earlier one produced. The parent concludes when every child has closed.
 *
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "Bundle".
 */
export interface Bundle {
  /**
   * Codes of the items combined, in the order they are handled (without `after`: one after another).
   *
   * @minItems 2
   */
  items: [string, string, ...string[]];
  /**
   * 并联审批: per child item code, the children that must have concluded with an approval before it starts. With `after`, every child it does not list with prerequisites starts at the bundle's acceptance, side by side, and each other one as soon as its prerequisites are done; without it the children run in `items` order. Checked at load: codes of this bundle, no cycles.
   */
  after?: {
    [k: string]: string[];
  };
  /**
   * Top-level fields of the bundle's form copied into every child's form data (entered once).
   */
  sharedFields?: string[];
  /**
   * Per child item code: JSON pointers into the child's form data, each filled from a JSON pointer into { data: <bundle form data>, results: { <item code>: <the `result` object of that child's last APPROVE or DECIDE payload> } }, or with a fixed { value }.
   */
  childData?: {
    [k: string]: {
      [k: string]:
        | string
        | {
            value: unknown;
          };
    };
  };
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "SealDefinition".
 */
export interface SealDefinition {
  code: Code;
  /**
   * Text around the upper arc, e.g. 诸暨市五泄镇便民服务中心
   */
  name: string;
  kind: SealKind;
  /**
   * Text below the star, e.g. 审批专用章
   */
  purpose?: string;
  /**
   * Codes of the organisations the server registers this seal for at start. Default: every organisation at the level of the plugin's items whose documents name it by code (or of all its items when none does). In name, {org} stands for the organisation's name. The seal serves only those items.
   */
  orgs?: string[];
}
/**
 * This interface was referenced by `PluginManifest`'s JSON-Schema
 * via the `definition` "DeliveryModeDefinition".
 */
export interface DeliveryModeDefinition {
  code: Code;
  name: string;
  /**
   * JSON Schema of the fields a DELIVER event in this mode carries.
   */
  fieldsSchema: {};
  /**
   * Whether a signature or proof of receipt must be recorded.
   */
  requiresProof?: boolean;
}
