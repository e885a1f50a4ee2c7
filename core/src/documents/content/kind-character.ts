// The character of a document number that names its kind: 五泄便受〔2026〕12号.
import type { DocumentKind } from '@bianmin/contract';

const CHARACTERS: Record<DocumentKind, string> = {
  'acceptance-receipt': '受',
  'one-time-notice': '补',
  'refusal-decision': '不',
  'referral-notice': '告',
  decision: '决',
  // Results are certificates of many names (证明, 通知书, 证); one series keeps numbering simple.
  result: '证',
  'delivery-receipt': '送',
  'materials-returned': '退',
};

export function kindCharacter(kind: DocumentKind): string {
  return CHARACTERS[kind];
}
