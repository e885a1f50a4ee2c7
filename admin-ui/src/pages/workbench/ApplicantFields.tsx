import { Card, Col, DatePicker, Form, Input, Row, Select, Space, Switch } from 'antd';
import { isCnIdNumber, isCnMobile } from '../../forms/formats.ts';
import { m } from '../../i18n/index.ts';

/** Applicant, and — when an agent applies on a citizen's behalf (帮办代办) — the authorisation. */
/** `withPerson` is off when the item's own form has an applicant block (the server reads it from there). */
export function ApplicantFields({ agentMode, withPerson }: { agentMode: boolean; withPerson: boolean }) {
  return (
    <Card size="small" title={withPerson ? m.newCase.applicant : undefined} style={{ marginBottom: 12 }}>
      {withPerson && (
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="name" label={m.newCase.applicantName} rules={[{ required: true }]}>
            <Input data-testid="applicant-name" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="idNumber"
            label={m.newCase.applicantId}
            rules={[{ validator: async (_, v?: string) => { if (v && !isCnIdNumber(v)) throw new Error(m.validation.idNumber); } }]}
          >
            <Input data-testid="applicant-id" maxLength={18} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item
            name="phone"
            label={m.newCase.applicantPhone}
            rules={[{ required: true }, { validator: async (_, v?: string) => { if (v && !isCnMobile(v)) throw new Error(m.validation.mobile); } }]}
          >
            <Input data-testid="applicant-phone" maxLength={11} />
          </Form.Item>
        </Col>
      </Row>
      )}
      <Space style={{ marginBottom: agentMode ? 12 : 0 }}>
        <Form.Item name="agentMode" valuePropName="checked" noStyle>
          <Switch size="small" data-testid="agent-mode" aria-label={m.newCase.agentMode} />
        </Form.Item>
        {m.newCase.agentMode}
      </Space>
      {agentMode && (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={['authorisation', 'type']} label={m.newCase.authType} rules={[{ required: true }]}>
              <Select data-testid="auth-type" options={Object.entries(m.newCase.authTypes).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={['authorisation', 'note']} label={m.newCase.authNote} rules={[{ required: true }]}>
              <Input data-testid="auth-note" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['authorisation', 'date']} label={m.newCase.authDate} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="auth-date" />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Card>
  );
}
