// `npm start`: the server on the embedded default — a SQLite file under ./data, the shipped
// plugins and the demo county — printing its address and the demo sign-ins.
import { buildServer } from './server/build-server.ts';
import { createRuntime } from './runtime/create-runtime.ts';
import { formatProblem } from './plugin-loading/index.ts';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const host = env.HOST ?? '127.0.0.1';

function rateLimitFactor(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor < 1) {
    console.error(`BIANMIN_RATE_LIMIT_FACTOR 应为不小于 1 的数，而不是「${value}」`);
    process.exit(1);
  }
  return factor;
}

let lastRequestAt = 0;
const started = await createRuntime({ env, timers: true, lastRequestAt: () => lastRequestAt });
const app = await buildServer(started.runtime, {
  logger: env.BIANMIN_LOG === '1',
  trustProxy: env.BIANMIN_TRUST_PROXY === '1',
  // Multiplies every per-address rate limit (rate-limits.ts): for a centre whose PCs share one
  // address, and for the browser tests, which sign a whole county in from 127.0.0.1.
  rateLimitFactor: rateLimitFactor(env.BIANMIN_RATE_LIMIT_FACTOR),
  onRequest: () => {
    lastRequestAt = Date.now();
  },
});
await app.listen({ port, host });

const { runtime, seed } = started;
const url = `http://${host}:${port}`;
console.log(`\n便民 Bianmin 已启动：${url}`);
console.log(`数据库：${runtime.db.client.config.client === 'pg' ? 'PostgreSQL' : `SQLite（${env.BIANMIN_DATA ?? './data'}）`}`);
console.log(`事项：${runtime.registry.list().length} 个；插件：已加载 ${runtime.plugins.loaded.length}，被拒绝 ${runtime.plugins.refused.length}`);
for (const refused of runtime.plugins.refused) {
  console.log(`  被拒绝的插件 ${refused.name}：`);
  for (const problem of refused.problems) console.log(`    ${formatProblem(problem)}`);
}
if (seed.created) {
  console.log('\n首次启动，已创建以下登录账号：');
  for (const s of seed.signIns) console.log(`  ${s.username.padEnd(14)} ${s.roles.join(',').padEnd(10)} ${s.org}  密码：${s.passwordNote}`);
}
console.log(`\n健康检查：${url}/api/health   接口文档：${url}/api/openapi.json\n`);

const stop = async () => {
  await app.close();
  await started.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
