export type {
  DocumentInput, ProvisionalDate, DocumentIssuer, DocumentAddressee, DocumentItem, CaseFacts, CaseDelivery, RefusalGround,
} from './document-input.ts';
export type { DocumentContent, DocumentTable } from './document-content.ts';
export { composeDocument } from './compose-document.ts';
export { documentText } from './document-text.ts';
export { kindCharacter } from './kind-character.ts';
export { formatChineseDate, formatChineseDateTime } from './chinese-date.ts';
