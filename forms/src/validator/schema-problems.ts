import { pointerTo, type Problem } from '@bianmin/contract';
import type { ErrorObject } from 'ajv';
import localizeZh from 'ajv-i18n/localize/zh/index.js';


/** Thrown by compileForm for a schema that cannot be used; carries every problem found. */
export class FormSchemaError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(`表单 Schema 无效：${problems.map((p) => `${p.pointer || '/'} ${p.message}`).join('；')}`);
    this.name = 'FormSchemaError';
    this.problems = problems;
  }
}

/** Problems from validating a schema against its dialect's meta-schema, in Chinese. */
export function metaSchemaProblems(errors: readonly ErrorObject[]): Problem[] {
  // One problem per place: `"type": "strng"` fails the enum, the array form and the anyOf over both;
  // the enum says what is wrong, with the value and what it may be.
  const byPointer = new Map<string, ErrorObject>();
  for (const error of errors) {
    const seen = byPointer.get(error.instancePath);
    if (!seen || (seen.keyword !== 'enum' && (error.keyword === 'enum' || seen.keyword === 'anyOf'))) byPointer.set(error.instancePath, error);
  }
  const copies = [...byPointer.values()].map((error) => ({ ...error }));
  localizeZh(copies);
  return copies.map((error) => {
    const allowed = (error.params as { allowedValues?: unknown[] }).allowedValues;
    const reason = error.keyword === 'enum' && allowed
      ? `取值 ${JSON.stringify(error.data)} 应为 ${allowed.map((v) => JSON.stringify(v)).join('、')} 之一`
      : (error.message ?? error.keyword);
    return { pointer: error.instancePath, message: `不符合 JSON Schema 规范：${reason}` };
  });
}

/**
 * A problem from the exception ajv throws while compiling. ajv names the schema location in its
 * message ('... at path "#/properties/x"') or, for an unresolvable $ref, names the ref; the
 * pointer is recovered from either so the plugin loader can show where to look.
 */
export function compileProblem(error: unknown, schema: object): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const missingRef = (error as { missingRef?: unknown }).missingRef;
  if (typeof missingRef === 'string') {
    const ref = (error as { missingSchema?: string }).missingSchema ?? missingRef;
    return { pointer: pointerOfRef(schema, ref, missingRef) ?? '', message: `无法解析引用 ${missingRef}` };
  }
  const unknownFormat = /^unknown format "([^"]*)" ignored in schema at path "#([^"]*)"/.exec(message);
  if (unknownFormat) {
    return { pointer: decodePath(unknownFormat[2]!), message: `未知的格式 "${unknownFormat[1]}"` };
  }
  const keywordValue = /^keyword "([^"]+)" value is invalid at path "#([^"]*)": (.*)$/.exec(message);
  if (keywordValue) {
    return { pointer: `${decodePath(keywordValue[2]!)}/${keywordValue[1]}`, message: `关键字 ${keywordValue[1]} 的取值无效（${keywordValue[3]}）` };
  }
  const at = /at (?:path )?"#([^"]*)"/.exec(message);
  return { pointer: at ? decodePath(at[1]!) : '', message: `无法编译：${message}` };
}

/** JSON pointer of the first `$ref` in `schema` whose value names the unresolved reference. */
function pointerOfRef(schema: unknown, ...refs: string[]): string | undefined {
  const stack: Array<[unknown, string]> = [[schema, '']];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && refs.some((r) => r === ref || r.endsWith(ref))) return `${pointer}/$ref`;
    for (const [key, child] of Object.entries(node)) stack.push([child, pointerTo(pointer, key)]);
  }
  return undefined;
}

function decodePath(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
