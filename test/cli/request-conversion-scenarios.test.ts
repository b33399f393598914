// Request payload conversion (D-CONV request table) as users see it: scenario files with binary
// request bodies (`request.bodyBase64`) run through `node dist/cli.js` (the build runs before the tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const scenarios = 'test/fixtures/scenarios/request-conversion';

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('every request-conversion scenario passes through `apigw-mapping test`', () => {
  const run = cli(['test', scenarios]);
  assert.equal(run.stdout.trimEnd().split('\n').pop(), '3 passed, 0 failed', run.stdout + run.stderr);
  assert.equal(run.status, 0);
});

test('`simulate --json` explains the request conversion and names the choice made for a template on a binary body', () => {
  const converted = JSON.parse(cli(['simulate', '--json', join(scenarios, 'echo-binary-upload-convert-to-text.scenario.json')]).stdout);
  assert.equal(converted.body, 'iVBORw0KGgo=');
  assert.ok(
    converted.trace.some((entry: { step: string; message: string }) => entry.step === 'request' && /binary body .*CONVERT_TO_TEXT: the body is base64-encoded/.test(entry.message)),
    JSON.stringify(converted.trace),
  );

  const rejected = JSON.parse(cli(['simulate', '--json', join(scenarios, 'template-on-binary-upload-fails.scenario.json')]).stdout);
  assert.equal(rejected.statusCode, 500);
  assert.deepEqual(rejected.warnings.map((w: { code: string }) => w.code), ['request-template-binary-body']);
});
