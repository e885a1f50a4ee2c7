// The README of a scaffolded plugin: what the author edits next, in the order that keeps
// `check` and `test` passing at every step.
import type { KindProfile } from './kinds/index.ts';

export function scaffoldReadme(packageName: string, code: string, profile: KindProfile): string {
  return `# ${packageName}

便民（Bianmin）插件，由 \`bianmin plugin new\` 生成。包含一个${profile.label}（${profile.kind}）事项
\`${code}\`。编写指南见 Bianmin 仓库的 docs/plugins.md。

## 接下来要改什么

1. **所有“待填写”**：\`items/${code}/item.json\` 中标有“待填写”的值都是占位，须按本事项的办事指南
   改写。\`bianmin plugin check .\` 会提示还剩几处。
2. **事项名称与类型**：\`name\` 与 \`guide.name\` 必须一致；\`guide.itemType\` 默认为“公共服务”，
   请确认（行政许可、行政给付、行政确认……）。\`department\`、\`level\`（最低受理层级）按实际填写。
3. **所需材料**（\`materials\`）：示例演示了三种标记——普通材料、\`sharedFrom\`（通过数据共享获取，
   不向申请人收取）、\`waivable\`（容缺受理，\`waivableDays\` 个工作日内补交）。
4. **申请表**（\`form.schema\` / \`form.uiSchema\`）：JSON Schema。身份证号用 \`format: "cn-id-number"\`，
   手机号 \`cn-mobile\`，固定电话 \`cn-phone\`，统一社会信用代码 \`cn-credit-code\`；按身份证计算年龄
   用 \`minAgeFromId\` / \`maxAgeFromId\`。
5. **办理流程**（\`procedure\`）：当前为${profile.label}。参数见 docs/procedures.md。
6. **文书**（\`documents\`）：每种文书按 \`sealKind\`（由受理中心的该类印章盖章）或 \`seal\`
   （插件在 bianmin.json 的 \`seals\` 中声明的印章编码）盖章。
7. **送达方式**（\`delivery\`）：内置 window-pickup、postal、electronic、self-service、door。
8. **场景用例**（\`items/${code}/test/cases/*.json\`）：\`happy-path.json\` 走完一遍正常流程；
   请为不予受理、补正、不予批准等情形各加一个用例。改表单后记得同步用例中的 \`data\`。

## 命令

\`\`\`sh
npm install      # 安装 @bianmin/cli（bianmin 命令）与 @bianmin/contract（插件契约与 JSON Schema）
npm run check    # bianmin plugin check .：服务器加载时的全部检查（问题输出为 文件#JSON指针: 说明）
npm test         # bianmin plugin test .：在内存运行时中回放场景用例
npm run types    # bianmin plugin types .：生成表单数据的 TypeScript 类型到 types/forms.ts
\`\`\`

插件只依赖 \`@bianmin/contract\`（peerDependencies）。各 JSON 文件的 \`$schema\` 指向
\`node_modules/@bianmin/contract/schemas/\`，\`npm install\` 之后编辑器即可按契约校验与补全。

## 版本

事项版本（\`version\`）一经服务器加载即不可更改：修改已发布的事项必须提升版本号，旧版本上的案件
继续按旧版本办理。起草期间保持 0.x 版本。发布到 npm 时保留 \`bianmin-plugin\` 关键字和
package.json 中的 \`"bianmin"\` 字段。
`;
}
