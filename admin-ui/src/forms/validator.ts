import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import type { ErrorObject } from 'ajv';
import { m } from '../i18n/index.ts';
import { customFormats } from './formats.ts';

const formatMessages: Record<string, string> = {
  'cn-id-number': m.validation.idNumber,
  'cn-mobile': m.validation.mobile,
  'cn-credit-code': m.validation.creditCode,
  'cn-phone': m.validation.phone,
};

/** ajv-i18n's zh messages, with plain words for our own formats instead of "应当匹配格式 cn-mobile". */
function localize(errors?: null | ErrorObject[]): void {
  localizeZh(errors);
  for (const e of errors ?? []) {
    const format = e.keyword === 'format' ? String((e.params as { format?: string }).format) : '';
    if (formatMessages[format]) e.message = formatMessages[format];
  }
}

export const validator = customizeValidator({ customFormats }, localize);
