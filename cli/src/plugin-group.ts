// The `bianmin plugin` commands, in the order the usage lists them (the order an author uses them).
import type { Command } from './command.ts';
import { pluginCheck } from './commands/plugin-check.ts';
import { pluginNew } from './commands/plugin-new.ts';
import { pluginTest } from './commands/plugin-test.ts';
import { pluginTypes } from './commands/plugin-types.ts';

export const pluginCommands: Command[] = [pluginNew, pluginCheck, pluginTypes, pluginTest];

export function pluginUsage(): string {
  const width = Math.max(...pluginCommands.map((c) => c.name.length));
  const lines = pluginCommands.map((c) => `  ${c.name.padEnd(width)}    ${c.summary}`);
  return `用法：bianmin plugin <命令> [选项]

命令：
${lines.join('\n')}

每个命令都支持 --help。编写指南：docs/plugins.md`;
}
