import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseScenario, type Operation, type Scenario, type ScenarioProblem } from '../../../shared/src/index';
import { resolveDefinitionOperation } from './definitions';
import type { CliIo } from './io';
import { lineColumn } from './location';

/** A scenario file read from disk, ready to simulate, or the problems that make it broken. */
export type LoadedScenario =
  | { ok: true; file: string; scenario: Scenario; operation: Operation }
  | { ok: false; file: string; problems: string[] };

/** Every `*.scenario.json` under the given files and folders, sorted, as paths relative to cwd. */
export function collectScenarioFiles(paths: readonly string[], io: CliIo): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const absolute = resolve(io.cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (isDirectory) files.push(...walk(absolute).sort());
    else files.push(absolute);
  }
  return { files: files.map((f) => relative(io.cwd, f) || f), missing };
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...walk(path));
    else if (name.endsWith('.scenario.json')) found.push(path);
  }
  return found;
}

/** Reads, parses and resolves one scenario file; problems are `file:line:col: $.json.path: message`. */
export function loadScenario(file: string, io: CliIo): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    return { ok: false, file, problems: [`${file}: cannot read the file: ${(error as Error).message}`] };
  }
  const { scenario, problems } = parseScenario(text, file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!scenario || errors.length > 0) return { ok: false, file, problems: errors.map((p) => describeProblem(file, text, p)) };
  if (scenario.method.kind === 'inline') return { ok: true, file, scenario, operation: scenario.method.operation };
  const resolved = resolveDefinitionOperation(file, scenario, io);
  if (!resolved.operation) return { ok: false, file, problems: resolved.problems.map((p) => describeProblem(file, text, p)) };
  return { ok: true, file, scenario, operation: resolved.operation };
}

function describeProblem(file: string, text: string, problem: ScenarioProblem): string {
  return `${file}:${lineColumn(text, problem.range.start)}: ${problem.path}: ${problem.message}`;
}
