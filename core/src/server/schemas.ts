// JSON Schema pieces shared by route declarations.

/** Every failure's body (errors/catalogue.ts); one component of the OpenAPI, referenced by each route. */
export const errorSchema = {
  $id: 'Error',
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'array', items: { type: 'object', properties: { pointer: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const codeParams = {
  type: 'object',
  required: ['code'],
  properties: { code: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

/** Any JSON object (a definition, form data…) validated later by its own, richer checks. */
export const anyObject = { type: 'object', additionalProperties: true } as const;

export const errorResponse = { $ref: 'Error#' } as const;

export const errorResponses = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse } as const;

/** An applicant's contact details given with an application (the form's own applicant may differ). */
export const applicantContact = {
  name: { type: 'string', maxLength: 100 },
  idNumber: { type: 'string', maxLength: 18 },
  phone: { type: 'string', maxLength: 40 },
  email: { type: 'string', maxLength: 200 },
  address: { type: 'string', maxLength: 300 },
} as const;

// 2xx answers. Every route declares one (tests/architecture/http-contract.test.ts): the OpenAPI is
// then complete, admin-ui's API types are generated from it, and fastify serialises with a compiled
// schema — which drops what a schema does not declare, so open shapes say additionalProperties.

/** A file answered as it is (PDF, spreadsheet, SVG): no serialisation, its media type in the OpenAPI. */
export function fileResponse(mediaType: string, description: string) {
  return { 200: { description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } } } as const;
}

/** An answer with no body. */
export const noContent = { 204: { description: '完成（无内容）', type: 'null' } } as const;

/** A Problem of the contract: where in a file or definition, and what is wrong. */
export const problemSchema = {
  type: 'object',
  required: ['pointer', 'message'],
  additionalProperties: true,
  properties: { pointer: { type: 'string' }, message: { type: 'string' }, file: { type: 'string' } },
} as const;

export const organisationSchema = {
  type: 'object',
  required: ['id', 'code', 'name', 'shortName', 'level', 'parentId'],
  properties: {
    id: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    shortName: { type: 'string' },
    level: { type: 'string', enum: ['county', 'township', 'village'] },
    parentId: { type: ['string', 'null'] },
    address: { type: ['string', 'null'] },
    phone: { type: ['string', 'null'] },
    reviewOrgan: { type: ['string', 'null'] },
    court: { type: ['string', 'null'] },
  },
} as const;

export const windowSchema = {
  type: 'object',
  required: ['id', 'orgId', 'name', 'kind'],
  properties: { id: { type: 'string' }, orgId: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string', enum: ['general', 'department'] } },
} as const;

export const userAccountSchema = {
  type: 'object',
  required: ['id', 'username', 'name', 'orgId', 'roles', 'windowId', 'active'],
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    orgId: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    windowId: { type: ['string', 'null'] },
    active: { type: 'boolean' },
  },
} as const;

export const sealSchema = {
  type: 'object',
  required: ['id', 'orgId', 'code', 'name', 'kind', 'validFrom', 'status', 'keyLabel', 'publicKey', 'createdAt'],
  properties: {
    id: { type: 'string' },
    orgId: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['official', 'approval', 'business', 'e-seal'] },
    purpose: { type: 'string' },
    serial: { type: 'string' },
    validFrom: { type: 'string' },
    validTo: { type: 'string' },
    status: { type: 'string', enum: ['active', 'revoked'] },
    revokedAt: { type: 'string' },
    itemCodes: { type: 'array', items: { type: 'string' }, description: '专用于这些事项（缺省：本单位所有要求该类印章的事项）' },
    keyLabel: { type: 'string' },
    publicKey: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

export const deliveryModeSchema = {
  type: 'object',
  required: ['code', 'name', 'fieldsSchema', 'requiresProof', 'builtin', 'orgId', 'createdAt'],
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    fieldsSchema: anyObject,
    requiresProof: { type: 'boolean' },
    builtin: { type: 'boolean' },
    orgId: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;
