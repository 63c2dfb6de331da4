// While one of these panels is open it owns the keyboard: Escape closes it, and the inspector's shortcuts (arrows,
// Space, Home/End, zoom) must not move the run hidden behind it. A capture listener on window runs before the
// inspector's own (bubble) listener, so stopping the event there is enough.
import { useEffect, useRef } from 'react';

const INSPECTOR_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End', ' ', '+', '=', '-', '_', '0', '?']);

export function useModalKeys(onEscape: () => void, onKey?: (e: KeyboardEvent) => boolean): void {
  const handlers = useRef({ onEscape, onKey });
  handlers.current = { onEscape, onKey };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        handlers.current.onEscape();
        return;
      }
      if (handlers.current.onKey?.(e)) {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      if (INSPECTOR_KEYS.has(e.key)) e.stopPropagation();
    };
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);
}
