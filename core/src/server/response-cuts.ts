// fastify serialises an answer with its route's response schema (fast-json-stringify), which drops
// every property the schema does not declare and coerces values to the declared types — silently.
// This check compares what a handler returned with what went out and names what was cut: the test
// server fails any request it finds (tests/support/test-server.ts), so a schema that lacks a field
// fails the suite instead of a client.
import type { FastifyInstance, FastifyReply } from 'fastify';

/** JSON Pointers of what `sent` lacks or holds differently from `returned` (both as JSON). */
export function responseCuts(returned: unknown, sent: unknown, pointer = ''): string[] {
  if (Array.isArray(returned)) {
    if (!Array.isArray(sent) || sent.length !== returned.length) return [`${pointer || '/'} (array)`];
    return returned.flatMap((v, i) => responseCuts(v, sent[i], `${pointer}/${i}`));
  }
  if (returned !== null && typeof returned === 'object') {
    if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return [`${pointer || '/'} (object)`];
    return Object.entries(returned).flatMap(([key, value]) => {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return key in sent ? responseCuts(value, (sent as Record<string, unknown>)[key], at) : [`${at} (missing)`];
    });
  }
  return Object.is(returned, sent) ? [] : [`${pointer || '/'} (${JSON.stringify(returned)} sent as ${JSON.stringify(sent)})`];
}

/** Reports every JSON answer the response schema changed: `report('GET /api/x', ['/a/b (missing)'])`. */
export function reportResponseCuts(app: FastifyInstance, report: (route: string, cuts: string[]) => void): void {
  const returned = new WeakMap<FastifyReply, unknown>();
  app.addHook('preSerialization', async (_request, reply, payload) => {
    returned.set(reply, payload);
    return payload;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!returned.has(reply) || typeof payload !== 'string') return payload;
    const cuts = responseCuts(JSON.parse(JSON.stringify(returned.get(reply))), JSON.parse(payload));
    if (cuts.length > 0) report(`${request.method} ${request.routeOptions.url ?? request.url} → ${reply.statusCode}`, cuts);
    return payload;
  });
}
