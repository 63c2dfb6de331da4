// For the side-by-side bench (issue 6): a real server holding one big fan-out invocation (about 2 × runs + 2 journal
// entries; runs = 3500 gives ~7,000), its Restate UI address, and the bundle `replay-inspector export` wrote for it.
import { writeFile } from 'node:fs/promises';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { invocationRow, send, waitForStatus } from './admin';
import { FANOUT_RUNS_LARGE } from './cases';
import { startRestateWithService } from './restate';

export interface FanoutEnvironment {
  adminUrl: string;
  ingressUrl: string;
  invocationId: string;
  /** The Restate UI page of the invocation (served by the admin API). */
  uiUrl: string;
  /** Where the bundle of the invocation was written. */
  bundleFile: string;
  journalEntries: number;
  /** Milliseconds: server start, the invocation running to completion, the export. */
  timings: { startMs: number; invocationMs: number; exportMs: number };
  stop(): Promise<void>;
}

export async function startFanout(options: {
  bundleFile: string;
  runs?: number;
  timeoutMs?: number;
}): Promise<FanoutEnvironment> {
  const t0 = Date.now();
  const env = await startRestateWithService();
  try {
    const t1 = Date.now();
    const { adminUrl, ingressUrl } = env.server;
    const invocationId = await send(ingressUrl, 'Lab/fanout', { runs: options.runs ?? FANOUT_RUNS_LARGE });
    await waitForStatus(adminUrl, invocationId, 'completed', { timeoutMs: options.timeoutMs ?? 120_000 });
    const row = await invocationRow(adminUrl, invocationId);
    const t2 = Date.now();
    let errors = '';
    const io: CliIo = {
      out: () => undefined,
      err: (text) => void (errors += text),
      readFile: async () => new Uint8Array(),
      writeFile: (file, data) => writeFile(file, data),
    };
    const code = await main(['export', '--admin', adminUrl, '--id', invocationId, '-o', options.bundleFile], io);
    if (code !== 0) throw new Error(`export failed (${code}): ${errors}`);
    return {
      adminUrl,
      ingressUrl,
      invocationId,
      uiUrl: `${adminUrl}/ui/invocations/${invocationId}`,
      bundleFile: options.bundleFile,
      journalEntries: Number(row?.journal_size ?? 0),
      timings: { startMs: t1 - t0, invocationMs: t2 - t1, exportMs: Date.now() - t2 },
      stop: env.stop,
    };
  } catch (error) {
    await env.stop();
    throw error;
  }
}
