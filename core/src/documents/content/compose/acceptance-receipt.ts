// 受理通知书: arrival date, materials complete and in legal form, acceptance under 行政许可法
// art. 32(1)(5), materials received, promised days and the resulting date, 容缺 materials owed.
import { formatChineseDate } from '../chinese-date.ts';
import { applicationPhrase, citeLicensingLaw, provisionalMark, provisionalNote } from '../common-phrases.ts';
import type { DocumentContent, DocumentTable } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput } from '../document-input.ts';
import { materialFormName } from '../material-form.ts';

export function composeAcceptanceReceipt(input: DocumentInput): DocumentContent {
  const { item, caseInfo } = input;
  const notReceived = new Set([...caseInfo.missing.map((m) => m.id), ...caseInfo.waived.map((m) => m.id)]);
  const handedIn = new Set(caseInfo.submitted ?? []);
  const received = item.materials.filter(
    (m) => (m.required || handedIn.has(m.id) || m.sharedFrom !== undefined) && !notReceived.has(m.id),
  );
  const accepted = formatChineseDate(caseInfo.acceptedAt ?? input.issuedAt);

  const paragraphs = [
    `${applicationPhrase(input)}收悉。经审查，申请材料齐全、符合法定形式，` +
      `${citeLicensingLaw(item, '第三十二条第一款第（五）项')}，本中心于${accepted}决定予以受理。`,
    `本中心已收取（或通过数据共享获取）的申请材料如下：`,
  ];
  const tables: DocumentTable[] = [
    {
      columns: ['序号', '材料名称', '形式', '份数'],
      widths: [1, 5.4, 4, 1.1],
      rows: received.map((m, i) => [
        String(i + 1),
        m.name,
        m.sharedFrom ? `数据共享（${m.sharedFrom}）` : materialFormName(m.form),
        m.sharedFrom ? '—' : String(m.count),
      ]),
      afterParagraph: 1,
    },
  ];
  if (item.promisedDays !== undefined) {
    const due = caseInfo.dueAt ? `，预计于${formatChineseDate(caseInfo.dueAt)}${provisionalMark(input, 'dueAt')}前办结` : '';
    paragraphs.push(
      `本事项承诺办结时限为${item.promisedDays}个工作日，自受理之日起计算${due}。` +
        `依法需要听证、检验、检测、鉴定、专家评审和公示的，所需时间不计入办理时限。`,
    );
  }
  if (caseInfo.waived.length > 0) {
    paragraphs.push(
      `以下材料按容缺受理方式先行受理，请于所列期限前补交。逾期未补交的，本中心将终止办理并退回申请材料：`,
    );
    tables.push({
      columns: ['序号', '容缺材料名称', '补交期限'],
      widths: [1, 6, 4.2],
      rows: caseInfo.waived.map((m, i) => [String(i + 1), m.name, `${formatChineseDate(m.dueAt)}${provisionalMark(input, `waived:${m.id}`)}前`]),
      afterParagraph: paragraphs.length - 1,
    });
  }
  paragraphs.push(`请妥善保管本通知书，凭办件编号查询办理进度、领取办理结果。`);
  const note = provisionalNote(input);
  if (note) paragraphs.push(note);
  return { ...documentFrame(input, '受理通知书'), paragraphs, tables };
}
