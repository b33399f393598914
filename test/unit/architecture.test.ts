// Architecture invariants that a reviewer would otherwise have to remember (see ARCHITECTURE.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...sourceFiles(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specifiers.push(m[1] ?? m[2] ?? m[3]);
  }
  return specifiers;
}

test('the engine (shared/) reaches no editor, no LSP connection, no file system, network or process', () => {
  const forbidden = /^(vscode|vscode-languageserver|vscode-languageclient|(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|vm|os|process|dgram|dns|tls|cluster))$/;
  const offenders: string[] = [];
  for (const file of sourceFiles('shared/src')) {
    for (const spec of importsOf(file)) if (forbidden.test(spec)) offenders.push(`${file}: ${spec}`);
  }
  assert.deepEqual(offenders, []);
});

test('the command line and the language server reach the engine only through shared/src/index.ts', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles('server/src')) {
    for (const spec of importsOf(file)) {
      if (/shared\/src\/(?!index(\.ts)?$)/.test(spec)) offenders.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the extension never loads the engine: it asks the language server', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles('client/src')) {
    for (const spec of importsOf(file)) {
      if (/shared\/src\/(?!protocol\/)/.test(spec) || spec === 'velocityjs') offenders.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
