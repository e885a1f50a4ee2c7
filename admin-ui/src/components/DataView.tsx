import type { ReactNode } from 'react';
import { Descriptions } from 'antd';
import { m } from '../i18n/index.ts';

type Schema = { title?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; oneOf?: { const?: unknown; title?: string }[] };

/** A value as text, using the schema's option titles (oneOf const/title) where it has them. */
function text(value: unknown, schema: Schema | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? m.app.yes : m.app.no;
  const option = schema?.oneOf?.find((o) => o.const === value);
  if (option?.title) return option.title;
  if (typeof value === 'string' && value.startsWith('data:')) return m.casePage.attachment;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function render(value: unknown, schema: Schema | undefined): ReactNode {
  if (Array.isArray(value)) {
    return value.map((v, i) => <div key={i}>{render(v, schema?.items)}</div>);
  }
  if (value && typeof value === 'object') {
    const props = schema?.properties ?? {};
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => (
        <span key={k} style={{ marginRight: 12 }}>
          <span style={{ color: '#888' }}>{props[k]?.title ?? k}：</span>
          {render(v, props[k])}
        </span>
      ));
  }
  return text(value, schema);
}

/**
 * Case data read-only, labelled from the item's form schema. Lighter than a disabled rjsf form, so the
 * case page does not load rjsf and ajv at all.
 */
export function DataView({ data, schema }: { data: Record<string, unknown>; schema: unknown }) {
  const props = ((schema ?? {}) as Schema).properties ?? {};
  const keys = [...Object.keys(props).filter((k) => k in data), ...Object.keys(data).filter((k) => !(k in props))];
  return (
    <Descriptions size="small" column={2} bordered>
      {keys.map((k) => {
        const nested = data[k] !== null && typeof data[k] === 'object';
        return (
          <Descriptions.Item key={k} label={props[k]?.title ?? k} span={nested ? 2 : 1}>
            {render(data[k], props[k])}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
