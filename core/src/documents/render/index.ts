export { renderDocumentPdf, type PdfRenderOptions, type PrintableContent } from './render-document-pdf.ts';
export { renderDocumentHtml, type HtmlRenderOptions } from './render-document-html.ts';
export { cjkFont, cjkFontFile, type CjkFontFile, type CjkWeight } from './cjk-font.ts';
export { drawQrSvg } from './qr-matrix.ts';
