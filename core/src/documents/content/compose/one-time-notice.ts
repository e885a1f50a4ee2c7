// 一次性告知书 (补齐补正通知书): every missing or defective material at once with what is wrong,
// the deadline, that the clock stands still meanwhile, and what happens if nothing comes.
import { formatChineseDate } from '../chinese-date.ts';
import { applicationPhrase, citeLicensingLaw, provisionalMark, provisionalNote } from '../common-phrases.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput } from '../document-input.ts';

export function composeOneTimeNotice(input: DocumentInput): DocumentContent {
  const { item, caseInfo } = input;
  if (caseInfo.missing.length === 0) throw new RangeError('a one-time notice needs at least one missing material');
  const deadline = caseInfo.correctionDueAt
    ? `请于${formatChineseDate(caseInfo.correctionDueAt)}${provisionalMark(input, 'correctionDueAt')}前`
    : '请在收到本告知书后';
  const paragraphs = [
    `${applicationPhrase(input)}收悉。经审查，申请材料不齐全或者不符合法定形式。` +
      `${citeLicensingLaw(item, '第三十二条第一款第（四）项')}，现一次性告知你需要补齐补正的全部内容：`,
    // The clerk's note to the applicant stands right under the list it explains.
    ...(caseInfo.reason ? [`补正说明：${caseInfo.reason.replace(/[。；;.]$/, '')}。`] : []),
    `${deadline}补齐补正上述材料，并提交至本中心窗口。补齐补正期间不计入办理时限，` +
      `办理时限自本中心收到全部补齐补正材料之日起重新计算。`,
    `逾期未补齐补正的，视为撤回申请，本中心将退回已提交的申请材料。`,
    `除上述内容外，本中心不再要求你补充其他材料。如有疑问，请向窗口工作人员咨询。`,
    ...(provisionalNote(input) ? [provisionalNote(input)!] : []),
  ];
  return {
    ...documentFrame(input, '补齐补正材料一次性告知书'),
    paragraphs,
    tables: [
      {
        columns: ['序号', '材料名称', '存在问题及补正要求'],
        widths: [1, 4.5, 6],
        rows: caseInfo.missing.map((m, i) => [String(i + 1), m.name, m.problem ?? '未提交，请补齐']),
        afterParagraph: 0,
      },
    ],
  };
}
