// The <dir> argument of the commands: a plugin package, i.e. a folder with a package.json.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The absolute folder, or a message saying why it is not a plugin package. */
export function pluginFolder(arg: string): { dir: string } | { error: string } {
  const dir = resolve(arg);
  if (!existsSync(dir)) return { error: `目录 ${arg} 不存在` };
  if (!existsSync(join(dir, 'package.json'))) return { error: `${arg} 不是插件包：缺少 package.json（可用 bianmin plugin new 创建）` };
  return { dir };
}
