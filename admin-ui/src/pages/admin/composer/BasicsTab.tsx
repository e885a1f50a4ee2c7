import { Col, Form, Input, Row, Select } from 'antd';
import type { ItemDefinition } from '../../../api/types.ts';
import type { Problem } from '../../../api/errors.ts';
import { m } from '../../../i18n/index.ts';

interface Props {
  def: ItemDefinition;
  onChange: (patch: Partial<ItemDefinition>) => void;
  problems: Problem[];
  isNew: boolean;
}

const errorOf = (problems: Problem[], key: string) => problems.find((p) => p.pointer === `/${key}`)?.message;

/** Code, name, department, level and version: the top of the definition. */
export function BasicsTab({ def, onChange, problems, isNew }: Props) {
  const item = (key: 'code' | 'name' | 'department' | 'version', label: string, extra?: string) => {
    const err = errorOf(problems, key);
    return (
      <Form.Item label={label} required validateStatus={err ? 'error' : undefined} help={err ?? extra}>
        <Input
          data-testid={`basics-${key}`}
          value={def[key]}
          disabled={key === 'code' && !isNew}
          onChange={(e) => onChange({ [key]: e.target.value })}
        />
      </Form.Item>
    );
  };
  return (
    <Form layout="vertical">
      <Row gutter={16}>
        <Col span={12}>{item('code', m.composer.code, m.composer.codeHelp)}</Col>
        <Col span={12}>{item('name', m.composer.name)}</Col>
        <Col span={8}>{item('department', m.composer.department)}</Col>
        <Col span={8}>
          <Form.Item label={m.composer.level} required>
            <Select
              data-testid="basics-level"
              value={def.level}
              onChange={(level) => onChange({ level })}
              options={['village', 'township', 'county'].map((v) => ({ value: v, label: m.levels[v] }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>{item('version', m.composer.version)}</Col>
      </Row>
    </Form>
  );
}
