import { customizeValidator } from '@rjsf/validator-ajv8';
import type { ErrorObject } from 'ajv';
import { ageFromIdKeywords, toFormError } from '@bianmin/forms/browser';
import { customFormats } from './formats.ts';

/**
 * rjsf's ajv with our formats and age keywords, its errors worded by @bianmin/forms exactly as the
 * server's 400 words them (「请填写姓名」, 「公民身份号码 格式不正确：…」), not ajv-i18n's
 * 「应当有必需属性 'name'」. rjsf still places each error at its field from the ajv error.
 */
function localize(errors?: null | ErrorObject[]): void {
  if (!errors) return;
  // `if` only says a then/else branch failed; that branch's own errors follow it.
  for (let i = errors.length - 1; i >= 0; i--) if (errors[i]!.keyword === 'if') errors.splice(i, 1);
  for (const e of errors) e.message = toFormError(unquoted(e), new Date()).message;
}

/** rjsf quotes property names in params while the localizer runs (for its own title swap); ours needs them bare. */
function unquoted(e: ErrorObject): ErrorObject {
  const params = Object.fromEntries(
    Object.entries(e.params as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' && /^'.*'$/.test(v) ? v.slice(1, -1) : v]),
  );
  return { ...e, params };
}

export const validator = customizeValidator(
  {
    customFormats,
    extenderFn: (ajv) => {
      for (const definition of ageFromIdKeywords(() => new Date())) ajv.addKeyword(definition);
      return ajv;
    },
  },
  localize,
);
