// 不予受理决定书: the reason and the clause of 行政许可法 art. 32 it rests on, where to apply
// instead when the matter belongs elsewhere, and the rights of review and suit.
import { applicationPhrase, citeLicensingLaw, legalBasisText } from '../common-phrases.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput, RefusalGround } from '../document-input.ts';
import { remediesParagraph } from '../legal-remedies.ts';

const CLAUSES: Record<RefusalGround, string> = {
  'not-required': '第三十二条第一款第（一）项',
  'not-competent': '第三十二条第一款第（二）项',
  'not-eligible': '第三十二条',
  other: '第三十二条',
};

const DEFAULT_REASONS: Record<RefusalGround, string> = {
  'not-required': '该申请事项依法不需要取得行政许可',
  'not-competent': '该申请事项依法不属于本中心职权范围',
  'not-eligible': '申请人不具备申请该事项的主体资格',
  other: '该申请不符合受理条件',
};

export function composeRefusalDecision(input: DocumentInput): DocumentContent {
  const { item, caseInfo } = input;
  const ground = caseInfo.refusalGround ?? 'other';
  const reason = (caseInfo.reason ?? DEFAULT_REASONS[ground]).replace(/[。；;.]$/, '');
  const basis = legalBasisText(item);
  const paragraphs = [
    `${applicationPhrase(input)}收悉。经审查，${reason}。`,
    `${citeLicensingLaw(item, CLAUSES[ground])}${basis && ground === 'not-eligible' ? `及${basis}` : ''}，` +
      `本中心决定不予受理。`,
  ];
  const referral = caseInfo.referral ?? (ground === 'not-competent' ? item.referral : undefined);
  if (referral) {
    const where = [referral.address && `地址：${referral.address}`, referral.phone && `电话：${referral.phone}`]
      .filter(Boolean)
      .join('；');
    paragraphs.push(`该事项依法应当向${referral.to}申请${where ? `（${where}）` : ''}。`);
  }
  paragraphs.push(`你提交的申请材料予以退还，详见退件清单。`, remediesParagraph(input.issuer, '决定'));
  return { ...documentFrame(input, '不予受理决定书'), paragraphs };
}
