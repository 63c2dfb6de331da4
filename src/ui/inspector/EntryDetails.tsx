// One journal entry in detail: type, indexes, time, result (decoded payload as text), and the raw row.
import type { Entry } from '../../model';
import { entryLabel } from '../derive/labels';
import { formatMs, resultText } from '../derive/payload';
import { useRawText } from '../engine/rawRows';
import { CopyButton } from './CopyButton';

export function EntryDetails({ entry, title, virtualTime }: { entry: Entry; title: string; virtualTime: boolean }) {
  const result = entry.kind === 'notification' ? entry.result : entry.kind === 'command' ? entry.result : undefined;
  const payload = resultText(result);
  // Raw rows of a read file stay in its Worker; fetched when shown (issue 6).
  const raw = useRawText(entry);
  return (
    <section aria-label={title}>
      <h3>
        {title} <span className="pill">#{entry.index}</span>
      </h3>
      <dl className="kv">
        <dt>Entry</dt>
        <dd>{entryLabel(entry)}</dd>
        {entry.kind === 'command' && (
          <>
            <dt>Command index</dt>
            <dd>{entry.commandIndex}</dd>
            <dt>Completion ids</dt>
            <dd>{entry.completionIds.join(', ') || '—'}</dd>
          </>
        )}
        {entry.kind === 'command' && entry.target && (
          <>
            <dt>Target</dt>
            <dd>
              {entry.target.service}/{entry.target.handler}
              {entry.target.key ? ` [${entry.target.key}]` : ''}
            </dd>
          </>
        )}
        {entry.kind === 'command' && entry.invocationId && (
          <>
            <dt>Invocation</dt>
            <dd>{entry.invocationId}</dd>
          </>
        )}
        {entry.kind === 'notification' && (
          <>
            <dt>Completes</dt>
            <dd>
              {entry.completionId !== undefined
                ? `completion ${entry.completionId}`
                : `signal ${entry.signalIndex ?? entry.signalName}`}
            </dd>
          </>
        )}
        <dt>Appended at</dt>
        <dd>{formatMs(entry.appendedAtMs, virtualTime)}</dd>
        {entry.kind === 'unknown' && (
          <>
            <dt>Why unknown</dt>
            <dd>{entry.reason}</dd>
          </>
        )}
      </dl>
      {payload && (
        <>
          <h3 style={{ marginTop: 8 }}>
            Result <CopyButton text={payload} what={`result of entry ${entry.index}`} />
          </h3>
          <pre className="code">{payload}</pre>
        </>
      )}
      {raw && (
        <details>
          <summary style={{ cursor: 'pointer', marginTop: 6 }}>
            Raw row <CopyButton text={raw} what={`raw row of entry ${entry.index}`} />
          </summary>
          <pre className="code">{raw}</pre>
        </details>
      )}
    </section>
  );
}
