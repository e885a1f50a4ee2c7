// Route schemas are compiled by two instances of the one ajv set-up (@bianmin/forms createAjv):
// bodies without type coercion (a number sent as a string is a client error), query strings and
// params with it (they only ever arrive as text).
import { createAjv } from '@bianmin/forms';
import type { FastifyInstance } from 'fastify';

export function installRequestValidation(app: FastifyInstance): void {
  const body = createAjv({ useDefaults: true });
  const text = createAjv({ useDefaults: true, coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
