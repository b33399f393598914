// The VTL renderer: API Gateway's Java Velocity over velocityjs, sandboxed and bounded.
export { renderTemplate, type TemplateInput, type RenderResult } from './renderTemplate';
export { DEFAULT_RENDER_LIMITS, type RenderLimits } from './limits';
export { parseForRender, type ParsedTemplate, type RenderNode } from './parseForRender';
