// Three materials showing the three marks: one asked of the applicant, one obtained by data
// sharing (sharedFrom, 免证办) and one that may follow after acceptance (waivable, 容缺受理).
import type { Material } from '@bianmin/contract';

export const scaffoldMaterials: Material[] = [
  { id: 'id-card', name: '申请人居民身份证', required: true, form: 'original', count: 1, source: '公安机关', note: '现场核验后退还' },
  {
    id: 'household-register',
    name: '居民户口簿',
    required: true,
    form: 'original',
    count: 1,
    sharedFrom: '公安人口库',
    source: '公安机关',
    note: '通过数据共享核验，无需提交（待填写：无共享渠道的删除 sharedFrom）',
  },
  {
    id: 'application-proof',
    name: '待填写：其他申请材料',
    required: true,
    form: 'copy',
    count: 1,
    waivable: true,
    waivableDays: 5,
    note: '可容缺受理，5个工作日内补交（待填写：不可容缺的删除 waivable）',
  },
];

/** What the happy-path fixture hands in: everything not obtained by data sharing. */
export const providedMaterials: Record<string, 'provided'> = { 'id-card': 'provided', 'application-proof': 'provided' };
