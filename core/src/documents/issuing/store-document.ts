import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { DocumentKind } from '../../contract/index.ts';
import { readJson, writeJson } from '../../store/index.ts';
import type { DocumentContent, DocumentInput } from '../content/index.ts';

export interface StoredDocument {
  id: string;
  caseId: string;
  kind: DocumentKind;
  number: string;
  issuerOrgId: string;
  title: string;
  input: DocumentInput;
  content: DocumentContent;
  html: string | null;
  hasPdf: boolean;
  sealId: string | null;
  sealedAt: string | null;
  createdAt: string;
}

export async function insertDocument(
  trx: Knex.Transaction,
  doc: { caseId: string; kind: DocumentKind; number: string; year: number; seq: number; ordinal: number; issuerOrgId: string; input: DocumentInput; content: DocumentContent; createdAt: string },
): Promise<string> {
  const id = randomUUID();
  await trx('documents').insert({
    id,
    case_id: doc.caseId,
    kind: doc.kind,
    number: doc.number,
    issuer_org_id: doc.issuerOrgId,
    year: doc.year,
    seq: doc.seq,
    ordinal: doc.ordinal,
    title: doc.content.title,
    content: writeJson({ input: doc.input, content: doc.content }),
    created_at: doc.createdAt,
  });
  return id;
}

function fromRow(row: Record<string, unknown>): StoredDocument {
  const stored = readJson<{ input: DocumentInput; content: DocumentContent }>(row.content);
  return {
    id: row.id as string,
    caseId: row.case_id as string,
    kind: row.kind as DocumentKind,
    number: row.number as string,
    issuerOrgId: row.issuer_org_id as string,
    title: row.title as string,
    input: stored.input,
    content: stored.content,
    html: (row.html as string | null) ?? null,
    hasPdf: row.pdf !== null && row.pdf !== undefined,
    sealId: (row.seal_id as string | null) ?? null,
    sealedAt: (row.sealed_at as string | null) ?? null,
    createdAt: row.created_at as string,
  };
}

const LIST_COLUMNS = ['id', 'case_id', 'kind', 'number', 'issuer_org_id', 'title', 'content', 'html', 'seal_id', 'sealed_at', 'created_at'];

export interface DocumentSummary {
  id: string;
  kind: DocumentKind;
  number: string;
  title: string;
  sealedAt: string | null;
  createdAt: string;
}

/** A case's documents without their content: what a case view lists. */
export async function listCaseDocuments(db: Knex, caseId: string): Promise<DocumentSummary[]> {
  const rows = await db('documents').where({ case_id: caseId }).select('id', 'kind', 'number', 'title', 'sealed_at', 'created_at').orderBy('ordinal');
  return rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, title: r.title, sealedAt: r.sealed_at ?? null, createdAt: r.created_at }));
}

export async function getDocument(db: Knex, where: { id: string } | { number: string }): Promise<StoredDocument | null> {
  const row = await db('documents')
    .where(where)
    .select([...LIST_COLUMNS, db.raw('case when pdf is null then null else 1 end as pdf')])
    .first();
  return row ? fromRow(row) : null;
}

export async function getDocumentPdf(db: Knex, id: string): Promise<Buffer | null> {
  const row = await db('documents').where({ id }).select('pdf').first();
  return row?.pdf ? Buffer.from(row.pdf) : null;
}
