// admin-ui's API types, generated from the server's OpenAPI document by openapi-typescript into
// src/api/openapi.generated.ts (run by scripts/api-types.ts at the repository root, which builds
// the document; tests/architecture/http-contract.test.ts fails when the checked-in file is stale).
import openapiTS, { astToString } from 'openapi-typescript';

export const GENERATED_TYPES = new URL('../src/api/openapi.generated.ts', import.meta.url);

const HEADER = `// Generated from the server's OpenAPI document (/api/openapi.json) by openapi-typescript:
// \`npm run api-types\`. Do not edit; src/api/schema.ts names the shapes the app uses.
`;

export async function generateApiTypes(document: Record<string, unknown>): Promise<string> {
  // openapi-typescript reads a document as given; a copy keeps the caller's untouched.
  const ast = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
