// Masking of personal data for every screen, list, export and log but the case page itself (house
// rule: ID numbers and phones masked everywhere else). Each function keeps just enough for a clerk to
// confirm with the person in front of them — the last four digits, the surname — and never throws:
// a value that is not what it should be is masked whole rather than shown.

const MASK = '*';

/**
 * 身份证号: the first 3 and the last 4 characters stay (`330***********012X`), so the province
 * prefix and the digits a clerk reads back remain; the birth date in the middle is hidden. A value
 * shorter than 8 characters shows only its last character.
 */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const id = value.trim();
  if (id === '') return '';
  if (id.length < 8) return MASK.repeat(id.length - 1) + id.slice(-1);
  return id.slice(0, 3) + MASK.repeat(id.length - 7) + id.slice(-4);
}

// 15 or 18 characters of an ID number standing alone (not inside a longer run of digits), in any
// text: a URL's query string (`?q=…`), a message. %20-separated or spaced forms are not searched for.
const ID_NUMBER_IN_TEXT = /(?<![0-9])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;

/** The text with every ID number in it masked (maskIdNumber): what a log may hold of a request's URL. */
export function redactIdNumbers(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id)!);
}

/**
 * Phones: a mobile number keeps its first 3 and last 4 digits (`139****1234`, with any country
 * code before it); a landline keeps its area code and last 4 digits (`0575-****0001`); any other
 * number only its last 4 digits. Separators stay where they were; fewer than 7 digits show only
 * the last 2.
 */
export function maskPhone(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const phone = value.trim();
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 0) return MASK.repeat(phone.length);
  let keepFirst = 0;
  let keepLast = 4;
  if (digits.length < 7) keepLast = 2;
  else if (digits.length >= 11 && /^1[3-9]\d{9}$/.test(digits.slice(-11))) keepFirst = digits.length - 8;
  else keepFirst = /^(0\d{2,3})[-\s]/.exec(phone)?.[1]?.length ?? 0;
  let seen = 0;
  let out = '';
  for (const ch of phone) {
    if (ch < '0' || ch > '9') {
      out += ch;
      continue;
    }
    seen += 1;
    out += seen <= keepFirst || seen > digits.length - keepLast ? ch : MASK;
  }
  return out;
}

/**
 * Names: the first character (for most Chinese names the surname) stays, the rest is masked
 * (`张*`, `欧阳**` → `欧***`). A one-character name is masked whole.
 */
export function maskName(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return MASK;
  return chars[0] + MASK.repeat(chars.length - 1);
}
