import type { IntegrationResponse, MethodResponse, OffsetRange, Operation, Sourced } from '../../model/types';
import { parseResponseParameterExpression } from '../../apigw/index';
import type { IntegrationKind } from '../../pipeline/integrationKind';
import { integrationKindOfOperation, isProxyKind, type MappingDocument } from '../mappingDocument';
import { MAPPING_RULES } from '../rules';
import type { MappingProblem } from '../types';
import { declareMethodResponse, declareResponseHeader } from './declarations';
import { checkPatterns, type PatternStudy } from './patternRules';
import { isDefaultIntegrationResponse, selectionSubject, statusOf } from '../responseFacts';

const CONTENT_HANDLING = ['CONVERT_TO_TEXT', 'CONVERT_TO_BINARY'];
const HEADER_TARGET = /^method\.response\.header\.([!#$%&'*+.^_`|~0-9A-Za-z-]+)$/;

/** Every problem of the operations of a document: responses, patterns, parameters, content handling. */
export function checkOperations(document: MappingDocument, study: PatternStudy): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const operation of document.api.operations) {
    const integration = operation.integration;
    if (!integration) continue;
    const kind = integrationKindOfOperation(operation);
    checkContentHandling(integration.contentHandling, problems);
    for (const response of integration.responses) checkContentHandling(response.contentHandling, problems);
    if (isProxyKind(kind)) {
      checkProxy(operation, problems);
      continue;
    }
    for (const response of operation.methodResponses) {
      // OpenAPI's `default` response is documentation API Gateway's import skips.
      if (response.statusCode.value !== 'default') checkStatusRange(response.statusCode, problems);
    }
    for (const response of integration.responses) {
      if (response.statusCode) checkStatusRange(response.statusCode, problems);
      const declared = checkDeclaredStatus(document, operation, response, problems);
      checkParameters(document, response, declared, problems);
    }
    if (kind !== undefined) checkDefaults(operation, kind, problems);
    checkPatterns(document, operation, kind, study, problems);
  }
  return problems;
}

function isResolved(value: Sourced<string> | undefined): value is Sourced<string> {
  return value !== undefined && value.intrinsic === undefined;
}

function checkContentHandling(value: Sourced<string> | undefined, problems: MappingProblem[]): void {
  if (!isResolved(value) || CONTENT_HANDLING.includes(value.value)) return;
  const near = CONTENT_HANDLING.find((c) => c === value.value.toUpperCase().replace(/[\s-]/g, '_'));
  problems.push({
    ...MAPPING_RULES.invalidContentHandling,
    range: value.range,
    message: `contentHandling must be CONVERT_TO_TEXT or CONVERT_TO_BINARY (or left out to pass the payload through), not \`${value.value}\`: API Gateway rejects the definition.`,
    fixes: near ? [{ title: `Change to ${near}`, edits: [{ range: value.range, newText: near }], preferred: true }] : undefined,
  });
}

function checkProxy(operation: Operation, problems: MappingProblem[]): void {
  const integration = operation.integration!;
  const type = integration.type?.value ?? '';
  for (const response of integration.responses) {
    problems.push({
      ...MAPPING_RULES.ignoredOnProxy,
      range: response.statusCode?.range ?? response.range,
      message: `${type} is a proxy integration: API Gateway passes the backend's response through and ignores integration responses, their patterns, parameters and templates. Remove them, or use a non-proxy integration.`,
    });
  }
  for (const template of integration.requestTemplates) {
    problems.push({
      ...MAPPING_RULES.ignoredOnProxy,
      range: template.contentType.range,
      message: `${type} is a proxy integration: the request is passed through and this request template is not used.`,
    });
  }
}

function checkStatusRange(status: Sourced<string>, problems: MappingProblem[]): void {
  if (!isResolved(status) || /^[1-5]\d\d$/.test(status.value)) return;
  problems.push({
    ...MAPPING_RULES.statusRange,
    range: status.range,
    message: `\`${status.value}\` is not an HTTP status code API Gateway accepts: use three digits from 100 to 599.`,
  });
}

/** The method response the integration response maps to, or undefined after reporting that none exists. */
function checkDeclaredStatus(document: MappingDocument, operation: Operation, response: IntegrationResponse, problems: MappingProblem[]): MethodResponse | undefined {
  const status = response.statusCode;
  if (!isResolved(status)) return undefined;
  const declared = operation.methodResponses.find((m) => m.statusCode.value === status.value);
  if (declared || operation.methodResponses.some((m) => m.statusCode.intrinsic !== undefined)) return declared;
  const edit = declareMethodResponse(document.api, operation, status.value);
  problems.push({
    ...MAPPING_RULES.undeclaredStatus,
    range: status.range,
    message: `No method response declares status ${status.value}: when this integration response is selected, API Gateway answers 500 ("Output mapping refers to an invalid method response"). Declare a ${status.value} method response.`,
    fixes: edit ? [{ title: `Declare a ${status.value} method response`, edits: [edit], preferred: true }] : undefined,
  });
  return undefined;
}

function checkDefaults(operation: Operation, kind: IntegrationKind, problems: MappingProblem[]): void {
  const integration = operation.integration!;
  const defaults = integration.responses.filter(isDefaultIntegrationResponse);
  const anchor = integration.type?.range ?? operation.nameRange;
  if (integration.responses.length === 0) {
    problems.push({
      ...MAPPING_RULES.noDefault,
      range: anchor,
      message: 'This integration has no integration responses: every call answers 500 ("No match for output mapping and no default output mapping configured"). Add a default response (one without selectionPattern).',
    });
    return;
  }
  if (defaults.length === 0) {
    const patterns = integration.responses.map((r) => `\`${r.selectionPattern?.value}\` → ${statusOf(r)}`).join(', ');
    problems.push({
      ...MAPPING_RULES.noDefault,
      range: anchor,
      message: `No default integration response: when ${selectionSubject(kind)} matches none of ${patterns}${kind === 'lambda' ? ' (and on every success)' : ''}, API Gateway answers 500. Add a response without selectionPattern.`,
    });
  }
  for (const extra of defaults.slice(1)) {
    problems.push({
      ...MAPPING_RULES.severalDefaults,
      range: extra.statusCode?.range ?? extra.range,
      message: `More than one default integration response (${defaults.map(statusOf).join(', ')}): API Gateway keeps only one and which is not documented. Give this one a selectionPattern or remove it.`,
    });
  }
}

/** Offset of `value` inside the scalar written at `range` (past a quote when quoted). */
function valueOffset(text: string, value: Sourced<string>): number {
  const written = text.slice(value.range.start, value.range.end);
  return written === value.value ? value.range.start : written.slice(1, -1) === value.value ? value.range.start + 1 : -1;
}

function rangeInValue(text: string, value: Sourced<string>, start: number, end: number): OffsetRange {
  const at = valueOffset(text, value);
  return at < 0 ? value.range : { start: at + start, end: at + Math.max(end, start) };
}

function checkParameters(document: MappingDocument, response: IntegrationResponse, declared: MethodResponse | undefined, problems: MappingProblem[]): void {
  const text = document.text;
  for (const mapping of response.responseParameters) {
    const { target, source } = mapping;
    const header = HEADER_TARGET.exec(target.value);
    if (!header) {
      problems.push({
        ...MAPPING_RULES.invalidTarget,
        range: target.range,
        message: `\`${target.value}\` is not a response parameter API Gateway can set: write \`method.response.header.<Name>\`.`,
      });
    } else if (declared && !declared.headers.some((h) => h.name.value === header[1])) {
      const edit = declareResponseHeader(document.api, declared, header[1]);
      problems.push({
        ...MAPPING_RULES.undeclaredHeader,
        range: target.range,
        message: `The ${declared.statusCode.value} method response does not declare header ${header[1]}: API Gateway rejects the mapping ("Invalid mapping expression specified"). Declare it on the method response.`,
        fixes: edit ? [{ title: `Declare header ${header[1]} on the ${declared.statusCode.value} method response`, edits: [edit], preferred: true }] : undefined,
      });
    }
    if (source.intrinsic !== undefined) continue;
    for (const problem of parseResponseParameterExpression(source.value).problems) {
      problems.push({ code: problem.code, severity: problem.severity, message: problem.message, range: rangeInValue(text, source, problem.start, problem.end) });
    }
  }
}
