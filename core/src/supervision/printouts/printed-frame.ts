// What supervision's printed forms share with the statutory documents: the issuer and its date
// at the foot, the contact and complaint lines, and a QR code (here to the public page the form
// concerns, since these records are not sealed documents to verify).
import { formatChineseDate, type DocumentTable } from '../../documents/content/index.ts';
import type { PrintableContent } from '../../documents/render/index.ts';
import type { Organisation } from '../../org/index.ts';

export function printedForm(
  org: Organisation,
  form: { title: string; number: string; addressee?: string; paragraphs: string[]; tables?: DocumentTable[]; signatureLines?: string[]; at: string; qrUrl: string; qrLabel: string },
): PrintableContent {
  return {
    title: form.title,
    number: form.number,
    ...(form.addressee ? { addressee: form.addressee } : {}),
    paragraphs: form.paragraphs,
    tables: form.tables ?? [],
    signatureLines: form.signatureLines ?? [],
    issuer: org.name,
    issuedAt: form.at,
    dateText: formatChineseDate(form.at),
    footer: [
      [org.phone ? `咨询电话：${org.phone}` : null, '监督投诉：12345政务服务便民热线'].filter(Boolean).join('　'),
      ...(org.address ? [`办公地址：${org.address}`] : []),
      form.qrLabel,
    ],
    verifyUrl: form.qrUrl,
  };
}

/** A label/value row of a form table. */
export const row = (label: string, value: string | null | undefined): string[] => [label, value && value.trim() ? value : '—'];
