// The bottom panel: combinator graph, the journal as a list, the scenario editor and the real-SDK replay, as tabs.
import { lazy, Suspense } from 'react';
import { JournalTable } from '../source/JournalTable';
import { ScenarioPanel } from '../source/ScenarioPanel';
import { SdkReplayPanel } from '../source/SdkReplayPanel';
import { useStore } from '../store/store';
import { loadGraph } from '../graph/preload';

const CombinatorGraph = lazy(loadGraph);

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
