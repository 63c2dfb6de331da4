// The one model shared by the reader, the simulator, the CLI and the UI. Types, plus future ids (no imports beyond ./)
export type * from './journal';
export type * from './run';
export type * from './errors';
export type * from './files';
export type * from './sdk-replay';
export type * from './columns';
// The one piece of logic here: how futures are named and ordered (future-ids.ts), so every consumer agrees.
export * from './future-ids';
