import { useState } from 'react';
import { Alert, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { m } from '../../../i18n/index.ts';
import type { DesignerField } from './fields.ts';
import { FieldList } from './FieldList.tsx';

interface Props {
  field: DesignerField;
  onChange: (f: DesignerField) => void;
  nested?: boolean;
}

/** The properties of one field; a repeating group edits its own sub-fields (one level deep). */
export function FieldEditor({ field, onChange, nested = false }: Props) {
  const [sub, setSub] = useState<number | null>(null);
  const set = (p: Partial<DesignerField>) => onChange({ ...field, ...p });
  const subFields = field.fields ?? [];
  return (
    <Form layout="vertical" size="small">
      <Space align="start" wrap>
        <Form.Item label={m.designer.title}>
          <Input data-testid="field-title" value={field.title} onChange={(e) => set({ title: e.target.value })} />
        </Form.Item>
        <Form.Item label={m.designer.name}>
          <Input
            data-testid="field-name"
            value={field.name}
            onChange={(e) => set({ name: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
          />
        </Form.Item>
        <Form.Item label={m.designer.required}>
          <Checkbox data-testid="field-required" checked={field.required} onChange={(e) => set({ required: e.target.checked })} />
        </Form.Item>
      </Space>
      <Form.Item label={m.designer.description}>
        <Input value={field.description ?? ''} onChange={(e) => set({ description: e.target.value || undefined })} />
      </Form.Item>
      {field.kind === 'text' && (
        <Checkbox checked={!!field.multiline} onChange={(e) => set({ multiline: e.target.checked || undefined })}>
          {m.designer.multiline}
        </Checkbox>
      )}
      {field.kind === 'number' && (
        <Space>
          <Form.Item label={m.designer.min}>
            <InputNumber value={field.minimum ?? null} onChange={(v) => set({ minimum: v ?? undefined })} />
          </Form.Item>
          <Form.Item label={m.designer.max}>
            <InputNumber value={field.maximum ?? null} onChange={(v) => set({ maximum: v ?? undefined })} />
          </Form.Item>
        </Space>
      )}
      {field.kind === 'select' && (
        <Form.Item label={m.designer.options}>
          <Input.TextArea
            autoSize={{ minRows: 3 }}
            value={(field.options ?? []).join('\n')}
            onChange={(e) => set({ options: e.target.value.split('\n').map((s) => s.trim()).filter(Boolean) })}
          />
        </Form.Item>
      )}
      {field.kind === 'raw' && <Alert type="info" title={m.designer.unsupported} />}
      {field.kind === 'group' && !nested && (
        <Form.Item label={m.designer.subfields}>
          <FieldList
            fields={subFields}
            selected={sub}
            allowGroup={false}
            onSelect={setSub}
            onChange={(fields, select) => { set({ fields }); setSub(select ?? null); }}
          />
          {sub !== null && subFields[sub] && (
            <div style={{ marginTop: 8, paddingLeft: 12, borderLeft: '2px solid #f0f0f0' }}>
              <FieldEditor nested field={subFields[sub]} onChange={(f) => set({ fields: subFields.map((x, j) => (j === sub ? f : x)) })} />
            </div>
          )}
        </Form.Item>
      )}
    </Form>
  );
}
