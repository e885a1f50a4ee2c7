// Validates a manifest, or one item, against the contract's JSON Schema; errors become problems
// with the JSON pointer of the offending value.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import { manifestSchema, type Problem } from '@bianmin/contract';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(manifestSchema, 'manifest');
const validateManifest = ajv.getSchema('manifest') as ValidateFunction;
const validateItemShape = ajv.compile({ $ref: 'manifest#/definitions/ItemDefinition' });

function describe(error: ErrorObject): Problem {
  const pointer = error.instancePath;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${pointer}/${(error.params as { missingProperty: string }).missingProperty}`, message: '缺少必填字段' };
    case 'additionalProperties':
      return { pointer: `${pointer}/${(error.params as { additionalProperty: string }).additionalProperty}`, message: '不允许的字段' };
    case 'enum':
      return { pointer, message: `取值必须是 ${(error.params as { allowedValues: unknown[] }).allowedValues.join(' / ')} 之一` };
    case 'const':
      return { pointer, message: `取值必须是 ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}` };
    default:
      return { pointer, message: error.message ?? error.keyword };
  }
}

function run(validate: ValidateFunction, value: unknown): Problem[] {
  if (validate(value)) return [];
  localizeZh(validate.errors);
  // anyOf/oneOf produce one error per branch; the leaf errors are the useful ones.
  return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(describe);
}

export function checkManifestShape(manifest: unknown): Problem[] {
  return run(validateManifest, manifest);
}

export function checkItemShape(item: unknown): Problem[] {
  return run(validateItemShape, item);
}
