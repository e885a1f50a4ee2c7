// The complaints register as a real .xlsx (exceljs' streaming writer: rows are written to the
// response as they are read, in pages, so a year's register never sits in memory whole).
// Phones are masked, as in every list and export.
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatChineseDate } from '../../documents/content/index.ts';
import type { ComplaintView } from '../complaints.ts';

const COLUMNS: { header: string; width: number; value: (c: ComplaintView, n: number) => string | number }[] = [
  { header: '序号', width: 6, value: (_c, n) => n },
  { header: '日期', width: 14, value: (c) => formatChineseDate(c.receivedAt) },
  { header: '投诉编号', width: 20, value: (c) => c.number },
  { header: '投诉人', width: 10, value: (c) => c.complainant },
  { header: '联系电话', width: 15, value: (c) => c.phone ?? '' },
  { header: '来源', width: 11, value: (c) => c.sourceLabel },
  { header: '投诉对象', width: 18, value: (c) => (c.subject ? `${c.subject.kindLabel}：${c.subject.name ?? ''}` : '') },
  { header: '投诉内容', width: 40, value: (c) => c.content },
  { header: '调查核实', width: 30, value: (c) => (c.finding ? `${c.confirmed ? '属实' : '不属实'}：${c.finding}` : '') },
  { header: '处理结果', width: 30, value: (c) => c.result ?? '' },
  { header: '答复', width: 30, value: (c) => (c.reply ? `${formatChineseDate(c.reply.at)}${c.reply.methodLabel}：${c.reply.content}` : '') },
  { header: '状态', width: 10, value: (c) => c.statusLabel },
  { header: '记录人', width: 10, value: (c) => c.recorder },
];

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function complaintRegisterXlsx(title: string, rows: AsyncIterable<ComplaintView>): Readable {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Bianmin 便民';
  const sheet = workbook.addWorksheet('投诉处理记录本', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  titleRow.commit();
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  void (async () => {
    let n = 0;
    for await (const complaint of rows) {
      n += 1;
      const row = sheet.addRow(COLUMNS.map((c) => c.value(complaint, n)));
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => stream.destroy(err as Error));
  return stream;
}
