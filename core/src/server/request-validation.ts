// Route schemas are compiled by two ajv instances: bodies without type coercion (a number sent as a
// string is a client error), query strings and params with it (they only ever arrive as text).
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function instance(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes, removeAdditional: false, useDefaults: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

export function installRequestValidation(app: FastifyInstance): void {
  const body = instance(false);
  const text = instance(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? body : text).compile(schema));
}
