// 准予 / 不予 决定书: for an approval what is granted, its scope and validity, and when the result
// is issued (行政许可法 art. 44); for a denial the reasons, the legal basis and the rights of
// review and suit (art. 38).
import { formatChineseDate } from '../chinese-date.ts';
import { applicationPhrase, citeLicensingLaw, legalBasisText } from '../common-phrases.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput } from '../document-input.ts';
import { remediesParagraph } from '../legal-remedies.ts';

export function composeDecision(input: DocumentInput): DocumentContent {
  const { item, caseInfo } = input;
  if (caseInfo.approved === undefined) throw new RangeError('a decision needs caseInfo.approved');
  const licence = item.itemType === undefined || item.itemType === '行政许可';
  const verb = caseInfo.approved ? '准予' : '不予';
  const title = `${verb}${licence ? '行政许可' : '办理'}决定书`;
  const accepted = caseInfo.acceptedAt ? `，本中心已于${formatChineseDate(caseInfo.acceptedAt)}依法受理` : '';
  const basis = legalBasisText(item);
  const basisPhrase = basis ? `根据${basis}的规定` : citeLicensingLaw(item, '第三十八条');

  const paragraphs = [`${applicationPhrase(input)}${accepted}。`];
  if (caseInfo.approved) {
    const grant = caseInfo.grant ?? {};
    paragraphs[0] += `经审查，你的申请符合法定条件、标准，${basisPhrase}，本中心决定准予${item.name}。`;
    paragraphs.push(`准予事项：${item.name}`);
    paragraphs.push(`准予内容：${grant.content ?? caseInfo.opinion ?? item.resultName}`);
    if (grant.scope) paragraphs.push(`准予范围：${grant.scope}`);
    paragraphs.push(`有效期限：${validityText(grant.validFrom, grant.validTo)}`);
    paragraphs.push(
      `本中心将自本决定作出之日起十日内向你颁发、送达${item.resultName}，请按选定的送达方式领取。`,
    );
  } else {
    const reason = (caseInfo.reason ?? caseInfo.opinion ?? '申请不符合法定条件、标准').replace(/[。；;.]$/, '');
    paragraphs[0] += `经审查，你的申请不符合法定条件、标准，理由如下：${reason}。`;
    paragraphs.push(`${basisPhrase}，本中心决定不予${item.name}。`);
    paragraphs.push(remediesParagraph(input.issuer, '决定'));
  }
  return { ...documentFrame(input, title), paragraphs };
}

function validityText(from: string | undefined, to: string | undefined): string {
  if (!to) return from ? `自${formatChineseDate(from)}起长期有效` : '长期有效';
  return `${from ? formatChineseDate(from) : '自本决定作出之日起'}至${formatChineseDate(to)}`;
}
