// The ItemGuide part of core/src/contract/manifest.schema.json, restated with Chinese titles for the
// composer's rjsf form (the UI reaches core over HTTP only). tests/e2e/ui-logic.test.ts keeps the two
// in step: same properties, same required list.
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

const oneOf = (pairs: [string, string][]) => pairs.map(([c, title]) => ({ const: c, title }));

const timeLimit = (title: string): RJSFSchema => ({
  type: 'object',
  title,
  required: ['value', 'unit'],
  properties: {
    value: { type: 'number', minimum: 0, title: '时限' },
    unit: {
      type: 'string',
      title: '单位',
      oneOf: oneOf([['working-days', '工作日'], ['calendar-days', '自然日'], ['hours', '小时'], ['minutes', '分钟']]),
    },
    note: { type: 'string', title: '说明' },
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
        title: '方式',
        oneOf: oneOf([['phone', '电话'], ['window', '窗口'], ['online', '网上'], ['hotline', '热线'], ['email', '电子邮箱'], ['mail', '信函']]),
      },
      value: { type: 'string', minLength: 1, title: '号码/地址' },
      note: { type: 'string', title: '备注' },
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
    name: { type: 'string', minLength: 1, title: '事项名称' },
    itemType: {
      type: 'string',
      title: '事项类型',
      enum: ['行政许可', '行政给付', '行政确认', '行政征收', '行政奖励', '行政裁决', '其他行政权力', '公共服务'],
    },
    legalBasis: {
      type: 'array',
      title: '设定依据',
      items: {
        type: 'object',
        required: ['law'],
        properties: {
          law: { type: 'string', minLength: 1, title: '法律法规名称' },
          article: { type: 'string', title: '条款' },
          text: { type: 'string', title: '条文' },
        },
      },
    },
    authority: { type: 'string', minLength: 1, title: '实施主体' },
    conditions: lines('受理条件'),
    legalTimeLimit: timeLimit('法定办结时限'),
    promisedTimeLimit: timeLimit('承诺办结时限'),
    resultName: { type: 'string', title: '结果名称' },
    fee: {
      type: 'object',
      title: '收费标准',
      required: ['charged', 'description'],
      properties: {
        charged: { type: 'boolean', title: '收费' },
        amount: { type: 'number', minimum: 0, title: '金额（元）' },
        description: { type: 'string', title: '收费标准' },
      },
    },
    feeBasis: { type: 'string', title: '收费依据' },
    process: {
      type: 'array',
      title: '办理流程',
      items: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, title: '环节' },
          description: { type: 'string', title: '说明' },
          role: {
            type: 'string',
            title: '办理角色',
            oneOf: oneOf([['clerk', '综合窗口'], ['approver', '审批人'], ['agent', '代办员'], ['admin', '管理员'], ['supervisor', '监督员']]),
          },
        },
      },
    },
    reviewCriteria: lines('审查标准'),
    appointment: {
      type: 'object',
      title: '预约办理',
      required: ['available'],
      properties: {
        available: { type: 'boolean', title: '可预约' },
        channels: { type: 'array', title: '预约渠道', items: { type: 'string' } },
        note: { type: 'string', title: '说明' },
      },
    },
    consultation: contacts('咨询方式'),
    supervision: contacts('监督投诉方式'),
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
    itemType: '公共服务',
    legalBasis: [],
    authority: '',
    conditions: [],
    legalTimeLimit: { value: 20, unit: 'working-days' },
    promisedTimeLimit: { value: 5, unit: 'working-days' },
    resultName: '',
    fee: { charged: false, description: '不收费' },
    feeBasis: '无',
    process: [{ name: '受理' }, { name: '审核' }, { name: '办结' }],
    reviewCriteria: [],
    appointment: { available: false },
    consultation: [],
    supervision: [],
  };
}
