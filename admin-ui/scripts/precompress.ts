// Vite plugin: after the build, writes a brotli (quality 11) and a gzip (level 9) copy beside every
// text asset, which the server sends as they are (@fastify/static preCompressed). Brotli at 11 is
// ~15 % smaller than the quality 4 a server can afford per request (the form chunk: 148 against
// 174 kB) but takes ~0.8 s for that chunk — once here, never per request (bench/RESULTS.md).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than a packet; @fastify/static sends the file itself. */
const MIN_BYTES = 1024;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'bianmin-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of files(outDir)) {
        if (!TEXT.test(file) || statSync(file).size < MIN_BYTES) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
