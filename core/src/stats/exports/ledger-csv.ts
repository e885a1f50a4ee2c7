// The 台账 as CSV (RFC 4180, UTF-8 with a byte-order mark so that Excel opens the Chinese right),
// streamed as the keyset pages are read.
import { Readable } from 'node:stream';
import { LEDGER_COLUMNS, shanghaiTime, type LedgerRow } from '../ledger.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';

const field = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function ledgerCsv(rows: AsyncIterable<LedgerRow>): Readable {
  return Readable.from(
    (async function* () {
      yield `\ufeff${LEDGER_COLUMNS.map((c) => field(c.header)).join(',')}\r\n`;
      let n = 0;
      for await (const r of rows) {
        n += 1;
        yield `${LEDGER_COLUMNS.map((c) => field(c.value(r, n, shanghaiTime))).join(',')}\r\n`;
      }
    })(),
  );
}
