// The replay stepper: step, jump between decisions, play at a speed, scrub, and jump to a journal entry.
import { useShallow } from 'zustand/react/shallow';
import { Icon } from '../app/Icon';
import { SPEEDS } from '../store/cursorSlice';
import { useStore } from '../store/store';

export function Stepper() {
  const { cursor, total, playing, speed, hasNext, hasPrev } = useStore(
    useShallow((s) => {
      const cursors = s.model?.steps.decisionCursors ?? [];
      return {
        cursor: s.cursor,
        total: s.model?.steps.total ?? 0,
        playing: s.playing,
        speed: s.speed,
        hasNext: cursors.some((c) => c > s.cursor),
        hasPrev: cursors.some((c) => c < s.cursor),
      };
    }),
  );
  const actions = useStore.getState();
  const disabled = total === 0;
  return (
    <div className="stepper" role="toolbar" aria-label="Replay stepper">
      <div className="group">
        <button
          className="btn"
          onClick={actions.previousDecision}
          disabled={disabled || !hasPrev}
          aria-label="Previous decision"
          title="Previous decision (Shift+←)"
        >
          <Icon name="prevDecision" /> <span>Decision</span>
        </button>
        <button
          className="btn icon"
          onClick={actions.stepBack}
          disabled={disabled || cursor === 0}
          aria-label="Step back"
          title="Step back (←)"
        >
          <Icon name="back" />
        </button>
        <button
          className="btn"
          onClick={actions.togglePlay}
          disabled={disabled}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play / pause (Space)"
          style={{ width: 70 }}
        >
          <Icon name={playing ? 'pause' : 'play'} /> {playing ? 'Pause' : 'Play'}
        </button>
        <button
          className="btn icon"
          onClick={actions.stepForward}
          disabled={disabled || cursor >= total}
          aria-label="Step forward"
          title="Step forward (→)"
        >
          <Icon name="forward" />
        </button>
        <button
          className="btn"
          onClick={actions.nextDecision}
          disabled={disabled || !hasNext}
          aria-label="Next decision"
          title="Next decision (Shift+→)"
        >
          <span>Decision</span> <Icon name="nextDecision" />
        </button>
      </div>
      <label>
        Speed
        <select value={speed} onChange={(e) => actions.setSpeed(Number(e.target.value))} aria-label="Playback speed">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        className="scrubber"
        type="range"
        min={0}
        max={total}
        value={cursor}
        disabled={disabled}
        aria-label="Step"
        aria-valuetext={`Step ${cursor} of ${total}`}
        onChange={(e) => actions.setCursor(Number(e.target.value))}
      />
      <span className="step-count" aria-hidden="true">
        {cursor} / {total}
      </span>
      <form
        className="group"
        onSubmit={(e) => {
          e.preventDefault();
          const value = Number(new FormData(e.currentTarget).get('entry'));
          if (Number.isInteger(value)) actions.setCursor(value + 1);
        }}
      >
        <label>
          Entry
          <input
            name="entry"
            type="number"
            min={0}
            max={Math.max(0, total - 1)}
            aria-label="Jump to entry"
            placeholder="#"
            disabled={disabled}
          />
        </label>
        <button className="btn" type="submit" disabled={disabled}>
          Go
        </button>
      </form>
    </div>
  );
}
