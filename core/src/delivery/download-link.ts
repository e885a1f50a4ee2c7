// Electronic delivery (电子送达): a link to the sealed document that only the holder can use and
// only until it expires, verified without storing anything: HMAC-SHA256 over the document id
// and the expiry with a secret only the server knows.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface DownloadLinkOptions {
  documentId: string;
  /** When the link stops working. */
  expiresAt: Date;
  /** The server's secret (e.g. `BIANMIN_DOWNLOAD_SECRET`); at least 32 characters. */
  secret: string;
  /** Origin the link starts with, e.g. `https://bianmin.example.cn`. */
  baseUrl: string;
  /** Path of the public download route, `:id` standing for the document id. */
  path?: string;
}

/** The applicant holds no account, so the route is public and the signature is the permission. */
export const DEFAULT_DOWNLOAD_PATH = '/api/public/documents/:id.pdf';

export interface DownloadLink {
  url: string;
  documentId: string;
  expires: number; // Unix seconds
  signature: string; // base64url
}

export type DownloadLinkCheck =
  | { ok: true; documentId: string }
  | { ok: false; reason: 'malformed' | 'expired' | 'bad-signature' };

const MIN_SECRET_LENGTH = 32;

export function createDownloadLink(options: DownloadLinkOptions): DownloadLink {
  const expires = Math.floor(options.expiresAt.getTime() / 1000);
  const signature = sign(options.secret, options.documentId, expires);
  const path = (options.path ?? DEFAULT_DOWNLOAD_PATH).replace(':id', encodeURIComponent(options.documentId));
  const url = new URL(path, options.baseUrl);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('sig', signature);
  return { url: url.toString(), documentId: options.documentId, expires, signature };
}

/** Checks the query values of a download request (`expires`, `sig`) for `documentId` at `now`. */
export function verifyDownloadLink(
  params: { documentId: string; expires: string | number | undefined; sig: string | undefined },
  secret: string,
  now: Date,
): DownloadLinkCheck {
  const expires = Number(params.expires);
  if (!Number.isSafeInteger(expires) || typeof params.sig !== 'string' || params.sig === '') {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(sign(secret, params.documentId, expires));
  const given = Buffer.from(params.sig);
  // Compare the signature before the clock so a forged link learns nothing from the answer.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad-signature' };
  }
  if (now.getTime() >= expires * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, documentId: params.documentId };
}

function sign(secret: string, documentId: string, expires: number): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new RangeError(`download-link secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
  // The newline cannot occur in a number, so id and expiry cannot be shifted into each other.
  return createHmac('sha256', secret).update(`${documentId}\n${expires}`).digest('base64url');
}
