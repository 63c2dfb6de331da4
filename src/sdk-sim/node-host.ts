// The simulated server's host in Node: the real SDK the scenario module resolves, and setImmediate turns.
import { setImmediate } from 'node:timers/promises';
import { loadNodeSdk } from '../sdk-host/node-sdk';
import type { SdkSimHost } from './server';

export async function nodeSdkSimHost(fromFile: string): Promise<SdkSimHost> {
  const sdk = await loadNodeSdk(fromFile);
  return { sdk, yieldTurn: () => setImmediate().then(() => undefined) };
}
