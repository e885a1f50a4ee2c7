// The `pattern` keyword (and `patternProperties`) of every schema runs in RE2 (re2js), whose matching
// time is linear in the input: a pattern from a plugin or an administrator, e.g. `^(a+)+$`, cannot
// stall the server on a long value. JavaScript syntax is translated to RE2's (`\u4e00` → `\x{4e00}`);
// what RE2 cannot run (look-arounds, back-references) fails the schema's compilation, so the
// schema is refused when it is loaded or saved, not when a value arrives.
import { RE2JS } from 're2js';

export function linearRegExp(pattern: string): { test(s: string): boolean; toString(): string } {
  // What JSON Schema means by a pattern (ECMA-262 with the u flag) decides what is valid — compiling
  // one is safe, matching is where backtracking costs; RE2 then runs it, `\p{Script=Han}` as `\p{Han}`.
  new RegExp(pattern, 'u');
  const re = RE2JS.compile(RE2JS.translateRegExp(pattern).replace(/\\([pP])\{(?:Script|sc|Script_Extensions|scx)=([A-Za-z_]+)\}/g, '\\$1{$2}'));
  // Ajv keys its compiled patterns by toString(): each pattern its own.
  return { test: (s: string) => re.test(s), toString: () => `re2:${pattern}` };
}

/** Ajv's `code.regExp` engine. `code` names it in standalone validation code, which Bianmin does not generate. */
export const linearRegExpEngine = Object.assign((pattern: string) => linearRegExp(pattern), { code: 're2js' });
