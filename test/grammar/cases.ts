// What the grammars must do, as data: the unit tests run these against the JSON and YAML grammars of
// the tm-grammars package, and the end-to-end suite runs the injection cases against the grammars
// of the VS Code it starts, so a change in VS Code's own YAML grammar is caught there.
import type { ScopeExpectation } from './textmate';

export interface GrammarCase {
  name: string;
  /** The root scope the text is tokenised with: `source.vtl`, `source.json`, `source.yaml`. */
  scope: string;
  source: string;
  expect: ScopeExpectation[];
}

const NOT_VTL = 'variable.other.reference.vtl';

export const vtlCases: GrammarCase[] = [
  {
    name: 'directives, references, method calls and literals',
    scope: 'source.vtl',
    source: [
      `#set($pet = $input.path('$'))`,
      `#if($pet.kind == "cat" && $count > 2.5 || !$flag)`,
      `  {"id": "$pet.id", "n": $util.escapeJavaScript($pet.name).length()}`,
      `#elseif($list[0] eq 'x')`,
      `#{else}`,
      `#end`,
      `#foreach($item in [1..3])$item#end`,
      `$context.responseOverride.status $a.b-c`,
    ].join('\n'),
    expect: [
      { at: '#set', scope: 'punctuation.definition.directive.vtl' },
      { at: 'set(', scope: 'keyword.control.directive.vtl' },
      { at: 'pet =', scope: 'variable.other.reference.vtl' },
      { at: '$pet', scope: 'punctuation.definition.variable.vtl' },
      { at: '=', scope: 'keyword.operator.assignment.vtl' },
      { at: 'input', scope: 'variable.language.vtl' },
      { at: 'path(', scope: 'entity.name.function.member.vtl' },
      { at: "'$'", scope: 'string.quoted.single.vtl' },
      { at: 'if(', scope: 'keyword.control.directive.vtl' },
      { at: 'kind', scope: 'variable.other.property.vtl' },
      { at: '==', scope: 'keyword.operator.comparison.vtl' },
      { at: '"cat"', scope: 'string.quoted.double.vtl' },
      { at: '&&', scope: 'keyword.operator.logical.vtl' },
      { at: '2.5', scope: 'constant.numeric.decimal.vtl' },
      { at: '||', scope: 'keyword.operator.logical.vtl' },
      { at: '!$flag', scope: 'keyword.operator.logical.vtl' },
      // Template text between directives is output, not VTL strings.
      { at: '{"id"', not: 'string' },
      { at: '"id"', not: 'string' },
      { at: 'id"', nth: 2, scope: 'variable.other.property.vtl' },
      { at: 'util', scope: 'variable.language.vtl' },
      { at: 'escapeJavaScript', scope: 'entity.name.function.member.vtl' },
      { at: 'length', scope: 'entity.name.function.member.vtl' },
      { at: 'elseif', scope: 'keyword.control.directive.vtl' },
      { at: '0]', scope: 'constant.numeric.integer.vtl' },
      { at: '[0', scope: 'punctuation.section.brackets.begin.vtl' },
      { at: 'eq', scope: 'keyword.operator.comparison.vtl' },
      { at: '{else}', scope: 'keyword.control.directive.vtl' },
      { at: 'end', scope: 'keyword.control.directive.vtl' },
      { at: 'in [', scope: 'keyword.operator.in.vtl' },
      { at: '..', scope: 'keyword.operator.range.vtl' },
      { at: 'item#end', scope: 'variable.other.reference.vtl' },
      { at: 'end', nth: 2, scope: 'keyword.control.directive.vtl' },
      { at: 'responseOverride', scope: 'variable.other.property.vtl' },
      { at: 'status', scope: 'variable.other.property.vtl' },
      // Velocity 1.7 identifiers may contain hyphens.
      { at: 'b-c', scope: 'variable.other.property.vtl' },
    ],
  },
  {
    name: 'comments, escapes, formal and quiet references, unparsed blocks',
    scope: 'source.vtl',
    source: [
      `## a line comment $notRef`,
      `#* a block`,
      `   comment #if( *# after`,
      `#** documentation *#`,
      `\${input.body} $!{missing} $!quiet \\$escaped \\#if`,
      `#[[ $raw #if( ]]#`,
      `"color": "#ff0000 (red)", "hash": "#notAMacro"`,
      `#@bodyMacro()#end #custom($a, "b")`,
      `#set($s = "He said ""hi""")`,
    ].join('\n'),
    expect: [
      { at: '## a line', scope: 'comment.line.double-number-sign.vtl' },
      { at: '$notRef', scope: 'comment.line.double-number-sign.vtl' },
      { at: '$notRef', not: NOT_VTL },
      { at: 'a block', scope: 'comment.block.vtl' },
      { at: '#if( *#', scope: 'comment.block.vtl' },
      { at: 'after', not: 'comment' },
      { at: 'documentation', scope: 'comment.block.documentation.vtl' },
      { at: '{input', scope: 'punctuation.section.braces.begin.vtl' },
      { at: 'input.body', scope: 'variable.language.vtl' },
      { at: 'body}', scope: 'variable.other.property.vtl' },
      { at: 'missing', scope: 'variable.other.reference.vtl' },
      { at: '$!quiet', scope: 'punctuation.definition.variable.vtl' },
      { at: 'quiet', scope: 'variable.other.reference.vtl' },
      { at: '\\$escaped', scope: 'constant.character.escape.vtl' },
      { at: 'escaped', not: NOT_VTL },
      { at: '\\#if', scope: 'constant.character.escape.vtl' },
      { at: 'if', nth: 3, not: 'keyword' },
      { at: ' $raw', scope: 'string.unquoted.unparsed.vtl' },
      { at: 'raw', not: NOT_VTL },
      { at: '#ff0000', not: 'entity' },
      { at: '#notAMacro', not: 'entity' },
      { at: 'bodyMacro', nth: 1, scope: 'entity.name.function.macro.vtl' },
      { at: '@bodyMacro', scope: 'entity.name.function.macro.vtl' },
      { at: 'custom', scope: 'entity.name.function.macro.vtl' },
      { at: ', "b"', scope: 'punctuation.separator.comma.vtl' },
      { at: '""hi', scope: 'constant.character.escape.vtl' },
      { at: 'hi""', scope: 'string.quoted.double.vtl' },
      { at: 'said', scope: 'string.quoted.double.vtl' },
    ],
  },
  {
    name: 'a macro definition names the macro; arguments read as expressions over several lines',
    scope: 'source.vtl',
    source: [
      `#macro(greet $who $times)`,
      `Hello $who#end`,
      `#set($map = {"a": 1,`,
      `  "b": [true, false, null]})`,
      `after $map`,
    ].join('\n'),
    expect: [
      { at: 'macro', scope: 'keyword.control.directive.vtl' },
      { at: 'greet', scope: 'entity.name.function.macro.vtl' },
      { at: 'who ', scope: 'variable.other.reference.vtl' },
      { at: '{"a"', scope: 'punctuation.section.braces.begin.vtl' },
      { at: '"a"', scope: 'string.quoted.double.vtl' },
      { at: ': 1', scope: 'punctuation.separator.key-value.vtl' },
      { at: '"b"', scope: 'string.quoted.double.vtl' },
      { at: 'true', scope: 'constant.language.boolean.vtl' },
      { at: 'null', scope: 'constant.language.null.vtl' },
      { at: 'after', not: 'meta.directive' },
      { at: 'map', nth: 2, scope: 'variable.other.reference.vtl' },
    ],
  },
];

export const injectionCases: GrammarCase[] = [
  {
    name: 'JSON: templates in OpenAPI responseTemplates and requestTemplates strings',
    scope: 'source.json',
    source: `{
  "x-amazon-apigateway-integration": {
    "requestTemplates": {
      "application/json": "{\\"petId\\": \\"$input.params('petId')\\"}"
    },
    "responses": {
      "default": {
        "statusCode": "200",
        "responseTemplates": {
          "application/json": "#set($pet = $input.path('$'))\\n#if($pet.kind == \\"cat\\")meow#end ## note\\n{\\"id\\": \\"$pet.id\\"}",
          "text/plain": null
        },
        "responseParameters": { "method.response.header.X": "'$notATemplate'" }
      }
    },
    "description": "$notATemplate #if($x)"
  }
}`,
    expect: [
      { at: 'requestTemplates', scope: 'support.type.property-name.json' },
      { at: 'application/json', scope: 'support.type.property-name.json' },
      { at: '{\\"petId', scope: 'meta.embedded.block.vtl' },
      { at: '\\"petId', scope: 'constant.character.escape.json' },
      { at: 'params', scope: 'entity.name.function.member.vtl' },
      { at: "'petId'", scope: 'string.quoted.single.vtl' },
      { at: 'statusCode', scope: 'support.type.property-name.json' },
      { at: '"200"', scope: 'string.quoted.double.json' },
      { at: 'set(', scope: 'keyword.control.directive.vtl' },
      { at: 'path(', scope: 'entity.name.function.member.vtl' },
      { at: '\\n#if', scope: 'constant.character.escape.json' },
      { at: 'if(', scope: 'keyword.control.directive.vtl' },
      { at: '\\"cat\\"', scope: 'string.quoted.double.vtl' },
      { at: 'meow', scope: 'meta.embedded.block.vtl' },
      { at: 'meow', not: 'string' },
      { at: '## note', scope: 'comment.line.double-number-sign.vtl' },
      { at: '\\n{', scope: 'constant.character.escape.json' },
      { at: 'id\\"}', nth: 1, scope: 'variable.other.property.vtl' },
      { at: 'text/plain', scope: 'support.type.property-name.json' },
      { at: 'null', scope: 'constant.language.json' },
      { at: 'responseParameters', scope: 'support.type.property-name.json' },
      { at: 'notATemplate', not: NOT_VTL },
      { at: 'description', scope: 'support.type.property-name.json' },
      { at: 'notATemplate', nth: 2, not: NOT_VTL },
      { at: 'if($x)', not: 'keyword' },
    ],
  },
  {
    name: 'JSON: CloudFormation RequestTemplates and a template value that is not a string',
    scope: 'source.json',
    source: `{"Resources": {"Method": {"Properties": {"Integration": {
  "RequestTemplates": {"application/json": {"Fn::Sub": "{\\"stage\\": \\"\${Stage}\\"}"}},
  "IntegrationResponses": [{"StatusCode": 200, "ResponseTemplates": {"application/json": "$input.body"}}]
}}}}}`,
    expect: [
      { at: 'RequestTemplates', scope: 'support.type.property-name.json' },
      { at: 'Fn::Sub', scope: 'support.type.property-name.json' },
      { at: 'IntegrationResponses', scope: 'support.type.property-name.json' },
      { at: '200', scope: 'constant.numeric.json' },
      { at: 'ResponseTemplates', scope: 'support.type.property-name.json' },
      { at: 'input.body', scope: 'variable.language.vtl' },
      { at: 'body"', scope: 'variable.other.property.vtl' },
    ],
  },
  {
    name: 'YAML: OpenAPI block scalars and double-quoted templates, then ordinary YAML again',
    scope: 'source.yaml',
    source: `paths:
  /pets:
    get:
      x-amazon-apigateway-integration:
        requestTemplates:
          application/json: |
            #set($body = $input.json('$'))
            {"body": $body}
        responses:
          default:
            statusCode: '200'
            responseTemplates:
              application/json: |
                #if($input.path('$.errorMessage') != "")
                  #set($context.responseOverride.status = 500)
                #end
              text/plain: "Hello $input.path('$.name') \\"quoted\\" #if(\\"a\\" == \\"a\\")yes#end"
            responseParameters:
              method.response.header.X-Trace: "'$notATemplate'"
`,
    expect: [
      { at: 'requestTemplates', scope: 'entity.name.tag.yaml' },
      { at: 'set(', scope: 'keyword.control.directive.vtl' },
      { at: 'json(', scope: 'entity.name.function.member.vtl' },
      { at: '{"body"', scope: 'meta.embedded.block.vtl' },
      { at: '"body"', not: 'string' },
      { at: 'body}', scope: 'variable.other.reference.vtl' },
      { at: 'responses', scope: 'entity.name.tag.yaml' },
      { at: 'statusCode', scope: 'entity.name.tag.yaml' },
      { at: 'responseTemplates', scope: 'entity.name.tag.yaml' },
      { at: 'if(', scope: 'keyword.control.directive.vtl' },
      { at: '!=', scope: 'keyword.operator.comparison.vtl' },
      { at: 'responseOverride', scope: 'variable.other.property.vtl' },
      { at: '500', scope: 'constant.numeric.integer.vtl' },
      { at: 'end', scope: 'keyword.control.directive.vtl' },
      { at: 'text/plain', scope: 'entity.name.tag.yaml' },
      { at: 'Hello', scope: 'meta.embedded.block.vtl' },
      { at: 'name', scope: 'meta.embedded.block.vtl' },
      { at: '\\"quoted', scope: 'constant.character.escape.json' },
      { at: '\\"a\\"', scope: 'string.quoted.double.vtl' },
      { at: 'yes', scope: 'meta.embedded.block.vtl' },
      { at: 'responseParameters', scope: 'entity.name.tag.yaml' },
      { at: 'method.response', scope: 'entity.name.tag.yaml' },
      { at: 'notATemplate', not: NOT_VTL },
    ],
  },
  {
    name: 'JSON: an unfinished template ends with its string, and the next template reads normally',
    scope: 'source.json',
    source: `{"responseTemplates": {
  "application/json": "#if($a == \\"x\\" #set($b = [1, {\\"k\\": '",
  "text/plain": "#* open comment",
  "application/xml": "$ok.value"
}, "statusCode": "200"}`,
    expect: [
      { at: 'text/plain', scope: 'support.type.property-name.json' },
      { at: 'application/xml', scope: 'support.type.property-name.json' },
      { at: 'ok.value', scope: 'variable.other.reference.vtl' },
      { at: 'statusCode', scope: 'support.type.property-name.json' },
      { at: '"200"', scope: 'string.quoted.double.json' },
    ],
  },
  {
    name: 'YAML: an unfinished template ends with its block, and the next template reads normally',
    scope: 'source.yaml',
    source: `responses:
  default:
    responseTemplates:
      application/json: |
        #if($a == "x" #set($b = [1, {"k": '
        #* open comment
      text/plain: |
        $ok.value
    statusCode: '200'
`,
    expect: [
      { at: 'text/plain', scope: 'entity.name.tag.yaml' },
      { at: 'ok.value', scope: 'variable.other.reference.vtl' },
      { at: 'statusCode', scope: 'entity.name.tag.yaml' },
      { at: "'200'", not: 'meta.embedded' },
    ],
  },
  {
    name: 'YAML: templates in single-quoted and plain scalars',
    scope: 'source.yaml',
    source: `x-amazon-apigateway-integration:
  responses:
    default:
      responseTemplates:
        application/json: '{"message": "$util.escapeJavaScript($input.path(''$.errorMessage''))"}'
        text/plain: $input.path('$.name') # the name alone
        text/html: '#if($a == ''x'')yes#end'
      statusCode: '200'
`,
    expect: [
      { at: '{"message"', scope: 'meta.embedded.block.vtl' },
      { at: '"message"', not: 'string' },
      { at: 'escapeJavaScript', scope: 'entity.name.function.member.vtl' },
      { at: "''$.errorMessage''", scope: 'string.quoted.single.vtl' },
      { at: 'text/plain', scope: 'entity.name.tag.yaml' },
      { at: 'input.path(\'$.name', scope: 'variable.language.vtl' },
      { at: "'$.name'", scope: 'string.quoted.single.vtl' },
      { at: '# the name', not: 'meta.embedded' },
      { at: 'text/html', scope: 'entity.name.tag.yaml' },
      { at: 'if($a', scope: 'keyword.control.directive.vtl' },
      { at: "''x''", scope: 'string.quoted.single.vtl' },
      { at: 'yes', scope: 'meta.embedded.block.vtl' },
      { at: 'statusCode', scope: 'entity.name.tag.yaml' },
    ],
  },
  {
    name: 'YAML: CloudFormation templates under a tag and in a sequence item',
    scope: 'source.yaml',
    source: `Resources:
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      Integration:
        RequestTemplates:
          application/json: !Sub |
            {"id": "$input.params('id')"}
        IntegrationResponses:
          - ResponseTemplates:
              application/json: "$input.body"
            StatusCode: 200
          - StatusCode: 404
            ResponseTemplates:
              application/xml: |
                <e>$util.escapeJavaScript($input.path('$.errorMessage'))</e>
      AuthorizationType: NONE
`,
    expect: [
      { at: 'RequestTemplates', scope: 'entity.name.tag.yaml' },
      { at: '!Sub', scope: 'storage.type.tag.yaml' },
      { at: 'params', scope: 'entity.name.function.member.vtl' },
      { at: 'IntegrationResponses', scope: 'entity.name.tag.yaml' },
      { at: 'input.body', scope: 'variable.language.vtl' },
      { at: 'StatusCode', scope: 'entity.name.tag.yaml' },
      { at: 'escapeJavaScript', scope: 'entity.name.function.member.vtl' },
      { at: '<e>', scope: 'meta.embedded.block.vtl' },
      { at: 'AuthorizationType', scope: 'entity.name.tag.yaml' },
      { at: 'NONE', not: 'meta.embedded' },
    ],
  },
];
