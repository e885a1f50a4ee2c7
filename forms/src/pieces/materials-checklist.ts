import {
  MATERIAL_FORM_LABELS, MATERIAL_STATUS_LABELS,
  type MaterialRequirement, type MaterialStatus,
} from '../materials/material-requirement.ts';

/** A JSON Schema + uiSchema pair for @rjsf/core. */
export interface FormDefinition {
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/**
 * The window's material checklist for an item: one radio group per material the applicant must
 * or may bring, keyed by material id, so its data is exactly the `submitted` record that
 * validateMaterials() checks. Shared materials (免证办) are not asked for; the form's description
 * names them so the clerk can tell the applicant. "容缺后补" is offered only where the item allows it.
 */
export function materialsChecklistForm(materials: readonly MaterialRequirement[]): FormDefinition {
  const asked = materials.filter((m) => !m.sharedFrom);
  const shared = materials.filter((m) => m.sharedFrom);
  const properties: Record<string, unknown> = {};
  const uiSchema: Record<string, unknown> = { 'ui:order': asked.map((m) => m.id) };
  for (const material of asked) {
    const statuses: MaterialStatus[] = material.waivable ? ['provided', 'waived', 'missing'] : ['provided', 'missing'];
    properties[material.id] = {
      type: 'string',
      title: material.required ? material.name : `${material.name}（非必需）`,
      enum: statuses,
      default: 'missing',
      ...(describe(material) ? { description: describe(material) } : {}),
    };
    uiSchema[material.id] = {
      'ui:widget': 'radio',
      'ui:enumNames': statuses.map((s) => MATERIAL_STATUS_LABELS[s]),
      'ui:options': { inline: true },
    };
  }
  const schema: Record<string, unknown> = {
    type: 'object',
    title: '申请材料核对',
    required: asked.map((m) => m.id),
    properties,
    additionalProperties: false,
  };
  if (shared.length > 0) {
    schema['description'] = `以下材料通过数据共享获取，无需申请人提交：${shared.map((m) => `${m.name}（${m.sharedFrom}）`).join('、')}`;
  }
  return { schema, uiSchema };
}

function describe(material: MaterialRequirement): string {
  const parts: string[] = [];
  if (material.form) parts.push(`${MATERIAL_FORM_LABELS[material.form]}${material.count ?? 1}份`);
  if (material.waivable) parts.push(`可容缺受理，${material.waivableDays ?? 5}个工作日内补交`);
  return parts.join('；');
}
