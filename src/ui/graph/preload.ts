// The combinator graph's chunk (@xyflow/react and its stylesheet), loaded once. BottomPanel renders it lazily; loading
// it when the panel first renders put ~25 ms of link and style work into the render that shows a run's first lanes
// (issue 15, docs/performance.md). So it is also loaded ahead: when the page is idle after boot, and when a file is
// chosen (the engine Worker reads for tens of milliseconds then, while the page has nothing to do).
let graphModule: Promise<typeof import('./CombinatorGraph')> | null = null;

export function loadGraph(): Promise<typeof import('./CombinatorGraph')> {
  graphModule ??= import('./CombinatorGraph').catch((error: unknown) => {
    graphModule = null;
    throw error;
  });
  return graphModule;
}

export function preloadGraph(): void {
  loadGraph().catch(() => undefined);
}
