// The one JSON Schema validator for delivery fields: draft-07 like the manifest, the standard
// formats, and `cn-id-number` so that a mode's schema may ask for a resident ID number.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

// Shape of the 18-character resident ID (region, birth date, sequence, check character). The
// check-digit rule lives with the form engine; here the shape is enough to catch typing slips.
const CN_ID_NUMBER = /^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

export const fieldsAjv = new Ajv({ allErrors: true, verbose: true, strict: true });
addFormats(fieldsAjv);
fieldsAjv.addFormat('cn-id-number', CN_ID_NUMBER);

const compiled = new Map<string, ValidateFunction>();

/** Compiles (once per distinct schema) a mode's fields schema; throws when the schema is invalid. */
export function compileFieldsSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = fieldsAjv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}
