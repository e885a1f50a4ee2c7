// The 台账 printed for a period and sealed by the station: drawn like the statutory documents, the
// station's business seal pressed over its name, the PDF's SM3 digest signed with the seal's key
// and the use logged in the 用印登记 (seal_uses), so a printed ledger is the station's own record.
// A daily summary (收件、办结、代办 per day, seed 004 附1 四.2①) precedes the rows.
import type { Knex } from 'knex';
import { formatChineseDate, type DocumentTable } from '../../documents/content/index.ts';
import type { RenderPdf } from '../../documents/issuing/render-stored-document.ts';
import type { PrintableContent } from '../../documents/render/index.ts';
import type { Organisation } from '../../org/index.ts';
import { listSeals, sealDocument, sealStampSpec } from '../../seals/index.ts';
import { shanghaiTime, type LedgerRow, type LedgerScope } from '../ledger.ts';

/** A printed ledger longer than this is refused: the .xlsx holds any length. */
export const LEDGER_PDF_MAX_ROWS = 2_000;

export interface SealedLedger {
  pdf: Buffer;
  number: string;
  seal: string | null;
}

export async function ledgerPdf(
  db: Knex,
  org: Organisation,
  scope: LedgerScope,
  rows: readonly LedgerRow[],
  /** `render`: the runtime's PDF pool, off the event loop. */
  options: { at: Date; userId: string; qrUrl: string; render: RenderPdf },
): Promise<SealedLedger> {
  const period = scope.from === scope.to ? scope.from : `${scope.from}至${scope.to}`;
  const number = `${org.shortName}台账〔${period}〕${scope.window ? scope.window.name : ''}`;
  const days = new Map<string, { received: number; concluded: number; agent: number }>();
  for (const r of rows) {
    const day = shanghaiTime(r.receivedAt).slice(0, 10);
    const d = days.get(day) ?? { received: 0, concluded: 0, agent: 0 };
    d.received += 1;
    if (r.concludedAt) d.concluded += 1;
    if (r.agent) d.agent += 1;
    days.set(day, d);
  }
  const summary: DocumentTable = {
    columns: ['日期', '收件', '办结', '代办'],
    rows: [...days.entries()].map(([day, d]) => [day, String(d.received), String(d.concluded), String(d.agent)]),
    widths: [2, 1, 1, 1],
    afterParagraph: 0,
  };
  const table: DocumentTable = {
    columns: ['序号', '收件时间', '办件编号', '事项', '申请人及电话', '代办员', '结果', '送达', '办结时间'],
    rows: rows.map((r, i) => [
      String(i + 1), shanghaiTime(r.receivedAt).slice(5), r.number, r.itemName, [r.applicant, r.phone].filter(Boolean).join(' '), r.agent ?? '', r.result,
      r.delivery ?? '', r.concludedAt ? shanghaiTime(r.concludedAt).slice(5) : '',
    ]),
    widths: [0.45, 0.95, 2.1, 1.7, 1.45, 0.9, 1.0, 0.8, 0.95],
    afterParagraph: 1,
  };
  const concluded = rows.filter((r) => r.concludedAt).length;
  const agent = rows.filter((r) => r.agent).length;
  const at = options.at.toISOString();
  const content: PrintableContent = {
    title: '便民服务记录台账',
    number,
    paragraphs: [
      `${org.name}${scope.window ? `${scope.window.name}` : ''}，${formatChineseDate(scope.from)}至${formatChineseDate(scope.to)}，共收件 ${rows.length} 件，办结 ${concluded} 件，其中代办 ${agent} 件。每日汇总如下：`,
      rows.length === 0 ? '本期无办件记录。' : '办件明细（申请人姓名、电话已脱敏）：',
    ],
    tables: [summary, ...(rows.length ? [table] : [])],
    signatureLines: ['登记人：', '负责人：'],
    issuer: org.name,
    issuedAt: at,
    dateText: formatChineseDate(at),
    footer: [[org.phone ? `咨询电话：${org.phone}` : null, '监督投诉：12345政务服务便民热线'].filter(Boolean).join('　'), '扫描二维码进入网上办事大厅'],
    verifyUrl: options.qrUrl,
  };
  const seal = (await listSeals(db, org.id)).filter((s) => s.status === 'active').sort((a, b) => Number(b.kind === 'business') - Number(a.kind === 'business'))[0];
  const pdf = await options.render(content, seal ? { stamp: sealStampSpec(seal) } : {});
  if (seal) await sealDocument(db, { sealId: seal.id, documentId: `ledger:${org.id}:${period}`, documentNumber: number.slice(0, 80), pdf, usedBy: options.userId, now: at });
  return { pdf, number, seal: seal?.name ?? null };
}
