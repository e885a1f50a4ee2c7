// 投诉处理答复书: the letter that answers a complaint — what was received and when, what the
// investigation found, how it was handled, and where to turn if the complainant is not satisfied —
// numbered (复) and drawn like the statutory documents.
import { formatChineseDate } from '../../documents/content/index.ts';
import type { PrintableContent } from '../../documents/render/index.ts';
import type { Organisation } from '../../org/index.ts';
import type { ComplaintView } from '../complaints.ts';
import { printedForm } from './printed-frame.ts';

/** The form's content; the runtime's PDF pool renders it. */
export function complaintReplyLetter(org: Organisation, parent: Organisation | undefined, c: ComplaintView, qrUrl: string): PrintableContent {
  const reply = c.reply!;
  const about = c.content.length > 60 ? `${c.content.slice(0, 60)}……` : c.content;
  return printedForm(org, {
    title: '投诉处理答复书',
    number: reply.number,
    addressee: `${c.complainant}：`,
    paragraphs: [
      `你于${formatChineseDate(c.receivedAt)}通过${c.sourceLabel}反映的“${about}”问题（投诉编号：${c.number}）收悉。我中心高度重视，及时进行了调查核实，现答复如下：`,
      `经调查核实，${c.confirmed ? '你反映的问题属实' : '你反映的问题与事实不符'}。${c.finding ?? ''}`,
      `处理情况：${c.result ?? ''}`,
      reply.content,
      `如对以上答复不满意，可自收到本答复书之日起向${parent?.name ?? '上级政务服务管理机构'}反映，或拨打12345政务服务便民热线。`,
      '感谢你对我中心工作的关心和监督。',
    ],
    at: reply.at,
    qrUrl,
    qrLabel: '扫描二维码进入网上办事大厅',
  });
}
