import { commonDocuments, deliverStep, type KindProfile } from './kind-profile.ts';

export const reported: KindProfile = {
  kind: 'reported',
  label: '上报件',
  level: 'township',
  procedure: { kind: 'reported', decidingLevel: 'county', promisedDays: 20 },
  legalTimeLimit: { value: 20, unit: 'working-days', note: '待填写：法定办结时限及依据' },
  promisedTimeLimit: { value: 20, unit: 'working-days', note: '自受理之日起计算，含上级审批时间' },
  process: [
    { name: '申请', description: '申请人持材料到窗口申请', role: 'clerk' },
    { name: '受理', description: '窗口核对身份和材料，出具受理凭证', role: 'clerk' },
    { name: '上报', description: '镇（街道）审核后报区（县）主管部门', role: 'clerk' },
    { name: '审批', description: '待填写：审批部门及审批内容', role: 'approver' },
    { name: '送达', description: '审批结果由受理窗口送达', role: 'clerk' },
  ],
  documents: commonDocuments({ kind: 'decision', sealKind: 'official', title: '待填写：决定书名称' }),
  happyPath: {
    name: '镇受理上报，区审批准予，窗口领取',
    steps: [
      { event: 'ACCEPT', expect: { state: 'accepted', documents: ['acceptance-receipt'] } },
      { event: 'REPORT', expect: { state: 'reported', documents: ['acceptance-receipt'] } },
      {
        event: 'DECIDE',
        payload: { approved: true, opinion: '经审核，符合条件，准予。' },
        as: 'approver',
        at: 'deciding',
        afterWorkingDays: 2,
        expect: { state: 'approved', documents: ['acceptance-receipt'] },
      },
      { event: 'SEAL', as: 'approver', at: 'deciding', expect: { state: 'delivering', documents: ['acceptance-receipt', 'decision'] } },
      deliverStep(['acceptance-receipt', 'decision']),
    ],
  },
};
