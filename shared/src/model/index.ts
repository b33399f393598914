export * from './types';
export { operationFromGetMethodNode } from './getMethod';
export { parseApiDocument } from './parseApiDocument';
