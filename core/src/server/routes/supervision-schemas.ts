// JSON Schema pieces of the supervision routes (2xx answers included, so the OpenAPI is complete and
// fastify serialises only what is declared).
import { BAD_REASONS, DIMENSIONS, EVALUATION_LEVELS, PUBLIC_CHANNELS } from '../../supervision/index.ts';

export const str = { type: 'string' } as const;
export const nstr = { type: ['string', 'null'] } as const;
export const int = { type: 'integer' } as const;
export const nint = { type: ['integer', 'null'] } as const;
export const bool = { type: 'boolean' } as const;
export const nbool = { type: ['boolean', 'null'] } as const;
export const ref = { type: 'object', properties: { id: str, name: str } } as const;
export const nref = { type: ['object', 'null'], properties: { id: str, name: str } } as const;
export const anyPayload = { type: 'object', additionalProperties: true } as const;
export const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
export const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } as const;
export const pageParams = { cursor: { type: 'string', maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 200 } } as const;

export function page(item: object) {
  return { type: 'object', properties: { items: { type: 'array', items: item }, nextCursor: nstr } } as const;
}

export const levelSchema = { type: 'integer', minimum: 1, maximum: EVALUATION_LEVELS.length } as const;
export const reasonsSchema = { type: 'array', maxItems: BAD_REASONS.length, uniqueItems: true, items: { type: 'string', enum: BAD_REASONS.map((r) => r.code) } } as const;
export const dimensionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(DIMENSIONS.map((d) => [d.code, levelSchema])),
} as const;
export const publicChannelSchema = { type: 'string', enum: PUBLIC_CHANNELS } as const;

export const evaluationResult = {
  type: 'object',
  properties: {
    caseId: str, caseNumber: str, level: int, label: str, channel: str, createdAt: str,
    rectificationDueAt: nstr,
    rectification: { type: ['object', 'null'], properties: { id: str, dueAt: str } },
  },
} as const;

export const historyEntry = {
  type: 'object',
  properties: { seq: int, type: str, label: str, at: str, actor: nstr, from: nstr, to: str, payload: anyPayload },
} as const;
