// The language service on large definitions. Ratios are measured in the same run, so they mean the same
// on any machine:
// - full diagnostics of generated 1 MB and 5 MB definitions (JSON and YAML, hundreds of operations, long
//   templates) against the bare syntax parse of the same text by the same parser (jsonc-parser, yaml);
// - an edit inside one template of the 1 MB definition → its diagnostics (a new document version on a
//   service that has seen the previous one), p95 against a fixed target;
// - the same edits on the 5 MB definition: an edit costs what the template costs, so its median stays
//   about that of the 1 MB one (ratio of the medians against a target).
import { parseTree } from 'jsonc-parser';
import { parseDocument, stringify } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../shared/src/index';
import { alternatingMedians, median } from './measure';

const FULL_RATIO_TARGET = 3;
const EDIT_P95_TARGET_MS = 50;
/** An edit on a definition five times larger may cost this many times as much, at most. */
const EDIT_GROWTH_TARGET = 2;
/**
 * Medians are compared from this many milliseconds up: below it a median measures the timer and the
 * collector more than the edit (finding what changed is one memory compare over the text, a fraction
 * of a millisecond that does grow with the text).
 */
const EDIT_NOISE_FLOOR_MS = 1;
const RUNS = 5;
const EDITS = 40;

const LONG_TEMPLATE = [
  "#set($root = $input.path('$'))",
  '{',
  '  "count": $root.items.size(),',
  '  "items": [',
  '#foreach($item in $root.items)',
  '    {',
  '      "id": "$item.id",',
  '      "name": "$util.escapeJavaScript($item.name).replaceAll("\\\\\'","\'")",',
  '      "price": $item.price,',
  '#if($item.tags && $item.tags.size() > 0)',
  '      "tags": $input.json("$.items[$foreach.index].tags"),',
  '#end',
  '      "requestId": "$context.requestId"',
  '    }#if($foreach.hasNext),#end',
  '#end',
  '  ]',
  '}',
].join('\n');

/** An OpenAPI 2 definition of about `bytes` as JSON: Lambda and HTTP operations, patterns, header mappings, long templates. */
function definition(bytes: number): object {
  const paths: Record<string, unknown> = {};
  for (let i = 0, size = 0; size < bytes; i++, size += 2100) {
    const lambda = i % 2 === 0;
    paths[`/items${i}/{id}`] = {
      get: {
        responses: {
          '200': { description: 'ok', headers: { ETag: { type: 'string' } } },
          '404': { description: 'missing' },
          '500': { description: 'failed' },
        },
        'x-amazon-apigateway-integration': {
          type: lambda ? 'aws' : 'http',
          uri: lambda ? `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f${i}/invocations` : `https://example.com/items/${i}`,
          httpMethod: lambda ? 'POST' : 'GET',
          requestTemplates: { 'application/json': `{"id": "$util.escapeJavaScript($input.params('id')).replaceAll("\\\\'","'")", "n": ${i}}` },
          responses: {
            default: { statusCode: '200', responseParameters: { 'method.response.header.ETag': "'x'" }, responseTemplates: { 'application/json': `## operation ${i}\n${LONG_TEMPLATE}` } },
            [lambda ? '.*NotFound[\\s\\S]*' : '404']: { statusCode: '404', responseTemplates: { 'application/json': '{"message": "not found"}' } },
            [lambda ? '.*Error[\\s\\S]*' : '5\\d{2}']: { statusCode: '500', responseTemplates: { 'application/json': `{"message": $input.json('$.errorMessage'), "n": ${i}}` } },
          },
        },
      },
    };
  }
  return { swagger: '2.0', info: { title: 'generated', version: '1' }, paths };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** One edit's milliseconds, without a collection first: collections are part of what an edit costs. */
function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

let failed = false;

function fullDiagnostics(label: string, fileName: string, text: string, bareParse: (text: string) => void): void {
  let version = 0;
  let problems = 0;
  const diagnose = () => {
    const document = TextDocument.create(`file:///bench/${fileName}`, 'json', version++, text);
    problems = createLanguageService().findProblems(document).length;
  };
  // One untimed run of each side first, so neither median includes compiling the code it runs.
  bareParse(text);
  diagnose();
  const { baseline: bare, candidate: full } = alternatingMedians(RUNS, () => bareParse(text), diagnose);
  const ratio = full / bare;
  const ok = ratio <= FULL_RATIO_TARGET;
  failed ||= !ok;
  console.log(
    `${label}: full diagnostics ${full.toFixed(0)} ms vs bare parse ${bare.toFixed(0)} ms → ${ratio.toFixed(2)}x (target ≤ ${FULL_RATIO_TARGET}x) ${ok ? 'ok' : 'OVER'}; ${problems} problems`,
  );
}

/** Milliseconds of each edit typed into the middle template of `text`, and the problems before. */
function editTimes(text: string): { times: number[]; problemsBefore: number } {
  const service = createLanguageService();
  const uri = 'file:///bench/edit.json';
  let document = TextDocument.create(uri, 'json', 1, text);
  const baseline = service.findProblems(document).length;
  // Type into the middle template of the file, one character per version, as an editor sends it.
  const anchor = text.indexOf('"requestId": \\"$context.requestId\\"', Math.floor(text.length / 2));
  const at = text.indexOf('$context.', anchor) + '$context.'.length;
  const typed = 'requestTimeEpoch';
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const char = typed[i % typed.length];
    const offset = at + (i % typed.length);
    const position = document.positionAt(offset);
    const change = i % typed.length === typed.length - 1 ? [{ range: { start: document.positionAt(at), end: document.positionAt(offset) }, text: '' }] : [{ range: { start: position, end: position }, text: char }];
    document = TextDocument.update(document, change, document.version + 1);
    times.push(time(() => service.findProblems(document)));
  }
  return { times, problemsBefore: baseline };
}

function editInTemplate(small: string, large: string): void {
  const { times, problemsBefore } = editTimes(small);
  const p95 = percentile(times, 0.95);
  const ok = p95 <= EDIT_P95_TARGET_MS;
  failed ||= !ok;
  console.log(`1 MB JSON: edit in one template → diagnostics p95 ${p95.toFixed(1)} ms, median ${median(times).toFixed(1)} ms (target p95 ≤ ${EDIT_P95_TARGET_MS} ms) ${ok ? 'ok' : 'OVER'}; ${problemsBefore} problems before`);
  const largeTimes = editTimes(large).times;
  const growth = Math.max(median(largeTimes), EDIT_NOISE_FLOOR_MS) / Math.max(median(times), EDIT_NOISE_FLOOR_MS);
  const flat = growth <= EDIT_GROWTH_TARGET;
  failed ||= !flat;
  console.log(
    `5 MB JSON: the same edits → median ${median(largeTimes).toFixed(2)} ms, p95 ${percentile(largeTimes, 0.95).toFixed(1)} ms (1 MB: median ${median(times).toFixed(2)} ms): ${growth.toFixed(2)}x, medians floored at ${EDIT_NOISE_FLOOR_MS} ms (target ≤ ${EDIT_GROWTH_TARGET}x) ${flat ? 'ok' : 'OVER'}`,
  );
}

const bareJson = (text: string) => void parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
const bareYaml = (text: string) => void parseDocument(text, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false });

for (const megabytes of [1, 5]) {
  const model = definition(megabytes * 1_000_000);
  const json = JSON.stringify(model, null, 2);
  const yaml = stringify(model, { lineWidth: 0, blockQuote: 'literal' });
  const operations = Object.keys((model as { paths: object }).paths).length;
  fullDiagnostics(`${(json.length / 1e6).toFixed(1)} MB JSON, ${operations} operations`, 'api.json', json, bareJson);
  fullDiagnostics(`${(yaml.length / 1e6).toFixed(1)} MB YAML, ${operations} operations`, 'api.yaml', yaml, bareYaml);
}
editInTemplate(JSON.stringify(definition(1_000_000), null, 2), JSON.stringify(definition(5_000_000), null, 2));
process.exit(failed ? 1 : 0);
