import { Ajv, type Logger } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { DateInput } from '../dates/calendar-date.ts';
import { CN_CREDIT_CODE_FORMAT, isCnCreditCode } from '../formats/cn-credit-code.ts';
import { CN_ID_NUMBER_FORMAT, isCnIdNumber } from '../formats/cn-id-number.ts';
import { CN_MOBILE_FORMAT, isCnMobile } from '../formats/cn-mobile.ts';
import { CN_PHONE_FORMAT, isCnPhone } from '../formats/cn-phone.ts';
import { ageFromIdKeywords } from '../keywords/age-from-id.ts';
import { SHARED_SCHEMAS } from '../pieces/shared-schema-uris.ts';
import type { SchemaDialect } from './schema-dialect.ts';
import { linearRegExpEngine } from './linear-regexp.ts';

/**
 * Annotation keywords @rjsf/core reads from the schema itself. Declared so ajv knows them;
 * any other unknown keyword is logged, not thrown, since plugins may carry their own annotations.
 */
const RJSF_ANNOTATIONS = ['enumNames'];

export type FormAjv = Ajv | Ajv2020;

export interface AjvOptions {
  /** The schemas' dialect; default draft-07. */
  dialect?: SchemaDialect;
  /** "Today" for the ID number's birth date and the age keywords; default the current time. */
  referenceDate?: () => DateInput;
  /** Where ajv's warnings go (unknown keywords); default nowhere. */
  logger?: Logger | false;
  /** Convert strings to the schema's types: for query strings and path parameters, never for bodies. */
  coerceTypes?: boolean;
  /** Fill in the defaults a schema declares (request schemas). */
  useDefaults?: boolean;
}

/**
 * The one ajv set-up of Bianmin — item forms, request schemas, event payloads, manifests, fixtures:
 * all errors, verbose (errors carry data and parentSchema, which toFormErrors needs for titles and
 * precise reasons), the standard formats of ajv-formats, the Chinese formats, the age keywords and
 * the shared pieces. Unknown keywords are logged ("log"), but an unknown format still throws: a
 * misspelt `format: cn-idnumber` must not silently accept anything.
 */
export function createAjv(options: AjvOptions = {}): FormAjv {
  const { dialect = 'draft-07', referenceDate = () => new Date(), logger = false } = options;
  const ajvOptions = {
    allErrors: true,
    verbose: true,
    strictSchema: 'log',
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    coerceTypes: options.coerceTypes ?? false,
    useDefaults: options.useDefaults ?? false,
    logger,
    code: { regExp: linearRegExpEngine },
  } as const;
  const ajv = dialect === '2020-12' ? new Ajv2020(ajvOptions) : new Ajv(ajvOptions);
  addFormats.default(ajv);
  ajv.addFormat(CN_ID_NUMBER_FORMAT, { type: 'string', validate: (value) => isCnIdNumber(value, referenceDate()) });
  ajv.addFormat(CN_CREDIT_CODE_FORMAT, { type: 'string', validate: isCnCreditCode });
  ajv.addFormat(CN_MOBILE_FORMAT, { type: 'string', validate: isCnMobile });
  ajv.addFormat(CN_PHONE_FORMAT, { type: 'string', validate: isCnPhone });
  for (const definition of ageFromIdKeywords(referenceDate)) ajv.addKeyword(definition);
  ajv.addVocabulary(RJSF_ANNOTATIONS);
  for (const [uri, schema] of Object.entries(SHARED_SCHEMAS)) ajv.addSchema(schema, uri);
  return ajv;
}
