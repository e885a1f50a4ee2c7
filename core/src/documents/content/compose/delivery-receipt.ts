// 送达回证: a table of what was delivered, to whom, where, how, the recipient's signature or
// proof, when, by whom, and remarks (行政诉讼法 and 民事诉讼法 practice for 送达回证).
import { formatChineseDateTime } from '../chinese-date.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { CaseDelivery, DocumentInput } from '../document-input.ts';

// Field names a DELIVER event may carry, shown after the mode name.
const FIELD_NAMES: Record<string, string> = {
  carrier: '承运单位',
  trackingNumber: '运单号',
  pickupCode: '取件码',
  address: '收件地址',
  email: '电子邮箱',
  phone: '手机号码',
  terminal: '自助终端',
  link: '下载地址',
};
const PROOF_FIELDS = ['signature', 'signedBy', 'proof', 'receipt', 'proofRef'];

export function composeDeliveryReceipt(input: DocumentInput): DocumentContent {
  const { item, caseInfo, addressee } = input;
  const delivery = caseInfo.delivery;
  if (!delivery) throw new RangeError('a delivery receipt needs caseInfo.delivery');
  const documents = delivery.documents ?? [{ title: item.resultName }];
  const rows = [
    ['送达文书名称及文号', documents.map((d) => `《${d.title}》${d.number ?? ''}`).join('、')],
    ['事项名称及办件编号', `${item.name}（${caseInfo.number}）`],
    ['受送达人', addressee.phone ? `${addressee.name}（联系电话：${addressee.phone}）` : addressee.name],
    ['送达地点', delivery.place ?? delivery.fields.address ?? addressee.address ?? ''],
    ['送达方式', modeText(delivery)],
    ['受送达人签名或收件凭证', proofText(delivery)],
    ['送达时间', formatChineseDateTime(delivery.at)],
    ['送达人', delivery.by],
    ['备注', delivery.remarks ?? ''],
  ];
  const { addressee: _line, ...frame } = documentFrame(input, '送达回证');
  return {
    ...frame,
    paragraphs: [
      `注：受送达人拒绝签收的，送达人应当在备注栏注明拒收事由和日期，并由见证人签名。`,
    ],
    tables: [{ columns: [], widths: [1.3, 2.4], rows, afterParagraph: -1 }],
  };
}

function modeText(delivery: CaseDelivery): string {
  const title = (key: string) => delivery.fieldTitles?.[key] ?? FIELD_NAMES[key];
  // Every field the mode defines or the receipt knows, under its title; the proof and the address have rows of their own.
  const details = Object.entries(delivery.fields)
    .filter(([key]) => title(key) && key !== 'address' && !PROOF_FIELDS.includes(key))
    .map(([key, value]) => `${title(key)}：${value}`);
  return details.length > 0 ? `${delivery.modeName}（${details.join('；')}）` : delivery.modeName;
}

function proofText(delivery: CaseDelivery): string {
  return PROOF_FIELDS.filter((k) => delivery.fields[k])
    .map((k) => (delivery.fieldTitles?.[k] ? `${delivery.fieldTitles[k]}：${delivery.fields[k]}` : delivery.fields[k]))
    .join('；');
}
