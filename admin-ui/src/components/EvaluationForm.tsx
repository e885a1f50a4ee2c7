import type { ReactNode } from 'react';
import { Button, Checkbox, Form, Input, Radio, Space } from 'antd';
import type { EvaluationBody, EvaluationOptions } from '../api/supervision.ts';
import { m } from '../i18n/index.ts';

const BAD = 2;

/**
 * The 好差评 form every channel shares (portal, QR page, window evaluator, paper card): five levels,
 * the standard reasons when the rating is bad, a comment, and whether the evaluator gives their name.
 * `large`: the evaluator at the window, tapped by the applicant.
 */
export function EvaluationForm({ options, busy, onSubmit, large = false, extra }: {
  options: EvaluationOptions;
  busy: boolean;
  onSubmit: (body: EvaluationBody) => void;
  large?: boolean;
  extra?: ReactNode;
}) {
  const [form] = Form.useForm();
  const level = Form.useWatch('level', form) as number | undefined;
  const levels = [...options.levels].sort((a, b) => b.level - a.level);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { level: number; reasons?: string[]; comment?: string; realName?: boolean }) =>
        onSubmit({ level: v.level, ...(v.level <= BAD ? { reasons: v.reasons ?? [] } : {}), ...(v.comment ? { comment: v.comment } : {}), realName: Boolean(v.realName) })
      }
    >
      {extra}
      <Form.Item name="level" label={m.supervision.level} rules={[{ required: true, message: m.supervision.pickLevel }]}>
        <Radio.Group optionType={large ? 'button' : 'default'} buttonStyle="solid" size={large ? 'large' : 'middle'}>
          <Space wrap size={large ? 16 : 8}>
            {levels.map((l) => (
              <Radio key={l.level} value={l.level} data-testid={`evaluate-${l.level}`} style={large ? { minWidth: 120, textAlign: 'center', fontSize: 20, height: 56, lineHeight: '54px' } : undefined}>
                {l.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {level !== undefined && level <= BAD && (
        <Form.Item name="reasons" label={m.supervision.reasons} rules={[{ required: true, type: 'array', min: 1, message: m.supervision.pickReason }]}>
          <Checkbox.Group options={options.reasons.map((r) => ({ value: r.code, label: r.label }))} data-testid="evaluate-reasons" />
        </Form.Item>
      )}
      <Form.Item name="comment" label={m.public.comment}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
      </Form.Item>
      <Form.Item name="realName" valuePropName="checked">
        <Checkbox>{m.supervision.realNameLabel}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} size={large ? 'large' : 'middle'} data-testid="evaluate-submit">
        {m.public.submitEvaluation}
      </Button>
    </Form>
  );
}
