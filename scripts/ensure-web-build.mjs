// `npm start` serves the web app from admin-ui/dist: build it once if a fresh clone has none.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../admin-ui/dist/index.html', import.meta.url))) {
  console.log('首次启动：正在构建网页端（admin-ui）…');
  execFileSync('npm', ['run', 'build', '-w', 'admin-ui'], { stdio: 'inherit' });
}
