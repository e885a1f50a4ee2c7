// Small, complete item definitions for cross-package tests: one per procedure kind, with a form
// that checks ID numbers and phones, required / waivable / shared-data materials.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemDefinition, PluginManifest, Procedure } from '@bianmin/contract';

export function testItem(code: string, procedure: Procedure, overrides: Partial<ItemDefinition> = {}): ItemDefinition {
  const immediate = procedure.kind === 'immediate';
  return {
    code,
    name: `测试事项${code}`,
    department: '民政',
    level: 'township',
    version: '1.0.0',
    guide: {
      name: `测试事项${code}`,
      itemType: '行政给付',
      legalBasis: [{ law: '《中华人民共和国老年人权益保障法》', article: '第三十三条' }],
      authority: '乡镇人民政府',
      conditions: ['本镇户籍居民'],
      legalTimeLimit: { value: 20, unit: 'working-days' },
      promisedTimeLimit: immediate ? { value: 60, unit: 'minutes' } : { value: procedure.promisedDays ?? 5, unit: 'working-days' },
      resultName: '核定通知书',
      fee: { charged: false, description: '不收费' },
      feeBasis: '不收费',
      process: [{ name: '受理' }, { name: '审核' }, { name: '办结' }],
      reviewCriteria: ['材料齐全'],
      appointment: { available: false },
      consultation: [{ channel: 'hotline', value: '12345' }],
      supervision: [{ channel: 'hotline', value: '12345' }],
    },
    materials: [
      { id: 'id-card', name: '居民身份证', required: true, form: 'original', count: 1 },
      { id: 'household', name: '户口簿', required: true, form: 'original', count: 1, sharedFrom: '公安人口库' },
      { id: 'bank-card', name: '银行卡', required: true, form: 'copy', count: 1, waivable: true, waivableDays: 5 },
    ],
    form: {
      schema: {
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        required: ['applicant'],
        properties: {
          applicant: {
            type: 'object',
            title: '申请人',
            required: ['name', 'idNumber', 'phone'],
            properties: {
              name: { type: 'string', title: '姓名', minLength: 2 },
              idNumber: { type: 'string', title: '身份证号码', format: 'cn-id-number' },
              phone: { type: 'string', title: '手机号码', format: 'cn-mobile' },
              email: { type: 'string', title: '电子邮箱', format: 'email' },
              address: { type: 'string', title: '住址' },
            },
          },
          amount: { type: 'number', title: '申请金额', minimum: 0, maximum: 10000 },
        },
      },
      uiSchema: {},
    },
    procedure,
    documents: [{ kind: 'result', title: '核定通知书', sealKind: 'business' }],
    delivery: { modes: ['window-pickup', 'postal', 'door', 'electronic'] },
    ...overrides,
  };
}

export const TEST_ITEMS: ItemDefinition[] = [
  testItem('t-immediate', { kind: 'immediate' }),
  testItem('t-promised', {
    kind: 'promised',
    promisedDays: 5,
    reviewSteps: [
      { id: 'firstReview', name: '初审', role: 'clerk' },
      { id: 'siteInspection', name: '现场勘查', role: 'clerk', special: 'inspection' },
      { id: 'finalReview', name: '复审', role: 'approver' },
    ],
  }),
  testItem('t-reported', { kind: 'reported', promisedDays: 10, decidingLevel: 'county' }, { level: 'village' }),
  testItem('t-returned', { kind: 'returned', referral: { to: '诸暨市供水有限公司', phone: '0575-87000001', address: '诸暨市暨阳街道', hours: '工作日 8:30-17:00' } }),
];

/** Writes a plugin package holding `items` to `dir` and returns `dir`. */
export function writeTestPlugin(dir: string, items: ItemDefinition[] = TEST_ITEMS, extra: Partial<PluginManifest> = {}, name = '@bianmin/plugin-test'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', keywords: ['bianmin-plugin'], bianmin: { manifest: './bianmin.json' } }, null, 2));
  writeFileSync(join(dir, 'bianmin.json'), JSON.stringify({ contractVersion: '1', namespace: 'test', items, ...extra }, null, 2));
  return dir;
}

/** A valid GB 11643 ID number born on `birth` (YYYYMMDD). */
export function idNumber(birth = '19800101', region = '330681', sequence = '001'): string {
  const body = `${region}${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

export function applicationData(overrides: Record<string, unknown> = {}) {
  return { applicant: { name: '张三', idNumber: idNumber(), phone: '13905751234', address: '诸暨市五泄镇十四都村1号' }, amount: 100, ...overrides };
}
