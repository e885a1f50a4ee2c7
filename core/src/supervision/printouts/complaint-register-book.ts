// 投诉处理记录本 printed: the six columns of seed 003 township item 41 (日期、投诉人、联系电话、投诉内容、
// 处理结果、记录人) for a period, drawn like the statutory documents, phones masked.
import { formatChineseDate } from '../../documents/content/index.ts';
import type { PrintableContent } from '../../documents/render/index.ts';
import type { Organisation } from '../../org/index.ts';
import type { ComplaintView } from '../complaints.ts';
import { printedForm } from './printed-frame.ts';

/** The form's content; the runtime's PDF pool renders it. */
export function complaintRegisterBook(org: Organisation, period: string, complaints: readonly ComplaintView[], at: string, qrUrl: string): PrintableContent {
  const rows = complaints.map((c, i) => [
    String(i + 1),
    formatChineseDate(c.receivedAt),
    c.complainant,
    c.phone ?? '',
    `${c.content}${c.subject ? `（${c.subject.kindLabel}：${c.subject.name ?? ''}）` : ''}`,
    [c.result, c.reply ? `${c.reply.methodLabel}${formatChineseDate(c.reply.at)}` : null].filter(Boolean).join('；') || c.statusLabel,
    c.recorder,
  ]);
  return printedForm(org, {
    title: '投诉处理记录本',
    number: period,
    paragraphs: complaints.length === 0 ? ['本期无投诉记录。'] : [],
    tables: [{ columns: ['序号', '日期', '投诉人', '联系电话', '投诉内容', '处理结果', '记录人'], rows, widths: [0.5, 1.6, 0.9, 1.5, 2.7, 2.4, 1.05], afterParagraph: -1 }],
    at,
    qrUrl,
    qrLabel: '扫描二维码进入网上办事大厅',
  });
}
