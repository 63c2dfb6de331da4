// A load or simulation error, in words: which file, the code, where, and what to do. The previous view stays (the
// store keeps `run`); there is one error slot, so a new error replaces the old one instead of stacking. Reader
// warnings (e.g. entry types from a newer Restate server) are counted and listed, and can be put away.
// Everything here is rendered as React text: file names, messages and hints from hostile files never become HTML.
import { useState } from 'react';
import type { ReaderWarning } from '../../model';
import { describeLocation as where } from '../robustness/errorText';
import { LimitsButton } from '../robustness/LimitsPopover';
import '../robustness/robustness.css';
import { useStore } from '../store/store';

const NO_WARNINGS: ReaderWarning[] = [];
/** The warnings list is capped: a file with 100,000 odd rows must not add 100,000 DOM nodes. */
const WARNINGS_SHOWN = 50;

function ErrorView() {
  const error = useStore((s) => s.error)!;
  const loc = where(error.location ?? {}, error.subject);
  // Scenario runs are "stopped"; files, links and URLs "could not be opened" (TOO_LARGE is a file refused by size).
  const stopped = error.origin === 'scenario' || (error.origin === 'limit' && error.code !== 'TOO_LARGE');
  const title = stopped
    ? error.subject
      ? `${error.subject} stopped`
      : 'Stopped'
    : error.subject
      ? `Could not open ${error.subject}`
      : 'Could not load';
  const limitHit = error.origin === 'limit' || error.code === 'TOO_LARGE';
  return (
    <div className="banner robust-banner" role="alert" aria-label="Error">
      <div className="msg">
        <div className="robust-title">
          <strong>{title}</strong> <code>{error.code}</code>
          {loc && <span className="robust-loc"> at {loc}</span>}
        </div>
        <div className="robust-message">{error.message}</div>
        {error.hint && (
          <div className="robust-hint">
            <span className="robust-label">What to do: </span>
            {error.hint}
          </div>
        )}
      </div>
      {limitHit && <LimitsButton label="Change limits" />}
      <button className="btn" aria-label="Dismiss error" onClick={() => useStore.getState().setError(null)}>
        Dismiss
      </button>
    </div>
  );
}

function WarningsView({ warnings, onDismiss }: { warnings: ReaderWarning[]; onDismiss(): void }) {
  const count = warnings.length;
  const codes = [...new Set(warnings.map((w) => w.code))];
  return (
    <div className="banner warn robust-banner" role="note" aria-label="Warnings">
      <details className="msg">
        <summary>
          <strong>
            {count} warning{count === 1 ? '' : 's'} while reading
          </strong>{' '}
          ({codes.slice(0, 4).join(', ')}
          {codes.length > 4 ? ', …' : ''}): the journal is shown; what the reader did not understand is kept as unknown.
        </summary>
        <ul className="robust-warnings">
          {warnings.slice(0, WARNINGS_SHOWN).map((w, i) => {
            const loc = w.location ? where(w.location) : '';
            return (
              <li key={i}>
                <code>{w.code}</code> {w.message}
                {loc && <span className="robust-loc"> (at {loc})</span>}
              </li>
            );
          })}
          {count > WARNINGS_SHOWN && <li>…and {count - WARNINGS_SHOWN} more.</li>}
        </ul>
      </details>
      <button className="btn" aria-label="Dismiss warnings" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

export function ErrorBanner() {
  const error = useStore((s) => s.error);
  const warnings = useStore((s) => s.run?.warnings ?? NO_WARNINGS);
  const [dismissed, setDismissed] = useState<ReaderWarning[] | null>(null);
  if (error) return <ErrorView />;
  if (warnings.length && warnings !== dismissed)
    return <WarningsView warnings={warnings} onDismiss={() => setDismissed(warnings)} />;
  return null;
}
