// The page a printed document's QR code opens: in Chinese, readable on a phone, without the web
// app's scripts (one small HTML answer on a village's slow connection). Machines keep the JSON of
// GET /api/public/verify/:number, which says the same.
import escapeHtml from 'escape-html';
import { formatChineseDate, formatChineseDateTime } from '../content/chinese-date.ts';

export interface VerificationFacts {
  documentNumber: string;
  title: string;
  issuer: string;
  issuedAt: string;
  sealed: boolean;
  valid: boolean;
  reason: string;
  sealName?: string;
  sealPurpose?: string;
  signerLabel?: string;
  usedAt?: string;
  sealRevoked?: boolean;
}

const STYLE = `body{margin:0;font:16px/1.6 "Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#f5f5f5}
main{max-width:560px;margin:0 auto;padding:16px}h1{font-size:22px;margin:8px 0 16px}
.verdict{border-radius:6px;padding:14px 16px;margin-bottom:16px;font-size:18px;font-weight:600}
.valid{background:#e8f5e9;color:#1b5e20;border:1px solid #a5d6a7}.invalid{background:#ffebee;color:#b71c1c;border:1px solid #ef9a9a}
.verdict small{display:block;font-weight:400;font-size:15px;margin-top:4px}
dl{background:#fff;border:1px solid #e0e0e0;border-radius:6px;margin:0 0 16px;padding:4px 16px}
dt{color:#666;font-size:14px;margin-top:10px}dd{margin:0 0 10px;font-size:17px;word-break:break-all}
p{color:#555;font-size:14px}a{color:#c62828}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The verdict first, then what the document is: title, number, issuer, date, seal. */
export function renderVerificationPage(f: VerificationFacts, jsonUrl: string): string {
  const verdict = f.valid
    ? `<div class="verdict valid" data-valid="true">✔ 核验通过：本文书真实有效<small>${escapeHtml(f.reason)}</small></div>`
    : `<div class="verdict invalid" data-valid="false">✘ 核验未通过<small>${escapeHtml(f.reason)}</small></div>`;
  const row = (term: string, value: string | undefined) => (value ? `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>` : '');
  const seal = f.sealName
    ? `${f.sealName}${f.sealPurpose ? ` ${f.sealPurpose}` : ''}${f.sealRevoked ? '（该印章已于用印后停用）' : ''}`
    : f.sealed ? undefined : '尚未盖章';
  const body = `<h1>文书核验</h1>${verdict}<dl>` +
    row('文书名称', f.title) +
    row('文书编号', f.documentNumber) +
    row('出具单位', f.issuer) +
    row('出具日期', formatChineseDate(f.issuedAt)) +
    row('印章', seal) +
    row('用印时间', f.usedAt ? formatChineseDateTime(f.usedAt) : undefined) +
    row('电子签名', f.signerLabel) +
    `</dl><p>核验以本平台登记的盖章文书为准：请核对手中文书的名称、编号和出具单位与上方一致。如有疑问，请向出具单位咨询。</p>` +
    `<p><a href="${escapeHtml(jsonUrl)}">核验数据（JSON）</a></p>`;
  return page(`文书核验 · ${f.documentNumber}`, body);
}

export function renderVerificationNotFound(number: string): string {
  return page('文书核验', `<h1>文书核验</h1><div class="verdict invalid" data-valid="false">✘ 未找到该文书<small>本平台没有编号为 ${escapeHtml(number)} 的文书，请核对编号，或向出具单位咨询。</small></div>`);
}
