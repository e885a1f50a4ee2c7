import { createHash } from 'node:crypto';
import type { Logger } from 'ajv';
import { toCalendarDate, type DateInput } from '../dates/calendar-date.ts';
import { createAjv, type FormAjv } from './ajv-instance.ts';
import { toFormErrors, type FormError } from './form-errors.ts';
import { schemaDialect, SUPPORTED_DIALECTS_MESSAGE, type SchemaDialect } from './schema-dialect.ts';
import { resolveRef } from './resolve-ref.ts';
import type { Problem } from '@bianmin/contract';
import { compileProblem, FormSchemaError, metaSchemaProblems } from './schema-problems.ts';
import { staticSchemaProblems, unknownKeywordProblems } from './schema-static-check.ts';

export interface FormValidatorOptions {
  /** "Today" for age keywords and the ID number's birth-date check; default the current time. */
  now?: () => DateInput;
  /** Where ajv's warnings go (e.g. unknown keywords); default console, false to silence. */
  logger?: Logger | false;
}

export interface ValidateOptions {
  /** Judge ages on this date instead of today, e.g. the date the case was received. */
  on?: DateInput;
}

/** Validates form data; returns every problem, or an empty list when the data is valid. */
export type FormValidate = (data: unknown, options?: ValidateOptions) => FormError[];

export interface FormValidator {
  /**
   * A validate function for `schema`, compiled once per schema content (two items with the same
   * form share one). Throws FormSchemaError (with pointers into the schema) when the schema cannot
   * be compiled.
   */
  compileForm(schema: object): FormValidate;
  /** Every problem that would stop `schema` from compiling, found by compiling it; never throws. */
  checkSchemaCompiles(schema: unknown): Problem[];
  /**
   * The same problems found without compiling (schema-static-check.ts): the loader's check, so a
   * catalogue loads without generating code for forms nobody has used yet. Never throws.
   */
  checkSchema(schema: unknown): Problem[];
  /** The ajv instance used for schemas of the dialect `schema` declares (for extra keywords). */
  ajvFor(schema: object): FormAjv;
}

/**
 * The forms validator: one ajv instance per supported dialect (draft-07, 2020-12) behind one API,
 * picked by each schema's `$schema`. Compiled validators are cached by schema identity because
 * item versions are immutable and the core compiles each version's schema once.
 */
export function createFormValidator(options: FormValidatorOptions = {}): FormValidator {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? console;
  // Set only while one validate call runs (validation is synchronous), so keywords see its date.
  let callDate: DateInput | undefined;
  const referenceDate = (): DateInput => callDate ?? now();
  const instances = new Map<SchemaDialect, FormAjv>();
  const compiled = new WeakMap<object, FormValidate>();
  const byHash = new Map<string, FormValidate>();

  function instanceFor(dialect: SchemaDialect): FormAjv {
    let ajv = instances.get(dialect);
    if (!ajv) {
      ajv = createAjv({ dialect, referenceDate, logger });
      instances.set(dialect, ajv);
    }
    return ajv;
  }

  function dialectOf(schema: object): SchemaDialect {
    const dialect = schemaDialect(schema);
    if (!dialect) throw new FormSchemaError([{ pointer: '/$schema', message: `不支持的 $schema：${SUPPORTED_DIALECTS_MESSAGE}` }]);
    return dialect;
  }

  /**
   * Two versions of one item often keep the same `$id`; ajv refuses a second schema under an id
   * it already holds, so such a schema gets an instance of its own.
   */
  function instanceForSchema(schema: object): FormAjv {
    const dialect = dialectOf(schema);
    const shared = instanceFor(dialect);
    const id = (schema as { $id?: unknown }).$id;
    if (typeof id === 'string' && holdsId(shared, id)) return createAjv({ dialect, referenceDate, logger });
    return shared;
  }

  function compileForm(schema: object): FormValidate {
    if (schema === null || typeof schema !== 'object') {
      throw new FormSchemaError([{ pointer: '', message: '表单 Schema 应为 JSON 对象' }]);
    }
    const cached = compiled.get(schema);
    if (cached) return cached;
    const hash = createHash('sha256').update(JSON.stringify(schema)).digest('base64url');
    const same = byHash.get(hash);
    if (same) {
      compiled.set(schema, same);
      return same;
    }
    const ajv = instanceForSchema(schema);
    if (!ajv.validateSchema(schema)) throw new FormSchemaError(metaSchemaProblems(ajv.errors ?? []));
    let check;
    try {
      check = ajv.compile(schema);
    } catch (error) {
      ajv.removeSchema(schema); // ajv keeps a failed schema registered under its $id otherwise
      throw new FormSchemaError([compileProblem(error, schema)]);
    }
    const validate: FormValidate = (data, validateOptions) => {
      const on = validateOptions?.on;
      if (on !== undefined) toCalendarDate(on); // a bad date fails here, clearly, not mid-validation
      callDate = on;
      try {
        return check(data) ? [] : toFormErrors(check.errors ?? [], referenceDate(), (ref) => resolveRef(schema, ref));
      } finally {
        callDate = undefined;
      }
    };
    compiled.set(schema, validate);
    byHash.set(hash, validate);
    return validate;
  }

  function checkSchemaCompiles(schema: unknown): Problem[] {
    try {
      if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
        return [{ pointer: '', message: '表单 Schema 应为 JSON 对象' }];
      }
      // Compiling logs an unknown keyword and goes on (a stored item keeps working); a check refuses it.
      const unknown = unknownKeywordProblems(instanceFor(dialectOf(schema)), schema);
      if (unknown.length > 0) return unknown;
      compileForm(schema);
      return [];
    } catch (error) {
      if (error instanceof FormSchemaError) return [...error.problems];
      return [{ pointer: '', message: `无法编译：${error instanceof Error ? error.message : String(error)}` }];
    }
  }

  function checkSchema(schema: unknown): Problem[] {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return [{ pointer: '', message: '表单 Schema 应为 JSON 对象' }];
    const dialect = schemaDialect(schema);
    if (!dialect) return [{ pointer: '/$schema', message: `不支持的 $schema：${SUPPORTED_DIALECTS_MESSAGE}` }];
    return staticSchemaProblems(instanceFor(dialect), schema);
  }

  return { compileForm, checkSchemaCompiles, checkSchema, ajvFor: (schema) => instanceFor(dialectOf(schema)) };
}

function holdsId(ajv: FormAjv, id: string): boolean {
  try {
    return ajv.getSchema(id) !== undefined;
  } catch {
    return true; // registered but not compilable: still taken
  }
}

/** checkSchemaCompiles on a fresh validator, for callers (the plugin loader) that hold none. */
export function checkSchemaCompiles(schema: unknown): Problem[] {
  return createFormValidator({ logger: false }).checkSchemaCompiles(schema);
}
