// `bianmin plugin check <dir>`: the load-time checks the server runs, plus the fixtures' shape.
// Exit 1 when the server would refuse the plugin or a fixture is malformed.
import { placeholdersLeft } from '../checks/placeholders.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command } from '../command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { pluginFolder } from '../plugin-folder.ts';
import { displayPath, printProblems } from '../report-problems.ts';

const usage = `用法：bianmin plugin check <目录>

运行服务器加载插件时的全部检查（清单与事项的 JSON Schema、指南要素、材料、表单 schema、
办理流程状态机、文书印章、送达方式、一件事），并按 scenario.schema.json 校验每个场景用例。
每个问题输出为“文件#JSON指针: 说明”。

印章只认插件自己声明的 seals（按 sealKind 配置的文书由各中心的印章盖章）；送达方式为内置的
window-pickup、postal、electronic、self-service、door 及插件自己声明的方式（不得与内置方式同名）。
场景用例的每一步只能发送事项办理流程中存在的事件。

退出码：0 无问题，1 有问题，2 参数错误。`;

export const pluginCheck: Command = {
  name: 'check',
  summary: '运行服务器加载时的检查，并校验场景用例',
  usage,
  async run(args) {
    const parsed = parseCommandArgs(args, {}, usage, 1);
    if (typeof parsed === 'number') return parsed;
    const folder = pluginFolder(parsed.positionals[0]!);
    if ('error' in folder) {
      console.error(`错误：${folder.error}`);
      return EXIT_USAGE;
    }
    // Loaded here, not at the top: the runtime's modules take seconds, and `new` or --help need none.
    const { readPluginPackage } = await import('@bianmin/core/plugin-loading');
    const { checkPluginFolder } = await import('@bianmin/core/plugin-checks');
    const { checkFixture } = await import('../checks/fixture-checks.ts');
    const { foreignBundleCodes, shippedItemCodes } = await import('../checks/shipped-item-codes.ts');
    // Read once up front only to learn whether bundles reach outside the plugin.
    const read = await readPluginPackage(folder.dir);
    if (!read.ok) {
      printProblems(read.problems);
      console.log(`\n✗ ${displayPath(folder.dir)}：${read.problems.length} 个问题，服务器将拒绝加载此插件`);
      return EXIT_PROBLEMS;
    }
    const items = read.plugin.items;
    const fixtures = read.plugin.scenarioFiles;
    const foreign = foreignBundleCodes(items.map((s) => s.item));
    const otherItemCodes = foreign.length > 0 ? await shippedItemCodes(folder.dir) : new Set<string>();
    const checked = await checkPluginFolder(folder.dir, otherItemCodes);
    const problems = [
      ...checked.problems,
      ...fixtures.flatMap((file) => checkFixture(file, items.map((s) => s.item), otherItemCodes, checked.eventTypes)),
    ];
    printProblems(problems);
    const name = read.plugin.name;
    if (problems.length > 0) {
      const verdict = checked.problems.length > 0 ? '服务器将拒绝加载此插件' : '场景用例有误';
      console.log(`\n✗ ${name}：${problems.length} 个问题，${verdict}`);
      return EXIT_PROBLEMS;
    }
    console.log(`✓ ${name}@${read.plugin.version}：${items.length} 个事项，${fixtures.length} 个场景用例，检查通过`);
    for (const left of placeholdersLeft(items)) console.log(`  提示：${displayPath(left.file)} 仍有 ${left.count} 处“待填写”`);
    return EXIT_OK;
  },
};
