// The Worker's real-SDK job, run in Node on the SDK as the Worker bundles it (src/sdk-host/bundled-sdk.ts): a pasted
// handler file replays the real capture it belongs to exactly as the CLI's Node loader does (same verdict, same
// decisions), changed code gives the SDK's 570 at the server's command, and the Worker is locked down before any
// of the user's code runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournals } from '../../journal-reader';
import type { Journal } from '../../model';
import { simulate, type Scenario } from '../../sim';
import { definitionsOfModule } from '../../sdk-host/definitions';
import { loadNodeSdk } from '../../sdk-host/node-sdk';
import { sdkReplay } from '../../sdk-host/replay';
import { protocolRowsOf } from '../../run/protocol-rows';
import { runSdkReplayJob, runSdkSimulateJob, withProtocolRows } from './sdkReplayJob';

const repo = resolve(__dirname, '../../..');
const paste = (name: string) => join(repo, 'test/sdk-replay/paste', name);

function capture(folder: string): Journal {
  const text = readFileSync(join(repo, 'test/fixtures/restate-1.7.12', folder, 'bundle.json'), 'utf8');
  return readJournals(text).journals[0];
}

/** The job as the page sends it: entries without their raw rows, the protocol payloads beside them. */
function jobFor(journal: Journal, handlerFile: string) {
  const protocolRows = protocolRowsOf(journal.entries.map((e) => e.raw));
  const pageJournal = { ...journal, entries: journal.entries.map(({ raw: _raw, ...rest }) => rest) };
  return {
    type: 'sdk-replay' as const,
    source: readFileSync(paste(handlerFile), 'utf8'),
    handlerLabel: handlerFile,
    target: journal.target!,
    journal: pageJournal as Journal,
    protocolRows,
  };
}

const host = { lockDown: () => undefined };

describe('the engine Worker replays a real journal with a pasted handler on the bundled SDK', () => {
  it('race-timeout with the code that wrote it: clean, with the same decisions as the Node loader', async () => {
    const journal = capture('race-timeout');
    const run = await runSdkReplayJob(jobFor(journal, 'lab-race.ts'), host);
    expect(run.sdkReplay?.verdict).toBe('replayed');
    expect(run.mismatch).toBeNull();
    expect(run.format).toBe('sdk-replay');

    // The services that wrote the capture, loaded the CLI's way (Node loader, the module imported by Node).
    const services = join(repo, 'test/restate-service/all-services.ts');
    const node = await sdkReplay(
      await loadNodeSdk(services),
      definitionsOfModule(await import(services)),
      journal,
      journal.target!,
    );
    expect(run.decisions).toEqual(node.decisions);
    expect(run.decisions.map((d) => d.combinator)).toContain('race');
  });

  it('a renamed run gives the SDK 570 at the run command, as text the inspector shows', async () => {
    const journal = capture('race-timeout');
    const run = await runSdkReplayJob(jobFor(journal, 'lab-race-renamed.ts'), host);
    expect(run.sdkReplay?.verdict).toBe('mismatch');
    expect(run.mismatch).toMatchObject({ code: 570, expected: "Run 'slow-fetch'" });
    expect(run.mismatch?.actual).toContain('fetch-quote');
    expect(run.sdkReplay?.mismatch?.expected?.fields).toBeTypeOf('object');
    const recorded = journal.entries.find((e) => e.kind === 'command' && e.name === 'slow-fetch');
    expect(recorded && recorded.kind === 'command' && recorded.commandIndex).toBe(run.mismatch?.commandIndex);
  });

  it('locks the Worker down after compiling and before the handler module runs', async () => {
    const order: string[] = [];
    (globalThis as Record<string, unknown>).__sdkJobOrder = order;
    const journal = capture('race-timeout');
    const job = jobFor(journal, 'lab-race.ts');
    job.source = `(globalThis as any).__sdkJobOrder.push('module top level');\n${job.source}`;
    await runSdkReplayJob(job, { ...host, lockDown: () => order.push('lockDown') });
    expect(order).toEqual(['lockDown', 'module top level']);
    delete (globalThis as Record<string, unknown>).__sdkJobOrder;
  });

  it('refuses a journal without protocol payloads with a stable code', async () => {
    const journal = capture('race-timeout');
    const job = { ...jobFor(journal, 'lab-race.ts'), protocolRows: [] };
    await expect(runSdkReplayJob(job, host)).rejects.toMatchObject({ code: 'SDK_REPLAY_NO_RAW' });
  });

  it('puts the protocol rows back by entry index', () => {
    const journal = capture('race-timeout');
    const rows = protocolRowsOf(journal.entries.map((e) => e.raw));
    const bare = { ...journal, entries: journal.entries.map(({ raw: _raw, ...rest }) => rest) } as Journal;
    const back = withProtocolRows(bare, rows);
    expect(protocolRowsOf(back.entries.map((e) => e.raw))).toEqual(rows);
  });
});

describe('the engine Worker simulates pasted real handler code on the bundled SDK', () => {
  const job = (crashes: number[] | null) => ({
    type: 'sdk-simulate' as const,
    source: readFileSync(paste('docs-greeter.ts'), 'utf8'),
    handlerLabel: 'docs-greeter.ts',
    target: null,
    seed: 7,
    crashes,
    cancelAtMs: null,
    stepsMax: 100_000,
  });

  it("a Restate-docs handler file, unchanged: its only handler, the default world, the SDK's journal", async () => {
    const run = await runSdkSimulateJob(job(null), host);
    expect(run.format).toBe('simulation');
    expect(run.title).toBe('Greeter/greet simulated by the real SDK (docs-greeter.ts)');
    const commands = run.journal.entries.filter((e) => e.kind === 'command').map((e) => `${e.type} ${e.name ?? ''}`);
    expect(commands).toEqual(['Input ', 'Run notification', 'Sleep ', 'Run reminder', 'Output ']);
    expect(run.attempts.map((a) => a.end)).toEqual(['done']);
  });

  it('same seed and crash: byte-identical runs; the crash makes a second attempt that replays', async () => {
    const a = await runSdkSimulateJob(job([500]), host);
    const b = await runSdkSimulateJob(job([500]), host);
    expect(JSON.stringify(a.journal)).toBe(JSON.stringify(b.journal));
    expect(a.attempts.map((x) => x.end)).toEqual(['crash', 'done']);
    expect(a.crashes).toEqual([500]);
  });
});

describe('every built-in example in real SDK code simulates in the Worker path to our engine journal', () => {
  const scenariosDir = join(repo, 'scenarios');
  const files = readdirSync(join(scenariosDir, 'sdk')).filter(
    (f) => f.endsWith('.ts') && f !== 'index.ts' && !f.includes('.test.'),
  );

  it('covers the real-SDK examples', () => expect(files.length).toBe(17));

  for (const file of files)
    it(`${file}: the page's job (source + companions) gives our engine's run`, async () => {
      const source = readFileSync(join(scenariosDir, 'sdk', file), 'utf8');
      const companions: Record<string, string> = {};
      for (const m of source.matchAll(/\bfrom\s*'\.\.\/([\w-]+)'/g))
        companions[`../${m[1]}`] = readFileSync(join(scenariosDir, `${m[1]}.ts`), 'utf8');
      const run = await runSdkSimulateJob(
        {
          type: 'sdk-simulate',
          source,
          handlerLabel: file,
          target: null,
          seed: 2,
          crashes: null,
          cancelAtMs: null,
          stepsMax: 100_000,
          companions,
        },
        host,
      );
      const ours = (await import(join(scenariosDir, file))).default as Scenario;
      const mine = await simulate(ours, { seed: 2 });
      // The same journal; only the target differs: the real SDK's names the handler it ran, ours `Sim/<name>`.
      expect(run.journal.target).toMatch(/^[A-Za-z]+\/(?:[^/]+\/)?[A-Za-z]+$/);
      expect(mine.journal.target).toBe(`Sim/${ours.name}`);
      expect(JSON.stringify({ ...run.journal, target: '' })).toBe(JSON.stringify({ ...mine.journal, target: '' }));
    });
});
