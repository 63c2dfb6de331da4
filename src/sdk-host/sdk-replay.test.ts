// The real SDK (1.17, its WASM VM) replays every real Restate 1.7.12 capture in test/fixtures with the code that
// wrote it (test/restate-service), offline; changed code gives the 570 the real server recorded, at the same
// command; a run without a result in the journal is never executed.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Decision, Journal } from '../model';
import { readJournals } from '../journal-reader';
import { replay } from '../sim';
import { cases as twins } from '../../test/twins/real-journal-twins';
import { definitionsOfModule } from './definitions';
import { loadNodeSdk } from './node-sdk';
import { sdkReplay, type SdkReplayResult, type SdkVerdict } from './replay';

const repo = resolve(__dirname, '../..');
const fixtures = join(repo, 'test/fixtures/restate-1.7.12');
const allServicesModule = join(repo, 'test/restate-service/all-services.ts');

function capture(folder: string): Journal[] {
  return readJournals(readFileSync(join(fixtures, folder, 'bundle.json'), 'utf8')).journals;
}

async function replayWith(modulePath: string, journal: Journal, target = journal.target!): Promise<SdkReplayResult> {
  const sdk = await loadNodeSdk(modulePath);
  const services = definitionsOfModule(await import(modulePath));
  return sdkReplay(sdk, services, journal, target);
}

/** What the code that wrote each capture does when it replays it. */
const expected: Record<string, SdkVerdict> = {
  'all-calls': 'replayed',
  'all-settled': 'replayed',
  'any-first-success': 'replayed',
  awakeables: 'replayed',
  cancelled: 'replayed',
  'durable-promise': 'replayed',
  'fanout-small': 'replayed',
  'fanout-7000': 'replayed',
  // v1 of Checkout journaled run charge and the awakeable; its next step is run 'ship', which the journal lacks.
  'journal-mismatch': 'stopped',
  'journal-mismatch-type': 'stopped',
  'journal-mismatch-insert': 'stopped',
  'journal-mismatch-await': 'stopped',
  'journal-mismatch/resumed': 'replayed',
  'lazy-state': 'replayed',
  'multi-worker-slow': 'replayed',
  'named-signal': 'replayed',
  'or-timeout': 'replayed',
  // Lab/alwaysBroken throws a plain Error before any command: the replay ends as the real attempts did.
  paused: 'failed',
  'race-timeout': 'replayed',
  'run-retry': 'replayed',
  'run-retry-exhausted': 'replayed',
  'self-signal': 'replayed',
  'send-attach': 'replayed',
  suspended: 'suspended',
  'terminal-failure': 'replayed',
};

describe('sdk-replay: every real capture replays with the code that wrote it', () => {
  for (const [folder, verdict] of Object.entries(expected)) {
    it(`${folder}: ${verdict}`, async () => {
      for (const journal of capture(folder)) {
        const result = await replayWith(allServicesModule, journal);
        expect({ id: journal.invocationId, verdict: result.verdict }).toEqual({ id: journal.invocationId, verdict });
        expect(result.mismatch).toBeNull();
      }
    });
  }

  it('suspended: reports what the handler waits on (c1 and the awakeables s17, s18; s1 is cancellation)', async () => {
    const [journal] = capture('suspended');
    const result = await replayWith(allServicesModule, journal);
    expect(result.awaiting).toEqual({ completions: [1], signals: [1, 17, 18], namedSignals: [] });
  });
});

describe('sdk-replay: changed code gives the 570 the real server recorded', () => {
  const v2 = join(repo, 'test/sdk-replay/checkout-v2.ts');
  // Renamed run, changed command type, inserted run, added await (of a new timer): test/restate-service/mismatch-service.ts.
  for (const folder of [
    'journal-mismatch',
    'journal-mismatch-type',
    'journal-mismatch-insert',
    'journal-mismatch-await',
  ]) {
    it(`${folder}: mismatch at the command index, type and name of the server's 570 event`, async () => {
      const [journal] = capture(folder);
      const server = journal.events.find((e) => e.type === 'TransientError' && e.code === 570);
      if (server?.type !== 'TransientError') throw new Error('the capture has no 570');
      const result = await replayWith(v2, journal);
      expect(result.verdict).toBe('mismatch');
      expect(result.mismatch?.commandIndex).toBe(server.relatedCommandIndex);
      expect(result.mismatch?.actual).toEqual({ type: server.relatedCommandType, name: server.relatedCommandName });
      const recorded = journal.entries.find(
        (e) => e.kind === 'command' && e.commandIndex === server.relatedCommandIndex,
      );
      expect(result.mismatch?.expected).toMatchObject({ type: recorded?.type, name: recorded?.name });
      expect(result.mismatch?.message).toMatch(/mismatch/);
    });
  }
});

describe('sdk-replay: never runs a side effect', () => {
  it('a run whose result is not in the journal stops the replay before its closure executes', async () => {
    const probeModule = join(repo, 'test/sdk-replay/lab-probe.ts');
    const { probe } = (await import(probeModule)) as typeof import('../../test/sdk-replay/lab-probe');
    const [full] = capture('race-timeout');
    // Keep Input, Run, Sleep and the Sleep's notification: the run is still in flight.
    const cut = {
      ...full,
      entries: full.entries.filter((e) => !(e.kind === 'notification' && e.completionId === 1)).slice(0, 4),
    };
    const result = await replayWith(probeModule, cut);
    expect(result.verdict).toBe('stopped');
    expect(result.stoppedAt).toEqual({ run: 'slow-fetch', commandIndex: 1 });
    expect(probe.runsExecuted).toEqual([]);
    // The unchanged journal replays clean with the same module, and still executes nothing.
    expect((await replayWith(probeModule, full)).verdict).toBe('replayed');
    expect(probe.runsExecuted).toEqual([]);
  });
});

describe('sdk-replay: the real SDK decides what our engine decides on the scenario twins', () => {
  const comparable = (d: Decision) => ({
    combinator: d.combinator,
    futures: d.futures,
    winner: d.winner ?? null,
    completed: d.completed,
    entryIndex: d.entryIndex,
  });
  for (const twin of twins) {
    it(`${twin.folder}: same decisions`, async () => {
      const [journal] = capture(twin.folder);
      const ours = await replay(twin.scenario, journal);
      const sdk = await replayWith(allServicesModule, journal);
      expect(sdk.decisions.map(comparable)).toEqual(ours.decisions.map(comparable));
    });
  }
});
