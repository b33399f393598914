export * from './types';
export { operationFromGetMethodNode } from './getMethod';
