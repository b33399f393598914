// The tolerant VTL parser: syntax tree with offsets, problems, navigation, and velocityjs lowering.
export type * from './ast';
export { VTL_PARSE_CODES, type VtlParseCode } from './problems';
export { parseVtl, type VtlParseResult } from './parse';
export { parseVtlCached, toVelocityjsAstCached, type VelocityjsParse } from './cache';
export { findNodeAt, collectSetVariables, type VtlAssignedVariable } from './navigate';
export { toVelocityjsAst, type VelocityjsNode, type VelocityjsObject, type VelocityjsPosition } from './lower';
export { walkVtl, childrenOf as vtlChildren } from './walk';
