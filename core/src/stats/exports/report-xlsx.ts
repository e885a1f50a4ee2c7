// A monthly report as .xlsx: the figures, the organisations below (a township's or the county's
// roll-up), the indicators against the seeds' thresholds with their source, and the corrections.
import ExcelJS from 'exceljs';
import type { ReportView } from '../monthly-reports.ts';
import { FIELD_LABELS, FIGURE_LINES, pct } from './report-labels.ts';

export async function reportXlsx(report: ReportView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bianmin 便民';
  const f = report.figures;
  const main = workbook.addWorksheet('月报');
  main.columns = [{ width: 26 }, { width: 18 }];
  main.addRow([`${report.org.name}${report.month.replace('-', '年')}月便民服务月报`]).font = { bold: true, size: 14 };
  main.addRow(['统计期间', `${f.from} 至 ${f.to}`]);
  main.addRow(['状态', report.statusLabel]);
  main.addRow([]);
  main.addRow(['指标', '数值']).font = { bold: true };
  for (const line of FIGURE_LINES) main.addRow([line.label, line.value(f.total)]);

  if (f.rows.length) {
    const below = workbook.addWorksheet('下级单位');
    below.columns = [{ width: 32 }, ...Array.from({ length: 7 }, () => ({ width: 12 }))];
    below.addRow(['单位', '收件', '受理', '办结', '按时办结率', '即办件办结率', '代办件', '逾期未办结']).font = { bold: true };
    for (const r of f.rows) below.addRow([r.name, r.received, r.accepted, r.concluded, pct(r.onTimeRate), pct(r.immediateWithinTargetRate), r.agent, r.overdueOpen ?? '']);
  }

  const indicators = workbook.addWorksheet('考核指标');
  indicators.columns = [{ width: 22 }, { width: 10 }, { width: 14 }, { width: 12 }, { width: 10 }, { width: 40 }, { width: 60 }];
  indicators.addRow(['指标', '目标', '本单位', '是否达标', '扣分', '未达标的下级单位', '依据']).font = { bold: true };
  for (const i of f.indicators) {
    indicators.addRow([
      i.label,
      i.target,
      i.value === null ? '' : i.measure === 'annual' ? `${i.value}（全年预计 ${i.projected}）` : i.value,
      i.met === null ? '' : i.met ? '达标' : '未达标',
      i.deduction ?? '',
      i.short ? `${i.short.length}/${i.judged}：${i.short.map((s) => `${s.name} ${s.value}`).join('；')}` : '',
      `${i.source.document}《${i.source.title}》${i.source.article}：${i.source.quote}`,
    ]).alignment = { wrapText: true, vertical: 'top' };
  }

  if (f.corrections.length) {
    const corrections = workbook.addWorksheet('更正说明');
    corrections.columns = [{ width: 12 }, { width: 20 }, { width: 12 }, { width: 12 }];
    corrections.addRow([f.correctionNote ?? '']);
    corrections.addRow(['月份', '项目', '原报', '现为']).font = { bold: true };
    for (const c of f.corrections) corrections.addRow([c.month, FIELD_LABELS[c.field] ?? c.field, c.reported, c.now]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
