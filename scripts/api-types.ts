// `npm run api-types [-- --check]`: writes admin-ui/src/api/openapi.generated.ts from the server's
// OpenAPI document; with --check only says whether the checked-in file is current (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { openApiDocument } from '../core/src/server/openapi-document.ts';
import { GENERATED_TYPES, generateApiTypes } from '../admin-ui/scripts/api-types.ts';

const types = await generateApiTypes(await openApiDocument());
const current = (() => {
  try {
    return readFileSync(GENERATED_TYPES, 'utf8');
  } catch {
    return '';
  }
})();
if (process.argv.includes('--check')) {
  if (current !== types) {
    console.error('admin-ui/src/api/openapi.generated.ts is stale: run `npm run api-types`');
    process.exit(1);
  }
  console.log('admin-ui/src/api/openapi.generated.ts is current');
} else {
  writeFileSync(GENERATED_TYPES, types);
  console.log(`wrote admin-ui/src/api/openapi.generated.ts (${types.length} characters)`);
}
