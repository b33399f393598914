// Bundles the product (dist/) and, on request, the tests and benchmarks (out/).
//   node esbuild.mjs            product bundles
//   node esbuild.mjs --tests    product + every test/**/*.test.ts into out/test
//   node esbuild.mjs --bench    test/bench/*.bench.ts into out/bench
//   --watch, --production       as usual
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow (microsoft/node-jsonc-parser#57).
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

/** Entries whose source exists: the tree grows while the build stays green. */
function present(entries) {
  return entries.filter((e) => existsSync(e.in));
}

const product = present([
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/main.ts', out: 'dist/server.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  // The preview's script runs in the webview, a browser: no Node, no require.
  { in: 'client/webview/main.ts', out: 'dist/webview.js', platform: 'browser', format: 'iife' },
]);

function walk(dir, pattern, found = []) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, pattern, found);
    else if (pattern.test(name)) found.push(path);
  }
  return found;
}

const builds = product.map((e) => ({
  ...common,
  entryPoints: [e.in],
  outfile: e.out,
  external: e.external ?? [],
  banner: e.banner ? { js: e.banner } : undefined,
  ...(e.platform ? { platform: e.platform, format: e.format, target: 'es2022' } : {}),
}));

if (args.has('--tests')) {
  const tests = walk('test', /\.test\.ts$/);
  if (tests.length) {
    builds.push({
      ...common,
      entryPoints: tests,
      outdir: 'out/test',
      outbase: 'test',
      packages: 'external',
      sourcemap: 'inline',
    });
  }
}
if (args.has('--bench')) {
  const benches = walk('test/bench', /\.bench\.ts$/);
  if (benches.length) {
    builds.push({ ...common, entryPoints: benches, outdir: 'out/bench', outbase: 'test/bench', packages: 'external' });
  }
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
