// package.json and bianmin.json of a scaffolded plugin. The keyword and the "bianmin" field are
// what the server's discovery looks for in node_modules; itemsDir keeps one folder per item.
import { createRequire } from 'node:module';
import type { PluginManifest } from '@bianmin/contract';
import cli from '../../package.json' with { type: 'json' };

const contractVersion: string = createRequire(import.meta.url)('@bianmin/contract/package.json').version;

/**
 * The contract is a peer dependency (the server's copy is the one that counts) and, with the CLI, a
 * devDependency, so `npm install` in the package gives `npm run check` / `npm test` their tools and
 * the files' $schema a contract to point at.
 */
export function scaffoldPackageJson(packageName: string): object {
  return {
    name: packageName,
    version: '0.1.0',
    description: '待填写：插件说明（部门、包含的事项）',
    type: 'module',
    keywords: ['bianmin-plugin'],
    license: 'Apache-2.0',
    files: ['bianmin.json', 'items', 'types', 'README.md'],
    bianmin: { manifest: './bianmin.json', itemsDir: './items' },
    scripts: {
      check: 'bianmin plugin check .',
      test: 'bianmin plugin test .',
      types: 'bianmin plugin types .',
    },
    peerDependencies: { '@bianmin/contract': `^${contractVersion}` },
    devDependencies: { '@bianmin/cli': `^${cli.version}`, '@bianmin/contract': `^${contractVersion}` },
  };
}

export function scaffoldManifest(namespace: string, schemaRef: string): PluginManifest {
  return { $schema: schemaRef, contractVersion: '1', namespace, items: [] };
}
