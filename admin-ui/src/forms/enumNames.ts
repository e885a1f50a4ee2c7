import type { UiSchema } from '@rjsf/utils';

type Schema = Record<string, unknown>;

/**
 * Our schemas label choices with `enumNames` (a delivery mode's 签收凭证类型: 签名 / 现场照片), which
 * the server's messages read; rjsf 6 only reads `ui:enumNames`. This copies each into the uiSchema
 * at the same place, so a select shows 「签名」 instead of `signature`. Labels the uiSchema already
 * gives win.
 */
export function withEnumNames(schema: unknown, uiSchema: UiSchema = {}): UiSchema {
  if (!isObject(schema)) return uiSchema;
  const out: UiSchema = { ...uiSchema };
  const names = schema['enumNames'];
  if (Array.isArray(names) && Array.isArray(schema['enum']) && out['ui:enumNames'] === undefined) out['ui:enumNames'] = names.map(String);
  const props = schema['properties'];
  if (isObject(props)) {
    for (const [key, sub] of Object.entries(props)) {
      const next = withEnumNames(sub, (uiSchema[key] as UiSchema | undefined) ?? {});
      if (Object.keys(next).length > 0) out[key] = next;
    }
  }
  if (isObject(schema['items'])) {
    const next = withEnumNames(schema['items'], (uiSchema['items'] as UiSchema | undefined) ?? {});
    if (Object.keys(next).length > 0) out['items'] = next;
  }
  return out;
}

function isObject(v: unknown): v is Schema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
