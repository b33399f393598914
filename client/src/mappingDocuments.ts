/**
 * Which documents the product works on, decided from the document alone and cheaply: the language
 * server is started only once one of them is open, so ordinary JSON and YAML cost nothing.
 */

/** The context key that menus use to show the preview command only where it applies. */
export const MAPPING_DOCUMENT_CONTEXT_KEY = 'apigwMapping.isMappingDocument';

/** Languages the language server reads; JSON and YAML only when their content says they are ours. */
export const MAPPING_LANGUAGES = ['json', 'jsonc', 'yaml', 'vtl'] as const;

/**
 * Words that appear in an API Gateway definition and in no ordinary JSON or YAML file: OpenAPI's
 * extension, CloudFormation/SAM resource types, and the `get-method` output's integration keys.
 */
const DEFINITION_MARKER = /x-amazon-apigateway-integration|AWS::ApiGateway::|AWS::Serverless::Api|"methodIntegration"|[Rr](?:esponse|equest)Templates/;

/** A definition states what it is near the top; a larger prefix only costs time on large unrelated files. */
const SCANNED_PREFIX_LENGTH = 256 * 1024;

/** The parts of a text document the check reads (a `vscode.TextDocument` fits). */
export interface DocumentLike {
  languageId: string;
  fileName: string;
  getText(): string;
}

/** Whether the document is an API definition, a scenario or a VTL template. */
export function isMappingDocument(document: DocumentLike): boolean {
  if (document.languageId === 'vtl') return true;
  if (!(MAPPING_LANGUAGES as readonly string[]).includes(document.languageId)) return false;
  if (/\.scenario\.json$/i.test(document.fileName)) return true;
  return DEFINITION_MARKER.test(document.getText().slice(0, SCANNED_PREFIX_LENGTH));
}
