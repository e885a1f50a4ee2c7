// Regenerates the contract's TypeScript types from its JSON Schemas (the source of truth).
// `--check` exits non-zero when a committed file is stale, so a schema edit without types is caught.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const dir = fileURLToPath(new URL('../src/contract/', import.meta.url));
const schemas = ['manifest', 'scenario'] as const;

export async function renderContractTypes(name: (typeof schemas)[number]): Promise<string> {
  const schema = JSON.parse(await readFile(`${dir}${name}.schema.json`, 'utf8'));
  return compile(schema, schema.title, {
    bannerComment: `/* Generated from ${name}.schema.json by core/scripts/generate-contract-types.ts. Do not edit. */`,
    unreachableDefinitions: true,
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 110 },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let stale = false;
  for (const name of schemas) {
    const text = await renderContractTypes(name);
    const target = `${dir}${name}.generated.ts`;
    if (!process.argv.includes('--check')) await writeFile(target, text);
    else if ((await readFile(target, 'utf8').catch(() => '')) !== text) {
      console.error(`${name}.generated.ts is stale: run npm run contract:types -w core`);
      stale = true;
    }
  }
  process.exit(stale ? 1 : 0);
}
