// Small inline SVG icons (no icon font: every glyph renders the same on every system, offline).
const paths: Record<string, string> = {
  prevDecision: 'M4 3v10M13 3L6 8l7 5z',
  nextDecision: 'M12 3v10M3 3l7 5-7 5z',
  back: 'M11 3L5 8l6 5z',
  forward: 'M5 3l6 5-6 5z',
  play: 'M5 3l8 5-8 5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  open: 'M2 4h4l1.5 1.5H14V13H2z',
};

export function Icon({ name }: { name: keyof typeof paths | string }) {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <path d={paths[name] ?? ''} fill="currentColor" stroke="currentColor" strokeWidth="1" strokeLinejoin="round" />
    </svg>
  );
}
