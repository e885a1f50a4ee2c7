// The payload each standard event must carry (API.md), checked before the machine sees it so a
// clerk gets a 400 naming the field instead of a silent refusal. Plugin events are free-form.
import type { ItemDefinition } from '@bianmin/contract';
import { createAjv, toFormErrors } from '@bianmin/forms';
import type { ValidateFunction } from 'ajv';
import type { ErrorDetail } from '../errors/index.ts';

const text = (max = 2000) => ({ type: 'string', minLength: 1, maxLength: max });
const ids = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

const SCHEMAS: Record<string, object> = {
  ACCEPT: { type: 'object', properties: { note: text() } },
  REQUEST_CORRECTION: {
    type: 'object',
    required: ['missing'],
    properties: {
      missing: { ...ids, minItems: 1 },
      note: text(),
      problems: { type: 'object', additionalProperties: text(500) },
      dueDays: { type: 'integer', minimum: 1, maximum: 60 },
    },
  },
  SUPPLEMENT: { type: 'object', properties: { provided: ids, note: text() } },
  REFUSE: {
    type: 'object',
    required: ['reason'],
    properties: { reason: text(), ground: { enum: ['not-competent', 'not-required', 'not-eligible', 'other'] } },
  },
  REFER: {
    type: 'object',
    properties: { to: text(200), reason: text(), address: text(300), phone: text(60), hours: text(200) },
  },
  APPROVE: { type: 'object', properties: { opinion: text() } },
  DENY: { type: 'object', required: ['reason'], properties: { reason: text() } },
  DECIDE: { type: 'object', required: ['approved'], properties: { approved: { type: 'boolean' }, opinion: text(), reason: text() } },
  REPORT: { type: 'object', properties: { note: text() } },
  SEAL: { type: 'object', properties: { note: text() } },
  DELIVER: { type: 'object', required: ['mode'], properties: { mode: { type: 'string', minLength: 1 } } },
  WITHDRAW: { type: 'object', properties: { reason: text() } },
  RETURN_MATERIALS: { type: 'object', properties: { note: text() } },
  // 退回补充: what is to be supplemented, and optionally which materials.
  RETURN_FOR_SUPPLEMENT: { type: 'object', required: ['reason'], properties: { reason: text(), missing: ids } },
  CONFIRM_RECEIPT: { type: 'object', properties: { note: text(), signedBy: text(100) } },
};

const ajv = createAjv();
const validators = new Map<string, ValidateFunction>(Object.entries(SCHEMAS).map(([type, schema]) => [type, ajv.compile(schema)]));

export function isStandardEvent(type: string): boolean {
  return validators.has(type);
}

/** Problems of an event's payload, pointers under /payload. */
export function checkEventPayload(type: string, payload: Record<string, unknown>, item: ItemDefinition): ErrorDetail[] {
  const validate = validators.get(type);
  const problems: ErrorDetail[] = [];
  if (validate && !validate(payload)) {
    for (const e of toFormErrors(validate.errors ?? [])) problems.push({ pointer: `/payload${e.pointer}`, message: e.message });
  }
  const materialIds = new Set(item.materials.map((m) => m.id));
  const listed = (key: string) => (Array.isArray(payload[key]) ? (payload[key] as unknown[]) : []);
  for (const key of ['missing', 'provided']) {
    listed(key).forEach((id, i) => {
      if (typeof id === 'string' && !materialIds.has(id)) problems.push({ pointer: `/payload/${key}/${i}`, message: `事项没有材料 ${id}` });
    });
  }
  if (type === 'REFER' && !payload.to && !item.procedure.referral) {
    problems.push({ pointer: '/payload/to', message: '请写明应向哪个部门或单位申请（告知谁办）' });
  }
  return problems;
}
