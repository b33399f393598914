import type { IntegrationResponse, Template } from '../model/types';
import { firstAcceptedType } from './headers';
import type { TraceRecorder } from './trace';
import type { HeaderLine } from './types';

/**
 * Chooses the response template by the request's Accept (SEMANTICS 7, D-MAP): the key equal to the
 * first Accept media type, else `application/json`, else the first template.
 *
 * Open question (SEMANTICS 16.3): AWS does not say which template is "first"; definition order is used
 * and a warning is given whenever that fallback picks among several templates. Only the first Accept
 * media type is used (inferred from the binary rules; LocalStack uses the last Accept line).
 * Returns undefined when there is no template (passthrough).
 */
export function selectResponseTemplate(response: IntegrationResponse, requestHeaders: readonly HeaderLine[], trace: TraceRecorder): Template | undefined {
  const templates = response.responseTemplates;
  const accept = firstAcceptedType(requestHeaders);
  if (templates.length === 0) {
    trace.step('template', 'no response templates: the payload passes through', response.range);
    return undefined;
  }
  const wanted = accept ?? 'application/json';
  const keyOf = (t: Template) => t.contentType.value.trim().toLowerCase();
  const exact = templates.find((t) => keyOf(t) === wanted);
  if (exact) {
    trace.step('template', `Accept ${accept ?? 'absent (read as application/json)'} selects template ${exact.contentType.value}`, exact.contentType.range);
    return exact;
  }
  const json = templates.find((t) => keyOf(t) === 'application/json');
  if (json) {
    trace.step('template', `no template for Accept ${accept}: the application/json template is used`, json.contentType.range);
    return json;
  }
  const first = templates[0];
  if (templates.length > 1) {
    trace.warn(
      'ambiguous-template-fallback',
      `no template for Accept ${accept ?? 'application/json'} and none for application/json: API Gateway uses "the first" template, taken here in definition order (${first.contentType.value}); AWS does not define that order`,
      first.contentType.range,
    );
  }
  trace.step('template', `no template for Accept ${accept ?? 'application/json'}: the first template ${first.contentType.value} is used`, first.contentType.range);
  return first;
}
