// What the server derives from an invocation id reaches the journal: an awakeable id (from the id's raw bytes) in a
// one-way call's parameter, and `ctx.rand` values (from the seed Restate computes from the id) in the output
// (Extras/identities in test/restate-service/more-services.ts). Offline replay by the real SDK must send the
// StartMessage the server sent (src/model/invocation-id.ts), or both come out different: a journal mismatch the
// server never saw.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readJournals } from '../../src/journal-reader';
import { send, waitForStatus } from '../harness/restate';
import { awakeableIdOf } from '../../src/sim/awakeable-id';
import { captureIo } from './cli-helpers';
import { restateSuite } from './restate-suite';

const { ready, workDir } = restateSuite('ri-identity-');
const allServices = path.resolve(import.meta.dirname, '../restate-service/all-services.ts');

async function sdkReplay(file: string): Promise<{ code: number; result: { verdict: string; message?: string } }> {
  const cli = captureIo();
  const code = await main(['sdk-replay', allServices, file, '--json'], cli.io);
  return { code, result: JSON.parse(cli.out() || '{}') as { verdict: string; message?: string } };
}

describe('real Restate 1.7.12: the invocation id in the StartMessage', () => {
  it('an awakeable id and ctx.rand values journaled by the handler replay offline exactly', async () => {
    const { server } = ready();
    const id = await send(server.ingressUrl, 'Extras/identities', null);
    await waitForStatus(server.adminUrl, id, 'completed');
    const file = path.join(workDir(), 'identities.bundle.json');
    const cli = captureIo();
    expect(await main(['export', '--admin', server.adminUrl, '--id', id, '-o', file], cli.io), cli.err()).toBe(0);
    const [journal] = readJournals(await readFile(file, 'utf8')).journals;
    const output = journal.entries.find((e) => e.kind === 'command' && e.type === 'Output');
    expect(JSON.stringify(output)).toMatch(/sign_1/);
    // Our engine makes the same awakeable id from the same invocation id (its first awakeable is signal 17).
    const value = output?.kind === 'command' && output.result?.kind === 'success' ? output.result.payload : undefined;
    if (!value) throw new Error('no Output value');
    const recorded = JSON.parse(value.text) as { awakeableId: string };
    expect(awakeableIdOf(id, 17)).toBe(recorded.awakeableId);

    const replayed = await sdkReplay(file);
    expect(replayed.result.verdict, replayed.result.message).toBe('replayed');
    expect(replayed.code).toBe(0);

    // The same journal under another invocation id (its last character changed) mismatches: the check above can fail.
    const other = id.slice(0, -1) + (id.endsWith('a') ? 'b' : 'a');
    const renamed = path.join(workDir(), 'renamed.bundle.json');
    await writeFile(renamed, (await readFile(file, 'utf8')).replaceAll(id, other));
    const mismatched = await sdkReplay(renamed);
    expect(mismatched.result.verdict).toBe('mismatch');
  });
});
