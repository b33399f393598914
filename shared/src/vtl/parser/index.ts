// The tolerant VTL parser: one parse for the editor and the renderer. `parseVtl` gives a tree with
// offsets on every node and the problems (never throws); `findNodeAt`/`collectSetVariables` serve
// completion and hover; `toVelocityjsAst` lowers the tree to the shape velocityjs's Compile renders.
export type * from './ast';
export { VTL_PARSE_CODES, type VtlParseCode } from './problems';
export { parseVtl, type VtlParseResult } from './parse';
export { parseVtlCached, toVelocityjsAstCached, type VelocityjsParse } from './cache';
export { findNodeAt, collectSetVariables, type VtlAssignedVariable } from './navigate';
export { toVelocityjsAst, BLANKS_DECIDED, type VelocityjsNode, type VelocityjsObject, type VelocityjsPosition } from './lower';
export { walkVtl, childrenOf as vtlChildren } from './walk';
