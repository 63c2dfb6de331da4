// The bottom panel: combinator graph, the journal as a list, the scenario editor and the real-SDK replay, as tabs.
import { lazy, Suspense } from 'react';
import { JournalTable } from '../source/JournalTable';
import { ScenarioPanel } from '../source/ScenarioPanel';
import { SdkReplayPanel } from '../source/SdkReplayPanel';
import { useStore } from '../store/store';

let graphModule: Promise<typeof import('../graph/CombinatorGraph')> | null = null;
const loadGraph = () => (graphModule ??= import('../graph/CombinatorGraph'));
const CombinatorGraph = lazy(loadGraph);

/**
 * Loads the graph's chunk and stylesheet ahead of the first run (main.tsx, when the page is idle). Loading them when
 * the panel first renders put ~25 ms of link and style work into the render that shows the first lanes (issue 15);
 * the graph itself still renders after that frame (Suspense).
 */
export function preloadGraph(): void {
  void loadGraph().catch(() => (graphModule = null));
}

const TABS = [
  ['graph', 'Combinator graph'],
  ['journal', 'Journal'],
  ['scenario', 'Scenario editor'],
  ['sdk', 'Real SDK'],
] as const;

export function BottomPanel() {
  const tab = useStore((s) => s.bottomTab);
  return (
    <section className="bottom" aria-label="Details">
      <div className="tabs" role="tablist">
        {TABS.map(([id, label]) => (
          <button
            key={id}
            role="tab"
            id={`tab-${id}`}
            aria-controls={`panel-${id}`}
            aria-selected={tab === id}
            className="tab"
            onClick={() => useStore.getState().setBottomTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'graph' && (
          <Suspense fallback={<p className="empty">Loading the graph…</p>}>
            <CombinatorGraph />
          </Suspense>
        )}
        {tab === 'journal' && <JournalTable />}
        {tab === 'scenario' && <ScenarioPanel />}
        {tab === 'sdk' && <SdkReplayPanel />}
      </div>
    </section>
  );
}
