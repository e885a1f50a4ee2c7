// The document as a standalone printable A4 web page, same layout as the PDF: stored with the
// case and printed by the browser. Every text is escaped; only the stamp and QR SVGs we drew
// ourselves are inserted as markup.
import escapeHtml from 'escape-html';
import type { DocumentContent, DocumentTable } from '../content/index.ts';
import { drawQrSvg } from './qr-matrix.ts';

export interface HtmlRenderOptions {
  /** From drawSealSvg: pressed over the issuer's name and the date. */
  stampSvg?: string;
  /** From drawQrSvg; drawn from the content's verifyUrl when absent. */
  qrSvg?: string;
}

const STYLE = `
@page { size: A4; margin: 20mm 26mm 12mm 26mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000; background: #fff;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "FangSong", serif; }
.page { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 20mm 26mm 12mm; display: flex; flex-direction: column; }
@media print { .page { width: auto; min-height: 265mm; padding: 0; } }
h1 { font-size: 22pt; text-align: center; margin: 0 0 6pt; letter-spacing: 1pt; }
.number { font-size: 12pt; text-align: right; margin: 0 0 12pt; }
p { font-size: 14pt; line-height: 1.6; margin: 0 0 3pt; text-indent: 2em; }
p.addressee, p.signature { text-indent: 0; }
p.signature { margin-top: 12pt; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 8pt; font-size: 11.5pt; }
th, td { border: 0.75pt solid #000; padding: 4pt 5pt; vertical-align: middle; }
th, td.label { font-weight: bold; text-align: center; }
td.index { text-align: center; }
table.form td { height: 30pt; }
.issuer { position: relative; align-self: flex-end; margin: 14pt 4em 0 0; min-height: 42mm;
  display: flex; flex-direction: column; justify-content: center; align-items: center; font-size: 14pt; line-height: 1.6; }
.issuer .stamp { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -56%);
  opacity: 0.82; mix-blend-mode: multiply; pointer-events: none; }
.issuer .stamp svg { display: block; }
footer { margin-top: auto; border-top: 0.5pt solid #888; padding-top: 6pt; display: flex; gap: 4mm;
  align-items: center; font-size: 9pt; color: #333; line-height: 1.5; }
footer .qr svg { width: 20mm; height: 20mm; display: block; }
footer p { font-size: 9pt; text-indent: 0; margin: 0; line-height: 1.5; }
`;

export function renderDocumentHtml(content: DocumentContent, options: HtmlRenderOptions = {}): string {
  const text = (value: string): string => escapeHtml(value);
  const tables = content.tables ?? [];
  const tablesAfter = (index: number): string =>
    tables.filter((t) => t.afterParagraph === index).map(tableHtml).join('');
  const body = [
    tablesAfter(-1),
    ...content.paragraphs.map((paragraph, index) => `<p>${text(paragraph)}</p>${tablesAfter(index)}`),
    ...(content.signatureLines ?? []).map((line) => `<p class="signature">${text(line)}</p>`),
  ].join('\n');
  const stamp = options.stampSvg ? `<div class="stamp">${options.stampSvg}</div>` : '';
  const qr = options.qrSvg ?? drawQrSvg(content.verifyUrl);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${text(content.title)} ${text(content.number)}</title>
<style>${STYLE}</style>
</head>
<body>
<article class="page">
<h1>${text(content.title)}</h1>
<div class="number">${text(content.number)}</div>
${content.addressee ? `<p class="addressee">${text(content.addressee)}</p>` : ''}
${body}
<div class="issuer"><div>${text(content.issuer)}</div><div>${text(content.dateText)}</div>${stamp}</div>
<footer><div class="qr">${qr}</div><div>${content.footer.map((line) => `<p>${text(line)}</p>`).join('')}</div></footer>
</article>
</body>
</html>
`;
}

function tableHtml(table: DocumentTable): string {
  const widths = table.widths;
  const total = widths?.reduce((a, b) => a + b, 0) ?? 0;
  const columns = widths ? `<colgroup>${widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('')}</colgroup>` : '';
  const labelled = table.columns.length === 0;
  const head = labelled ? '' : `<thead><tr>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${i === 0 ? ` class="${labelled ? 'label' : 'index'}"` : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('');
  return `<table${labelled ? ' class="form"' : ''}>${columns}${head}<tbody>${rows}</tbody></table>`;
}
