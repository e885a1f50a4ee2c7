import type { KindProfile } from './kind-profile.ts';

// A returned item (退办件) is never handled here: the counter takes the request, tells the
// applicant who handles it (告知转办) and hands the materials back against a signature.
export const returned: KindProfile = {
  kind: 'returned',
  label: '退办件',
  level: 'township',
  procedure: {
    kind: 'returned',
    referral: { to: '待填写：承办单位', address: '待填写：承办单位地址', phone: '待填写：承办单位电话', hours: '待填写：办公时间' },
  },
  legalTimeLimit: { value: 1, unit: 'working-days', note: '待填写：承办单位公布的办理时限' },
  promisedTimeLimit: { value: 30, unit: 'minutes', note: '当场出具告知书' },
  process: [
    { name: '收件', description: '核对身份，一次性告知所需材料', role: 'clerk' },
    { name: '告知转办', description: '出具告知书，写明承办单位、地址、电话和办理时间', role: 'clerk' },
    { name: '签收', description: '申请人签收退还的材料和告知书', role: 'clerk' },
  ],
  documents: [
    { kind: 'one-time-notice', sealKind: 'business' },
    { kind: 'refusal-decision', sealKind: 'business' },
    { kind: 'referral-notice', sealKind: 'business' },
    { kind: 'materials-returned', sealKind: 'business' },
  ],
  happyPath: {
    name: '告知到承办单位办理，退还材料并签收',
    steps: [
      {
        event: 'REFER',
        payload: { to: '待填写：承办单位', reason: '本事项由承办单位办理。' },
        expect: { state: 'returned.handingBack', documents: ['referral-notice'] },
      },
      { event: 'RETURN_MATERIALS', expect: { state: 'returned.signingOff', documents: ['referral-notice', 'materials-returned'] } },
      { event: 'CONFIRM_RECEIPT', expect: { state: 'returned.closed', documents: ['referral-notice', 'materials-returned'] } },
    ],
  },
};
