// Phrases every composer shares: how the application is named, the cited law, the footer.
import { formatChineseDate } from './chinese-date.ts';
import type { DocumentInput, DocumentItem } from './document-input.ts';

export const LICENSING_LAW = '《中华人民共和国行政许可法》';

/** 「（暂定）」 after a printed date that counts over a year with no entered holiday schedule. */
export function provisionalMark(input: DocumentInput, field: NonNullable<DocumentInput['caseInfo']['provisionalDates']>[number]['field']): string {
  return input.caseInfo.provisionalDates?.some((d) => d.field === field) ? '（暂定）' : '';
}

/** The note a document with a provisional date carries, naming the years; undefined when it has none. */
export function provisionalNote(input: DocumentInput): string | undefined {
  const years = [...new Set((input.caseInfo.provisionalDates ?? []).flatMap((d) => d.years))].sort();
  if (years.length === 0) return undefined;
  return `注：标注“暂定”的日期按法定节假日推算，${years.join('、')}年节假日安排公布后，以本中心重新核定的日期为准，届时另行告知。`;
}

/** 你于2026年11月20日提交的“高龄津贴申领”申请（办件编号：…） */
export function applicationPhrase(input: DocumentInput): string {
  const received = formatChineseDate(input.caseInfo.receivedAt);
  return `你于${received}提交的“${input.item.name}”申请（办件编号：${input.caseInfo.number}）`;
}

/** Licences cite the law; other items apply it by the local rule (参照). */
export function citeLicensingLaw(item: DocumentItem, clause: string): string {
  const verb = item.itemType === undefined || item.itemType === '行政许可' ? '根据' : '参照';
  return `${verb}${LICENSING_LAW}${clause}的规定`;
}

/** 《…》第…条 for each legal basis of the item, joined with 、. */
export function legalBasisText(item: DocumentItem): string | undefined {
  if (!item.legalBasis || item.legalBasis.length === 0) return undefined;
  return item.legalBasis.map((b) => `${b.law}${b.article ?? ''}`).join('、');
}

export function footerLines(input: DocumentInput): string[] {
  const { issuer } = input;
  const complaint = issuer.complaintChannel ?? '12345政务服务便民热线';
  const contact = [
    issuer.phone ? `咨询电话：${issuer.phone}` : undefined,
    `监督投诉：${complaint}`,
  ].filter((line): line is string => line !== undefined);
  return [
    contact.join('　'),
    ...(issuer.address ? [`办公地址：${issuer.address}`] : []),
    `扫描二维码或访问 ${readableUrl(input.verifyUrl)} 核验本文书及印章真伪`,
  ];
}

/** A printed address is read by people: percent-escapes of Chinese characters are shown decoded. */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
