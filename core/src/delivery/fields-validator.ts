// Delivery fields are checked by the forms validator, so a mode's schema may use everything an
// item's form may (cn-id-number, cn-mobile, …) and its errors read like the form's.
import { createFormValidator, type FormValidate } from '@bianmin/forms';
import type { Problem } from '@bianmin/contract';

const validator = createFormValidator({ logger: false });

// Modes read from the database are new objects on every read, and the forms validator caches by
// object identity; caching by content keeps one compiled validator per distinct schema.
const compiled = new Map<string, FormValidate>();

/** The validate function of a mode's fields schema; throws FormSchemaError for a broken schema. */
export function compileFieldsSchema(schema: object): FormValidate {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = validator.compileForm(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** Every reason `schema` cannot serve as a fields schema (pointers into the schema); never throws. */
export function fieldsSchemaProblems(schema: unknown): Problem[] {
  return validator.checkSchemaCompiles(schema);
}
