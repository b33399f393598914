export * from './problem';
export * from './parser/index';
export * from './render/index';
