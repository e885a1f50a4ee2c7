// One language today; components import `m` so a second catalogue can be swapped in later.
export { zhCN as m } from './zh-CN.ts';
