// Loads the pure core modules (src/sim, src/journal-reader) on demand inside the engine Worker, so the page's
// own bundle stays small and the simulator's code is fetched only when something is simulated.
export type SimApi = typeof import('../../sim') & Record<string, unknown>;
export type ReaderApi = typeof import('../../journal-reader');

export async function loadSim(): Promise<SimApi> {
  return (await import('../../sim')) as SimApi;
}

export async function loadReader(): Promise<ReaderApi> {
  return import('../../journal-reader');
}
