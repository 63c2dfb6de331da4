// One combinator decision: candidates in argument order, each with its part (winner, completed, pending).
import type { FutureLookup } from '../../run/future-index';
import { decisionSentence } from '../derive/status';
import type { StepDecision } from '../derive/steps';
import { futureShortLabel } from '../derive/labels';
import { useStore } from '../store/store';
import { CopyButton } from './CopyButton';

export function DecisionDetails({
  decision,
  futuresById,
  current,
}: {
  decision: StepDecision;
  futuresById: FutureLookup;
  current: boolean;
}) {
  const text = decisionSentence(decision, futuresById);
  return (
    <section aria-label="Decision">
      <h3>
        {current ? 'Decision at this step' : 'Latest decision'} <span className="pill">{decision.combinator}</span>
        <CopyButton
          text={`${text} (entry ${decision.entryIndex}, attempt ${decision.attempts.join(', ')})`}
          what="decision"
        />
      </h3>
      <p style={{ margin: '0 0 6px' }}>{text}</p>
      <ul className="decision-list">
        {decision.futures.map((id) => {
          const f = futuresById.get(id);
          const won = decision.winner === id;
          const done = decision.completed.includes(id);
          return (
            <li key={id}>
              <span className={`pill ${won ? 'win' : done ? 'ok' : 'pending'}`}>
                {won
                  ? decision.outcome === 'failure'
                    ? 'decided (failed)'
                    : 'winner'
                  : done
                    ? 'completed'
                    : 'pending'}
              </span>
              <button
                className="btn"
                style={{ height: 20, fontSize: 11 }}
                onClick={() => useStore.getState().select(id)}
              >
                {f ? futureShortLabel(f) : id}
              </button>
            </li>
          );
        })}
      </ul>
      <dl className="kv" style={{ marginTop: 6 }}>
        <dt>Decided by</dt>
        <dd>entry #{decision.entryIndex}</dd>
        <dt>Attempts</dt>
        <dd>{decision.attempts.join(', ')}</dd>
        {decision.key && (
          <>
            <dt>Key</dt>
            <dd>{decision.key}</dd>
          </>
        )}
        {decision.note && (
          <>
            <dt>Note</dt>
            <dd>{decision.note}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
