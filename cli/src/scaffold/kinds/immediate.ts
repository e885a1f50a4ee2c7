import { commonDocuments, deliverStep, type KindProfile } from './kind-profile.ts';

export const immediate: KindProfile = {
  kind: 'immediate',
  label: '即办件',
  level: 'township',
  procedure: { kind: 'immediate', targetMinutes: 60 },
  legalTimeLimit: { value: 1, unit: 'working-days', note: '待填写：法定办结时限及依据（法规未规定的写明）' },
  promisedTimeLimit: { value: 60, unit: 'minutes', note: '材料齐全的当场办结' },
  process: [
    { name: '申请', description: '申请人持材料到窗口申请', role: 'clerk' },
    { name: '受理', description: '窗口核对身份和材料，出具受理凭证', role: 'clerk' },
    { name: '审核', description: '待填写：审核内容', role: 'approver' },
    { name: '办结', description: '当场出具结果并送达', role: 'clerk' },
  ],
  documents: commonDocuments({ kind: 'result', sealKind: 'business', title: '待填写：结果文书名称' }),
  happyPath: {
    name: '材料齐全，当场办结，窗口领取',
    steps: [
      { event: 'ACCEPT', expect: { state: 'accepted', documents: ['acceptance-receipt'] } },
      { event: 'APPROVE', payload: { opinion: '材料齐全，符合条件，同意。' }, as: 'approver', expect: { state: 'approved', documents: ['acceptance-receipt'] } },
      { event: 'SEAL', expect: { state: 'delivering', documents: ['acceptance-receipt', 'result'] } },
      deliverStep(['acceptance-receipt', 'result']),
    ],
  },
};
