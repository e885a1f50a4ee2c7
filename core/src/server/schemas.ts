// JSON Schema pieces shared by route declarations.
export const errorResponse = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        unlockAt: { type: 'string' },
        retryAfterSeconds: { type: 'integer' },
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

export const errorResponses = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 423: errorResponse, 429: errorResponse } as const;

/** An applicant's contact details given with an application (the form's own applicant may differ). */
export const applicantContact = {
  name: { type: 'string', maxLength: 100 },
  idNumber: { type: 'string', maxLength: 18 },
  phone: { type: 'string', maxLength: 40 },
  email: { type: 'string', maxLength: 200 },
  address: { type: 'string', maxLength: 300 },
} as const;
