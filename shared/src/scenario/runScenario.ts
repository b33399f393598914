import type { ApiSettings, Operation } from '../model/types';
import { simulate, type SimulationResult } from '../pipeline/index';
import { compareExpectation } from './compareExpectation';
import type { ExpectationFailure, Scenario } from './types';

/** The API settings a scenario runs with: its own `binaryMediaTypes` win over the definition's. */
export function scenarioApiSettings(scenario: Scenario, operation: Operation): ApiSettings {
  return scenario.binaryMediaTypes ? { ...operation.api, binaryMediaTypes: scenario.binaryMediaTypes } : operation.api;
}

/** Simulates a scenario's request against an operation (the inline method, or the resolved one). */
export function simulateScenario(scenario: Scenario, operation: Operation): SimulationResult {
  return simulate(operation, scenarioApiSettings(scenario, operation), {
    request: scenario.request,
    ...(scenario.backend ? { backend: scenario.backend } : {}),
    stageVariables: scenario.stageVariables,
    context: scenario.context,
  });
}

/** Simulates a scenario and checks its `expect` (no `expect`: nothing to fail). */
export function checkScenario(scenario: Scenario, operation: Operation): { result: SimulationResult; failures: ExpectationFailure[] } {
  const result = simulateScenario(scenario, operation);
  return { result, failures: scenario.expect ? compareExpectation(scenario.expect, result) : [] };
}
