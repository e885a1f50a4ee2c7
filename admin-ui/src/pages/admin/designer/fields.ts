// The form designer's model: a flat list of typed fields (groups nest one level) that maps to and
// from an item's JSON Schema + uiSchema. Anything the model can't express stays as a `raw` field.

export type FieldKind = 'text' | 'number' | 'date' | 'select' | 'idNumber' | 'phone' | 'address' | 'file' | 'group' | 'raw';

export interface DesignerField {
  name: string;
  kind: FieldKind;
  title: string;
  required: boolean;
  description?: string;
  multiline?: boolean;
  options?: string[];
  minimum?: number;
  maximum?: number;
  fields?: DesignerField[];
  /** The untouched schema of a field the designer doesn't model. */
  raw?: Schema;
  rawUi?: Schema;
}

export type Schema = Record<string, unknown>;

export interface FormDefinition {
  schema: Schema;
  uiSchema: Schema;
}

export const FIELD_KINDS: FieldKind[] = ['text', 'number', 'date', 'select', 'idNumber', 'phone', 'address', 'file', 'group'];

/** The shared address piece of @bianmin/forms (province … village, detail), by reference. */
export const ADDRESS_REF = 'urn:bianmin:forms:address';

function fieldSchema(f: DesignerField): { schema: Schema; ui?: Schema } {
  const base: Schema = { title: f.title, ...(f.description ? { description: f.description } : {}) };
  switch (f.kind) {
    case 'text':
      return { schema: { ...base, type: 'string' }, ui: f.multiline ? { 'ui:widget': 'textarea' } : undefined };
    case 'number':
      return {
        schema: {
          ...base,
          type: 'number',
          ...(f.minimum !== undefined ? { minimum: f.minimum } : {}),
          ...(f.maximum !== undefined ? { maximum: f.maximum } : {}),
        },
      };
    case 'date':
      return { schema: { ...base, type: 'string', format: 'date' } };
    case 'select':
      return { schema: { ...base, type: 'string', enum: f.options?.length ? f.options : [''] } };
    case 'idNumber':
      return { schema: { ...base, type: 'string', format: 'cn-id-number' } };
    case 'phone':
      return { schema: { ...base, type: 'string', format: 'cn-mobile' } };
    case 'file':
      return { schema: { ...base, type: 'string', format: 'data-url' } };
    case 'address':
      return { schema: { $ref: ADDRESS_REF, ...base } };
    case 'group': {
      const inner = fieldsToForm(f.fields ?? []);
      return {
        schema: { ...base, type: 'array', items: inner.schema },
        ui: Object.keys(inner.uiSchema).length ? { items: inner.uiSchema } : undefined,
      };
    }
    case 'raw':
      return { schema: f.raw ?? {}, ui: f.rawUi };
  }
}

/** Designer fields → the item's `form` ({ schema, uiSchema }), properties in the designer's order. */
export function fieldsToForm(fields: DesignerField[]): FormDefinition {
  const properties: Schema = {};
  const required: string[] = [];
  const uiSchema: Schema = {};
  for (const f of fields) {
    const { schema, ui } = fieldSchema(f);
    properties[f.name] = schema;
    if (f.required) required.push(f.name);
    if (ui) uiSchema[f.name] = ui;
  }
  if (fields.length) uiSchema['ui:order'] = [...fields.map((f) => f.name), '*'];
  return { schema: { type: 'object', required, properties }, uiSchema };
}

function toField(name: string, s: Schema, ui: Schema | undefined, required: boolean): DesignerField {
  const base = {
    name,
    title: typeof s.title === 'string' ? s.title : name,
    required,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  };
  const raw: DesignerField = { ...base, kind: 'raw', raw: s, ...(ui ? { rawUi: ui } : {}) };
  const uiKeys = Object.keys(ui ?? {});
  if (s.$ref === ADDRESS_REF && uiKeys.length === 0 && Object.keys(s).every((k) => ['$ref', 'title', 'description'].includes(k))) {
    return { ...base, kind: 'address' };
  }
  if (s.$ref || s.oneOf || s.anyOf || s.allOf || s.const !== undefined || s.default !== undefined) return raw;
  if (s.type === 'string') {
    const known = ['type', 'title', 'description', 'format', 'enum'];
    if (Object.keys(s).some((k) => !known.includes(k))) return raw;
    if (Array.isArray(s.enum)) return s.format ? raw : { ...base, kind: 'select', options: s.enum.map(String) };
    const byFormat: Record<string, FieldKind> = { date: 'date', 'cn-id-number': 'idNumber', 'cn-mobile': 'phone', 'data-url': 'file' };
    if (s.format) return byFormat[String(s.format)] && uiKeys.length === 0 ? { ...base, kind: byFormat[String(s.format)]! } : raw;
    const multiline = ui?.['ui:widget'] === 'textarea';
    if (uiKeys.some((k) => k !== 'ui:widget') || (uiKeys.length && !multiline)) return raw;
    return { ...base, kind: 'text', ...(multiline ? { multiline } : {}) };
  }
  if ((s.type === 'number' || s.type === 'integer') && uiKeys.length === 0) {
    if (s.type === 'integer' || Object.keys(s).some((k) => !['type', 'title', 'description', 'minimum', 'maximum'].includes(k))) return raw;
    return {
      ...base,
      kind: 'number',
      ...(typeof s.minimum === 'number' ? { minimum: s.minimum } : {}),
      ...(typeof s.maximum === 'number' ? { maximum: s.maximum } : {}),
    };
  }
  if (s.type === 'array' && s.items && typeof s.items === 'object' && (s.items as Schema).type === 'object') {
    const itemsUi = (ui?.items ?? undefined) as Schema | undefined;
    if (uiKeys.some((k) => k !== 'items')) return raw;
    return { ...base, kind: 'group', fields: formToFields({ schema: s.items as Schema, uiSchema: itemsUi ?? {} }) };
  }
  return raw;
}

/** The item's form → designer fields, in uiSchema order when one is given. */
export function formToFields(form: { schema?: Schema; uiSchema?: Schema }): DesignerField[] {
  const schema = form.schema ?? {};
  const uiSchema = form.uiSchema ?? {};
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const order = Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as string[]).filter((n) => n in props) : [];
  const names = [...order, ...Object.keys(props).filter((n) => !order.includes(n))];
  return names.map((n) => toField(n, props[n]!, uiSchema[n] as Schema | undefined, required.has(n)));
}

/** A field name not yet used: field1, field2, … */
export function freshName(fields: DesignerField[], stem = 'field'): string {
  const used = new Set(fields.map((f) => f.name));
  let i = fields.length + 1;
  while (used.has(`${stem}${i}`)) i++;
  return `${stem}${i}`;
}

/** Top-level form keywords the designer leaves alone (title, description…) are kept on regeneration. */
export function mergeForm(previous: { schema?: Schema; uiSchema?: Schema } | undefined, next: FormDefinition): FormDefinition {
  const { properties: _p, required: _r, type: _t, ...keep } = previous?.schema ?? {};
  const { 'ui:order': _o, ...keepUi } = Object.fromEntries(
    Object.entries(previous?.uiSchema ?? {}).filter(([k]) => k.startsWith('ui:')),
  );
  return { schema: { ...keep, ...next.schema }, uiSchema: { ...keepUi, ...next.uiSchema } };
}
