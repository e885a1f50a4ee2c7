// A monthly report printed: the figures, the roll-up of the organisations below, the indicators
// with their source and the corrections; once submitted or accepted it is pressed with the
// reporting organisation's seal and the use logged (用印登记) with the digest of the bytes served.
import type { Knex } from 'knex';
import { formatChineseDate, type DocumentTable } from '../../documents/content/index.ts';
import { renderDocumentPdf, type PrintableContent } from '../../documents/render/index.ts';
import type { Organisation } from '../../org/index.ts';
import { layoutSeal, listSeals, sealDocument, sealStampSpec } from '../../seals/index.ts';
import type { ReportView } from '../monthly-reports.ts';
import { FIELD_LABELS, FIGURE_LINES, pct } from './report-labels.ts';

export async function reportPdf(db: Knex, org: Organisation, report: ReportView, options: { at: Date; userId: string; qrUrl: string }): Promise<{ pdf: Buffer; number: string; sealed: boolean }> {
  const f = report.figures;
  const number = `${org.shortName}月报〔${report.month}〕`;
  const sealable = report.status === 'submitted' || report.status === 'accepted';
  const tables: DocumentTable[] = [
    { columns: ['指标', '数值', '指标', '数值'], rows: pairs(FIGURE_LINES.map((l) => [l.label, l.value(f.total)])), widths: [2.2, 1, 2.2, 1], afterParagraph: 0 },
  ];
  const paragraphs = [`统计期间：${formatChineseDate(f.from)}至${formatChineseDate(f.to)}。状态：${report.statusLabel}${sealable ? '' : '（草稿，未盖章）'}。`];
  if (f.rows.length) {
    paragraphs.push('下级单位办件情况：');
    tables.push({
      columns: ['单位', '收件', '办结', '按时率', '即办率', '代办'],
      rows: f.rows.map((r) => [r.name, String(r.received), String(r.concluded), pct(r.onTimeRate), pct(r.immediateWithinTargetRate), String(r.agent)]),
      widths: [3, 0.8, 0.8, 1, 1, 0.8],
      afterParagraph: paragraphs.length - 1,
    });
  }
  paragraphs.push('考核指标：');
  tables.push({
    columns: ['指标', '目标', '本单位/未达标下级', '依据'],
    rows: f.indicators.map((i) => [
      i.label,
      String(i.target),
      i.value !== null ? `${i.value}${i.projected !== null ? `（预计全年${i.projected}）` : ''}，${i.met ? '达标' : `未达标${i.deduction ? `，扣${i.deduction}分` : ''}`}` : `${i.short?.length ?? 0}/${i.judged} 未达标`,
      `${i.source.document} ${i.source.article}：${i.source.quote}`,
    ]),
    widths: [1.6, 0.7, 2, 3.5],
    afterParagraph: paragraphs.length - 1,
  });
  if (f.corrections.length) {
    paragraphs.push(`更正说明：${f.correctionNote ?? ''}${f.corrections.map((c) => `${FIELD_LABELS[c.field] ?? c.field}原报 ${c.reported}，现为 ${c.now}`).join('；')}。`);
  }
  const at = options.at.toISOString();
  const content: PrintableContent = {
    title: `${report.month.replace('-', '年')}月便民服务月报`,
    number,
    addressee: `${report.reviewer.name}：`,
    paragraphs,
    tables,
    signatureLines: ['填报人：', '负责人：'],
    issuer: org.name,
    issuedAt: at,
    dateText: formatChineseDate(at),
    footer: [[org.phone ? `联系电话：${org.phone}` : null, '监督投诉：12345政务服务便民热线'].filter(Boolean).join('　')],
    verifyUrl: options.qrUrl,
  };
  const seal = sealable ? (await listSeals(db, org.id)).filter((s) => s.status === 'active').sort((a, b) => Number(b.kind === 'business') - Number(a.kind === 'business'))[0] : undefined;
  const pdf = await renderDocumentPdf(content, seal ? { stamp: layoutSeal(sealStampSpec(seal)) } : {});
  if (seal) await sealDocument(db, { sealId: seal.id, documentId: `report:${report.id}`, documentNumber: number, pdf, usedBy: options.userId, now: at });
  return { pdf, number, sealed: Boolean(seal) };
}

/** Label/value pairs two to a row. */
function pairs(lines: string[][]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < lines.length; i += 2) rows.push([...lines[i]!, ...(lines[i + 1] ?? ['', ''])]);
  return rows;
}
