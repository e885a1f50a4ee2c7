// The HTTP contract is typed end to end (docs/architecture.md §7): every route in the OpenAPI
// declares what a success answers — a JSON Schema for JSON, the media type of a file, or an empty
// 204 — so /api/openapi.json is complete, admin-ui's generated types cover every call, and fastify
// serialises every answer with a compiled schema. A route added without one fails here, by name.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

let server: TestServer;
let operations: { route: string; op: Operation }[];

beforeAll(async () => {
  server = await startTestServer();
  const spec = (await server.call(null, 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
  operations = Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));
});
afterAll(() => server.close());

/** A success answer the route declares: a schema per media type, or 204 (nothing to declare). */
function declaresSuccess(op: Operation): boolean {
  return Object.entries(op.responses ?? {}).some(([status, response]) => {
    if (!/^2(\d\d|XX)$/.test(status)) return false;
    if (status === '204') return true;
    const content = Object.values(response.content ?? {});
    return content.length > 0 && content.every((c) => c.schema !== undefined);
  });
}

describe('the HTTP contract', () => {
  it('lists the routes (the OpenAPI is served and holds the API)', () => {
    expect(operations.length).toBeGreaterThan(70);
  });

  it('every route declares its 2xx answer (response: { 200: schema }, a file\'s media type, or 204)', () => {
    const undeclared = operations.filter(({ op }) => !declaresSuccess(op)).map(({ route }) => route);
    expect(undeclared, `routes without a 2xx response schema — add one to the route's schema.response (see core/src/server/schemas.ts for files and open objects):\n  ${undeclared.join('\n  ')}\n`).toEqual([]);
  });
});

describe('admin-ui’s API types', () => {
  it('are those openapi-typescript generates from the served OpenAPI (else: npm run api-types)', async () => {
    const { GENERATED_TYPES, generateApiTypes } = await import('../../admin-ui/scripts/api-types.ts');
    const spec = (await server.call(null, 'GET', '/api/openapi.json')).body as Record<string, unknown>;
    const checkedIn = readFileSync(GENERATED_TYPES, 'utf8');
    expect(checkedIn === (await generateApiTypes(spec)), 'admin-ui/src/api/openapi.generated.ts is stale: run `npm run api-types`').toBe(true);
  });
});
