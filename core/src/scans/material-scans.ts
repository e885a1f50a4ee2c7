// A material's scans: the file under <dataDir>/scans/<case>/<scan> (named by id, never by the
// uploader's name), its row, and a SCAN_ATTACHED history row carrying the SHA-256 — written in one
// transaction that also bumps the case's version, so a scan is a change to the case like a step.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Knex } from 'knex';
import { SCAN_ATTACHED, type CaseRecord } from '../cases/index.ts';
import { AppError } from '../errors/index.ts';

export interface ScanInput {
  materialId: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface ScanRow {
  id: string;
  materialId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

interface Uploader {
  id: string;
  orgId: string;
}

function scanPath(dataDir: string, caseId: string, scanId: string): string {
  return join(resolve(dataDir), 'scans', caseId, scanId);
}

export async function storeScan(db: Knex, dataDir: string, record: CaseRecord, user: Uploader, input: ScanInput, now: Date): Promise<ScanRow> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const at = now.toISOString();
  const path = scanPath(dataDir, record.id, id);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, input.bytes, { flag: 'wx' });
  const row: ScanRow = { id, materialId: input.materialId, fileName: input.fileName, contentType: input.contentType, size: input.bytes.length, sha256, uploadedBy: user.id, uploadedAt: at };
  try {
    await db.transaction(async (trx) => {
      const bumped = await trx('cases').where({ id: record.id, version: record.version }).update({ version: record.version + 1, updated_at: at });
      if (bumped !== 1) throw new AppError('STALE_VERSION');
      await trx('case_events').insert({
        case_id: record.id,
        seq: record.version,
        type: SCAN_ATTACHED,
        payload: JSON.stringify({ scanId: id, materialId: input.materialId, fileName: input.fileName, contentType: input.contentType, size: row.size, sha256 }),
        actor_id: user.id,
        actor_org_id: user.orgId,
        actor: null,
        from_state: record.state,
        to_state: record.state,
        at,
      });
      await trx('material_scans').insert({
        id, case_id: record.id, material_id: input.materialId, file_name: input.fileName, content_type: input.contentType, size: row.size, sha256, uploaded_by: user.id, uploaded_org_id: user.orgId, uploaded_at: at,
      });
    });
  } catch (err) {
    await rm(path, { force: true });
    throw err;
  }
  return row;
}

function toRow(r: Record<string, unknown>): ScanRow {
  return {
    id: r.id as string, materialId: r.material_id as string, fileName: r.file_name as string, contentType: r.content_type as string,
    size: Number(r.size), sha256: r.sha256 as string, uploadedBy: r.uploaded_by as string, uploadedAt: r.uploaded_at as string,
  };
}

export async function listScans(db: Knex, caseId: string): Promise<ScanRow[]> {
  return (await db('material_scans').where({ case_id: caseId }).orderBy([{ column: 'uploaded_at' }, { column: 'id' }])).map(toRow);
}

export async function readScan(db: Knex, dataDir: string, caseId: string, materialId: string, scanId: string): Promise<{ row: ScanRow; bytes: Buffer } | null> {
  const r = await db('material_scans').where({ id: scanId, case_id: caseId, material_id: materialId }).first();
  if (!r) return null;
  return { row: toRow(r), bytes: await readFile(scanPath(dataDir, caseId, scanId)) };
}
