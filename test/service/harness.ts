// Shared by the service tests: documents written with markers, so ranges and carets are where they appear.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService, type MappingLanguageService } from '../../shared/src/index';

export interface Marked {
  text: string;
  /** `⟦…⟧` ranges, in order of their opening marker. */
  ranges: { start: number; end: number }[];
  /** Where `‸` was, or -1. */
  caret: number;
}

/** Strips `⟦`, `⟧` and `‸` from a document and says where they were. */
export function marked(source: string): Marked {
  let text = '';
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  let caret = -1;
  for (const char of source) {
    if (char === '⟦') open.push(ranges.push({ start: text.length, end: -1 }) - 1);
    else if (char === '⟧') ranges[open.pop() as number].end = text.length;
    else if (char === '‸') caret = text.length;
    else text += char;
  }
  return { text, ranges, caret };
}

/** A document for the service; the language id does not matter to it, the name does. */
export function documentOf(fileName: string, text: string, version = 1): TextDocument {
  return TextDocument.create(`file:///work/${fileName}`, fileName.endsWith('.json') ? 'json' : 'yaml', version, text);
}

/** A fresh service per call, so no test depends on another's cache. */
export function freshService(): MappingLanguageService {
  return createLanguageService();
}

/** A Lambda function's invocation URI, which makes an AWS integration a Lambda one. */
export const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:pets/invocations';

function indent(lines: string, by: string): string {
  return lines.replace(/^/gm, by);
}

/** An OpenAPI 3 YAML `GET /pets` with the given integration lines and method responses (both unindented). */
export function openApiYaml(integration: string, methodResponses = '"200":\n  description: ok'): string {
  return `openapi: 3.0.1
info:
  title: pets
  version: "1"
paths:
  /pets:
    get:
      responses:
${indent(methodResponses, '        ')}
      x-amazon-apigateway-integration:
${indent(integration, '        ')}
`;
}

/** A CloudFormation YAML method with the given `Integration` lines and `MethodResponses` lines (both unindented). */
export function cloudFormationYaml(integration: string, methodResponses = '- StatusCode: 200'): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: pets
  Method:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: NONE
      Integration:
${indent(integration, '        ')}
      MethodResponses:
${indent(methodResponses, '        ')}
`;
}
