export type {
  BackendSample,
  GatewayError,
  GatewayErrorType,
  HeaderLine,
  PipelineProblem,
  PipelineStep,
  PipelineWarning,
  SimulationInputs,
  SimulationRequest,
  SimulationResult,
  TraceEntry,
} from './types';
export { simulate } from './simulate';
