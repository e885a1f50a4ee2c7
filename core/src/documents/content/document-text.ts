// The document as plain text, in reading order: what a PDF text extractor must give back, and
// what search and the archive index.
import type { DocumentContent } from './document-content.ts';

export function documentText(content: DocumentContent): string {
  const lines: string[] = [content.title, content.number];
  if (content.addressee) lines.push(content.addressee);
  const tables = content.tables ?? [];
  const tablesAfter = (index: number): string[] =>
    tables.filter((t) => t.afterParagraph === index).flatMap((t) => [
      ...(t.columns.length > 0 ? [t.columns.join('\t')] : []),
      ...t.rows.map((row) => row.join('\t')),
    ]);
  lines.push(...tablesAfter(-1));
  content.paragraphs.forEach((paragraph, index) => lines.push(paragraph, ...tablesAfter(index)));
  lines.push(...(content.signatureLines ?? []), content.issuer, content.dateText, ...content.footer);
  return lines.join('\n');
}
