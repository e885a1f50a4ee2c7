// The result certificate (结果名称 of the item, e.g. 居住证明): whom it concerns, what was found,
// the content from the case data and, for a 证明, the closing 特此证明.
import { formatChineseDate } from '../chinese-date.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput } from '../document-input.ts';

export function composeResult(input: DocumentInput): DocumentContent {
  const { item, caseInfo, addressee } = input;
  const who = addressee.idNumber ? `${addressee.name}（公民身份号码：${addressee.idNumber}）` : addressee.name;
  const fields = caseInfo.resultFields ?? plainFields(caseInfo.data);
  const paragraphs = [`${who}申请办理的“${item.name}”（办件编号：${caseInfo.number}），经审核，结果如下：`];
  if (caseInfo.opinion) paragraphs.push(caseInfo.opinion);
  if (caseInfo.grant?.validTo) paragraphs.push(`本${item.resultName}有效期至${formatChineseDate(caseInfo.grant.validTo)}。`);
  paragraphs.push(item.resultName.endsWith('证明') ? '特此证明。' : '特此通知。');
  // A certificate speaks of the applicant in the third person, so it has no addressee line.
  const { addressee: _line, ...frame } = documentFrame(input, item.resultName);
  return {
    ...frame,
    paragraphs,
    tables:
      fields.length > 0
        ? [{ columns: [], widths: [1, 2.6], rows: fields.map((f) => [f.label, f.value]), afterParagraph: 0 }]
        : [],
  };
}

/** The form's top-level text and number fields, when the caller gave no labelled fields. */
function plainFields(data: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(data)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
    .map(([k, v]) => ({ label: k, value: String(v) }));
}
