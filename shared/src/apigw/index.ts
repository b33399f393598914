// API Gateway's template helpers ($util, $input, $context) and response-parameter sources, as pure functions.
export * from './javaStrings';
export * from './javaDoubleText';
export * from './javaJson';
export * from './jsonPathSyntax';
export * from './jsonPath';
export * from './inputPayload';
export * from './context';
export * from './catalog';
export * from './responseParameters';
