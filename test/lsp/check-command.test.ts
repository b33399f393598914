// `apigw-mapping check` as CI runs it: `node dist/cli.js check …`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiYaml } from '../service/harness';

function cli(args: string[], cwd?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], { encoding: 'utf8', timeout: 60_000, cwd });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const broken = openApiYaml(`type: mock
responses:
  default:
    statusCode: "200"
    responseTemplates:
      application/json: '{"id": "$context.requestID"}'
  "5\\\\d{2}":
    statusCode: "500"`);
const clean = broken.replace('requestID', 'requestId').replace(/ {10}"5[\s\S]*$/, '');

/** 1-based `line:col` of the first `needle` in `text`. */
function at(text: string, needle: string, delta = 0): { line: number; column: number } {
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
const member = at(broken, 'requestID');
const status = at(broken, '"500"');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apigw-mapping-check-'));
  writeFileSync(join(dir, 'broken.yaml'), broken);
  writeFileSync(join(dir, 'clean.yaml'), clean);
  writeFileSync(join(dir, 'other.json'), '{"name": "x"');
  return dir;
}

test('plain lines: file:line:col: severity code: message, exit 1 on an error', () => {
  const run = cli(['check', 'broken.yaml', 'clean.yaml', 'other.json'], workspace());
  assert.equal(run.status, 1, run.stderr);
  assert.deepEqual(
    run.stdout.trimEnd().split('\n').map((line) => line.replace(/: [A-Z`].*$/, '')),
    [`broken.yaml:${member.line}:${member.column}: warning vtl-unknown-member`, `broken.yaml:${status.line}:${status.column}: error response-undeclared-status`],
  );
});

test('a clean file exits 0 and prints nothing', () => {
  const run = cli(['check', 'clean.yaml'], workspace());
  assert.deepEqual([run.status, run.stdout], [0, '']);
});

test('--json: files, operations and diagnostics with 1-based lines and columns', () => {
  const run = cli(['check', '--json', 'broken.yaml', 'other.json'], workspace());
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout);
  assert.deepEqual(Object.keys(report), ['files']);
  assert.deepEqual(report.files[0].operations, [{ operation: 'GET /pets', integrationType: 'MOCK', integrationResponses: ['200', '500'] }]);
  assert.deepEqual(report.files[0].diagnostics[0], {
    line: member.line,
    column: member.column,
    endLine: member.line,
    endColumn: member.column + 'requestID'.length,
    severity: 'warning',
    code: 'vtl-unknown-member',
    message: report.files[0].diagnostics[0].message,
  });
  assert.match(report.files[0].diagnostics[0].message, /Did you mean `\$context\.requestId`/);
  assert.deepEqual(report.files[1], { file: 'other.json', operations: [], diagnostics: [] });
});

test('usage and unreadable input exit 2', () => {
  assert.equal(cli(['check']).status, 2);
  const missing = cli(['check', 'clean.yaml', 'missing.yaml'], workspace());
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /missing\.yaml: cannot be read/);
});
