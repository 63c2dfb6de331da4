// What a REAL Restate 1.7.12 server answers to an AttachInvocation whose target invocation never existed
// (Extras/attachTo in test/restate-service/more-services.ts, on an id made from a real one by changing its last
// character: same partition key, an invocation uuid nobody used), and both simulation engines against it: they
// answer an id the simulation did not start the same way (docs/restate-semantics-notes.md §9).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readJournals } from '../../src/journal-reader';
import type { Journal } from '../../src/model';
import * as restate from '@restatedev/restate-sdk';
import { defineScenario, simulate } from '../../src/sim';
import { defineSdkScenario, simulateSdk } from '../../src/sdk-sim';
import { nodeSdkSimHost } from '../../src/sdk-sim/node-host';
import { send, waitForStatus } from '../harness/restate';
import { captureIo } from './cli-helpers';
import { restateSuite } from './restate-suite';

const { ready, workDir } = restateSuite('ri-attach-unknown-');

/** A real id with its last base62 character changed: a well-formed id of an invocation that never existed. */
function neverStarted(realId: string): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const last = realId.at(-1)!;
  return realId.slice(0, -1) + alphabet[(alphabet.indexOf(last) + 1) % alphabet.length];
}

async function exported(id: string): Promise<Journal> {
  const file = path.join(workDir(), `${id}.bundle.json`);
  const cli = captureIo();
  const code = await main(['export', '--admin', ready().server.adminUrl, '--id', id, '-o', file], cli.io);
  expect(code, cli.err()).toBe(0);
  const { journals } = readJournals(await readFile(file, 'utf8'));
  expect(journals).toHaveLength(1);
  return journals[0];
}

function shapeOf(journal: Journal) {
  return journal.entries.map((e) => ({
    kind: e.kind,
    type: e.type,
    ...(e.kind === 'command' && e.type === 'AttachInvocation' ? { invocationId: e.invocationId } : {}),
    ...(e.kind === 'notification' || (e.kind === 'command' && e.type === 'Output') ? { result: e.result } : {}),
  }));
}

describe('real Restate 1.7.12: attach to an invocation id that does not exist', () => {
  it('the AttachInvocation notification is a failure [404] "not found", and the handler fails with it', async () => {
    const { server } = ready();
    const real = await send(server.ingressUrl, 'Worker/slow', 0);
    await waitForStatus(server.adminUrl, real, 'completed');
    const target = neverStarted(real);
    const id = await send(server.ingressUrl, 'Extras/attachTo', { target });
    const row = await waitForStatus(server.adminUrl, id, ['completed', 'suspended', 'backing-off', 'paused']);
    const journal = await exported(id);
    const shape = shapeOf(journal);
    console.info(JSON.stringify({ status: row.status, completion_failure: row.completion_failure, shape }));
    expect(row.status).toBe('completed');
    // Both simulation engines write the same journal for the same handler (src/sim/world.ts `onAttach`).
    const handler = async (ctx: restate.Context) =>
      await ctx.invocation(restate.InvocationIdParser.fromString(target)).attach<number>();
    const ours = await simulate(
      defineScenario({ name: 'attach-unknown', handler: async (ctx) => await ctx.attach(target) }),
      { seed: 1 },
    );
    const sdk = await simulateSdk(
      await nodeSdkSimHost(import.meta.filename),
      defineSdkScenario({
        name: 'attach-unknown',
        services: restate.service({ name: 'Extras', handlers: { attachTo: handler } }),
      }),
      { seed: 1 },
    );
    expect(shapeOf(ours.journal)).toEqual(shape);
    expect(shapeOf(sdk.journal)).toEqual(shape);
    expect(shape).toEqual([
      { kind: 'command', type: 'Input' },
      { kind: 'command', type: 'AttachInvocation', invocationId: target },
      {
        kind: 'notification',
        type: 'AttachInvocation',
        result: { kind: 'failure', failure: { code: 404, message: 'not found' } },
      },
      { kind: 'command', type: 'Output', result: { kind: 'failure', failure: { code: 404, message: 'not found' } } },
    ]);
  });
});
