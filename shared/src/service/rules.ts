import type { Severity } from '../model/types';

/**
 * The problems the service finds itself (the parsers' own codes, such as `json-syntax`,
 * `vtl-unclosed-block` or `regex-syntax`, pass through unchanged). Codes are stable: settings and
 * documentation refer to them.
 */
export const MAPPING_RULES = {
  unknownMember: { code: 'vtl-unknown-member', severity: 'warning' },
  wrongArgumentCount: { code: 'vtl-argument-count', severity: 'warning' },
  escapeJavaScriptQuote: { code: 'vtl-escape-javascript-quote', severity: 'warning' },
  quotedInputJson: { code: 'vtl-quoted-input-json', severity: 'warning' },
  printsJavaObject: { code: 'vtl-prints-java-object', severity: 'warning' },
  overrideStatus: { code: 'vtl-override-status', severity: 'error' },
  overrideTwice: { code: 'vtl-override-twice', severity: 'error' },
  overrideInRequest: { code: 'vtl-override-in-request', severity: 'warning' },
  undeclaredStatus: { code: 'response-undeclared-status', severity: 'error' },
  noDefault: { code: 'response-no-default', severity: 'warning' },
  severalDefaults: { code: 'response-several-defaults', severity: 'warning' },
  statusRange: { code: 'response-status-range', severity: 'error' },
  ignoredOnProxy: { code: 'response-ignored-on-proxy', severity: 'warning' },
  invalidContentHandling: { code: 'content-handling-invalid', severity: 'error' },
  unreachablePattern: { code: 'pattern-unreachable', severity: 'warning' },
  patternNotStatus: { code: 'pattern-cannot-match-status', severity: 'warning' },
  statusPatternOnLambda: { code: 'pattern-status-on-lambda', severity: 'warning' },
  bracketClass: { code: 'pattern-bracket-class', severity: 'warning' },
  dotMissesNewline: { code: 'pattern-dot-newline', severity: 'information' },
  deepRecursion: { code: 'pattern-deep-recursion', severity: 'information' },
  wholeString: { code: 'pattern-whole-string', severity: 'information' },
  numericPattern: { code: 'pattern-yaml-number', severity: 'warning' },
  invalidTarget: { code: 'parameter-invalid-target', severity: 'error' },
  undeclaredHeader: { code: 'parameter-undeclared-header', severity: 'error' },
} as const satisfies Record<string, { code: string; severity: Severity }>;

export type MappingRule = (typeof MAPPING_RULES)[keyof typeof MAPPING_RULES];
