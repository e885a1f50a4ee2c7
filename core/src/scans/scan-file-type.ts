// What a scan may be: JPEG, PNG or PDF, and the declared content type must agree with the file's
// first bytes — a renamed executable or an HTML page labelled image/png is refused.
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

const SIGNATURES: ReadonlyArray<readonly [contentType: string, magic: readonly number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

/** The content type when the declared type is allowed and the bytes carry its signature; else null. */
export function scanContentType(declared: string, bytes: Buffer): string | null {
  const type = declared.split(';')[0]!.trim().toLowerCase();
  const signature = SIGNATURES.find(([t]) => t === type);
  if (!signature) return null;
  const [, magic] = signature;
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b) ? type : null;
}

/** A file name is a label, never a path: no separators, no '..', no control characters. */
export function isPlainFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= 200 && !/[/\\\u0000-\u001f]/.test(name) && !name.includes('..');
}
