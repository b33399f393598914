// Writes the TextMate grammars in this folder from one description.
//   node syntaxes/build.mjs           write the .tmLanguage.json files
//   node syntaxes/build.mjs --check   exit 1 when a written file differs from what this script makes
//
// Why generated: a template is read in two spellings. In a .vtl file or a YAML block scalar it is raw
// text; inside a JSON string (or a YAML double-quoted scalar) every `"` of the template is written `\"`
// and a line break is `\n`, and the template must end where the host string ends. Each VTL rule is made
// once per spelling from the same function, so the two cannot drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

const IDENTIFIER = '[A-Za-z][A-Za-z0-9_-]*';
const MEMBER = '[A-Za-z_][A-Za-z0-9_-]*';
/** The roots API Gateway and Velocity put in every template's context. */
const BUILT_IN_ROOTS = 'input|util|context|stageVariables|foreach|velocityCount|velocityHasNext';
const ARGUMENT_DIRECTIVES = 'set|if|elseif|foreach|include|parse|evaluate|define';
const BARE_DIRECTIVES = 'else|end|break|stop';

/**
 * How the template is spelled in its host.
 * - `suffix` names the repository rules of this spelling;
 * - `quote` and `singleQuote` are VTL's string delimiters as they appear in the host;
 * - `hostEnd` is added to every multi-line rule so that no rule runs past the host scalar;
 * - `hostEscapes` are the host's escapes, consumed first inside every rule (see `hostEnd`);
 * - `lineComment` matches a `##` comment up to the end of the line or of the host scalar;
 * - `raw`: the text is the template itself, so Velocity's own escapes (`\$`, `""`) can be seen.
 */
const RAW = {
  suffix: '',
  quote: '"',
  singleQuote: "'",
  hostEnd: '',
  hostEscapes: [],
  lineComment: '(##).*',
  raw: true,
};
/** A JSON string or a YAML double-quoted scalar: `"` is written `\"` and a line break `\n`. */
const ESCAPED = {
  suffix: '-escaped',
  quote: '\\\\"',
  singleQuote: "'",
  hostEnd: '|(?=")',
  hostEscapes: [{ match: '\\\\(?:[\\\\/bfnrt]|u[0-9a-fA-F]{4}|.)', name: 'constant.character.escape.json' }],
  lineComment: '(##)(?:[^"\\\\]|\\\\[^n])*',
  raw: false,
};
/** A YAML single-quoted scalar: `'` is written `''`. */
const YAML_SINGLE_QUOTED = {
  suffix: '-yaml-single-quoted',
  quote: '"',
  singleQuote: "''",
  hostEnd: "|(?='(?!'))",
  hostEscapes: [{ match: "''", name: 'constant.character.escape.single-quote.yaml' }],
  lineComment: "(##)(?:[^']|'')*",
  raw: false,
};
/** A YAML plain scalar: one line, and ` #` starts a YAML comment. */
const YAML_PLAIN = {
  suffix: '-yaml-plain',
  quote: '"',
  singleQuote: "'",
  hostEnd: '|$|(?=[ \\t]+#)',
  hostEscapes: [],
  lineComment: '(##).*?(?=[ \\t]+#|$)',
  raw: true,
};
const SPELLINGS = [RAW, ESCAPED, YAML_SINGLE_QUOTED, YAML_PLAIN];

function ref(rule, spelling) {
  return { include: `#${rule}${spelling.suffix}` };
}

function rulesFor(s) {
  const r = (name) => ref(name, s);
  const end = (pattern) => pattern + s.hostEnd;
  /** A bracketed list of expressions: `[1, 2]`, `{"a": 1}`, `($a + 1)`, an index. */
  const enclosed = (open, close, name, punctuation) => ({
    begin: open,
    end: end(close),
    name,
    beginCaptures: { 0: { name: `punctuation.section.${punctuation}.begin.vtl` } },
    endCaptures: { 0: { name: `punctuation.section.${punctuation}.end.vtl` } },
    patterns: [r('expression')],
  });
  return {
    [`template${s.suffix}`]: {
      patterns: [r('comment'), r('unparsed'), ...(s.raw ? [{ include: '#escaped-reference' }] : []), r('directive'), r('reference'), ...s.hostEscapes],
    },
    [`comment${s.suffix}`]: {
      patterns: [
        {
          begin: '#\\*\\*(?!#)',
          end: end('\\*#'),
          name: 'comment.block.documentation.vtl',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.vtl' } },
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.vtl' } },
          patterns: s.hostEscapes,
        },
        {
          begin: '#\\*',
          end: end('\\*#'),
          name: 'comment.block.vtl',
          beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.vtl' } },
          endCaptures: { 0: { name: 'punctuation.definition.comment.end.vtl' } },
          patterns: s.hostEscapes,
        },
        {
          // In a host scalar the comment also ends where the scalar does (or at an escaped line break).
          match: s.lineComment,
          name: 'comment.line.double-number-sign.vtl',
          captures: { 1: { name: 'punctuation.definition.comment.vtl' } },
        },
      ],
    },
    [`unparsed${s.suffix}`]: {
      begin: '#\\[\\[',
      end: end('\\]\\]#'),
      name: 'meta.unparsed.vtl',
      contentName: 'string.unquoted.unparsed.vtl',
      beginCaptures: { 0: { name: 'punctuation.definition.unparsed.begin.vtl' } },
      endCaptures: { 0: { name: 'punctuation.definition.unparsed.end.vtl' } },
      patterns: s.hostEscapes,
    },
    [`directive${s.suffix}`]: {
      patterns: [
        {
          begin: `(#)(macro|\\{macro\\})\\s*(\\()\\s*(${IDENTIFIER})?`,
          end: end('\\)'),
          name: 'meta.directive.macro.vtl',
          beginCaptures: {
            1: { name: 'punctuation.definition.directive.vtl' },
            2: { name: 'keyword.control.directive.vtl' },
            3: { name: 'punctuation.section.arguments.begin.vtl' },
            4: { name: 'entity.name.function.macro.vtl' },
          },
          endCaptures: { 0: { name: 'punctuation.section.arguments.end.vtl' } },
          patterns: [r('expression')],
        },
        {
          begin: `(#)(${ARGUMENT_DIRECTIVES}|\\{(?:${ARGUMENT_DIRECTIVES})\\})\\s*(\\()`,
          end: end('\\)'),
          name: 'meta.directive.vtl',
          beginCaptures: {
            1: { name: 'punctuation.definition.directive.vtl' },
            2: { name: 'keyword.control.directive.vtl' },
            3: { name: 'punctuation.section.arguments.begin.vtl' },
          },
          endCaptures: { 0: { name: 'punctuation.section.arguments.end.vtl' } },
          patterns: [r('expression')],
        },
        {
          match: `(#)(\\{(?:${BARE_DIRECTIVES})\\}|(?:${BARE_DIRECTIVES})(?![A-Za-z0-9_-]))`,
          name: 'meta.directive.vtl',
          captures: {
            1: { name: 'punctuation.definition.directive.vtl' },
            2: { name: 'keyword.control.directive.vtl' },
          },
        },
        {
          // A macro call; without parentheses `#name` is plain text in Velocity 1.7.
          begin: `(#)(@?${IDENTIFIER}|\\{@?${IDENTIFIER}\\})\\s*(\\()`,
          end: end('\\)'),
          name: 'meta.function-call.macro.vtl',
          beginCaptures: {
            1: { name: 'punctuation.definition.directive.vtl' },
            2: { name: 'entity.name.function.macro.vtl' },
            3: { name: 'punctuation.section.arguments.begin.vtl' },
          },
          endCaptures: { 0: { name: 'punctuation.section.arguments.end.vtl' } },
          patterns: [r('expression')],
        },
      ],
    },
    [`reference${s.suffix}`]: {
      patterns: [
        {
          begin: '(\\$!?)(\\{)',
          end: end('\\}'),
          name: 'meta.reference.vtl',
          beginCaptures: {
            1: { name: 'punctuation.definition.variable.vtl' },
            2: { name: 'punctuation.section.braces.begin.vtl' },
          },
          endCaptures: { 0: { name: 'punctuation.section.braces.end.vtl' } },
          patterns: [
            {
              match: `\\G\\s*(?:(${BUILT_IN_ROOTS})(?![A-Za-z0-9_-])|(${IDENTIFIER}))`,
              captures: {
                1: { name: 'variable.language.vtl' },
                2: { name: 'variable.other.reference.vtl' },
              },
            },
            r('reference-path'),
            ...s.hostEscapes,
          ],
        },
        {
          // Ends, without consuming anything, where the next characters do not continue the path.
          begin: `(\\$!?)(?:(${BUILT_IN_ROOTS})(?![A-Za-z0-9_-])|(${IDENTIFIER}))`,
          end: `(?!\\.${MEMBER}|\\[)`,
          name: 'meta.reference.vtl',
          beginCaptures: {
            1: { name: 'punctuation.definition.variable.vtl' },
            2: { name: 'variable.language.vtl' },
            3: { name: 'variable.other.reference.vtl' },
          },
          patterns: [r('reference-path')],
        },
      ],
    },
    [`reference-path${s.suffix}`]: {
      patterns: [
        {
          begin: `(\\.)(${MEMBER})(\\()`,
          end: end('\\)'),
          name: 'meta.function-call.method.vtl',
          beginCaptures: {
            1: { name: 'punctuation.accessor.vtl' },
            2: { name: 'entity.name.function.member.vtl' },
            3: { name: 'punctuation.section.arguments.begin.vtl' },
          },
          endCaptures: { 0: { name: 'punctuation.section.arguments.end.vtl' } },
          patterns: [r('expression')],
        },
        {
          match: `(\\.)(${MEMBER})`,
          captures: {
            1: { name: 'punctuation.accessor.vtl' },
            2: { name: 'variable.other.property.vtl' },
          },
        },
        enclosed('\\[', '\\]', 'meta.index.vtl', 'brackets'),
      ],
    },
    [`expression${s.suffix}`]: {
      patterns: [
        r('comment'),
        r('string'),
        r('reference'),
        { include: '#number' },
        { include: '#constant' },
        { include: '#operator' },
        enclosed('\\[', '\\]', 'meta.structure.list.vtl', 'brackets'),
        enclosed('\\{', '\\}', 'meta.structure.map.vtl', 'braces'),
        enclosed('\\(', '\\)', 'meta.group.vtl', 'parens'),
        ...s.hostEscapes,
      ],
    },
    [`string${s.suffix}`]: {
      patterns: [
        {
          begin: s.quote,
          end: end(s.quote),
          name: 'string.quoted.double.vtl',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.vtl' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.vtl' } },
          // Velocity 1.7 writes a quote inside a string by doubling it; the doubled form must win over the end.
          applyEndPatternLast: s.raw ? 1 : 0,
          patterns: [
            ...(s.raw ? [{ match: '""', name: 'constant.character.escape.vtl' }] : []),
            r('reference'),
            ...s.hostEscapes,
          ],
        },
        {
          begin: s.singleQuote,
          end: end(s.singleQuote),
          name: 'string.quoted.single.vtl',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.vtl' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.vtl' } },
          applyEndPatternLast: 1,
          patterns: [...(s.raw ? [{ match: "''", name: 'constant.character.escape.vtl' }] : []), ...s.hostEscapes],
        },
      ],
    },
  };
}

/** Rules that read the same in both spellings. */
const sharedRules = {
  'escaped-reference': {
    // `\$name` and `\#if` print the reference or directive literally.
    match: '\\\\+[$#]',
    name: 'constant.character.escape.vtl',
  },
  number: {
    patterns: [
      { match: '(?<![A-Za-z0-9_.-])\\d+\\.\\d+(?![A-Za-z0-9_])', name: 'constant.numeric.decimal.vtl' },
      { match: '(?<![A-Za-z0-9_.-])\\d+(?![A-Za-z0-9_]|\\.\\d)', name: 'constant.numeric.integer.vtl' },
    ],
  },
  constant: {
    patterns: [
      { match: '\\b(?:true|false)\\b', name: 'constant.language.boolean.vtl' },
      { match: '\\bnull\\b', name: 'constant.language.null.vtl' },
    ],
  },
  operator: {
    patterns: [
      { match: '==|!=|<=|>=|<|>|\\b(?:eq|ne|lt|gt|le|ge)\\b', name: 'keyword.operator.comparison.vtl' },
      { match: '&&|\\|\\||!|\\b(?:and|or|not)\\b', name: 'keyword.operator.logical.vtl' },
      { match: '\\bin\\b', name: 'keyword.operator.in.vtl' },
      { match: '\\.\\.', name: 'keyword.operator.range.vtl' },
      { match: '=', name: 'keyword.operator.assignment.vtl' },
      { match: '[-+*/%]', name: 'keyword.operator.arithmetic.vtl' },
      { match: ',', name: 'punctuation.separator.comma.vtl' },
      { match: ':', name: 'punctuation.separator.key-value.vtl' },
    ],
  },
};

/** Velocity Template Language as API Gateway runs it (Velocity 1.7). */
export function vtlGrammar() {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Velocity Template Language (API Gateway)',
    scopeName: 'source.vtl',
    patterns: [{ include: '#template' }],
    repository: Object.assign({}, ...SPELLINGS.map(rulesFor), sharedRules),
  };
}

const TEMPLATE_MAP_KEY = '(?:[Rr]esponse|[Rr]equest)Templates';

/** VTL inside the `responseTemplates`/`requestTemplates` strings of JSON definitions and scenarios. */
export function jsonInjectionGrammar() {
  return {
    name: 'VTL in API Gateway JSON definitions',
    scopeName: 'apigw-mapping.vtl.injection.json',
    injectionSelector: 'L:source.json -string -comment, L:source.json.comments -string -comment',
    patterns: [{ include: '#template-map' }],
    repository: {
      'template-map': {
        // Mirrors the host's own key/value rules, so the surrounding object still reads as JSON.
        begin: `(")(${TEMPLATE_MAP_KEY})(")\\s*(:)`,
        end: '(,)|(?=[\\]}])',
        beginCaptures: {
          1: { name: 'string.json support.type.property-name.json punctuation.support.type.property-name.begin.json' },
          2: { name: 'string.json support.type.property-name.json' },
          3: { name: 'string.json support.type.property-name.json punctuation.support.type.property-name.end.json' },
          4: { name: 'punctuation.separator.dictionary.key-value.json' },
        },
        endCaptures: { 1: { name: 'punctuation.separator.dictionary.pair.json' } },
        patterns: [{ include: '#template-object' }, { include: 'source.json#value' }],
      },
      'template-object': {
        begin: '\\{',
        end: '\\}',
        name: 'meta.structure.dictionary.json',
        beginCaptures: { 0: { name: 'punctuation.definition.dictionary.begin.json' } },
        endCaptures: { 0: { name: 'punctuation.definition.dictionary.end.json' } },
        patterns: [
          { include: 'source.json#objectkey' },
          { include: 'source.json#comments' },
          {
            begin: ':',
            end: '(,)|(?=\\})',
            name: 'meta.structure.dictionary.value.json',
            beginCaptures: { 0: { name: 'punctuation.separator.dictionary.key-value.json' } },
            endCaptures: { 1: { name: 'punctuation.separator.dictionary.pair.json' } },
            patterns: [{ include: '#template-string' }, { include: 'source.json#value' }],
          },
        ],
      },
      'template-string': {
        begin: '"',
        end: '"',
        contentName: 'meta.embedded.block.vtl',
        beginCaptures: { 0: { name: 'string.quoted.double.json punctuation.definition.string.begin.json' } },
        endCaptures: { 0: { name: 'string.quoted.double.json punctuation.definition.string.end.json' } },
        patterns: [{ include: 'source.vtl#template-escaped' }],
      },
    },
  };
}

/** A YAML mapping key as written in definitions: plain, or quoted. */
const YAML_KEY = `(?:"[^"]*"|'[^']*'|[^\\s#'"{}\\[\\],:][^:#]*?|:[^\\s][^:#]*?)`;
/**
 * Where a YAML line's own text may start: the line start, or (`\\G`) where the host grammar's rules
 * left off after consuming the indentation of the mappings around it, as VS Code's YAML grammar does.
 * Indentation is therefore always captured and compared from that point on, never from column 0.
 */
const YAML_LINE = '(?:^|\\G)';
/** Lines that still belong to a node whose key is indented by \\1: deeper ones, and blank ones. */
const YAML_DEEPER = `${YAML_LINE}(?=\\1[ \\t]+\\S|[ \\t]*$)`;

/** A template's key in YAML, its separator and an optional tag such as `!Sub`. */
const keyCaptures = {
  2: { name: 'meta.map.key.yaml string.unquoted.plain.out.yaml entity.name.tag.yaml' },
  3: { name: 'punctuation.separator.map.value.yaml' },
  4: { name: 'storage.type.tag.yaml' },
};

/** A template in a quoted YAML scalar, read in the spelling of that quoting. */
function quotedTemplate(open, close, style, spelling) {
  return {
    begin: `${YAML_LINE}([ \\t]+)(${YAML_KEY})[ \\t]*(:)[ \\t]+(?:(![^\\s]*)[ \\t]+)?(${open})`,
    end: close,
    contentName: 'meta.embedded.block.vtl',
    beginCaptures: {
      ...keyCaptures,
      5: { name: `string.quoted.${style}.yaml punctuation.definition.string.begin.yaml` },
    },
    endCaptures: { 0: { name: `string.quoted.${style}.yaml punctuation.definition.string.end.yaml` } },
    patterns: [{ include: `source.vtl#template${spelling.suffix}` }],
  };
}

/** VTL inside the `responseTemplates`/`RequestTemplates` scalars of OpenAPI, SAM and CloudFormation YAML. */
export function yamlInjectionGrammar() {
  return {
    name: 'VTL in API Gateway YAML definitions',
    scopeName: 'apigw-mapping.vtl.injection.yaml',
    injectionSelector: 'L:source.yaml -comment -string',
    patterns: [{ include: '#template-map' }],
    repository: {
      'template-map': {
        // begin/while rather than begin/end: an unclosed `#if(` in one template cannot swallow the file,
        // because every line is checked against the indentation before any nested rule sees it.
        begin: `${YAML_LINE}([ \\t]*)(?:(-)[ \\t]+)?(${TEMPLATE_MAP_KEY})[ \\t]*(:)(?=[ \\t]|$)`,
        while: YAML_DEEPER,
        beginCaptures: {
          2: { name: 'punctuation.definition.block.sequence.item.yaml' },
          3: { name: 'meta.map.key.yaml string.unquoted.plain.out.yaml entity.name.tag.yaml' },
          4: { name: 'punctuation.separator.map.value.yaml' },
        },
        patterns: [
          { include: '#block-template' },
          { include: '#quoted-template' },
          { include: '#single-quoted-template' },
          { include: '#plain-template' },
          { include: 'source.yaml' },
        ],
      },
      'block-template': {
        begin: `${YAML_LINE}([ \\t]+)(${YAML_KEY})[ \\t]*(:)[ \\t]+(?:(![^\\s]*)[ \\t]+)?([|>][0-9+-]*)[ \\t]*(#.*)?$`,
        while: YAML_DEEPER,
        contentName: 'meta.embedded.block.vtl',
        beginCaptures: {
          ...keyCaptures,
          5: { name: 'keyword.control.flow.block-scalar.literal.yaml' },
          6: { name: 'comment.line.number-sign.yaml' },
        },
        patterns: [{ include: 'source.vtl' }],
      },
      'quoted-template': quotedTemplate('"', '"', 'double', ESCAPED),
      'single-quoted-template': quotedTemplate("'", "'(?!')", 'single', YAML_SINGLE_QUOTED),
      'plain-template': {
        // A plain scalar cannot start with an indicator; ` #` would start a YAML comment.
        begin: `${YAML_LINE}([ \\t]+)(${YAML_KEY})[ \\t]*(:)[ \\t]+(?:(![^\\s]*)[ \\t]+)?(?=[^\\s'"|>#\\[{&*!%@\x60,])`,
        end: '$|(?=[ \\t]+#)',
        contentName: 'meta.embedded.block.vtl',
        beginCaptures: keyCaptures,
        patterns: [{ include: 'source.vtl#template-yaml-plain' }],
      },
    },
  };
}

const outputs = {
  'vtl.tmLanguage.json': vtlGrammar,
  'vtl-json-injection.tmLanguage.json': jsonInjectionGrammar,
  'vtl-yaml-injection.tmLanguage.json': yamlInjectionGrammar,
};

function render(make) {
  return JSON.stringify(make(), null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, make] of Object.entries(outputs)) {
    const path = join(here, file);
    const text = render(make);
    if (!check) writeFileSync(path, text);
    else if (readFileSync(path, 'utf8') !== text) {
      console.error(`${file} is out of date: run node syntaxes/build.mjs`);
      stale++;
    }
  }
  process.exit(stale ? 1 : 0);
}
