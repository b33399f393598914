// Reading an API definition against the bare parse of the same text: `parseApiDocument` (and reading
// every template's and pattern's decoded text, as a diagnostics pass does) versus jsonc-parser's
// `parseTree` for JSON and yaml's `parseDocument` (with source tokens, as the reader needs them) for
// YAML. Generated OpenAPI definitions of about 1 MB and 5 MB in each format. Runs alternate so machine
// noise hits both sides; the medians are compared with the target ratio.
import { parseTree } from 'jsonc-parser';
import { parseDocument, stringify } from 'yaml';
import { parseApiDocument } from '../../shared/src/index';
import { generatedDefinition, generatedOperationCount } from './generated-definition';
import { alternatingMedians, reportRatio } from './measure';

const TARGET_RATIO = 3;
const RUNS = 5;

/** Reads everything a diagnostics pass would; returns the operations and template characters seen. */
function readFully(text: string, fileName: string): { operations: number; characters: number } {
  const document = parseApiDocument(text, fileName);
  let characters = 0;
  for (const operation of document.operations) {
    for (const response of operation.integration?.responses ?? []) {
      characters += response.selectionPattern?.embedded.text.length ?? 0;
      for (const template of response.responseTemplates) characters += template.text?.embedded.text.length ?? 0;
    }
  }
  return { operations: document.operations.length, characters };
}

let failed = false;
for (const bytes of [1_000_000, 5_000_000]) {
  const definition = generatedDefinition(bytes);
  const expectedOperations = generatedOperationCount(bytes);
  for (const [format, fileName, text, bare] of [
    ['JSON', 'generated.json', JSON.stringify(definition, null, 2), (t: string) => parseTree(t)],
    ['YAML', 'generated.yaml', stringify(definition), (t: string) => parseDocument(t, { keepSourceTokens: true })],
  ] as const) {
    // Warm up both, and check the reader saw the whole definition.
    bare(text);
    const seen = readFully(text, fileName);
    const complete = seen.operations === expectedOperations && seen.characters > 0;

    const medians = alternatingMedians(RUNS, () => bare(text), () => readFully(text, fileName));
    const label = `${format} ${(text.length / 1e6).toFixed(1)} MB`;
    console.log(`${label}: ${seen.operations} operations read (all of them: ${complete})`);
    console.log(`  parseApiDocument + read: median ${medians.candidate.toFixed(1)} ms of ${RUNS}`);
    console.log(`  bare ${format === 'JSON' ? 'jsonc-parser parseTree' : 'yaml parseDocument'}: median ${medians.baseline.toFixed(1)} ms of ${RUNS}`);
    if (!reportRatio(medians.candidate / medians.baseline, TARGET_RATIO) || !complete) failed = true;
  }
}
if (failed) process.exitCode = 1;
