import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPlugins } from './discover.ts';

function pkg(dir: string, json: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json));
  return dir;
}

describe('plugin discovery', () => {
  const root = mkdtempSync(join(tmpdir(), 'bianmin-discover-'));
  const workspace = pkg(join(root, 'plugins', 'civil'), { name: '@x/civil', bianmin: { manifest: './bianmin.json' } });
  pkg(join(root, 'node_modules', '@dept', 'health'), { name: '@dept/health', keywords: ['bianmin-plugin'], bianmin: { manifest: './m.json' } });
  pkg(join(root, 'node_modules', 'lodash-like'), { name: 'lodash-like', keywords: ['utility'] });
  pkg(join(root, 'node_modules', 'no-keyword'), { name: 'no-keyword', bianmin: { manifest: './m.json' } });
  mkdirSync(join(root, 'node_modules', '@x'), { recursive: true });
  symlinkSync(workspace, join(root, 'node_modules', '@x', 'civil'));
  const extra = mkdtempSync(join(tmpdir(), 'bianmin-extra-'));
  pkg(join(extra, 'one'), { name: 'one', bianmin: { manifest: './m.json' } });
  pkg(join(extra, 'two'), { name: 'two', bianmin: { manifest: './m.json' } });
  const single = pkg(mkdtempSync(join(tmpdir(), 'bianmin-single-')), { name: 'single', bianmin: { manifest: './m.json' } });

  it('finds workspaces, keyword-marked npm packages and folder plugins, each once', () => {
    const found = discoverPlugins({ root, folders: [extra, single, join(root, 'missing')] });
    const names = found.map((p) => `${p.origin}:${p.dir.split('/').slice(-2).join('/')}`);
    expect(names).toEqual([
      'workspace:plugins/civil',
      'npm:@dept/health',
      `folder:${extra.split('/').pop()}/one`,
      `folder:${extra.split('/').pop()}/two`,
      `folder:${single.split('/').slice(-2).join('/')}`,
    ]);
  });

  it('can be limited to the given folders', () => {
    expect(discoverPlugins({ root, folders: [single], onlyFolders: true }).map((p) => p.origin)).toEqual(['folder']);
  });
});
