// The engine's public surface: the command line, the language server and the tests import from here.
export * from './model/index';
export * from './documents/index';
export * from './regex/index';
export * from './vtl/index';
export * from './apigw/index';
export * from './pipeline/index';
export * from './scenario/index';
export * from './service/index';
export * from './protocol/index';
