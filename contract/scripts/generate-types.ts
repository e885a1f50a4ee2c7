// Regenerates the contract's TypeScript types from its JSON Schemas (the source of truth).
// `--check` writes nothing and exits 1 when a committed file is stale, so a schema edit without
// its types is caught (contract/test/generated-types.test.ts runs it in `npm test`).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const CONTRACT_DIR = fileURLToPath(new URL('../', import.meta.url));
export const GENERATED = ['manifest', 'scenario'] as const;

export async function renderContractTypes(name: (typeof GENERATED)[number], contractDir = CONTRACT_DIR): Promise<string> {
  const schema = JSON.parse(await readFile(`${contractDir}/schemas/${name}.schema.json`, 'utf8'));
  return compile(schema, schema.title, {
    bannerComment: `/* Generated from schemas/${name}.schema.json by contract/scripts/generate-types.ts. Do not edit. */`,
    unreachableDefinitions: true,
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 110 },
  });
}

/** The generated files that differ from what their schema gives now (written anew unless `check`). */
export async function updateContractTypes(options: { check: boolean; contractDir?: string }): Promise<string[]> {
  const dir = options.contractDir ?? CONTRACT_DIR;
  const stale: string[] = [];
  for (const name of GENERATED) {
    const text = await renderContractTypes(name, dir);
    const target = `${dir}/src/${name}.generated.ts`;
    if ((await readFile(target, 'utf8').catch(() => '')) === text) continue;
    stale.push(`src/${name}.generated.ts`);
    if (!options.check) await writeFile(target, text);
  }
  return stale;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = await updateContractTypes({ check });
  for (const file of stale) console.error(check ? `${file} is stale: run npm run types -w contract` : `wrote ${file}`);
  process.exit(check && stale.length > 0 ? 1 : 0);
}
