import type { Problem } from '@bianmin/contract';
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
  const copies = errors.map((error) => ({ ...error }));
  localizeZh(copies);
  return copies.map((error) => ({ pointer: error.instancePath, message: `不符合 JSON Schema 规范：${error.message ?? error.keyword}` }));
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
    for (const [key, child] of Object.entries(node)) stack.push([child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
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
