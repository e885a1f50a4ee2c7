export { renderDocumentPdf, type PdfRenderOptions, type PrintableContent } from './render-document-pdf.ts';
export { renderDocumentHtml, type HtmlRenderOptions } from './render-document-html.ts';
export { drawQrSvg } from './qr-matrix.ts';
export { renderVerificationPage, renderVerificationNotFound, type VerificationFacts } from './render-verification-page.ts';
