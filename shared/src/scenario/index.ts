export type {
  ExpectationFailure,
  ExpectationKey,
  ExpectedHeaderValue,
  Scenario,
  ScenarioExpectation,
  ScenarioMethodSource,
  ScenarioProblem,
} from './types';
export { parseScenario } from './parseScenario';
export { compareExpectation } from './compareExpectation';
export { simulationResultToJson, type SimulationResultJson } from './resultJson';
export { resolveScenarioOperation, type LoadedDefinition } from './resolveOperation';
export { checkScenario, scenarioApiSettings, simulateScenario } from './runScenario';
