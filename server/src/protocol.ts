// The custom requests live with the other shared protocol types; this name stays for the server's imports.
export {
  OPERATIONS_REQUEST,
  SIMULATE_REQUEST,
  type OperationItem,
  type OperationsParams,
  type RangedEntry,
  type SimulateParams,
  type SimulateResult,
  type SimulationSampleInputs,
} from '../../shared/src/index';
