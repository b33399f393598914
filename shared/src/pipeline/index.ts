/**
 * The integration-response pipeline (SEMANTICS 1 and 15), one file per step in API Gateway's order:
 * `requestConversion` (inside `requestTemplate`) → `requestTemplate` → `endpointResponse`/`mockResponse` → `selectionValue` → `selectResponse` →
 * method-response check (`simulate`) → `contentConversion` → `responseParameters` → `responseTemplate`
 * (+ `templateRendering`) → `responseOverride` → `finalHeaders`; proxies: `lambdaProxy`, HTTP proxy in
 * `simulate`. Each step appends a trace entry with a range into the definition.
 *
 * Where API Gateway's behaviour is not known (SEMANTICS 16), the pipeline makes a documented choice
 * and says so in the result's `warnings`:
 * - 16.1 several matching patterns: ascending statusCode, first match (`several-patterns-match`);
 *   several defaults: the first in definition order (`several-default-responses`).
 * - 16.2 a successful Lambda payload with `errorMessage` is matched as "" (`success-payload-error-message`).
 * - 16.3 template fallback: definition order, first Accept media type (`ambiguous-template-fallback`).
 * - 16.8 an override status that is not an integer in 100–599 is ignored (`override-status-ignored`).
 * - 16.9 Content-Type is not derived from the method-response model (`content-type-from-model`).
 * - 16.10 a mapped header the method response does not declare is still set (`undeclared-response-header`).
 * - A Lambda proxy `body` that is not a string is a 502, as LocalStack's validator has it (`proxy-body-not-string`).
 * - Request side (D-CONV request table): a request template on a body that is still binary is a 500
 *   (`request-template-binary-body`); a text request body that is not UTF-8 is read with U+FFFD
 *   (`request-body-not-utf8`); an unknown contentHandling counts as unset (`unknown-content-handling`).
 * (16.4–16.7 concern `$input`, `$util`, Velocity and header sources: see the vtl and apigw modules.)
 */
export type {
  BackendSample,
  GatewayError,
  GatewayErrorType,
  HeaderLine,
  PipelineProblem,
  PipelineStep,
  PipelineWarning,
  SimulationInputs,
  SimulationRequest,
  SimulationResult,
  TraceEntry,
} from './types';
export { simulate } from './simulate';
