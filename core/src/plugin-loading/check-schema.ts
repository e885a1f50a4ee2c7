// Validates a manifest, or one item, against the contract's JSON Schema; errors become problems
// with the JSON pointer of the offending value.
import { manifestSchema, type Problem } from '@bianmin/contract';
import { createAjv, toFormErrors } from '@bianmin/forms';
import type { ValidateFunction } from 'ajv';

const ajv = createAjv();
ajv.addSchema(manifestSchema, 'manifest');
const validateManifest = ajv.getSchema('manifest') as ValidateFunction;
const validateItemShape = ajv.compile({ $ref: 'manifest#/definitions/ItemDefinition' });

function run(validate: ValidateFunction, value: unknown): Problem[] {
  if (validate(value)) return [];
  return toFormErrors(validate.errors ?? []).map(({ pointer, message }) => ({ pointer, message }));
}

export function checkManifestShape(manifest: unknown): Problem[] {
  return run(validateManifest, manifest);
}

export function checkItemShape(item: unknown): Problem[] {
  return run(validateItemShape, item);
}
