// The 台账 as a real .xlsx, written by exceljs' streaming WorkbookWriter as the keyset pages are read:
// a year of a township never sits in memory whole (bench/RESULTS.md: 100,000 rows and the RSS).
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LEDGER_COLUMNS, shanghaiTime, type LedgerRow } from '../ledger.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ledgerXlsx(title: string, rows: AsyncIterable<LedgerRow>): Readable {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Bianmin 便民';
  const sheet = workbook.addWorksheet('服务记录台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  titleRow.commit();
  const header = sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  void (async () => {
    let n = 0;
    for await (const r of rows) {
      n += 1;
      sheet.addRow(LEDGER_COLUMNS.map((c) => c.value(r, n, shanghaiTime))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => stream.destroy(err as Error));
  return stream;
}
