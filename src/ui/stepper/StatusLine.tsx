// The status line: the current step in words, in a polite live region for screen readers.
import { selectStatus } from '../store/selectors';
import { useStore } from '../store/store';
import { useSession } from '../session/useSession';

export function StatusLine() {
  const loading = useSession((s) => s.loading);
  const status = useStore((s) => selectStatus(s, loading));
  return (
    <div className="status" role="status" aria-live="polite" title={status}>
      {status}
    </div>
  );
}
