// Bounds the nesting of every JSON body (issue 18 point 10): a payload nested thousands of levels
// deep was stored on SQLite and could then never be read back. Measured without recursion, so a
// deep body cannot exhaust the stack here either; the body's size is bounded by fastify's bodyLimit.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/index.ts';

/** Deeper than any form, definition or machine config the product uses (those stay under 20). */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of `value` (a scalar is 0, `{}` 1), stopping once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d]);
  }
  return deepest;
}

export function installJsonDepthLimit(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body !== null && typeof request.body === 'object' && !Buffer.isBuffer(request.body) && jsonDepth(request.body) > MAX_JSON_DEPTH) {
      throw new AppError('JSON_TOO_DEEP', `请求体嵌套超过 ${MAX_JSON_DEPTH} 层`);
    }
  });
}
