import type { Problem } from '@bianmin/contract';
import { MATERIAL_STATUSES, type MaterialRequirement, type MaterialStatus } from './material-requirement.ts';

export interface MaterialsCheck {
  /** Required materials asked of the applicant that are neither provided nor (validly) waived. */
  missing: string[];
  /** Materials accepted as 容缺 (to be supplied later). */
  waived: string[];
  /** Inconsistencies in what was submitted; pointers are into the `submitted` record. */
  problems: Problem[];
}

/**
 * Checks the window's material checklist against the item's materials. Materials obtained by data
 * sharing are never missing, whatever was recorded for them. A material that is not listed
 * counts as not provided. Messages are in Chinese for the window screen.
 */
export function validateMaterials(
  materials: readonly MaterialRequirement[],
  submitted: Readonly<Record<string, MaterialStatus>>,
): MaterialsCheck {
  const result: MaterialsCheck = { missing: [], waived: [], problems: [] };
  const known = new Set(materials.map((m) => m.id));
  for (const [id, status] of Object.entries(submitted)) {
    if (!known.has(id)) result.problems.push({ pointer: pointerTo(id), message: `未知的材料：${id}` });
    else if (!MATERIAL_STATUSES.includes(status)) {
      result.problems.push({ pointer: pointerTo(id), message: `材料状态无效："${String(status)}"，应为 已提交、容缺后补、未提交 或 不适用` });
    }
  }
  for (const material of materials) {
    if (material.sharedFrom) continue;
    const status = Object.hasOwn(submitted, material.id) ? submitted[material.id] : 'missing';
    if (status === 'provided') continue;
    if (status === 'not-applicable' && material.required) {
      result.problems.push({ pointer: pointerTo(material.id), message: `「${material.name}」为必需材料，不能标为不适用` });
    }
    if (status === 'waived') {
      if (material.waivable) {
        result.waived.push(material.id);
        continue;
      }
      result.problems.push({ pointer: pointerTo(material.id), message: `「${material.name}」不允许容缺受理，须当场提交` });
    }
    if (material.required) result.missing.push(material.id);
  }
  return result;
}

function pointerTo(id: string): string {
  return `/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
