// Bundles the end-to-end suite into out/e2e (the product's own build is esbuild.mjs):
//   suite/index.js              the extension-host entry (`run()`), loaded by VS Code
//   codeServer.e2e.js           the node:test suite that drives code-server and Chromium
//   runTestElectron.js          the same extension-host entry under @vscode/test-electron
//   start.js                    `npm start`
//   screenshot.js               remakes client/media/preview.png (the README's picture)
// Not named *.test.ts: the unit layer of `npm test` must not pick these up.
import * as esbuild from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
  packages: 'external',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: { 'suite/index': 'test/e2e/suite/index.ts' }, outdir: 'out/e2e', external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: {
      'codeServer.e2e': 'test/e2e/codeServer.e2e.ts',
      runTestElectron: 'test/e2e/runTestElectron.ts',
      start: 'test/e2e/start.ts',
      screenshot: 'test/e2e/screenshot.ts',
    },
    outdir: 'out/e2e',
  }),
]);
