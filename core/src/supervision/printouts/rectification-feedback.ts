// 差评整改反馈单: the work order on one page — what was rated and why, who served, the finding, the
// measures or the explanation, the call-back, the closing and any appeal — with the handler's and
// the head's signatures, drawn like the statutory documents.
import { formatChineseDate, formatChineseDateTime } from '../../documents/content/index.ts';
import type { PrintableContent } from '../../documents/render/index.ts';
import { EVALUATION_CHANNELS } from '../evaluation-options.ts';
import type { RectificationView } from '../rectifications.ts';
import type { SupervisionDeps } from '../supervision-deps.ts';
import { printedForm, row } from './printed-frame.ts';

/** The form's content; the runtime's PDF pool renders it. */
export function rectificationFeedbackForm(deps: SupervisionDeps, r: RectificationView): PrintableContent {
  const org = deps.orgs.get(r.org.id)!;
  const channel = r.evaluation ? EVALUATION_CHANNELS.find((c) => c.code === r.evaluation!.channel)?.label ?? r.evaluation.channel : '电话回访';
  const followUps = r.history.filter((h) => h.type === 'FOLLOW_UP');
  const followUpText = followUps.length === 0
    ? (r.evaluation?.realName === false ? '匿名评价，无法回访' : null)
    : followUps.map((h) => `${formatChineseDateTime(h.at)} ${h.actor ?? ''}：${h.payload.reached ? (h.payload.satisfied ? '已联系，满意' : '已联系，不满意') : '未联系上'}${h.payload.note ? `（${String(h.payload.note)}）` : ''}`).join('\n');
  const decided = r.history.find((h) => h.type === 'DECIDE_APPEAL');
  const rows = [
    row('办件编号', `${r.case.number}（${r.case.itemName}）`),
    row('评价', r.evaluation ? `${r.evaluation.label}　${formatChineseDateTime(r.evaluation.createdAt)}　${channel}${r.evaluation.realName ? '　实名' : '　匿名'}` : `回访不满意　${formatChineseDateTime(r.openedAt)}`),
    row('差评原因', r.evaluation?.reasons.join('、')),
    row('评价内容', r.evaluation?.comment),
    row('服务窗口及人员', [r.window?.name, r.staff?.name].filter(Boolean).join('　')),
    row('承办人', r.assignee?.name),
    row('整改期限', formatChineseDate(r.dueAt)),
    row('核实情况', r.justified === null ? null : `${r.justified ? '属实' : '不属实'}。${r.finding ?? ''}`),
    row(r.explanation && !r.measures ? '解释说明' : '整改措施', r.measures ?? r.explanation),
    row('回访情况', followUpText),
    ...(r.appeal ? [row('申诉', `${r.appeal.reason}${decided ? `\n裁定：${r.appeal.upheld ? '申诉成立' : '申诉不成立'}（${String(decided.payload.note ?? '')}）` : '\n待上级裁定'}`)] : []),
    row('办结情况', r.closedAt ? `${formatChineseDateTime(r.closedAt)}办结，${r.overdue ? '超期' : '按期'}` : `未办结（${r.statusLabel}）`),
  ];
  return printedForm(org, {
    title: '差评整改反馈单',
    number: r.number,
    paragraphs: [],
    tables: [{ columns: [], rows, widths: [1, 3.2], afterParagraph: -1 }],
    signatureLines: ['承办人（签字）：　　　　　　　　负责人（签字）：'],
    at: r.closedAt ?? deps.now().toISOString(),
    qrUrl: `${deps.publicBaseUrl}/public/progress?number=${encodeURIComponent(r.case.number)}`,
    qrLabel: '扫描二维码查询办件进度与评价',
  });
}
