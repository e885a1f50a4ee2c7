// `bianmin plugin test <dir>`: replays the plugin's scenario fixtures against an in-memory runtime
// (fresh SQLite, demo county, scenario clock): every step, state, document and the history replay.
import { readFileSync, realpathSync } from 'node:fs';
import { foreignBundleCodes } from '../checks/shipped-item-codes.ts';
import { hostRoot } from '../host-root.ts';
import { readPluginPackage } from '@bianmin/core/plugin-loading';
import type { ScenarioOutcome, ScenarioRuntime } from '@bianmin/core/scenarios';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command } from '../command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { pluginFolder } from '../plugin-folder.ts';
import { displayPath, printProblems } from '../report-problems.ts';

const usage = `用法：bianmin plugin test <目录>

在内存运行时（新建 SQLite、演示县、场景时钟）中回放插件的全部场景用例
（items/<事项编码>/test/cases/*.json 与 test/cases/*.json）：逐步发送事件，
比对状态、文书和可用操作，最后用案件历史重放核对快照。
插件的一件事包含其他插件的事项时，同时加载随平台发布的插件。

退出码：0 全部通过，1 有用例失败或插件被拒绝加载，2 参数错误。`;

export const pluginTest: Command = {
  name: 'test',
  summary: '在内存运行时中回放场景用例',
  usage,
  async run(args) {
    const parsed = parseCommandArgs(args, {}, usage, 1);
    if (typeof parsed === 'number') return parsed;
    const folder = pluginFolder(parsed.positionals[0]!);
    if ('error' in folder) {
      console.error(`错误：${folder.error}`);
      return EXIT_USAGE;
    }
    const read = await readPluginPackage(folder.dir);
    if (!read.ok) {
      printProblems(read.problems);
      return EXIT_PROBLEMS;
    }
    // Loaded here, not at the top: the runtime's modules take seconds, and `new` or --help need none.
    const { scenarioRuntime } = await import('@bianmin/core/scenarios');
    const needsShipped = foreignBundleCodes(read.plugin.items.map((s) => s.item)).length > 0;
    const rt = await scenarioRuntime({ pluginFolders: [folder.dir], onlyPluginFolders: !needsShipped, root: hostRoot(folder.dir) });
    try {
      const real = realpathSync(folder.dir);
      const refused = rt.runtime.plugins.refused.find((p) => realpathSync(p.dir) === real);
      if (refused) {
        printProblems(refused.problems);
        console.log(`\n✗ ${refused.name}：插件被拒绝加载，先运行 bianmin plugin check`);
        return EXIT_PROBLEMS;
      }
      const plugin = rt.runtime.plugins.loaded.find((p) => realpathSync(p.dir) === real)!;
      if (plugin.scenarioFiles.length === 0) {
        console.log(`✗ ${plugin.name}：没有场景用例（items/<事项编码>/test/cases/*.json）`);
        return EXIT_PROBLEMS;
      }
      let failed = 0;
      for (const file of plugin.scenarioFiles) {
        const outcome = await replay(rt, file);
        if (outcome.failures.length > 0) failed += 1;
        console.log(`${outcome.failures.length === 0 ? '✓' : '✗'} ${outcome.name}（${displayPath(file)}）`);
        for (const f of outcome.failures) console.log(`    ${f}`);
      }
      const total = plugin.scenarioFiles.length;
      console.log(`\n${total} 个场景用例：${total - failed} 个通过，${failed} 个失败`);
      return failed > 0 ? EXIT_PROBLEMS : EXIT_OK;
    } finally {
      await rt.close();
    }
  },
};

/** One fixture's outcome; a fixture that cannot be read or crashes the run is a failure, not a crash. */
async function replay(rt: ScenarioRuntime, file: string): Promise<ScenarioOutcome> {
  const { runScenario } = await import('@bianmin/core/scenarios');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { file, name: displayPath(file), failures: [`不是合法的 JSON：${(err as Error).message}`] };
  }
  try {
    return await runScenario(rt.runtime, rt.clock, file, raw);
  } catch (err) {
    const name = (raw as { name?: unknown })?.name;
    // The author's fixture or plugin is at fault, not the command: a message, no stack trace.
    return { file, name: typeof name === 'string' ? name : displayPath(file), failures: [`运行出错：${err instanceof Error ? err.message : String(err)}`] };
  }
}
