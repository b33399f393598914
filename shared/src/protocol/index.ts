export * from './lsp';
export * from './preview';
export * from './sample';
export * from './bodyFormat';
export * from './resultView';
export * from './scenarioFile';
