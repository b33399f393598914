import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../shared/src/index';
import type { CliCommand } from './command';
import { exitCode } from './io';

/** One file's part of `check --json`. */
interface CheckedFile {
  file: string;
  operations: { operation: string; integrationType: string | null; integrationResponses: string[] }[];
  diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
}

/**
 * `check <files…> [--json]`: the editor's diagnostics for API definitions, scenarios and templates, one
 * line each (`file:line:col: severity code: message`) or as JSON. Exit 1 when any is an error, 0
 * otherwise, 2 when a file cannot be read.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  usage: 'check <files…> [--json]',
  summary: 'report problems in definitions, scenarios and templates; exit 0 none are errors, 1 any error, 2 unreadable input',
  flags: ['--json'],
  run(args, flags, io) {
    if (args.length === 0) return { usage: 'check needs files' };
    const service = createLanguageService();
    const checked: CheckedFile[] = [];
    let unreadable = false;
    let errors = false;
    for (const file of args) {
      let text: string;
      const path = resolve(io.cwd, file);
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        io.err(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
        unreadable = true;
        continue;
      }
      const document = TextDocument.create(pathToFileURL(path).href, 'plaintext', 1, text);
      const diagnostics = service.findProblems(document).map((problem) => {
        const start = document.positionAt(problem.range.start);
        const end = document.positionAt(problem.range.end);
        if (problem.severity === 'error') errors = true;
        return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, severity: problem.severity, code: problem.code, message: problem.message };
      });
      const operations = service.listOperations(document).map((operation) => ({
        operation: operation.key,
        integrationType: operation.integrationType ?? null,
        integrationResponses: operation.integrationResponses,
      }));
      service.forget(document.uri);
      checked.push({ file, operations, diagnostics });
      if (!flags.has('--json')) {
        for (const d of diagnostics) io.out(`${file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`);
      }
    }
    if (flags.has('--json')) io.out(JSON.stringify({ files: checked }));
    return { exit: unreadable ? exitCode.broken : errors ? exitCode.failed : exitCode.ok };
  },
};
