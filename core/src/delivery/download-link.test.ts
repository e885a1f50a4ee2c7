import { describe, expect, it } from 'vitest';
import { createDownloadLink, verifyDownloadLink } from './download-link.ts';

const secret = 'a-server-secret-of-at-least-32-characters';
const now = new Date('2026-11-23T08:00:00Z');
const expiresAt = new Date('2026-11-30T08:00:00Z');

function queryOf(url: string) {
  const u = new URL(url);
  return { expires: u.searchParams.get('expires') ?? undefined, sig: u.searchParams.get('sig') ?? undefined };
}

describe('signed download links', () => {
  const link = createDownloadLink({ documentId: 'doc-42', expiresAt, secret, baseUrl: 'https://bianmin.example.cn' });

  it('points at the document with its expiry and signature', () => {
    expect(link.url).toMatch(/^https:\/\/bianmin\.example\.cn\/api\/public\/documents\/doc-42\.pdf\?expires=\d+&sig=[\w-]+$/);
    const elsewhere = createDownloadLink({ documentId: 'a/b', expiresAt, secret, baseUrl: 'http://x', path: '/dl/:id' });
    expect(elsewhere.url).toBe(`http://x/dl/a%2Fb?expires=${link.expires}&sig=${elsewhere.signature}`);
    expect(link.expires).toBe(expiresAt.getTime() / 1000);
  });

  it('is accepted for its document until it expires', () => {
    expect(verifyDownloadLink({ documentId: 'doc-42', ...queryOf(link.url) }, secret, now)).toEqual({ ok: true, documentId: 'doc-42' });
    expect(verifyDownloadLink({ documentId: 'doc-42', ...queryOf(link.url) }, secret, expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('cannot be moved to another document, extended or signed with another secret', () => {
    const q = queryOf(link.url);
    expect(verifyDownloadLink({ documentId: 'doc-43', ...q }, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyDownloadLink({ documentId: 'doc-42', expires: link.expires + 86400, sig: q.sig }, secret, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyDownloadLink({ documentId: 'doc-42', ...q }, 'another-secret-that-is-also-32-chars-long', now)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('treats a missing or garbled query as malformed', () => {
    expect(verifyDownloadLink({ documentId: 'doc-42', expires: 'soon', sig: link.signature }, secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyDownloadLink({ documentId: 'doc-42', expires: link.expires, sig: undefined }, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a short secret', () => {
    expect(() => createDownloadLink({ documentId: 'd', expiresAt, secret: 'short', baseUrl: 'http://x' })).toThrow(RangeError);
  });
});
