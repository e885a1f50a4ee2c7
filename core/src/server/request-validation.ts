// Route schemas are compiled by two instances of the one ajv set-up (@bianmin/forms createAjv):
// bodies without type coercion (a number sent as a string is a client error), query strings and
// params with it (they only ever arrive as text). Coercion takes what Number() takes — `0x10`,
// `1e1`, ` 16 ` — so a number in a query string must first be written as a plain decimal.
import { createAjv } from '@bianmin/forms';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FastifyInstance } from 'fastify';

const INTEGER = /^-?\d{1,15}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/;

type Numeric = [name: string, kind: 'integer' | 'number'];

function numericProperties(schema: unknown): Numeric[] {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> } | null)?.properties ?? {};
  const out: Numeric[] = [];
  for (const [name, p] of Object.entries(properties)) {
    const types = ([] as unknown[]).concat(p?.type);
    if (types.includes('integer')) out.push([name, 'integer']);
    else if (types.includes('number')) out.push([name, 'number']);
  }
  return out;
}

/** `validate` after a check that each numeric value of a query string or path is plain decimal text. */
function decimalOnly(validate: ValidateFunction, numeric: Numeric[]) {
  const wrapped = (data: unknown): boolean => {
    const values = (data ?? {}) as Record<string, unknown>;
    for (const [name, kind] of numeric) {
      const raw = values[name];
      if (typeof raw === 'string' && !(kind === 'integer' ? INTEGER : DECIMAL).test(raw)) {
        const error: ErrorObject = { instancePath: `/${name}`, schemaPath: `#/properties/${name}/type`, keyword: 'type', params: { type: kind }, message: `must be ${kind}` };
        wrapped.errors = [error];
        return false;
      }
    }
    const ok = validate(data);
    wrapped.errors = validate.errors ?? null;
    return ok;
  };
  wrapped.errors = null as ErrorObject[] | null;
  return wrapped;
}

export function installRequestValidation(app: FastifyInstance): void {
  const body = createAjv({ useDefaults: true });
  const text = createAjv({ useDefaults: true, coerceTypes: true });
  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return body.compile(schema);
    const validate = text.compile(schema);
    const numeric = numericProperties(schema);
    return numeric.length > 0 ? decimalOnly(validate, numeric) : validate;
  });
}
