// `bianmin` — the command line of Bianmin. For now one group, `plugin`, for plugin authors:
// scaffold a package, run the server's load-time checks, generate form types, replay fixtures.
import { EXIT_OK, EXIT_USAGE } from './command.ts';
import { pluginCommands, pluginUsage } from './plugin-group.ts';

const USAGE = `用法：bianmin <命令组> <命令> [选项]

命令组：
  plugin    插件开发：new、check、types、test（bianmin plugin --help 查看详情）

选项：
  -h, --help    显示帮助`;

async function main(argv: string[]): Promise<number> {
  const [group, name, ...rest] = argv;
  if (group === undefined || group === '--help' || group === '-h') {
    console.log(USAGE);
    return group === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (group !== 'plugin') {
    console.error(`错误：未知命令组 ${group}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(pluginUsage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = pluginCommands.find((c) => c.name === name);
  if (!command) {
    console.error(`错误：未知命令 plugin ${name}\n\n${pluginUsage()}`);
    return EXIT_USAGE;
  }
  return command.run(rest);
}

// What went wrong, in a line: a stack trace says nothing to a plugin author (BIANMIN_DEBUG=1 shows it).
const code = await main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(process.env.BIANMIN_DEBUG ? err : `错误：${err instanceof Error ? err.message : String(err)}`);
  return 1;
});
process.exitCode = code;
// A database pool or a worker left open by a library must not keep the command hanging; an
// unreferenced timer only fires if something else is still holding the process.
setTimeout(() => process.exit(code), 500).unref();
