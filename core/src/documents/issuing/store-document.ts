import { v7 as timeOrderedUuid } from 'uuid';
import type { Knex } from 'knex';
import type { DocumentKind } from '@bianmin/contract';
import { readJson, writeJson, type Sql } from '../../store/index.ts';
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
  sql: Sql,
  doc: { caseId: string; kind: DocumentKind; number: string; year: number; seq: number; ordinal: number; issuerOrgId: string; input: DocumentInput; content: DocumentContent; createdAt: string },
): Promise<string> {
  const id = timeOrderedUuid(); // time-ordered, as case ids are (case-engine.ts)
  await sql.run(
    'insert into documents (id, case_id, kind, number, issuer_org_id, year, seq, ordinal, title, content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [id, doc.caseId, doc.kind, doc.number, doc.issuerOrgId, doc.year, doc.seq, doc.ordinal, doc.content.title, writeJson({ input: doc.input, content: doc.content }), doc.createdAt],
  );
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
