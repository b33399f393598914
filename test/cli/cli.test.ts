// The command line as users and CI run it: `node dist/cli.js …` (the build runs before the tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function cli(args: string[], timeout = 60_000): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], { encoding: 'utf8', timeout });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop() ?? '';
}

const inlineMethod = {
  httpMethod: 'GET',
  methodResponses: { '200': { statusCode: '200' } },
  methodIntegration: { type: 'HTTP', uri: 'https://example.com', integrationResponses: { '200': { statusCode: '200' } } },
};

function scenarioDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-mapping-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

const passing = { method: inlineMethod, backend: { http: { statusCode: 200, headers: {}, body: 'ok' } }, expect: { statusCode: 200, body: 'ok' } };
const failing = { method: inlineMethod, backend: { http: { statusCode: 200, headers: {}, body: 'ok' } }, expect: { statusCode: 404 } };
const broken = { method: inlineMethod, backend: { lambda: { payload: {}, functionError: 'Oops' } } };

test('every conformance scenario passes through `apigw-mapping test`', () => {
  const run = cli(['test', 'test/conformance']);
  assert.equal(lastLine(run.stdout), '120 passed, 0 failed', run.stdout + run.stderr);
  assert.equal(run.status, 0);
});

test('the examples stay true', () => {
  const run = cli(['test', 'examples']);
  assert.match(lastLine(run.stdout), /^\d+ passed, 0 failed$/, run.stdout + run.stderr);
  assert.equal(run.status, 0);
});

test('the scenario example in the README is the example file the test above runs', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('<!-- scenarios:start -->'), readme.indexOf('<!-- scenarios:end -->'));
  const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
  assert.equal(example, readFileSync('examples/scenarios/get-pet-not-found.scenario.json', 'utf8'));
});

test('test exits 0 when all pass, 1 when one fails, 2 when one is broken', () => {
  const dir = scenarioDir({ 'a.scenario.json': passing, 'b.scenario.json': failing, 'c.scenario.json': broken });
  const table: [files: string[], status: number, summary: string][] = [
    [['a.scenario.json'], 0, '1 passed, 0 failed'],
    [['a.scenario.json', 'b.scenario.json'], 1, '1 passed, 1 failed'],
    [['c.scenario.json', 'a.scenario.json'], 2, '1 passed, 0 failed'],
  ];
  for (const [files, status, summary] of table) {
    const run = cli(['test', ...files.map((f) => join(dir, f))]);
    assert.equal(run.status, status, `${files}: ${run.stdout}${run.stderr}`);
    assert.equal(lastLine(run.stdout), summary);
  }
});

test('a failed expectation names the file and the key; a broken file names the JSON path', () => {
  const dir = scenarioDir({ 'b.scenario.json': failing, 'c.scenario.json': broken });
  const failed = cli(['test', join(dir, 'b.scenario.json')]);
  assert.match(failed.stdout, /b\.scenario\.json:\d+:\d+: statusCode: expected 404, got 200/);
  const brokenRun = cli(['test', dir]);
  assert.equal(brokenRun.status, 2);
  assert.match(brokenRun.stderr, /c\.scenario\.json:\d+:\d+: \$\.backend\.lambda\.functionError: /);
  const simulated = cli(['simulate', join(dir, 'c.scenario.json')]);
  assert.equal(simulated.status, 2);
  assert.match(simulated.stderr, /\$\.backend\.lambda\.functionError/);
});

test('a definition reference that cannot be resolved is broken input naming the JSON path', () => {
  const dir = scenarioDir({
    'api.json': { httpMethod: 'GET', resourcePath: '/things', methodIntegration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' }, integrationResponses: { '200': { statusCode: '200' } } }, methodResponses: { '200': { statusCode: '200' } } },
    'ok.scenario.json': { definition: 'api.json', operation: 'get /things', expect: { statusCode: 200 } },
    'wrong-operation.scenario.json': { definition: 'api.json', operation: 'POST /things' },
    'missing-file.scenario.json': { definition: 'nowhere.yaml', operation: 'GET /' },
  });
  assert.equal(cli(['test', join(dir, 'ok.scenario.json')]).status, 0);
  const wrong = cli(['test', join(dir, 'wrong-operation.scenario.json')]);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /wrong-operation\.scenario\.json:\d+:\d+: \$\.operation: .*no operation "POST \/things" \(it has: GET \/things\)/);
  const missing = cli(['test', join(dir, 'missing-file.scenario.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /\$\.definition: cannot read the definition nowhere\.yaml/);
});

test('usage errors exit 2 with a usage line; --help exits 0', () => {
  const table: [args: string[], status: number, stream: 'stdout' | 'stderr', pattern: RegExp][] = [
    [[], 2, 'stderr', /usage: apigw-mapping/],
    [['frobnicate'], 2, 'stderr', /unknown command "frobnicate"[\s\S]*usage: apigw-mapping/],
    [['simulate'], 2, 'stderr', /usage: apigw-mapping simulate/],
    [['test'], 2, 'stderr', /usage: apigw-mapping test/],
    [['test', '--jsn', 'x'], 2, 'stderr', /unknown option --jsn/],
    [['test', 'no/such/folder'], 2, 'stderr', /no\/such\/folder: no such file or folder/],
    [['--help'], 0, 'stdout', /simulate <scenario files…> \[--json\][\s\S]*test <files or folders…>/],
    [['simulate', '--help'], 0, 'stdout', /usage: apigw-mapping simulate/],
  ];
  for (const [args, status, stream, pattern] of table) {
    const run = cli(args);
    assert.equal(run.status, status, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
    assert.match(run[stream], pattern, args.join(' '));
  }
});

test('simulate without --json shows the selected response, the trace and the method response', () => {
  const dir = scenarioDir({ 'a.scenario.json': passing });
  const run = cli(['simulate', join(dir, 'a.scenario.json')]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /selected integration response: 200/);
  assert.match(run.stdout, /selection +no pattern matched status code 200 → default response 200/);
  assert.match(run.stdout, /method response: 200\n(  .+\n)*  Content-Type: application\/json/);
  assert.equal(lastLine(run.stdout), 'ok');
});

test('simulate --json answers every conformance scenario, each well within a second', () => {
  const files = readdirSync('test/conformance')
    .filter((f) => f.endsWith('.scenario.json'))
    .map((f) => join('test/conformance', f));
  // A generous bound (a second per scenario plus start-up) that only a hang would exceed.
  const run = cli(['simulate', '--json', ...files], 5_000 + files.length * 1_000);
  assert.equal(run.status, 0, run.stderr);
  const results = JSON.parse(run.stdout) as { file: string; statusCode: number; bodyBase64: string; trace: unknown[] }[];
  assert.equal(results.length, files.length);
  for (const result of results) {
    assert.equal(typeof result.statusCode, 'number', result.file);
    assert.equal(typeof result.bodyBase64, 'string', result.file);
    assert.ok(result.trace.length > 0, result.file);
  }
});
