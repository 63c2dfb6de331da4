import { describe, expect, it } from 'vitest';
import { escapeXml, timelineSvg, type SvgLane } from './timeline-svg';

const lane = (id: string, label: string, over: Partial<SvgLane> = {}): SvgLane => ({
  id,
  label,
  state: 'completed-success',
  stateText: 'completed',
  startU: 0,
  endU: 5,
  role: null,
  ...over,
});

describe('timeline SVG', () => {
  it('draws one labelled lane per future, the status and the cursor', () => {
    const svg = timelineSvg({
      title: 'race-timeout · seed 7',
      status: 'Step 5 of 8: select: timeout (c3) won',
      lanes: [
        lane('c1', 'Run fetch-a (c1)', { state: 'pending', stateText: 'pending', endU: null, role: 'loser' }),
        lane('c3', 'Sleep timeout (c3)', { role: 'winner' }),
      ],
      spanU: 10,
      cursorU: 5,
      ticks: [{ u: 0, label: '+0 ms' }],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('>Run fetch-a (c1)</text>');
    expect(svg).toContain('>Sleep timeout (c3)</text>');
    expect(svg).toContain('completed ★ won');
    expect(svg).toContain('Step 5 of 8: select: timeout (c3) won');
    expect(svg.match(/data-future-id=/g)).toHaveLength(2);
  });

  it('escapes hostile names so the file holds no markup of its own', () => {
    const svg = timelineSvg({
      title: '<script>alert(1)</script>',
      status: 'a & b',
      lanes: [lane('c1', '"><script>x</script>')],
      spanU: 1,
      cursorU: 0,
      ticks: [],
    });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('a &amp; b');
  });

  it('cuts long labels with an ellipsis and keeps the full label in the title', () => {
    const long = `Call ${'x'.repeat(60)} (c1)`;
    const svg = timelineSvg({ title: 't', status: 's', lanes: [lane('c1', long)], spanU: 1, cursorU: 0, ticks: [] });
    expect(svg).toContain(`<title>${long}: completed</title>`);
    expect(svg).toMatch(/>Call x+…<\/text>/);
  });

  it("draws a call's invocation id as a marker on the call's lane, not a lane of its own", () => {
    const call = lane('c8', 'Call Worker/slow (c8)', {
      state: 'pending',
      stateText: 'pending',
      endU: null,
      marker: { u: 1, title: 'callee invocation id inv_1 known (c7)' },
    });
    const svg = timelineSvg({ title: 't', status: 's', lanes: [call], spanU: 10, cursorU: 2, ticks: [] });
    expect(svg.match(/data-future-id=/g)).toHaveLength(1);
    expect(svg).toContain('<title>callee invocation id inv_1 known (c7)</title></path>');
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u0007c\td')).toBe('abc\td');
  });
});
