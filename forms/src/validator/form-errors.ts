import type { Problem } from '@bianmin/contract';
import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { DateInput } from '../dates/calendar-date.ts';
import { MAX_AGE_FROM_ID, MIN_AGE_FROM_ID } from '../keywords/age-from-id.ts';
import { formatReason } from './format-reasons.ts';

/** Finds the schema a `$ref` points to, to read a referenced field's title. */
export type RefResolver = (ref: string) => unknown;

/** One problem in submitted form data (pointer into the data) and the keyword that failed. */
export interface FormError extends Problem {
  keyword: string;
}

/** Keywords whose own message already names the subject; no field title is put in front. */
const SELF_DESCRIBING = new Set([MIN_AGE_FROM_ID, MAX_AGE_FROM_ID]);

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文本', number: '数字', integer: '整数', boolean: '是或否', object: '对象', array: '列表', null: '空值',
};

/** Enum choices longer than this are not spelt out in the message. */
const MAX_LISTED_CHOICES = 10;

/**
 * Turns ajv's errors (produced with `verbose: true`) into Chinese, field-located errors:
 * missing and extra properties point at the property itself, the field's `title` leads the
 * message, and format failures say exactly what is wrong with the value.
 */
export function toFormErrors(
  errors: readonly ErrorObject[], referenceDate: DateInput, resolveRef: RefResolver = () => undefined,
): FormError[] {
  // `if` only says "the then/else branch failed"; that branch's own errors are reported as well.
  return errors.filter((error) => error.keyword !== 'if').map((error) => toFormError(error, referenceDate, resolveRef));
}

/** One ajv error as a field-located Chinese error (the web form's validator words its errors with this too). */
export function toFormError(error: ErrorObject, referenceDate: DateInput, resolveRef: RefResolver = () => undefined): FormError {
  const property = propertyNamed(error);
  const pointer = property === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(property)}`;
  const title = titleOf(error, property, resolveRef);
  const message = SELF_DESCRIBING.has(error.keyword)
    ? (error.message ?? '')
    : REQUIRED.has(error.keyword)
      ? askFor(propertySchema(error, property, resolveRef), title)
      : labelled(title, reason(error, property, referenceDate));
  return { pointer, message, keyword: error.keyword };
}

/** Keywords that say a field was left empty. */
const REQUIRED = new Set(['required', 'dependentRequired', 'dependencies']);

/** What a clerk is asked to do about an empty field: 请填写姓名, 请选择证明类型, 请勾选确认. */
function askFor(schema: Record<string, unknown> | undefined, title: string | undefined): string {
  const what = title ?? '此项';
  if (schema?.['const'] === true) return title ? `请勾选“${title}”` : '请勾选确认';
  const choice = Array.isArray(schema?.['enum']) || Array.isArray(schema?.['oneOf']) || schema?.['type'] === 'boolean';
  return `${choice ? '请选择' : '请填写'}${what}`;
}

function propertySchema(error: ErrorObject, property: string | undefined, resolveRef: RefResolver): Record<string, unknown> | undefined {
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  let target = property === undefined ? schema : (schema?.['properties'] as Record<string, unknown> | undefined)?.[property];
  for (let hops = 0; hops < 5 && isObject(target) && typeof target['$ref'] === 'string'; hops++) target = resolveRef(target['$ref']);
  return isObject(target) ? target : undefined;
}

/** The property an error is about when that is not the error's instancePath (missing/extra ones). */
function propertyNamed(error: ErrorObject): string | undefined {
  const params = error.params as Record<string, unknown>;
  for (const key of ['missingProperty', 'additionalProperty', 'unevaluatedProperty']) {
    if (typeof params[key] === 'string') return params[key];
  }
  return undefined;
}

function titleOf(error: ErrorObject, property: string | undefined, resolveRef: RefResolver): string | undefined {
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  let target = property === undefined ? schema : (schema?.['properties'] as Record<string, unknown> | undefined)?.[property];
  // A missing property declared by reference ({ "$ref": "#/definitions/person" }) has its title there.
  for (let hops = 0; hops < 5 && isObject(target) && typeof target['title'] !== 'string' && typeof target['$ref'] === 'string'; hops++) {
    target = resolveRef(target['$ref']);
  }
  const title = isObject(target) ? target['title'] : undefined;
  return typeof title === 'string' && title.length > 0 ? title : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}

function reason(error: ErrorObject, property: string | undefined, referenceDate: DateInput): string {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return `不允许填写字段 "${property}"`;
    case 'format':
      return formatReason(String(params['format']), error.data, referenceDate);
    case 'type': {
      const types = String(params['type']).split(',').map((t) => TYPE_NAMES[t] ?? t);
      return `应为${types.join('或')}`;
    }
    case 'enum':
      return enumReason(schema) ?? localized(error);
    case 'const':
      // A consent checkbox (承诺书, 告知书) is `const: true`.
      return params['allowedValue'] === true ? '须勾选确认' : `应为 ${JSON.stringify(params['allowedValue'])}`;
    case 'pattern': {
      const description = schema?.['description'];
      return typeof description === 'string' ? `格式不正确（${description}）` : '格式不正确';
    }
    default:
      return localized(error);
  }
}

function enumReason(schema: Record<string, unknown> | undefined): string | undefined {
  const values = schema?.['enum'];
  if (!Array.isArray(values) || values.length > MAX_LISTED_CHOICES) return undefined;
  const names = schema?.['enumNames'];
  const labels = Array.isArray(names) && names.length === values.length ? names : values;
  return `应为以下之一：${labels.map(String).join('、')}`;
}

/** ajv-i18n's Chinese message for one error, leaving the caller's error object untouched. */
function localized(error: ErrorObject): string {
  const copy = { ...error };
  localizeZh([copy]);
  return copy.message ?? error.keyword;
}

function labelled(title: string | undefined, text: string): string {
  return title ? `${title} ${text}` : text;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
