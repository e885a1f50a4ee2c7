import { useRef, useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Table, Typography } from 'antd';
import type Rjsf from '@rjsf/core';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors.ts';
import { applyOnline, getPublicItem, listPublicOrgs } from '../../api/public.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { isCnIdNumber, isCnMobile } from '../../forms/formats.ts';
import { problemsToErrorSchema } from '../../forms/problems.ts';
import { SchemaForm } from '../../forms/SchemaForm.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { m } from '../../i18n/index.ts';
import type { Material, MaterialStatus } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';

interface Person { name: string; idNumber: string; phone: string }

/** Online application: the item's own form and the centre to apply at; materials are checked at the window. */
export default function Apply() {
  const { code = '' } = useParams();
  const item = useAsync(() => getPublicItem(code), [code]);
  const orgs = useAsync(listPublicOrgs, []);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [orgId, setOrgId] = useState<string>();
  const [extraErrors, setExtraErrors] = useState({});
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // The applicant says which materials they have ready; the clerk can then accept at once when
  // nothing is missing. Optional ones start 不适用, the others unmarked.
  const [marks, setMarks] = useState<Record<string, MaterialStatus>>({});
  const [tried, setTried] = useState(false);
  const formRef = useRef<Rjsf<Record<string, unknown>>>(null);
  const [personForm] = Form.useForm<Person>();

  const asked = (item.data?.materials ?? []).filter((x) => !x.sharedFrom);
  const markOf = (mat: Material): MaterialStatus | undefined => marks[mat.id] ?? (mat.required ? undefined : 'not-applicable');
  const unmarked = asked.filter((mat) => markOf(mat) === undefined);
  const schema = item.data?.form?.schema as { properties?: Record<string, unknown>; additionalProperties?: unknown } | undefined;
  // The server reads the applicant (for progress look-ups by phone) from the data's `applicant` block.
  const needsPerson = !!schema && !('applicant' in (schema.properties ?? {}));

  async function submit() {
    let person: Person | undefined;
    try {
      if (needsPerson) person = await personForm.validateFields();
    } catch {
      return;
    }
    setTried(true);
    const formValid = !formRef.current || formRef.current.validateForm();
    if (!formValid || unmarked.length > 0) return;
    if (!orgId) return setError(new Error(m.public.pickOrg));
    setBusy(true);
    setError(undefined);
    try {
      const materials = Object.fromEntries(asked.map((mat) => [mat.id, markOf(mat)!]));
      const c = await applyOnline({ itemCode: code, orgId, data: person ? { ...data, applicant: person } : data, materials });
      setDone(c.number);
    } catch (e) {
      if (e instanceof ApiError) setExtraErrors(problemsToErrorSchema(e.problems, '/data'));
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (item.error) return <ErrorNote error={item.error} />;
  if (!item.data) return null;
  if (!item.data.form) return <Alert type="info" title={m.public.applyUnavailable} />;
  if (done) return <Alert type="success" showIcon title={m.public.submitted(done)} data-testid="applied" />;
  const rule = (check: (v: string) => boolean, message: string) => ({
    validator: async (_: unknown, v?: string) => { if (v && !check(v)) throw new Error(message); },
  });
  return (
    <Card>
      <PageTitle>{`${m.public.apply} · ${item.data.name}`}</PageTitle>
      <Form layout="vertical">
        <Form.Item label={m.public.org} required>
          <Select
            data-testid="apply-org"
            aria-label={m.public.org}
            showSearch={{ optionFilterProp: 'label' }}
            value={orgId}
            onChange={setOrgId}
            style={{ maxWidth: 420 }}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      </Form>
      {needsPerson && (
        <Form form={personForm} layout="vertical">
          <Row gutter={12}>
            <Col span={6}><Form.Item name="name" label={m.newCase.applicantName} rules={[{ required: true }]}><Input data-testid="apply-name" /></Form.Item></Col>
            <Col span={10}>
              <Form.Item name="idNumber" label={m.newCase.applicantId} rules={[{ required: true }, rule(isCnIdNumber, m.validation.idNumber)]}>
                <Input maxLength={18} data-testid="apply-id" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="phone" label={m.newCase.applicantPhone} rules={[{ required: true }, rule(isCnMobile, m.validation.mobile)]}>
                <Input maxLength={11} data-testid="apply-phone" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
      <SchemaForm
        ref={formRef}
        schema={item.data.form.schema}
        uiSchema={{ ...(item.data.form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }}
        formData={data}
        extraErrors={extraErrors}
        onChange={(e) => setData(e.formData ?? {})}
      />
      {asked.length > 0 && (
        <>
          <Typography.Title level={2} className="bm-section-title">{m.public.materialsTitle}</Typography.Title>
          <Typography.Paragraph type="secondary">{m.public.materialsNote}</Typography.Paragraph>
          <Table<Material>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={asked}
            style={{ marginBottom: 12 }}
            columns={[
              { title: m.materials.name, render: (_, mat) => <>{mat.name}{!mat.required && <span style={{ color: '#888' }}>（{m.guide.optional}）</span>}</> },
              { title: m.materials.form, width: 110, render: (_, mat) => m.materialForms[mat.form] ?? mat.form },
              {
                title: m.public.materialReady,
                width: 260,
                render: (_, mat) => (
                  <div data-testid={`apply-material-${mat.id}`}>
                    <Radio.Group
                      aria-label={`${mat.name}：${m.public.materialReady}`}
                      value={markOf(mat)}
                      onChange={(e) => setMarks({ ...marks, [mat.id]: e.target.value as MaterialStatus })}
                      options={[
                        { value: 'provided', label: m.public.ready },
                        mat.required ? { value: 'missing', label: m.public.notReady } : { value: 'not-applicable', label: m.newCase.notApplicable },
                      ]}
                    />
                    {tried && markOf(mat) === undefined && <div className="ant-form-item-explain-error" role="alert">{m.public.mustMark}</div>}
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
      <ErrorNote error={error} />
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="apply-submit">{m.public.submitApplication}</Button>
    </Card>
  );
}
