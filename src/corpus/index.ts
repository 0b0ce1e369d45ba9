/** Corpus API: batch ingest, fingerprints and retrieval, trace and families (the CLI builds on these). */
export { addPaths, type AddOptions, type AddProgress, type AddSummary } from './add.js';
export { retrieveCandidates, type Candidate, type RetrieveOptions } from './retrieve.js';
export { trace, type TraceCandidate, type TraceOptions, type TraceResult, type TraceRole } from './trace.js';
export {
  families,
  type FamiliesOptions,
  type FamiliesResult,
  type Family,
  type FamilyEdge,
  type FamilyMember,
} from './families.js';
export { familiesToDot, familiesToGraphml } from './graph-format.js';
export { fingerprint, selectAnchors, type Fingerprint } from './fingerprint.js';
export { contentHash, prepareAnalysis } from './prepare.js';
export { readInputs } from './readers/input-reader.js';
export type { RawRecord, ReadItem } from './readers/record.js';
