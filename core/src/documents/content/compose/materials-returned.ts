// 退件清单: the materials handed back, counted, signed for by the applicant and the clerk.
import { formatChineseDate } from '../chinese-date.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput } from '../document-input.ts';
import { materialFormName } from '../material-form.ts';

export function composeMaterialsReturned(input: DocumentInput): DocumentContent {
  const { item, caseInfo } = input;
  const missing = new Set(caseInfo.missing.map((m) => m.id));
  const handedIn = new Set(caseInfo.submitted ?? []);
  // By default every material the applicant handed in: not the ones missing, not shared data.
  const returned =
    caseInfo.returnedMaterials ??
    item.materials.filter((m) => !m.sharedFrom && !missing.has(m.id) && (m.required || handedIn.has(m.id)));
  const reason = caseInfo.reason ? `因${caseInfo.reason.replace(/[。；;.]$/, '')}，` : '';
  return {
    ...documentFrame(input, '退件清单'),
    paragraphs: [
      `${reason}现将你于${formatChineseDate(caseInfo.receivedAt)}申请“${item.name}”（办件编号：${caseInfo.number}）` +
        `时提交的申请材料予以退还，清单如下：`,
      `以上材料已当面清点退还，请核对无误后签收。`,
    ],
    tables: [
      {
        columns: ['序号', '材料名称', '形式', '份数'],
        widths: [1, 6, 3, 1.2],
        rows: returned.map((m, i) => [String(i + 1), m.name, materialFormName(m.form), String(m.count ?? 1)]),
        afterParagraph: 0,
      },
    ],
    signatureLines: ['申请人（签字）：　　　　　　　　签收日期：　　年　　月　　日', '经办人（签字）：'],
  };
}
