import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import { m } from '../i18n/index.ts';

// rjsf's own button and label strings from the catalogue, looked up by the enum's key name;
// anything not listed falls back to English.
const byValue = new Map<string, string>(
  Object.entries(TranslatableString).flatMap(([key, value]) => (m.rjsf[key] ? [[value as string, m.rjsf[key]!]] : [])),
);

export function translateString(key: TranslatableString, params?: string[]): string {
  return byValue.get(key) ?? englishStringTranslator(key, params);
}
