// The loading progress bar: what is being read and how far, as a percentage people and screen readers can see.
// The Worker reports fractions while reading (journal-reader onProgress); null = not known yet (indeterminate).
import { useSession } from '../session/useSession';
import { useStore } from '../store/store';
import './loadProgress.css';

/**
 * 1234567 → "1,234,567", as toLocaleString('en') writes it. Not toLocaleString itself: its first call loads the
 * locale's data (~12 ms in a CPU profile), inside the render that shows a large file's first rows (issue 15).
 */
export function groupThousands(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function LoadProgress() {
  const loading = useSession((s) => s.loading);
  const reading = useStore((s) => s.reading);
  if (!loading) return null;
  const percent = loading.fraction === null ? null : Math.max(0, Math.min(100, Math.round(loading.fraction * 100)));
  return (
    <div
      className="load-progress"
      role="progressbar"
      aria-label={loading.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      aria-valuetext={percent === null ? `${loading.label}…` : `${percent} %`}
    >
      <div
        className={`load-progress-bar${percent === null ? ' indeterminate' : ''}`}
        style={{ width: `${percent ?? 30}%` }}
      />
      <span className="load-progress-text">
        {loading.label}… {percent === null ? '' : `${percent} %`}
      </span>
      {reading && (
        // The timeline and journal table show only these first entries, and stepping stops at the last of them.
        <span className="load-progress-partial" role="note" aria-label="Partial run">
          reading… showing {groupThousands(reading.entriesRead)} of ~{groupThousands(reading.entriesEstimate)} entries
        </span>
      )}
    </div>
  );
}
