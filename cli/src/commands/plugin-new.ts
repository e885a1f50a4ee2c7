// `bianmin plugin new <name>`: a plugin package that passes `check` and `test` as generated, with
// every value a person must write marked 待填写, so an author starts from green and stays there.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { ProcedureKind } from '@bianmin/contract';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type Command } from '../command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';
import { displayPath } from '../report-problems.ts';
import { scaffoldFixture } from '../scaffold/fixture.ts';
import { scaffoldItem } from '../scaffold/item.ts';
import { KIND_PROFILES } from '../scaffold/kinds/index.ts';
import { scaffoldManifest, scaffoldPackageJson } from '../scaffold/package-files.ts';
import { scaffoldReadme } from '../scaffold/readme.ts';

const usage = `用法：bianmin plugin new <名称> [--dir <上级目录>] [--kind immediate|promised|reported|returned] [--item <事项编码>]

创建插件包 <上级目录>/<名称>/：package.json（bianmin-plugin 关键字与 "bianmin" 字段）、
bianmin.json、一个事项 items/<事项编码>/item.json（16 项指南要素、材料、申请表、办理流程、
文书、送达方式，需人工填写处标“待填写”）、一个场景用例 test/cases/happy-path.json 和 README.md。
生成的插件可直接通过 bianmin plugin check 与 bianmin plugin test。

<名称> 同时是插件的命名空间（小写字母、数字和连字符，如 civil-affairs）。

选项：
  --dir <上级目录>    默认 ./plugins
  --kind <类型>       办件类型：immediate 即办件、promised 承诺件（默认）、reported 上报件、returned 退办件
  --item <事项编码>   默认 <名称>-application

目标目录已存在且不为空时拒绝创建。`;

const NAME = /^[a-z][a-z0-9-]*[a-z0-9]$/;
const CODE = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
const CONTRACT = dirname(createRequire(import.meta.url).resolve('@bianmin/contract/package.json'));
/** The Bianmin repository, when the CLI runs from its workspaces (the contract is not an installed copy). */
const REPO_ROOT = CONTRACT.split(sep).includes('node_modules') ? undefined : dirname(CONTRACT);

/**
 * A $schema reference so editors validate as the author types: inside this repository the relative
 * path to the contract's folder (like the shipped plugins), elsewhere the relative path to the
 * contract in the package's own node_modules (a devDependency of the scaffold), which moves with it.
 */
function schemaRef(fromDir: string, target: string, schemaFile: string): string {
  const insideRepo = REPO_ROOT !== undefined && !relative(REPO_ROOT, fromDir).startsWith('..');
  const contract = insideRepo ? CONTRACT : join(target, 'node_modules', '@bianmin', 'contract');
  const path = relative(fromDir, join(contract, 'schemas', schemaFile)).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export const pluginNew: Command = {
  name: 'new',
  summary: '创建插件包脚手架（含一个可通过检查和测试的事项）',
  usage,
  async run(args) {
    const parsed = parseCommandArgs(args, { dir: { type: 'string' }, kind: { type: 'string' }, item: { type: 'string' } }, usage, 1);
    if (typeof parsed === 'number') return parsed;
    const name = parsed.positionals[0]!;
    const kind = (parsed.values.kind ?? 'promised') as string;
    const code = (parsed.values.item ?? `${name}-application`) as string;
    const wrong = !NAME.test(name)
      ? `名称 ${name} 无效：须为小写字母开头，由小写字母、数字和连字符组成`
      : !(kind in KIND_PROFILES)
        ? `办件类型 ${kind} 无效：须为 immediate、promised、reported 或 returned`
        : !CODE.test(code) || code.length > 80
          ? `事项编码 ${code} 无效：须由小写字母、数字和连字符组成（2–80 个字符）`
          : undefined;
    if (wrong) {
      console.error(`错误：${wrong}\n\n${usage}`);
      return EXIT_USAGE;
    }
    const target = resolve((parsed.values.dir as string | undefined) ?? 'plugins', name);
    if (existsSync(target) && readdirSync(target).length > 0) {
      console.error(`错误：目录 ${displayPath(target)} 已存在且不为空，未做任何修改`);
      return EXIT_PROBLEMS;
    }
    const profile = KIND_PROFILES[kind as ProcedureKind];
    const packageName = name.startsWith('bianmin-plugin-') ? name : `bianmin-plugin-${name}`;
    const itemDir = join(target, 'items', code);
    const casesDir = join(itemDir, 'test', 'cases');
    const files: [string, unknown][] = [
      [join(target, 'package.json'), scaffoldPackageJson(packageName)],
      [join(target, 'bianmin.json'), scaffoldManifest(name, schemaRef(target, target, 'manifest.schema.json'))],
      [join(itemDir, 'item.json'), scaffoldItem(code, profile, schemaRef(itemDir, target, 'item.schema.json'))],
      [join(casesDir, 'happy-path.json'), scaffoldFixture(code, profile, schemaRef(casesDir, target, 'scenario.schema.json'))],
    ];
    for (const [file, value] of files) writeJson(file, value);
    writeFileSync(join(target, 'README.md'), scaffoldReadme(packageName, code, profile));

    const shown = displayPath(target);
    console.log(`✓ 已创建插件 ${packageName}（${profile.label}事项 ${code}）于 ${shown}/`);
    for (const [file] of files) console.log(`  ${displayPath(file)}`);
    console.log(`  ${displayPath(join(target, 'README.md'))}`);
    console.log(`\n下一步：按 README.md 改写所有“待填写”，然后在 ${shown} 中运行
  npm install      # 安装 @bianmin/cli 与 @bianmin/contract
  npm run check    # bianmin plugin check .
  npm test         # bianmin plugin test .`);
    return EXIT_OK;
  },
};
