// The status line: the current step in words, in a polite live region for screen readers.
import { selectStatus } from '../store/selectors';
import { useStore } from '../store/store';

export function StatusLine() {
  const status = useStore(selectStatus);
  return (
    <div className="status" role="status" aria-live="polite" title={status}>
      {status}
    </div>
  );
}
