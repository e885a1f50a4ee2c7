import { useState } from 'react';
import { Card, Col, Row, Tabs } from 'antd';
import type { ItemForm } from '../../../api/types.ts';
import type { Problem } from '../../../api/errors.ts';
import { SchemaForm } from '../../../forms/SchemaForm.tsx';
import { m } from '../../../i18n/index.ts';
import { FieldEditor } from '../designer/FieldEditor.tsx';
import { FieldList } from '../designer/FieldList.tsx';
import { fieldsToForm, formToFields, mergeForm, type DesignerField, type Schema } from '../designer/fields.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { ProblemList } from './ProblemList.tsx';

interface Props {
  form: ItemForm;
  onChange: (form: ItemForm) => void;
  problems: Problem[];
}

/** Designer on the left, the live rjsf preview on the right; the raw JSON is a tab away. */
export function FormTab({ form, onChange, problems }: Props) {
  const [fields, setFields] = useState<DesignerField[]>(() => formToFields(form as { schema: Schema; uiSchema?: Schema }));
  const [selected, setSelected] = useState<number | null>(null);
  const [sample, setSample] = useState<Record<string, unknown>>({});

  const update = (next: DesignerField[], select?: number | null) => {
    setFields(next);
    if (select !== undefined) setSelected(select);
    onChange(mergeForm(form as { schema: Schema; uiSchema?: Schema }, fieldsToForm(next)));
  };
  const current = selected !== null ? fields[selected] : undefined;

  return (
    <>
      <ProblemList problems={problems} />
      <Tabs
        size="small"
        items={[
          {
            key: 'design',
            label: m.composer.form,
            children: (
              <Row gutter={12}>
                <Col span={11}>
                  <Card size="small" title={m.designer.fields}>
                    <FieldList fields={fields} selected={selected} onSelect={setSelected} onChange={(f, s) => update(f, s === undefined ? undefined : s)} />
                  </Card>
                  {current && (
                    <Card size="small" style={{ marginTop: 8 }}>
                      <FieldEditor key={selected} field={current} onChange={(f) => update(fields.map((x, j) => (j === selected ? f : x)))} />
                    </Card>
                  )}
                </Col>
                <Col span={13}>
                  <Card size="small" title={m.designer.preview} data-testid="form-preview">
                    <SchemaForm
                      schema={form.schema}
                      uiSchema={{ ...(form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }}
                      formData={sample}
                      onChange={(e) => setSample(e.formData ?? {})}
                      liveValidate="onChange"
                    />
                  </Card>
                </Col>
              </Row>
            ),
          },
          {
            key: 'json',
            label: m.composer.rawJson,
            children: (
              <JsonEditor
                value={form}
                onApply={(v) => {
                  const next = v as ItemForm;
                  onChange(next);
                  setFields(formToFields(next as { schema: Schema; uiSchema?: Schema }));
                  setSelected(null);
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
