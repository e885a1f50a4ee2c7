#!/usr/bin/env node
// The `bianmin` command. The CLI is written in TypeScript like the rest of Bianmin and plugins may
// ship TypeScript manifests (definePlugin), so tsx is registered before anything is imported.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
