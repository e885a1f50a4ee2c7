/**
 * The part of an item's material (core contract `Material`) that forms needs. Declared here
 * structurally because forms must not import core; a core `Material` is assignable to it.
 */
export interface MaterialRequirement {
  id: string;
  name: string;
  required: boolean;
  /** Obtained by data sharing (免证办): never asked of the applicant. */
  sharedFrom?: string;
  /** May be supplied after acceptance (容缺受理). */
  waivable?: boolean;
  /** Working days to supply a waived material; the contract's default is 5. */
  waivableDays?: number;
  form?: 'original' | 'copy' | 'original-and-copy' | 'electronic';
  count?: number;
}

/**
 * What the window recorded for one material at reception: handed in (and checked), 容缺 (owed after
 * acceptance), missing, or — for an optional material — not applicable to this application.
 */
export type MaterialStatus = 'provided' | 'waived' | 'missing' | 'not-applicable';

export const MATERIAL_STATUSES: readonly MaterialStatus[] = ['provided', 'waived', 'missing', 'not-applicable'];

export const MATERIAL_STATUS_LABELS: Readonly<Record<MaterialStatus, string>> = {
  provided: '已提交',
  waived: '容缺后补',
  missing: '未提交',
  'not-applicable': '不适用',
};

export const MATERIAL_FORM_LABELS: Readonly<Record<NonNullable<MaterialRequirement['form']>, string>> = {
  original: '原件',
  copy: '复印件',
  'original-and-copy': '原件及复印件',
  electronic: '电子材料',
};
