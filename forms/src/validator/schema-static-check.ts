// The load-time check of a form schema without compiling it. ajv's compilation (code generation)
// was 45 % of loading a catalogue; the server now compiles a form when it is first used, so what
// compiling would refuse must be found here instead: the meta-schema, unknown formats, references
// that resolve nowhere, the values of Bianmin's own keywords and regular expressions that do not
// parse. Every failure of ajv.compile under createAjv's options is one of these
// (schema-static-check.test.ts compares the two on each).
import jsonpointer from 'jsonpointer';
import { pointerTo, type Problem } from '@bianmin/contract';
import type { FormAjv } from './ajv-instance.ts';
import { SHARED_SCHEMAS } from '../pieces/shared-schema-uris.ts';
import { metaSchemaProblems } from './schema-problems.ts';

/** Keywords whose value is one schema, a map of schemas, or a list of schemas. */
const ONE_SCHEMA = ['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

interface Node {
  schema: Record<string, unknown>;
  pointer: string;
}

export function staticSchemaProblems(ajv: FormAjv, schema: object): Problem[] {
  if (!ajv.validateSchema(schema)) return metaSchemaProblems(ajv.errors ?? []);
  const nodes = subschemas(schema);
  const ids = new Map<string, Record<string, unknown>>();
  for (const { schema: node } of nodes) if (typeof node.$id === 'string') ids.set(node.$id.replace(/#$/, ''), node);
  const problems: Problem[] = [];
  for (const { schema: node, pointer } of nodes) {
    if (typeof node.format === 'string' && !ajv.formats[node.format]) problems.push({ pointer, message: `未知的格式 "${node.format}"` });
    if (typeof node.$ref === 'string' && !resolves(node.$ref, schema, ids)) problems.push({ pointer: `${pointer}/$ref`, message: `无法解析引用 ${node.$ref}` });
    if (typeof node.pattern === 'string') {
      const bad = regexProblem(node.pattern);
      if (bad) problems.push({ pointer: `${pointer}/pattern`, message: `关键字 pattern 的取值无效（${bad}）` });
    }
    for (const key of Object.keys(isObject(node.patternProperties) ? node.patternProperties : {})) {
      const bad = regexProblem(key);
      if (bad) problems.push({ pointer: pointerTo(`${pointer}/patternProperties`, key), message: `正则表达式无效（${bad}）` });
    }
    for (const [key, value] of Object.entries(node)) {
      if (!known(ajv, key)) {
        problems.push({ pointer: pointerTo(pointer, key), message: unknownKeywordMessage(ajv, key) });
        continue;
      }
      const definition = ajv.getKeyword(key);
      const check = typeof definition === 'object' ? definition.validateSchema : undefined;
      if (check && !check(value)) {
        problems.push({ pointer: `${pointer}/${key}`, message: `关键字 ${key} 的取值无效（${ajv.errorsText(check.errors)}）` });
      }
    }
  }
  return problems;
}

/**
 * Strict mode for the schemas plugins and administrators write: a keyword neither JSON Schema, ajv's
 * formats and annotations nor Bianmin's own (minAgeFromId, enumNames…) is a mistake — a misspelt
 * `minAgeFromID` would otherwise be ignored and check nothing.
 */
export function unknownKeywordProblems(ajv: FormAjv, schema: object): Problem[] {
  return subschemas(schema).flatMap(({ schema: node, pointer }) =>
    Object.keys(node)
      .filter((key) => !known(ajv, key))
      .map((key) => ({ pointer: pointerTo(pointer, key), message: unknownKeywordMessage(ajv, key) })),
  );
}

/** Keywords of the 2020-12 core that ajv handles without listing them. */
const CORE_IDENTIFIERS = new Set(['$anchor', '$dynamicAnchor', '$dynamicRef', '$vocabulary']);

function known(ajv: FormAjv, key: string): boolean {
  return Object.hasOwn(ajv.RULES.keywords, key) || CORE_IDENTIFIERS.has(key);
}

function unknownKeywordMessage(ajv: FormAjv, key: string): string {
  const near = Object.keys(ajv.RULES.keywords).find((k) => k.toLowerCase() === key.toLowerCase());
  return `未知的关键字 "${key}"${near ? `，是否应为 "${near}"` : ''}（严格模式不接受未声明的关键字）`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every schema inside `root` (itself included), with its pointer; data keywords (enum, default…) are not entered. */
function subschemas(root: object): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ schema: root as Record<string, unknown>, pointer: '' }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const push = (value: unknown, pointer: string) => {
      if (isObject(value)) stack.push({ schema: value, pointer });
    };
    const s = node.schema;
    for (const key of ONE_SCHEMA) push(s[key], `${node.pointer}/${key}`);
    for (const key of SCHEMA_MAPS) {
      if (isObject(s[key])) for (const [name, value] of Object.entries(s[key])) push(value, pointerTo(`${node.pointer}/${key}`, name));
    }
    for (const key of SCHEMA_LISTS) {
      if (Array.isArray(s[key])) s[key].forEach((value, i) => push(value, `${node.pointer}/${key}/${i}`));
    }
    if (Array.isArray(s.items)) s.items.forEach((value, i) => push(value, `${node.pointer}/items/${i}`));
    else push(s.items, `${node.pointer}/items`);
  }
  return out;
}

/** A `$ref` to a shared piece, or a pointer or anchor into this schema or one of its `$id`s. */
function resolves(ref: string, root: object, ids: Map<string, Record<string, unknown>>): boolean {
  if (Object.hasOwn(SHARED_SCHEMAS, ref)) return true;
  const hash = ref.indexOf('#');
  const base = hash < 0 ? ref : ref.slice(0, hash);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  const target = base === '' ? root : (ids.get(base) ?? (Object.hasOwn(SHARED_SCHEMAS, base) ? SHARED_SCHEMAS[base] : undefined));
  if (target === undefined) return false;
  if (fragment === '') return true;
  if (fragment.startsWith('/')) {
    try {
      return jsonpointer.get(target, decodeURIComponent(fragment)) !== undefined;
    } catch {
      return false;
    }
  }
  // A plain-name fragment: a `$anchor` (2020-12) or an `$id: "#name"` (draft-07) somewhere inside.
  return subschemas(target).some(({ schema }) => schema.$anchor === fragment || schema.$id === `#${fragment}`);
}

function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
