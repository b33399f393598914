/**
 * The one model every definition format is read into. Every node keeps where it was written, so
 * diagnostics, hovers and the preview's "jump to definition" land on the exact characters.
 * Offsets are UTF-16 code-unit offsets into the document text; ranges are half-open.
 */

export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * One piece of a decoded string that maps to one piece of the document. Decoded text and source
 * differ in length where escapes (`\"`, `\n`, `\u0041`), YAML folding/indentation or `!Sub`'s
 * `${!Literal}` were undone; each side's length is kept so offsets map both ways.
 */
export interface Segment {
  /** Offset in the decoded text. */
  text: number;
  textLength: number;
  /** Offset in the document. */
  doc: number;
  docLength: number;
}

/** A string whose decoded value differs from its source characters (a template, a regex). */
export interface EmbeddedText {
  text: string;
  /** Sorted by `text`; together they cover the decoded text. */
  segments: Segment[];
  /** The whole scalar in the document, quotes or block header included. */
  range: OffsetRange;
  /**
   * Set when the map is only proportional over the whole scalar (the source could not be decoded
   * character by character); offsets inside are then approximate.
   */
  approximate?: boolean;
}

/** How a scalar was written, where that matters to a diagnostic (a YAML `SelectionPattern: 404`). */
export type ScalarType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'intrinsic';

/** A value read from a definition, with where it was written. */
export interface Sourced<T> {
  value: T;
  range: OffsetRange;
  scalarType?: ScalarType;
  /**
   * Set when the value is a CloudFormation intrinsic (`!Ref X`, `Fn::Sub`, `!If …`) that cannot be
   * resolved statically: `value` then holds the best textual stand-in (for `!Sub`, the template
   * string itself) and this field names the intrinsic, so the value stays visible as such.
   */
  intrinsic?: string;
}

/** A string value whose decoded text maps back into the document character by character. */
export interface SourcedText extends Sourced<string> {
  embedded: EmbeddedText;
}

export type DefinitionKind =
  | 'openapi2'
  | 'openapi3'
  | 'cloudformation'
  | 'get-method'
  | 'scenario'
  | 'vtl'
  | 'unknown';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Problem {
  code: string;
  message: string;
  severity: Severity;
  range: OffsetRange;
}

export interface ApiDocument {
  fileName: string;
  kind: DefinitionKind;
  format: 'json' | 'yaml' | 'vtl';
  text: string;
  operations: Operation[];
  /** Syntax errors and structural problems found while reading (never thrown). */
  problems: Problem[];
}

/** The API-wide settings an operation needs to be simulated. */
export interface ApiSettings {
  /** Display name: the OpenAPI title or the CloudFormation logical id of the RestApi. */
  name?: string;
  binaryMediaTypes: Sourced<string>[];
}

export interface Operation {
  /** `GET /pets/{petId}`; `ANY` for `x-amazon-apigateway-any-method`. Unique within a document. */
  key: string;
  httpMethod: string;
  /** The resource path; for CloudFormation resolved through `AWS::ApiGateway::Resource` parents. */
  path: string;
  /** The whole operation node. */
  range: OffsetRange;
  /** The method key (`get:`) or the CloudFormation logical id, for symbols and code lenses. */
  nameRange: OffsetRange;
  /** CloudFormation logical id of the `AWS::ApiGateway::Method`, where there is one. */
  logicalId?: string;
  api: ApiSettings;
  integration?: Integration;
  methodResponses: MethodResponse[];
}

export type IntegrationType = 'HTTP' | 'HTTP_PROXY' | 'AWS' | 'AWS_PROXY' | 'MOCK';

export interface Integration {
  range: OffsetRange;
  /** Upper-cased as API Gateway stores it (OpenAPI writes `aws_proxy`). */
  type?: Sourced<string>;
  uri?: Sourced<string>;
  httpMethod?: Sourced<string>;
  /** Upper-cased as API Gateway stores it (OpenAPI writes `when_no_match`). */
  passthroughBehavior?: Sourced<string>;
  contentHandling?: Sourced<string>;
  requestTemplates: Template[];
  /** `integration.request.header.X` ← `method.request.…` or a static value, in definition order. */
  requestParameters?: ParameterMapping[];
  /** In definition order. */
  responses: IntegrationResponse[];
}

export interface IntegrationResponse {
  range: OffsetRange;
  /** OpenAPI: the key under `responses` (a regex, or `default`). Absent in other formats. */
  key?: SourcedText;
  statusCode?: Sourced<string>;
  /**
   * The pattern as API Gateway stores it: OpenAPI's key (absent for `default`), or the
   * `SelectionPattern`/`selectionPattern` property. Absent or empty means the default response.
   */
  selectionPattern?: SourcedText;
  responseParameters: ParameterMapping[];
  responseTemplates: Template[];
  contentHandling?: Sourced<string>;
}

export interface ParameterMapping {
  /** `method.response.header.X` (responses) or `integration.request.header.X` (requests). */
  target: Sourced<string>;
  /** `integration.response.header.X`, `'static'`, `context.requestId`, … */
  source: Sourced<string>;
}

export interface Template {
  range: OffsetRange;
  contentType: Sourced<string>;
  /** `null` for an empty or null template, which API Gateway treats as passthrough. */
  text: SourcedText | null;
}

export interface MethodResponse {
  range: OffsetRange;
  statusCode: Sourced<string>;
  /** Declared header names (without `method.response.header.`), with the `required` flag. */
  headers: { name: Sourced<string>; required: boolean }[];
  /** Content types of the declared response models. */
  contentTypes: Sourced<string>[];
}
