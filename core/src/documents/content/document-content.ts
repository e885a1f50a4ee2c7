// A document as words, laid out by neither HTML nor PDF: both renderers and documentText read it.
import type { DocumentKind } from '@bianmin/contract';

export interface DocumentTable {
  /** Column headings; empty for a two-column label/value form such as the delivery receipt. */
  columns: string[];
  rows: string[][];
  /** Relative column widths; equal when absent. */
  widths?: number[];
  /** Index in `paragraphs` after which the table stands; -1 before the first paragraph. */
  afterParagraph: number;
}

export interface DocumentContent {
  kind: DocumentKind;
  title: string;
  number: string;
  /** e.g. 张三：, absent where the body names the addressee itself (送达回证). */
  addressee?: string;
  paragraphs: string[];
  tables?: DocumentTable[];
  /** Lines left blank for handwriting, e.g. 申请人（签字）：…, printed after the body. */
  signatureLines?: string[];
  issuer: string;
  /** ISO time of issue; dateText is its printed form, the PDF's dates come from it. */
  issuedAt: string;
  dateText: string;
  footer: string[];
  verifyUrl: string;
}
