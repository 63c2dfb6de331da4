// Keyboard: ←/→ step, Shift+←/→ previous/next decision, Space play/pause, +/− zoom, 0 fit, ? shortcuts, Esc closes.
// Keys typed into fields (editor, inputs) are left alone.
import { useEffect } from 'react';
import { useStore } from '../store/store';
// The mounted timeline's viewport (it knows the axis and width the zoom needs).
import { activeViewport, KEY_ZOOM_FACTOR } from '../timeline/viewportController';

export const SHORTCUTS: [string, string][] = [
  ['← / →', 'Step back / forward'],
  ['Shift + ← / →', 'Previous / next decision'],
  ['Home / End', 'First / last step'],
  ['Space', 'Play / pause'],
  ['+ / −', 'Zoom the timeline in / out'],
  ['0', 'Fit the timeline to view'],
  ['↑ / ↓ on a lane', 'Move between futures'],
  ['?', 'Show these shortcuts'],
];

function typingInto(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.closest('.cm-editor')) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['button', 'checkbox', 'radio', 'file', 'range'].includes((el as HTMLInputElement).type);
  return false;
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      const s = useStore.getState();
      if (e.key === 'Escape' && s.helpOpen) return s.setHelpOpen(false);
      if (e.key === '?') {
        e.preventDefault();
        return s.setHelpOpen(!s.helpOpen);
      }
      if (!s.model) return;
      const isRange = (e.target as HTMLElement | null)?.getAttribute?.('type') === 'range';
      let handled = true;
      if (e.key === 'ArrowRight' && !isRange) (e.shiftKey ? s.nextDecision : s.stepForward)();
      else if (e.key === 'ArrowLeft' && !isRange) (e.shiftKey ? s.previousDecision : s.stepBack)();
      else if (e.key === 'Home' && !isRange) s.setCursor(0);
      else if (e.key === 'End' && !isRange) s.setCursor(s.model.steps.total);
      else if (e.key === ' ' && !(e.target instanceof HTMLButtonElement)) s.togglePlay();
      else if (e.key === '+' || e.key === '=') activeViewport.zoomBy(KEY_ZOOM_FACTOR);
      else if (e.key === '-' || e.key === '_') activeViewport.zoomBy(1 / KEY_ZOOM_FACTOR);
      else if (e.key === '0') s.setWindow(null);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
