// What every document shares around its body: number, addressee, issuer, date, footer.
import { formatChineseDate } from './chinese-date.ts';
import { footerLines } from './common-phrases.ts';
import type { DocumentContent } from './document-content.ts';
import type { DocumentInput } from './document-input.ts';

export type DocumentFrame = Omit<DocumentContent, 'paragraphs' | 'tables' | 'signatureLines'>;

export function documentFrame(input: DocumentInput, title: string): DocumentFrame {
  return {
    kind: input.kind,
    title,
    number: input.number,
    addressee: `${input.addressee.name}：`,
    issuer: input.issuer.name,
    issuedAt: input.issuedAt,
    dateText: formatChineseDate(input.issuedAt),
    footer: footerLines(input),
    verifyUrl: input.verifyUrl,
  };
}
