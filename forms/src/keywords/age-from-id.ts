import type { AnySchemaObject, FuncKeywordDefinition, KeywordDefinition, SchemaValidateFunction } from 'ajv';
import type { DateInput } from '../dates/calendar-date.ts';
import { ageOn, isCnIdNumber } from '../formats/cn-id-number.ts';

/**
 * `minAgeFromId` / `maxAgeFromId`: on a string holding a GB 11643 ID number, the holder's age in
 * full years on the reference date must be at least / at most the keyword's value. Plugins state
 * age conditions (高龄津贴: 80+) as data in their form schema instead of code.
 *
 * An invalid ID number passes these keywords: the `format: cn-id-number` keyword reports it, and
 * one precise error beats two vague ones. The sibling annotation `ageSubject` (default 申请人)
 * names whose age it is in the message, e.g. "老人须年满80周岁".
 */
export const MIN_AGE_FROM_ID = 'minAgeFromId';
export const MAX_AGE_FROM_ID = 'maxAgeFromId';
export const AGE_SUBJECT = 'ageSubject';

const DEFAULT_SUBJECT = '申请人';

type AgeRule = (limit: number, age: number) => boolean;
type AgeMessage = (subject: string, limit: number, age: number) => string;

/** The keyword definitions, reading "today" from `referenceDate` at validation time. */
export function ageFromIdKeywords(referenceDate: () => DateInput): KeywordDefinition[] {
  return [
    ageKeyword(MIN_AGE_FROM_ID, referenceDate, (limit, age) => age >= limit,
      (subject, limit, age) => `${subject}须年满${limit}周岁（按身份证号码计算现为${age}周岁）`),
    ageKeyword(MAX_AGE_FROM_ID, referenceDate, (limit, age) => age <= limit,
      (subject, limit, age) => `${subject}年龄不得超过${limit}周岁（按身份证号码计算现为${age}周岁）`),
    { keyword: AGE_SUBJECT, schemaType: 'string', metaSchema: { type: 'string', minLength: 1 } },
  ];
}

function ageKeyword(
  keyword: string, referenceDate: () => DateInput, holds: AgeRule, message: AgeMessage,
): FuncKeywordDefinition {
  const validate: SchemaValidateFunction = function check(
    limit: number, data: string, parentSchema?: AnySchemaObject,
  ): boolean {
    const on = referenceDate();
    if (!isCnIdNumber(data, on)) return true;
    const age = ageOn(data, on);
    if (holds(limit, age)) return true;
    const subject = typeof parentSchema?.[AGE_SUBJECT] === 'string' ? parentSchema[AGE_SUBJECT] : DEFAULT_SUBJECT;
    validate.errors = [{ keyword, message: message(subject, limit, age), params: { limit, age } }];
    return false;
  };
  return {
    keyword,
    type: 'string',
    schemaType: 'number', // ajv checks this with typeof; the meta-schema below requires an integer
    metaSchema: { type: 'integer', minimum: 0, maximum: 150 },
    errors: true,
    validate,
  };
}
