import { useCallback, useRef, useState } from 'react';
import { App, Button, Card, Form, Select, Space } from 'antd';
import type Rjsf from '@rjsf/core';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { createCase } from '../../api/cases.ts';
import { ApiError } from '../../api/errors.ts';
import { getItem, listItems } from '../../api/items.ts';
import type { ItemDetail } from '../../api/types.ts';
import { hasRole } from '../../auth/session.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SchemaForm } from '../../forms/SchemaForm.tsx';
import { problemsToErrorSchema } from '../../forms/problems.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useCtrlEnter } from '../../hooks/useCtrlEnter.ts';
import { m } from '../../i18n/index.ts';
import { whenFound } from '../../keyboard/whenFound.ts';
import { useEnterAdvances } from '../../keyboard/enterAdvances.ts';
import { ApplicantFields } from './ApplicantFields.tsx';
import { initialChoices, markedMaterials, MaterialsCheck, unverifiedMaterials, type MaterialChoices } from './MaterialsCheck.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';

interface ApplicantValues {
  name: string;
  idNumber?: string;
  phone: string;
  agentMode?: boolean;
  authorisation?: { type: string; note: string; date?: Dayjs };
}

/**
 * The fields of the item form's own applicant block, or null when it has none: items built from
 * @bianmin/forms' applicant piece carry the applicant in their own data.
 */
function applicantFields(item: ItemDetail | undefined): string[] | null {
  const props = (item?.form.schema as { properties?: Record<string, { properties?: Record<string, unknown> }> } | undefined)?.properties;
  const block = props?.applicant;
  return block ? Object.keys(block.properties ?? { name: 1, idNumber: 1, phone: 1 }) : null;
}

const PERSON = ['name', 'idNumber', 'phone'] as const;

/** Non-empty values only: an empty string would fail the form's minLength instead of `required`. */
function filled(values: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.flatMap((k) => (values[k] === undefined || values[k] === '' ? [] : [[k, values[k]]])));
}

/** 收件登记: find the item, fill its form, check the materials, create the case. */
export default function NewCase() {
  const { message } = App.useApp();
  const { session } = useAuth();
  const navigate = useNavigate();
  const items = useAsync(listItems, []);
  const [item, setItem] = useState<ItemDetail>();
  const [data, setData] = useState<Record<string, unknown>>({});
  const [choices, setChoices] = useState<MaterialChoices>({});
  const [extraErrors, setExtraErrors] = useState({});
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const formRef = useRef<Rjsf<Record<string, unknown>>>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  useEnterAdvances(fieldsRef, useCallback(() => createButton.current?.focus(), []));
  const [applicantForm] = Form.useForm<ApplicantValues>();
  const agentMode = Form.useWatch('agentMode', applicantForm) ?? false;
  const isAgentOnly = hasRole(session, 'agent') && !hasRole(session, 'clerk');

  async function pick(code: string) {
    setError(undefined);
    try {
      const detail = await getItem(code);
      // What the clerk typed about the applicant before choosing the item moves with them: into the
      // item form's applicant block when it has one, else into the applicant fields above it.
      const typed = { ...filled(applicantForm.getFieldsValue([...PERSON]) as Record<string, unknown>, PERSON), ...filled((data.applicant ?? {}) as Record<string, unknown>, PERSON) };
      const block = applicantFields(detail);
      setItem(detail);
      if (block) setData(Object.keys(filled(typed, block)).length > 0 ? { applicant: filled(typed, block) } : {});
      else {
        setData({});
        applicantForm.setFieldsValue(typed as Partial<ApplicantValues>);
      }
      setChoices(initialChoices(detail.materials ?? []));
      setTriedSubmit(false);
      // On to the first field still empty: the applicant's, or the item form's.
      whenFound(`[data-testid="new-case-fields"][data-item="${detail.code}"] .bm-form`, () => {
        const fields = [...document.querySelectorAll<HTMLInputElement>('[data-testid="new-case-fields"] :is(input, textarea):not([type="hidden"], [type="radio"], [role="switch"])')];
        (fields.find((f) => !f.value && !f.readOnly && !f.disabled) ?? fields[0])?.focus();
      });
      setExtraErrors({});
    } catch (e) {
      setError(e);
    }
  }

  useCtrlEnter(() => void submit(), !busy);

  async function submit() {
    if (!item) return void message.warning(m.newCase.mustPickItem);
    let applicant: ApplicantValues;
    try {
      applicant = await applicantForm.validateFields();
    } catch {
      return;
    }
    setTriedSubmit(true);
    const formValid = !formRef.current || formRef.current.validateForm();
    const left = unverifiedMaterials(choices);
    if (left.length > 0) message.warning(m.newCase.unverifiedLeft(left.length));
    if (!formValid || left.length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const { agentMode: agent, authorisation, ...person } = applicant;
      const created = await createCase({
        itemCode: item.code,
        data,
        materials: markedMaterials(choices),
        channel: agent ? 'agent' : 'window',
        applicant: {
          ...person,
          // The server keeps { agentName, document, note } (core Applicant.authorisation).
          ...(agent && authorisation
            ? {
                authorisation: {
                  agentName: session?.user.name,
                  document: authorisation.note,
                  note: `${m.newCase.authTypes[authorisation.type] ?? authorisation.type} ${authorisation.date?.format('YYYY-MM-DD') ?? ''}`.trim(),
                },
              }
            : {}),
        },
      });
      message.success(m.newCase.created(created.number));
      navigate(`/workbench/cases/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) setExtraErrors(problemsToErrorSchema(e.problems, '/data'));
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{m.newCase.title}</PageTitle>
      <ErrorNote error={items.error} />
      <Space style={{ marginBottom: 12 }}>
        <span>{m.newCase.pickItem}</span>
        <Select
          data-testid="item-picker"
          aria-label={m.newCase.pickItem}
          data-autofocus
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 420 }}
          placeholder={m.newCase.pickItemPlaceholder}
          loading={items.loading}
          options={(items.data ?? []).map((i) => ({ value: i.code, label: `${i.name}（${i.department}）` }))}
          onChange={(code: string) => void pick(code)}
        />
      </Space>
      <div data-testid="new-case-fields" data-item={item?.code} ref={fieldsRef}>
      <Form form={applicantForm} layout="vertical" initialValues={{ agentMode: isAgentOnly }}>
        <ApplicantFields agentMode={agentMode} withPerson={applicantFields(item) === null} />
      </Form>
      {item && (
        <>
          <Card size="small" title={`${m.newCase.formData} · ${item.name}`} style={{ marginBottom: 12 }}>
            <SchemaForm
              ref={formRef}
              schema={item.form.schema}
              uiSchema={{ ...(item.form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }}
              formData={data}
              extraErrors={extraErrors}
              onChange={(e) => setData(e.formData ?? {})}
            />
          </Card>
          <Card size="small" title={m.newCase.materials} style={{ marginBottom: 12 }}>
            <MaterialsCheck materials={item.materials ?? []} value={choices} onChange={setChoices} showErrors={triedSubmit} />
          </Card>
        </>
      )}
      </div>
      {error !== undefined && <div style={{ marginBottom: 12 }}><ErrorNote error={error} /></div>}
      <Button ref={createButton} type="primary" size="large" loading={busy} onClick={() => void submit()} data-testid="create-case">
        {m.newCase.create}
      </Button>
      <span style={{ marginLeft: 12, color: '#888' }}>{m.app.ctrlEnter} · {m.newCase.enterNext}</span>
    </>
  );
}
