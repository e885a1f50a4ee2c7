// The page as GB/T 9704 (党政机关公文格式) sets it, scaled to these shorter documents: A4, body
// in 四号 (14 pt) with two-character indents, title in 二号 (22 pt), the date four characters from
// the right margin, the issuer centred over it and the seal pressed over both.
export const MM = 72 / 25.4;

export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginTop: 20 * MM,
  marginLeft: 26 * MM,
  marginRight: 26 * MM,
  marginBottom: 12 * MM,
};

export const TYPE = {
  title: 22,
  number: 12,
  body: 14,
  table: 11.5,
  footer: 9,
  lineGap: 2,
  paragraphGap: 3,
};

/** Height kept free at the bottom of the last page for the QR code and the footer lines. */
export const FOOTER_HEIGHT = 24 * MM;
export const QR_SIZE = 20 * MM;
