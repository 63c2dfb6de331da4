// The keyboard shortcuts, opened with `?`.
import { useEffect, useRef } from 'react';
import { useStore } from '../store/store';
import { SHORTCUTS } from './useKeyboard';

export function HelpDialog() {
  const open = useStore((s) => s.helpOpen);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => useStore.getState().setHelpOpen(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p style={{ textAlign: 'right', margin: '12px 0 0' }}>
          <button ref={close} className="btn" onClick={() => useStore.getState().setHelpOpen(false)}>
            Close
          </button>
        </p>
      </div>
    </div>
  );
}
