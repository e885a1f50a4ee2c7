// A realistic case of a township centre, for tests, the sample images and the benchmark.
// Names, numbers and phones are invented.
import type { DocumentKind } from '@bianmin/contract';
import { kindCharacter } from '../src/documents/content/kind-character.ts';
import type { DocumentInput } from '../src/documents/content/document-input.ts';

export function sampleDocumentInput(kind: DocumentKind, sequence = 12): DocumentInput {
  const number = `五泄便${kindCharacter(kind)}〔2026〕${sequence}号`;
  return {
    kind,
    number,
    issuedAt: '2026-11-23T02:30:00.000Z',
    issuer: {
      name: '诸暨市五泄镇便民服务中心',
      shortName: '五泄便',
      address: '诸暨市五泄镇五泄大道18号',
      phone: '0575-87650123',
      reviewOrgan: '诸暨市人民政府',
      court: '诸暨市人民法院',
    },
    addressee: { name: '王秀英', idNumber: '330681194503120026', phone: '13905751234', address: '诸暨市五泄镇十四都村3组27号' },
    item: {
      code: 'mz-gaoling-jintie',
      name: '高龄津贴申领',
      resultName: '高龄津贴核定通知书',
      itemType: '行政给付',
      promisedDays: 5,
      legalBasis: [{ law: '《浙江省老年人权益保障条例》', article: '第三十二条' }],
      referral: { to: '诸暨市民政局', address: '诸暨市暨阳街道艮塔西路138号', phone: '0575-87012345', hours: '工作日8:30—12:00、14:00—17:30' },
      materials: [
        { id: 'id-card', name: '居民身份证', required: true, form: 'original-and-copy', count: 1 },
        { id: 'hukou', name: '居民户口簿', required: true, form: 'original', count: 1, sharedFrom: '公安户籍信息' },
        { id: 'bank-card', name: '本人社会保障卡或银行卡', required: true, form: 'copy', count: 1 },
        { id: 'photo', name: '近期免冠一寸照片', required: false, form: 'original', count: 2, waivable: true },
        { id: 'agent-letter', name: '代办委托书（代办时提供）', required: false, form: 'original', count: 1 },
      ],
    },
    caseInfo: {
      number: 'BM20261120-0031',
      receivedAt: '2026-11-20T01:15:00.000Z',
      acceptedAt: '2026-11-20T01:40:00.000Z',
      dueAt: '2026-11-27T09:00:00.000Z',
      data: { applicantName: '王秀英', age: 81, village: '十四都村' },
      missing:
        kind === 'one-time-notice'
          ? [
              { id: 'bank-card', name: '本人社会保障卡或银行卡', problem: '复印件模糊、卡号无法辨认，请提供清晰复印件' },
              { id: 'photo', name: '近期免冠一寸照片', problem: '未提交，请补齐2张' },
            ]
          : [],
      waived: kind === 'acceptance-receipt' ? [{ id: 'photo', name: '近期免冠一寸照片', dueAt: '2026-11-27T09:00:00.000Z' }] : [],
      reason: kind === 'refusal-decision' ? '申请人户籍不在本镇，不属于本中心受理范围' : undefined,
      refusalGround: kind === 'refusal-decision' ? 'not-competent' : undefined,
      approved: kind === 'decision' ? true : undefined,
      opinion: kind === 'result' ? '申请人符合高龄津贴发放条件，自2026年12月起按月发放。' : undefined,
      grant: kind === 'decision' ? { content: '按月发放高龄津贴，每月100元', scope: '本人', validFrom: '2026-12-01T00:00:00+08:00' } : undefined,
      resultFields: [
        { label: '姓名', value: '王秀英' },
        { label: '公民身份号码', value: '330681194503120026' },
        { label: '年龄', value: '81周岁' },
        { label: '津贴标准', value: '每月100元' },
        { label: '起始发放月份', value: '2026年12月' },
        { label: '发放方式', value: '社会保障卡按月发放' },
      ],
      correctionDueAt: '2026-11-30T09:00:00.000Z',
      delivery: {
        mode: 'postal',
        modeName: '邮寄送达',
        fields: { carrier: '中国邮政EMS', trackingNumber: '1180934567890', signature: '王秀英（快递签收记录）' },
        by: '陈丽（综合窗口）',
        at: '2026-11-25T06:05:00.000Z',
        place: '诸暨市五泄镇十四都村3组27号',
        documents: [{ title: '高龄津贴核定通知书', number: '五泄便证〔2026〕12号' }],
      },
    },
    verifyUrl: `https://bianmin.example.cn/verify/${encodeURIComponent(number)}`,
  };
}
