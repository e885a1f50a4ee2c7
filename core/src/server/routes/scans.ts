// Scans per material (纸质扫描上传): upload (multipart, one file, ≤ 10 MB, JPEG/PNG/PDF checked by
// content type and first bytes), list on the case, download — each only for whoever may see the case.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CaseRecord } from '../../cases/index.ts';
import { AppError } from '../../errors/index.ts';
import type { Runtime } from '../../runtime/runtime.ts';
import { isPlainFileName, listScans, readScan, scanContentType, SCAN_MAX_BYTES, storeScan } from '../../scans/index.ts';
import { currentUser } from '../authentication.ts';
import { errorResponses } from '../schemas.ts';

const idPattern = { type: 'string', minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_.-]+$' } as const;
const materialParams = { type: 'object', required: ['id', 'materialId'], properties: { id: { type: 'string', maxLength: 64 }, materialId: idPattern } } as const;
const scanParams = { ...materialParams, required: ['id', 'materialId', 'scanId'], properties: { ...materialParams.properties, scanId: { type: 'string', maxLength: 64 } } } as const;

const scanSchema = {
  type: 'object',
  required: ['id', 'materialId', 'fileName', 'contentType', 'size', 'sha256', 'uploadedBy', 'uploadedAt'],
  properties: {
    id: { type: 'string' },
    materialId: { type: 'string' },
    fileName: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string', description: '文件的 SHA-256（同时记入办件历史）' },
    uploadedBy: { type: 'string' },
    uploadedAt: { type: 'string' },
  },
} as const;

const uploadErrors = { ...errorResponses, 413: errorResponses[400], 415: errorResponses[400] } as const;

export function scanRoutes(app: FastifyInstance, rt: Runtime): void {
  const visibleCase = async (request: FastifyRequest, id: string): Promise<CaseRecord> => {
    const record = await rt.engine.load(rt.db, id);
    if (!record || !rt.engine.canSee(currentUser(request), record)) throw new AppError('CASE_NOT_FOUND');
    return record;
  };
  const checkMaterial = (record: CaseRecord, materialId: string) => {
    const materials = rt.engine.item(record.itemCode, record.itemVersion).definition.materials;
    if (!materials.some((m) => m.id === materialId)) throw new AppError('MATERIAL_NOT_FOUND');
  };

  // multipart parsing only in this scope: every other route keeps accepting JSON alone. preservePath:
  // busboy would otherwise cut '../x.png' to 'x.png', and a name with a path must be refused, not trimmed.
  void app.register(async (scope) => {
    await scope.register(multipart, { preservePath: true, limits: { fileSize: SCAN_MAX_BYTES, files: 1, fields: 0, parts: 1 } });

    scope.post<{ Params: { id: string; materialId: string } }>(
      '/api/cases/:id/materials/:materialId/scans',
      {
        schema: {
          tags: ['cases'],
          summary: '上传材料扫描件（JPEG、PNG 或 PDF，不超过 10 MB；multipart 字段 file）',
          params: materialParams,
          response: { 201: scanSchema, ...uploadErrors },
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        const record = await visibleCase(request, request.params.id);
        checkMaterial(record, request.params.materialId);
        if (!request.isMultipart()) throw new AppError('SCAN_FILE_MISSING');
        const file = await request.file().catch(() => undefined);
        if (!file || file.fieldname !== 'file') throw new AppError('SCAN_FILE_MISSING');
        if (!isPlainFileName(file.filename)) throw new AppError('SCAN_BAD_NAME');
        let bytes: Buffer;
        try {
          bytes = await file.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('SCAN_TOO_LARGE');
          throw err;
        }
        const contentType = scanContentType(file.mimetype, bytes);
        if (!contentType) throw new AppError('SCAN_TYPE_REFUSED');
        const row = await storeScan(rt.db, rt.dataDir, record, user, { materialId: request.params.materialId, fileName: file.filename, contentType, bytes }, rt.now());
        return reply.status(201).send(row);
      },
    );
  });

  app.get<{ Params: { id: string } }>(
    '/api/cases/:id/scans',
    {
      schema: {
        tags: ['cases'],
        summary: '办件的材料扫描件清单',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 64 } } },
        response: { 200: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: scanSchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      const record = await visibleCase(request, request.params.id);
      return { items: await listScans(rt.db, record.id) };
    },
  );

  app.get<{ Params: { id: string; materialId: string; scanId: string } }>(
    '/api/cases/:id/materials/:materialId/scans/:scanId',
    {
      schema: {
        tags: ['cases'],
        summary: '下载材料扫描件',
        params: scanParams,
        response: { 200: { description: '扫描文件', content: Object.fromEntries(['image/jpeg', 'image/png', 'application/pdf'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const record = await visibleCase(request, request.params.id);
      const scan = await readScan(rt.db, rt.dataDir, record.id, request.params.materialId, request.params.scanId);
      if (!scan) throw new AppError('SCAN_NOT_FOUND');
      return reply
        .type(scan.row.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(scan.row.fileName)}`)
        .send(scan.bytes);
    },
  );
}
