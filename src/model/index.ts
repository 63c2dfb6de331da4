// The one model shared by the reader, the simulator, the CLI and the UI. Types only: no logic, no imports beyond ./
export type * from './journal';
export type * from './run';
export type * from './errors';
export type * from './files';
export type * from './columns';
