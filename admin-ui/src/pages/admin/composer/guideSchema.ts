// The ItemGuide part of contract/schemas/manifest.schema.json, restated with Chinese titles for the
// composer's rjsf form (the UI reaches core over HTTP only). tests/e2e/ui-logic.test.ts keeps the two
// in step: same properties, same required list.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { m } from '../../../i18n/index.ts';

const e = m.guide.elements;
const f = m.guide.form;
const options = (labels: Record<string, string>, order: string[]) => order.map((c) => ({ const: c, title: labels[c] ?? c }));


const timeLimit = (title: string): RJSFSchema => ({
  type: 'object',
  title,
  required: ['value', 'unit'],
  properties: {
    value: { type: 'number', minimum: 0, title: f.limit },
    unit: {
      type: 'string',
      title: f.unit,
      oneOf: options(m.guide.units, ['working-days', 'calendar-days', 'hours', 'minutes']),
    },
    note: { type: 'string', title: f.note },
  },
});

const contacts = (title: string): RJSFSchema => ({
  type: 'array',
  title,
  items: {
    type: 'object',
    required: ['channel', 'value'],
    properties: {
      channel: {
        type: 'string',
        title: f.channel,
        oneOf: options(m.guide.channels, ['phone', 'window', 'online', 'hotline', 'email', 'mail']),
      },
      value: { type: 'string', minLength: 1, title: f.contactValue },
      note: { type: 'string', title: f.remark },
    },
  },
});

const lines = (title: string): RJSFSchema => ({ type: 'array', title, items: { type: 'string' } });

export const guideSchema: RJSFSchema = {
  type: 'object',
  required: [
    'name', 'itemType', 'legalBasis', 'authority', 'conditions', 'legalTimeLimit', 'promisedTimeLimit',
    'resultName', 'fee', 'feeBasis', 'process', 'reviewCriteria', 'appointment', 'consultation', 'supervision',
  ],
  properties: {
    name: { type: 'string', minLength: 1, title: e.name },
    itemType: {
      type: 'string',
      title: e.itemType,
      // The contract's own values (Chinese by definition), not UI text.
      enum: ['行政许可', '行政给付', '行政确认', '行政征收', '行政奖励', '行政裁决', '其他行政权力', '公共服务'],
    },
    legalBasis: {
      type: 'array',
      title: e.legalBasis,
      items: {
        type: 'object',
        required: ['law'],
        properties: {
          law: { type: 'string', minLength: 1, title: f.law },
          article: { type: 'string', title: f.article },
          text: { type: 'string', title: f.lawText },
        },
      },
    },
    authority: { type: 'string', minLength: 1, title: e.authority },
    conditions: lines(e.conditions),
    legalTimeLimit: timeLimit(e.legalTimeLimit),
    promisedTimeLimit: timeLimit(e.promisedTimeLimit),
    resultName: { type: 'string', title: e.resultName },
    fee: {
      type: 'object',
      title: e.fee,
      required: ['charged', 'description'],
      properties: {
        charged: { type: 'boolean', title: f.charged },
        amount: { type: 'number', minimum: 0, title: f.amount },
        description: { type: 'string', title: e.fee },
      },
    },
    feeBasis: { type: 'string', title: e.feeBasis },
    process: {
      type: 'array',
      title: e.process,
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, title: f.step },
          description: { type: 'string', title: f.note },
          role: {
            type: 'string',
            title: f.role,
            oneOf: options(m.roles, ['clerk', 'approver', 'agent', 'admin', 'supervisor']),
          },
        },
      },
    },
    reviewCriteria: lines(e.reviewCriteria),
    appointment: {
      type: 'object',
      title: e.appointment,
      required: ['available'],
      properties: {
        available: { type: 'boolean', title: f.appointmentAvailable },
        channels: { type: 'array', title: f.appointmentChannels, items: { type: 'string' } },
        note: { type: 'string', title: f.note },
      },
    },
    consultation: contacts(e.consultation),
    supervision: contacts(e.supervision),
  },
};

export const guideUiSchema: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  conditions: { items: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } } },
  reviewCriteria: { items: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } } },
};

/** A guide that passes the schema once the admin fills the blanks. */
export function emptyGuide(name = ''): Record<string, unknown> {
  return {
    name,
    itemType: m.guide.defaults.itemType,
    legalBasis: [],
    authority: '',
    conditions: [],
    legalTimeLimit: { value: 20, unit: 'working-days' },
    promisedTimeLimit: { value: 5, unit: 'working-days' },
    resultName: '',
    fee: { charged: false, description: m.guide.defaults.fee },
    feeBasis: m.guide.defaults.feeBasis,
    process: m.guide.defaults.process.map((name) => ({ name })),
    reviewCriteria: [],
    appointment: { available: false },
    consultation: [],
    supervision: [],
  };
}
