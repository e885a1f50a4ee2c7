// 告知书 (告知谁办): the matter is handled elsewhere; which organ, where, its phone and hours;
// the materials were handed back.
import { formatChineseDate } from '../chinese-date.ts';
import type { DocumentContent } from '../document-content.ts';
import { documentFrame } from '../document-frame.ts';
import type { DocumentInput } from '../document-input.ts';

export function composeReferralNotice(input: DocumentInput): DocumentContent {
  const { item, caseInfo } = input;
  const referral = caseInfo.referral ?? item.referral;
  if (!referral) throw new RangeError('a referral notice needs the organ the item is referred to');
  const received = formatChineseDate(caseInfo.receivedAt);
  const reason = caseInfo.reason ? `${caseInfo.reason.replace(/[。；;.]$/, '')}，` : '';
  const paragraphs = [
    `你于${received}到本中心申请办理“${item.name}”（办件编号：${caseInfo.number}）。经核实，${reason}` +
      `该事项不属于本中心受理范围，依法由${referral.to}办理。请你携带相关材料前往以下机构申请：`,
    `办理机构：${referral.to}`,
  ];
  if (referral.address) paragraphs.push(`办理地址：${referral.address}`);
  if (referral.phone) paragraphs.push(`联系电话：${referral.phone}`);
  if (referral.hours) paragraphs.push(`办公时间：${referral.hours}`);
  paragraphs.push(
    `你提交的申请材料已全部退还，详见退件清单。`,
    `如需帮办代办服务，可向本中心窗口工作人员提出。`,
  );
  return { ...documentFrame(input, '告知书'), paragraphs };
}
