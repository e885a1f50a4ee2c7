// Anyone holding a document can check it. The QR code opens GET /verify/:number, a page in Chinese;
// GET /api/public/verify/:number answers the same in JSON for machines (a browser asking it for
// HTML, as the QR codes of documents printed before the page existed do, is sent to the page);
// POST checks a copy (the PDF bytes as the body) — one changed byte fails.
import type { FastifyInstance } from 'fastify';
import { renderStoredDocument } from '../../documents/issuing/render-stored-document.ts';
import { renderVerificationNotFound, renderVerificationPage } from '../../documents/render/index.ts';
import { getDocument, getDocumentPdf } from '../../documents/issuing/store-document.ts';
import { verifyDownloadLink } from '../../delivery/index.ts';
import { AppError, isAppError } from '../../errors/index.ts';
import { verifyDocument } from '../../seals/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { errorResponses, fileResponse } from '../schemas.ts';

const verificationSchema = {
  type: 'object',
  required: ['documentNumber', 'valid', 'reason'],
  properties: {
    documentNumber: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    issuer: { type: 'string' },
    issuedAt: { type: 'string' },
    sealed: { type: 'boolean' },
    sealedAt: { type: ['string', 'null'] },
    valid: { type: 'boolean', description: '文书与登记的盖章版一致' },
    reason: { type: 'string', description: '核验结论（中文）' },
    sealName: { type: 'string' },
    sealPurpose: { type: 'string' },
    signerLabel: { type: 'string' },
    usedAt: { type: 'string' },
    sealRevoked: { type: 'boolean', description: '印章已于用印后停用（签名仍证明文书未被改动）' },
  },
} as const;

const params = { type: 'object', required: ['number'], properties: { number: { type: 'string', minLength: 1, maxLength: 80 } } } as const;

export function verifyRoutes(app: FastifyInstance, rt: Runtime): void {
  // 电子送达: the applicant has no account; the signed, expiring link is the permission.
  app.get<{ Params: { file: string }; Querystring: { expires?: string; sig?: string } }>(
    '/api/public/documents/:file',
    {
      schema: {
        tags: ['public'],
        summary: '电子送达：凭签名链接下载盖章文书',
        params: { type: 'object', required: ['file'], properties: { file: { type: 'string', pattern: '^[0-9a-f-]{36}\\.pdf$' } } },
        querystring: { type: 'object', additionalProperties: false, properties: { expires: { type: 'string', maxLength: 20 }, sig: { type: 'string', maxLength: 100 } } },
        response: { ...fileResponse('application/pdf', '盖章文书（PDF）'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const documentId = request.params.file.slice(0, -'.pdf'.length);
      const check = verifyDownloadLink({ documentId, expires: request.query.expires, sig: request.query.sig }, rt.secret, rt.now());
      if (!check.ok) throw new AppError('FORBIDDEN', check.reason === 'expired' ? '下载链接已过期，请联系办理单位重新送达' : '下载链接无效');
      const doc = await getDocument(rt.db, { id: documentId });
      if (!doc) throw new AppError('DOCUMENT_NOT_FOUND');
      if (!doc.hasPdf) await renderStoredDocument(rt.db, doc.id, rt.sealing, rt.pdf.document, rt.now());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.number)}.pdf`)
        .send(await getDocumentPdf(rt.db, doc.id));
    },
  );

  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  const answer = async (number: string, pdf: Buffer | null) => {
    const doc = await getDocument(rt.db, { number });
    if (!doc) throw new AppError('DOCUMENT_NOT_FOUND', `文书 ${number} 不存在`);
    const issuer = rt.orgs.get(doc.issuerOrgId);
    const check = pdf ? await verifyDocument(rt.db, number, pdf) : { valid: false, reason: '文书尚未生成盖章版' };
    return {
      documentNumber: doc.number,
      title: doc.title,
      kind: doc.kind,
      issuer: issuer?.name ?? doc.issuerOrgId,
      issuedAt: doc.createdAt,
      sealed: Boolean(doc.sealedAt),
      sealedAt: doc.sealedAt,
      ...check,
    };
  };

  /** The issued PDF's verification, rendering the PDF first if no one has asked for it yet. */
  const verifyIssued = async (number: string) => {
    const doc = await getDocument(rt.db, { number });
    // A document refused for want of a seal has no sealed copy yet: the page says so.
    if (doc && !doc.hasPdf) await renderStoredDocument(rt.db, doc.id, rt.sealing, rt.pdf.document, rt.now()).catch((err) => {
      if (!isAppError(err)) throw err;
    });
    return answer(number, doc ? await getDocumentPdf(rt.db, doc.id) : null);
  };
  const jsonUrl = (number: string) => `/api/public/verify/${encodeURIComponent(number)}`;

  app.get<{ Params: { number: string } }>(
    '/api/public/verify/:number',
    { schema: { tags: ['public'], summary: '文书验真（核对登记的盖章版）', params, response: { 200: verificationSchema, 303: { description: '浏览器打开时转到核验页 /verify/:number', type: 'null' }, ...errorResponses } } },
    async (request, reply) => {
      if (prefersHtml(request.headers.accept)) return reply.redirect(`/verify/${encodeURIComponent(request.params.number)}`, 303);
      return verifyIssued(request.params.number);
    },
  );

  app.get<{ Params: { number: string } }>(
    '/verify/:number',
    {
      schema: {
        tags: ['public'],
        summary: '文书核验页（二维码打开的中文页面）',
        params,
        response: {
          200: { description: '核验页（HTML）', content: { 'text/html': { schema: { type: 'string' } } } },
          404: { description: '文书不存在（HTML）', content: { 'text/html': { schema: { type: 'string' } } } },
        },
      },
    },
    async (request, reply) => {
      const number = request.params.number;
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      try {
        return renderVerificationPage(await verifyIssued(number), jsonUrl(number));
      } catch (error) {
        if (error instanceof AppError && error.code === 'DOCUMENT_NOT_FOUND') return reply.status(404).send(renderVerificationNotFound(number));
        throw error;
      }
    },
  );

  app.post<{ Params: { number: string }; Body: Buffer }>(
    '/api/public/verify/:number',
    { schema: { tags: ['public'], summary: '文书验真（上传 PDF 副本核对）', params, response: { 200: verificationSchema, ...errorResponses } } },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 application/pdf 上传文书');
      return answer(request.params.number, request.body);
    },
  );
}

/** A browser opening the link (text/html before any JSON in Accept), not a program asking for data. */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim());
  const html = types.indexOf('text/html');
  const json = types.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}
