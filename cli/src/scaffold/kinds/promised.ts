import { commonDocuments, deliverStep, type KindProfile } from './kind-profile.ts';

export const promised: KindProfile = {
  kind: 'promised',
  label: '承诺件',
  level: 'township',
  procedure: {
    kind: 'promised',
    promisedDays: 10,
    reviewSteps: [
      { id: 'firstReview', name: '初审', role: 'clerk' },
      { id: 'finalReview', name: '复审', role: 'approver' },
    ],
  },
  legalTimeLimit: { value: 20, unit: 'working-days', note: '待填写：法定办结时限及依据' },
  promisedTimeLimit: { value: 10, unit: 'working-days', note: '自受理之日起计算' },
  process: [
    { name: '申请', description: '申请人持材料到窗口申请', role: 'clerk' },
    { name: '受理', description: '窗口核对身份和材料，出具受理凭证', role: 'clerk' },
    { name: '初审', description: '待填写：初审内容', role: 'clerk' },
    { name: '复审', description: '待填写：复审内容', role: 'approver' },
    { name: '办结', description: '出具结果，按申请人选择的方式送达', role: 'clerk' },
  ],
  documents: commonDocuments({ kind: 'result', sealKind: 'official', title: '待填写：结果文书名称' }),
  happyPath: {
    name: '受理后初审、复审通过，窗口领取',
    steps: [
      { event: 'ACCEPT', expect: { state: 'reviewing.firstReview', documents: ['acceptance-receipt'] } },
      { event: 'APPROVE', payload: { opinion: '初审通过。' }, afterWorkingDays: 2, expect: { state: 'reviewing.finalReview', documents: ['acceptance-receipt'] } },
      { event: 'APPROVE', payload: { opinion: '复审通过，同意。' }, as: 'approver', afterWorkingDays: 2, expect: { state: 'approved', documents: ['acceptance-receipt'] } },
      { event: 'SEAL', expect: { state: 'delivering', documents: ['acceptance-receipt', 'result'] } },
      deliverStep(['acceptance-receipt', 'result']),
    ],
  },
};
