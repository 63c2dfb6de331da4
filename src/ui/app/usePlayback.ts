// Play: advances the cursor at `speed` steps per second, and stops at the end.
import { useEffect } from 'react';
import { useStore } from '../store/store';

export function usePlayback(): void {
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = useStore.getState();
      if (!s.model || s.cursor >= s.model.steps.total) useStore.setState({ playing: false });
      else s.stepForward();
    }, 1000 / speed);
    return () => clearInterval(timer);
  }, [playing, speed]);
}
