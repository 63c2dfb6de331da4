// The exports of the loaded run: the native journal file, the timeline as SVG and PNG, a decision as text, and a
// Vitest regression test. Each builds its content from the store with the pure functions in src/share.
import { simRunRecord } from '../../run/run-record';
import { decisionText } from '../../share/decision-text';
import { generateTestFile, testFileName } from '../../share/test-file';
import { timelineSvg } from '../../share/timeline-svg';
import { laneView } from '../derive/laneView';
import { futureShortLabel } from '../derive/labels';
import { axisTicks, buildTimeAxis } from '../derive/timeAxis';
import { axisExtraTimes } from '../engine/prepare';
import { exampleMeta } from '../source/examples';
import { latestDecisionIndex, selectStatus } from '../store/selectors';
import type { Store } from '../store/store';

export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'run'
  );
}

export function download(name: string, content: string | Blob, type = 'application/json'): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The run's base file name: the example's id, the edited scenario, or the journal's invocation. */
export function runFileBase(s: Pick<Store, 'run'>): string {
  const run = s.run!;
  if (run.source.kind === 'example') return `${run.source.file}${run.seed !== null ? `.seed-${run.seed}` : ''}`;
  if (run.source.kind === 'scenario') return `edited-scenario${run.seed !== null ? `.seed-${run.seed}` : ''}`;
  return slug(run.journal.invocationId || run.title);
}

export async function nativeJournalText(s: Pick<Store, 'run'>): Promise<string> {
  const run = s.run!;
  const { toNativeText } = await import('../../journal-reader');
  const simulated = run.format === 'simulation' && run.seed !== null;
  return toNativeText(run.journal, simulated ? simRunRecord(run.title, { ...run, seed: run.seed! }) : undefined);
}

export function timelineSvgText(s: Store): string {
  const run = s.run!;
  const model = s.model!;
  const axis = buildTimeAxis(model.times, s.axisMode, s.compressGaps, axisExtraTimes(run));
  const lanes = laneView(model, s.cursor, axis);
  const seed = run.seed !== null ? ` · seed ${run.seed}` : '';
  return timelineSvg({
    title: `${run.title}${seed}`,
    status: selectStatus(s),
    lanes,
    spanU: axis.span,
    cursorU: axis.cursorU(s.cursor),
    ticks: axisTicks(axis, { u0: 0, u1: axis.span }, 8),
  });
}

/** Draws the SVG onto a canvas (2× for sharp text) and returns a PNG. */
export async function svgToPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not make a PNG.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The decision shown at the cursor (or the latest before it) as text; null when there is none yet. */
export function decisionCopyText(s: Store): string | null {
  const index = latestDecisionIndex(s);
  if (index === null || !s.model) return null;
  const d = s.model.steps.decisions[index];
  const nameOf = (id: string) => {
    const f = s.model!.futuresById.get(id);
    return f ? futureShortLabel(f) : id;
  };
  return decisionText(selectStatus(s), d, nameOf);
}

/** "Export as test": only for simulated runs (an example or the edited scenario, with its seed). */
export function testFile(s: Store): { name: string; text: string } | null {
  const run = s.run;
  if (!run || run.seed === null || run.format !== 'simulation') return null;
  let scenario: Parameters<typeof generateTestFile>[0]['scenario'];
  const source = run.recipe.source;
  if (source.kind === 'example') scenario = { kind: 'example', name: source.name, file: `${source.name}.ts` };
  else if (source.kind === 'scenario')
    scenario = {
      kind: 'scenario',
      code: source.code,
      name: s.editorLabel ? `${exampleMeta(s.editorLabel)?.file ?? s.editorLabel}-edited` : 'edited-scenario',
    };
  else return null;
  // Imports as seen from test/unit/ (a folder the project's Vitest config includes): docs/hosting.md says to save it there.
  const cancelAtMs = run.cancelAtMs ?? null;
  const input = {
    scenario,
    seed: run.seed,
    ...(run.crashes.length ? { crashesMs: run.crashes } : {}),
    ...(cancelAtMs !== null ? { cancelAtMs } : {}),
    decisions: run.decisions,
    output: run.output,
    simImport: '../../src/sim',
    scenariosImport: '../../scenarios',
  };
  return { name: testFileName(input), text: generateTestFile(input) };
}
