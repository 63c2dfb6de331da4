// The inspector panel: the selected future (or entry), else the current step's entry, plus the decision in force.
import { useShallow } from 'zustand/react/shallow';
import { futureTreeText } from '../derive/futureTree';
import { highlightAt } from '../derive/highlight';
import { useStore } from '../store/store';
import { DecisionDetails } from './DecisionDetails';
import { EntryDetails } from './EntryDetails';
import { FutureDetails } from './FutureDetails';
import { RunEvents } from './RunEvents';

export function Inspector() {
  const { run, model, cursor, selection } = useStore(
    useShallow((s) => ({ run: s.run, model: s.model, cursor: s.cursor, selection: s.selection })),
  );
  if (!run || !model) return null;
  const highlight = highlightAt(model.steps, cursor);
  const future = selection ? model.futuresById.get(selection) : undefined;
  const entryIndex = selection?.startsWith('e') ? Number(selection.slice(1)) : cursor - 1;
  const entry = !future && entryIndex >= 0 ? run.journal.entries[entryIndex] : undefined;
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2 className="panel-title">Inspector</h2>
      <div className="insp">
        {run.mismatch && (
          <section aria-label="Journal mismatch" style={{ background: 'var(--fail-soft)' }}>
            <h3>
              Journal mismatch <span className="pill fail">570</span>
            </h3>
            <dl className="kv">
              <dt>Command</dt>
              <dd>#{run.mismatch.commandIndex}</dd>
              <dt>Journal has</dt>
              <dd>{run.mismatch.expected}</dd>
              <dt>Code issued</dt>
              <dd>{run.mismatch.actual}</dd>
            </dl>
            <p style={{ margin: '6px 0 0' }}>{run.mismatch.message}</p>
            <button
              className="btn"
              style={{ marginTop: 6 }}
              onClick={() => model.mismatchCursor !== null && useStore.getState().setCursor(model.mismatchCursor)}
            >
              Go to the mismatch
            </button>
          </section>
        )}
        {highlight && (
          <DecisionDetails decision={highlight.decision} futuresById={model.futuresById} current={highlight.fresh} />
        )}
        {future && <FutureDetails future={future} journal={run.journal} cursor={cursor} transient={model.transient} />}
        {entry && (
          <EntryDetails
            entry={entry}
            title={selection ? 'Selected entry' : 'Entry at this step'}
            virtualTime={!!run.journal.virtualTime}
          />
        )}
        {!future && !entry && <p className="empty">Step forward or click a lane to see its details.</p>}
        <RunEvents journal={run.journal} cursor={cursor} />
        <section aria-label="Invocation">
          <h3>Invocation</h3>
          <dl className="kv">
            <dt>Id</dt>
            <dd>{run.journal.invocationId}</dd>
            <dt>Target</dt>
            <dd>{run.journal.target ?? '—'}</dd>
            <dt>Status</dt>
            <dd>{run.journal.status ?? '—'}</dd>
            <dt>Format</dt>
            <dd>{run.format}</dd>
            {run.journal.awaiting && (
              <>
                <dt>Awaiting</dt>
                <dd>{futureTreeText(run.journal.awaiting)}</dd>
              </>
            )}
            {run.output && (
              <>
                <dt>Output</dt>
                <dd>
                  {'failure' in run.output
                    ? `failure ${run.output.failure.code}: ${run.output.failure.message}`
                    : (JSON.stringify(run.output.value) ?? 'undefined')}
                </dd>
              </>
            )}
            {run.attempts.length > 0 && (
              <>
                <dt>Attempts</dt>
                <dd>{run.attempts.map((a) => `${a.attempt}: ${a.end}`).join(' · ')}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
    </aside>
  );
}
