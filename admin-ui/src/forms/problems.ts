import type { ErrorSchema } from '@rjsf/utils';
import type { Problem } from '../api/errors.ts';

const OTHER_PARTS = /^\/(data|guide|materials|form|procedure|documents|delivery|code|name|level|department|version)(\/|$)/;

/** JSON pointer → path segments, with ~1 / ~0 unescaped. */
export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer.replace(/^#/, '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Server problems → rjsf `extraErrors`, so each message shows under its own field.
 * `prefix` strips the part of the pointer above the form (e.g. `/data` or `/guide`).
 */
export function problemsToErrorSchema(problems: Problem[], prefix = ''): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const p of problems) {
    let pointer = p.pointer;
    if (prefix) {
      if (pointer === prefix || pointer.startsWith(`${prefix}/`)) pointer = pointer.slice(prefix.length);
      // In an item definition, a pointer into another part belongs elsewhere; case data pointers
      // may come relative to the data, so those are kept as they are.
      else if (prefix !== '/data' && OTHER_PARTS.test(pointer)) continue;
    }
    let node = root;
    for (const seg of pointerSegments(pointer)) {
      node[seg] ??= {};
      node = node[seg] as Record<string, unknown>;
    }
    const errs = (node.__errors ??= []) as string[];
    errs.push(p.message);
  }
  return root as ErrorSchema;
}

/** Problems whose pointer lies under `prefix` (a tab of the composer). */
export function problemsUnder(problems: Problem[], prefix: string): Problem[] {
  return problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
}
