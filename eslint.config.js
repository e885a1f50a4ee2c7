export { default } from './lint/config.js';
