// A load or simulation error, in words: which file, the code, where, and what to do. The previous view stays.
import { useStore } from '../store/store';

function where(loc: { row?: number; line?: number; field?: string; offset?: number }): string {
  const parts: string[] = [];
  if (loc.row !== undefined) parts.push(`row ${loc.row}`);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.field) parts.push(`field ${loc.field}`);
  if (loc.offset !== undefined) parts.push(`offset ${loc.offset}`);
  return parts.join(', ');
}

const NO_WARNINGS: never[] = [];

export function ErrorBanner() {
  const error = useStore((s) => s.error);
  const warnings = useStore((s) => s.run?.warnings ?? NO_WARNINGS);
  if (error) {
    const loc = where(error.location ?? {});
    return (
      <div className="banner" role="alert">
        <div className="msg">
          <strong>{error.subject ? `${error.subject}: ` : ''}</strong>
          <code>{error.code}</code> {error.message}
          {loc && <> (at {loc})</>}
          {error.hint && <div>{error.hint}</div>}
        </div>
        <button className="btn" onClick={() => useStore.getState().setError(null)}>
          Dismiss
        </button>
      </div>
    );
  }
  if (warnings.length) {
    return (
      <div className="banner warn" role="note">
        <div className="msg">
          {warnings.slice(0, 3).map((w, i) => (
            <div key={i}>
              <code>{w.code}</code> {w.message}
            </div>
          ))}
          {warnings.length > 3 && <div>…and {warnings.length - 3} more warnings.</div>}
        </div>
      </div>
    );
  }
  return null;
}
