// The "Limits" popover: shows every limit with its number and lets the user change them (saved in localStorage).
// The same limits can be given for one visit in the page address: ?maxBytes=1048576&timeLimitMs=2000.
import { useEffect, useRef, useState } from 'react';
import { describeLimit, LIMIT_KEYS, LIMIT_RANGES, parseLimit, type UiLimits } from './limits';
import { useLimits } from './limitsStore';
import './robustness.css';

function LimitsForm({ onClose }: { onClose(): void }) {
  const limits = useLimits((s) => s.limits);
  const [draft, setDraft] = useState<Record<keyof UiLimits, string>>(
    () => Object.fromEntries(LIMIT_KEYS.map((k) => [k, String(limits[k])])) as Record<keyof UiLimits, string>,
  );
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const invalid = LIMIT_KEYS.filter((k) => parseLimit(k, draft[k]) === undefined);
  const save = () => {
    if (invalid.length) return;
    useLimits.getState().save(Object.fromEntries(LIMIT_KEYS.map((k) => [k, Number(draft[k])])) as Partial<UiLimits>);
    onClose();
  };
  return (
    <div
      className="limits-popover"
      role="dialog"
      aria-label="Limits"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        e.stopPropagation();
      }}
    >
      <h2>Limits</h2>
      <p>
        Larger files are refused before they are read; scenarios are stopped at these limits. Saved in this browser.
      </p>
      {LIMIT_KEYS.map((k, i) => {
        const range = LIMIT_RANGES[k];
        const bad = invalid.includes(k);
        return (
          <label key={k}>
            <span>
              {range.label} ({range.unit})
            </span>
            <input
              ref={i === 0 ? first : undefined}
              name={k}
              inputMode="numeric"
              aria-invalid={bad}
              value={draft[k]}
              onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
            />
            <span className="now">
              {bad ? `Use a whole number from ${range.min} to ${range.max}.` : `Now: ${describeLimit(k, limits[k])}`}
            </span>
          </label>
        );
      })}
      <div className="row">
        <button
          className="btn"
          onClick={() => {
            useLimits.getState().save(null);
            onClose();
          }}
        >
          Reset to defaults
        </button>
        <button className="btn primary" disabled={invalid.length > 0} onClick={save}>
          Save limits
        </button>
      </div>
    </div>
  );
}

export function LimitsButton({ label = 'Limits' }: { label?: string }) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [open]);
  return (
    <span className="limits-wrap" ref={wrap}>
      <button
        className="btn"
        aria-expanded={open}
        aria-haspopup="dialog"
        title="Size, time and step limits"
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && <LimitsForm onClose={() => setOpen(false)} />}
    </span>
  );
}
