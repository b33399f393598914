// Tokenises text with the project's TextMate grammars the way VS Code does: vscode-textmate over the
// oniguruma wasm, with the injection grammars injected into their host grammars as `injectTo` declares.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/** The product's manifest, the single source of which grammar is injected into which host. */
interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

/** One token: its text, the line it is on (0-based) and its scopes from the root outwards. */
export interface ScopedToken {
  text: string;
  line: number;
  /** Offset of the token in the whole text. */
  offset: number;
  scopes: string[];
}

export interface Tokenizer {
  tokenize(rootScope: string, text: string): Promise<ScopedToken[]>;
}

let onigurumaLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigurumaLoaded ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  return onigurumaLoaded;
}

/** The grammar files of a folder, keyed by the scope each declares. */
export function grammarFilesIn(folder: string): Map<string, string> {
  const byScope = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    if (!name.endsWith('.json')) continue;
    const path = join(folder, name);
    const scopeName = (JSON.parse(readFileSync(path, 'utf8')) as { scopeName?: unknown }).scopeName;
    if (typeof scopeName === 'string' && !byScope.has(scopeName)) byScope.set(scopeName, path);
  }
  return byScope;
}

/**
 * A tokenizer over the product's grammars (read from `package.json` in `projectRoot`) and the given
 * host grammars (JSON, YAML) keyed by scope name.
 */
export async function createTokenizer(projectRoot: string, hostGrammars: Map<string, string>): Promise<Tokenizer> {
  await loadOniguruma();
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    contributes: { grammars: GrammarContribution[] };
  };
  const files = new Map(hostGrammars);
  const injections = new Map<string, string[]>();
  for (const grammar of manifest.contributes.grammars) {
    files.set(grammar.scopeName, join(projectRoot, grammar.path));
    for (const host of grammar.injectTo ?? []) injections.set(host, [...(injections.get(host) ?? []), grammar.scopeName]);
  }
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = files.get(scopeName);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    getInjections: (scopeName: string) => injections.get(scopeName),
  });

  return {
    async tokenize(rootScope, text) {
      const grammar = await registry.loadGrammar(rootScope);
      if (!grammar) throw new Error(`no grammar for ${rootScope}`);
      const tokens: ScopedToken[] = [];
      let state = textmate.INITIAL;
      let lineStart = 0;
      text.split('\n').forEach((line, lineIndex) => {
        const result = grammar.tokenizeLine(line, state);
        for (const token of result.tokens) {
          const end = Math.min(token.endIndex, line.length);
          if (end > token.startIndex) {
            tokens.push({ text: line.slice(token.startIndex, end), line: lineIndex, offset: lineStart + token.startIndex, scopes: token.scopes });
          }
        }
        state = result.ruleStack;
        lineStart += line.length + 1;
      });
      return tokens;
    },
  };
}

/**
 * What a case expects of one piece of text: `at` is found in the source (its `nth` occurrence, from 1),
 * and the token holding its first character must carry `scope` among its scopes, or, with `not`, must
 * carry no scope that starts with `not`.
 */
export interface ScopeExpectation {
  at: string;
  nth?: number;
  scope?: string;
  not?: string;
}

/** Checks the expectations against the tokens; returns one line per failure, empty when all hold. */
export function scopeMismatches(source: string, tokens: ScopedToken[], expectations: ScopeExpectation[]): string[] {
  const failures: string[] = [];
  for (const expectation of expectations) {
    let offset = -1;
    for (let seen = 0; seen < (expectation.nth ?? 1); seen++) {
      offset = source.indexOf(expectation.at, offset + 1);
      if (offset < 0) break;
    }
    const label = `"${expectation.at}"${expectation.nth ? ` #${expectation.nth}` : ''}`;
    if (offset < 0) {
      failures.push(`${label}: not in the source`);
      continue;
    }
    const token = tokens.find((t) => t.offset <= offset && offset < t.offset + t.text.length);
    const scopes = token?.scopes ?? [];
    if (expectation.scope && !scopes.includes(expectation.scope)) {
      failures.push(`${label}: expected ${expectation.scope}, got ${scopes.join(' ')}`);
    }
    if (expectation.not && scopes.some((scope) => scope.startsWith(expectation.not!))) {
      failures.push(`${label}: expected no ${expectation.not}*, got ${scopes.join(' ')}`);
    }
  }
  return failures;
}
