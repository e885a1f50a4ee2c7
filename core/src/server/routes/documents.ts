import type { FastifyInstance } from 'fastify';
import { renderStoredDocument } from '../../documents/issuing/render-stored-document.ts';
import { renderDocumentHtml } from '../../documents/render/index.ts';
import { getDocument, getDocumentPdf } from '../../documents/issuing/store-document.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { currentUser } from '../authentication.ts';
import { anyObject, errorResponses } from '../schemas.ts';

export function documentRoutes(app: FastifyInstance, rt: Runtime): void {
  app.get<{ Params: { file: string } }>(
    '/api/documents/:file',
    {
      schema: {
        tags: ['documents'],
        summary: '文书（.pdf 盖章版，.html 打印版，.json 数据）',
        params: { type: 'object', required: ['file'], properties: { file: { type: 'string', pattern: '^[0-9a-f-]{36}\\.(pdf|html|json)$' } } },
        response: {
          200: {
            description: '盖章 PDF、打印用 HTML 或文书数据（JSON），按扩展名',
            content: {
              'application/pdf': { schema: { type: 'string', format: 'binary' } },
              'text/html': { schema: { type: 'string' } },
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { id: { type: 'string' }, kind: { type: 'string' }, number: { type: 'string' }, title: { type: 'string' }, content: anyObject, sealed: { type: 'boolean' } },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const [id, ext] = request.params.file.split('.') as [string, 'pdf' | 'html' | 'json'];
      const doc = await getDocument(rt.db, { id });
      if (!doc) throw new AppError('DOCUMENT_NOT_FOUND');
      const record = await rt.engine.load(rt.db, doc.caseId);
      if (!record || !rt.engine.canSee(currentUser(request), record)) throw new AppError('DOCUMENT_NOT_FOUND');
      if (ext === 'html') {
        // Rendered on first request (its QR code costs ~1 ms), then kept with the document.
        const html = doc.html ?? renderDocumentHtml(doc.content);
        if (!doc.html) await rt.db('documents').where({ id: doc.id }).update({ html });
        return reply.type('text/html; charset=utf-8').send(html);
      }
      if (ext === 'json') return { id: doc.id, kind: doc.kind, number: doc.number, title: doc.title, content: doc.content, sealed: Boolean(doc.sealedAt) };
      if (!doc.hasPdf) await renderStoredDocument(rt.db, id, rt.sealing, rt.pdf.document, rt.now());
      const pdf = await getDocumentPdf(rt.db, id);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(doc.number)}.pdf`)
        .send(pdf);
    },
  );
}
