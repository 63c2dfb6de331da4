// One future in detail: ids, indexes, times, state at the cursor, failure, and its command and completion entries.
import type { Future, Journal } from '../../model';
import {
  futureFailure,
  futureStateAt,
  futureStateText,
  transientCountAt,
  type TransientIndex,
} from '../derive/futureState';
import { futureLabel } from '../derive/labels';
import { formatMs } from '../derive/payload';
import { CopyButton } from './CopyButton';
import { EntryDetails } from './EntryDetails';

export function FutureDetails({
  future,
  journal,
  cursor,
  transient,
}: {
  future: Future;
  journal: Journal;
  cursor: number;
  transient: TransientIndex;
}) {
  const state = futureStateAt(future, cursor, transient);
  const failure = futureFailure(future, journal);
  const virtual = !!journal.virtualTime;
  const command = future.entryIndex !== null ? journal.entries[future.entryIndex] : undefined;
  const completion = future.completionEntryIndex !== null ? journal.entries[future.completionEntryIndex] : undefined;
  const retries = transientCountAt(future, cursor, transient);
  return (
    <>
      <section aria-label="Future">
        <h3>
          {futureLabel(future)}
          <CopyButton text={future.id} what={`id ${future.id}`} />
        </h3>
        <dl className="kv">
          <dt>At this step</dt>
          <dd>{futureStateText[state]}</dd>
          <dt>Final result</dt>
          <dd>{future.result}</dd>
          {future.completionId !== undefined && (
            <>
              <dt>Completion id</dt>
              <dd>{future.completionId}</dd>
            </>
          )}
          {future.signalIndex !== undefined && (
            <>
              <dt>Signal index</dt>
              <dd>{future.signalIndex}</dd>
            </>
          )}
          <dt>Command index</dt>
          <dd>{future.commandIndex ?? '—'}</dd>
          <dt>Entries</dt>
          <dd>
            #{future.entryIndex ?? '—'} →{' '}
            {future.completionEntryIndex === null ? 'never completed' : `#${future.completionEntryIndex}`}
          </dd>
          <dt>Started</dt>
          <dd>{formatMs(future.startMs, virtual)}</dd>
          <dt>Ended</dt>
          <dd>{formatMs(future.endMs, virtual)}</dd>
          {future.startMs !== null && future.endMs !== null && (
            <>
              <dt>Took</dt>
              <dd>{future.endMs - future.startMs} ms</dd>
            </>
          )}
          {retries > 0 && (
            <>
              <dt>Transient errors</dt>
              <dd>{retries}</dd>
            </>
          )}
        </dl>
        {failure && (
          <pre className="code" style={{ borderColor: 'var(--fail)' }}>
            {`failure ${failure.code}: ${failure.message}`}
          </pre>
        )}
      </section>
      {command && <EntryDetails entry={command} title="Command" virtualTime={virtual} />}
      {completion && <EntryDetails entry={completion} title="Completion" virtualTime={virtual} />}
    </>
  );
}
