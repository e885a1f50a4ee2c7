// The notice of rights every adverse decision must carry: 行政复议 within 60 days (行政复议法
// art. 20) and 行政诉讼 within 6 months (行政诉讼法 art. 46), naming the review organ and the court.
import type { DocumentIssuer } from './document-input.ts';

export function remediesParagraph(issuer: DocumentIssuer, documentName: string): string {
  const organ = issuer.reviewOrgan ?? '本机关的上一级主管部门或者本级人民政府';
  const court = issuer.court ?? '有管辖权的人民法院';
  return (
    `如不服本${documentName}，可以自收到本${documentName}之日起六十日内向${organ}申请行政复议，` +
    `也可以自收到本${documentName}之日起六个月内向${court}提起行政诉讼。`
  );
}
