// The VTL grammar alone, and the injection grammars inside the JSON and YAML grammars that editors
// ship (the tm-grammars package; the end-to-end suite repeats the injection cases on VS Code's own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { injectionCases, vtlCases, type GrammarCase } from './cases';
import { createTokenizer, scopeMismatches, type Tokenizer } from './textmate';

const hostGrammarFolder = join('node_modules', 'tm-grammars', 'grammars');
const hostGrammars = new Map([
  ['source.json', join(hostGrammarFolder, 'json.json')],
  ['source.json.comments', join(hostGrammarFolder, 'jsonc.json')],
  ['source.yaml', join(hostGrammarFolder, 'yaml.json')],
]);

let tokenizer: Promise<Tokenizer> | undefined;

async function check(grammarCase: GrammarCase): Promise<void> {
  tokenizer ??= createTokenizer('.', hostGrammars);
  const tokens = await (await tokenizer).tokenize(grammarCase.scope, grammarCase.source);
  const invalid = tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid'))).map((t) => `"${t.text}" on line ${t.line + 1}: ${t.scopes.join(' ')}`);
  assert.deepEqual([...scopeMismatches(grammarCase.source, tokens, grammarCase.expect), ...invalid], []);
}

for (const grammarCase of [...vtlCases, ...injectionCases]) {
  test(`grammar: ${grammarCase.name}`, () => check(grammarCase));
}

test('grammar: the committed grammar files are what syntaxes/build.mjs makes', () => {
  const run = spawnSync(process.execPath, ['syntaxes/build.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
