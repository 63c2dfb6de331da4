// The page's session: createSession (session.ts) wired to the engine Worker, the app's store, this tab's
// sessionStorage, the built-in examples and the user's limits. The one instance every part of the UI loads through.
import { EngineFailure, runEngineJob } from '../engine/engineClient';
import { fetchProtocolRows } from '../engine/rawRows';
import { markAfterNextPaint, markLoad } from '../engine/loadMarks';
import { currentLimits } from '../robustness/limitsStore';
import { exampleMeta, exampleSource } from '../source/examples';
import { companionsOf } from '../source/sdkExamples';
import { useStore } from '../store/store';
import { persistence } from './persistence';
import { createSession } from './session';

export const session = createSession({
  engine: runEngineJob,
  engineErrorOf: (e) => (e instanceof EngineFailure ? e.info : null),
  screen: {
    run: () => useStore.getState().run,
    show: (run, at) => useStore.getState().setRun(run, at),
    showPartial: (run, read) => {
      useStore.getState().setPartialRun(run, read);
      markAfterNextPaint('partial-frame');
    },
    fail: (error) => useStore.getState().setError(error),
  },
  persistence,
  limits: currentLimits,
  examples: { source: exampleSource, label: (name) => exampleMeta(name)?.name ?? name },
  companionsOf,
  async fetchText(url) {
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    return response.text();
  },
  protocolRows: fetchProtocolRows,
  baseUrl: () => location.href,
  mark(phase) {
    markLoad(phase);
    // The run is in the store: React renders it in this task, and the frame after it shows the first lanes.
    if (phase === 'run-set') markAfterNextPaint('first-frame');
  },
});
