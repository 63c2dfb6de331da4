// Raw rows of a loaded journal, fetched on demand. The Worker that read the file keeps the rows (the page never
// copies 100,000 of them); the inspector asks for one when it shows an entry. Workers of journals no longer shown
// are ended whenever a new one registers (the shown run's and the newest one's stay: a compared second run, say).
import { useEffect, useState } from 'react';
import type { Entry, Journal } from '../../model';
import type { ProtocolRow } from './protocol';
import { protocolRowsOf } from '../../run/protocol-rows';
import { rawText } from '../../run/raw-text';
import { useStore } from '../store/store';

/** One row's text for the inspector, or every row's protocol payload for a real-SDK replay (sdkReplayJob.ts). */
export type RawRowRequest = { type: 'raw'; id: number; index: number } | { type: 'protocol-rows'; id: number };

export type RawRowReply =
  { type: 'raw'; id: number; text: string } | { type: 'protocol-rows'; id: number; rows: ProtocolRow[] };

interface RawSource {
  journal: Journal;
  worker: Worker;
  pending: Map<number, (reply: RawRowReply | null) => void>;
}

const sources: RawSource[] = [];
let nextId = 1;

/** Registers `worker` as the holder of the raw rows of `journal`, ending those of journals no longer shown. */
export function keepRawSource(journal: Journal, worker: Worker): void {
  const shown = useStore.getState().run?.journal;
  for (let i = sources.length - 1; i >= 0; i--) {
    if (sources[i].journal === shown) continue;
    sources[i].worker.terminate();
    sources.splice(i, 1);
  }
  const pending = new Map<number, (reply: RawRowReply | null) => void>();
  worker.onmessage = (event: MessageEvent<RawRowReply>) => {
    const reply = event.data;
    if (reply?.type !== 'raw' && reply?.type !== 'protocol-rows') return;
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
  };
  worker.onerror = () => {
    pending.forEach((resolve) => resolve(null));
    pending.clear();
  };
  sources.push({ journal, worker, pending });
}

/** The raw rows of `from` also serve `to`, the same journal with entries appended (Connect's Follow). */
export function carryRawSource(from: Journal, to: Journal): void {
  const source = sources.find((x) => x.journal === from);
  if (source) source.journal = to;
}

/** The raw row of entry `index` of `journal` as text ('' when it has none or its Worker is gone). */
export async function fetchRawText(journal: Journal, index: number): Promise<string> {
  const reply = await ask(journal, (id) => ({ type: 'raw', id, index }));
  return reply?.type === 'raw' ? reply.text : '';
}

/**
 * The protocol payload of every entry of `journal`, by entry index: inline where an entry still carries its raw row
 * (Connect's appended entries), else from the Worker that read it; null for entries without one (a simulation).
 */
export async function fetchProtocolRows(journal: Journal): Promise<ProtocolRow[]> {
  const reply = await ask(journal, (id) => ({ type: 'protocol-rows', id }));
  const kept = reply?.type === 'protocol-rows' ? reply.rows : [];
  const inline = protocolRowsOf(journal.entries.map((e) => e.raw));
  return journal.entries.map((_, i) => inline[i] ?? kept[i] ?? null);
}

function ask(journal: Journal, request: (id: number) => RawRowRequest): Promise<RawRowReply | null> {
  const s = sources.find((x) => x.journal === journal);
  if (!s) return Promise.resolve(null);
  const id = nextId++;
  return new Promise((resolve) => {
    s.pending.set(id, resolve);
    s.worker.postMessage(request(id));
  });
}

/** The raw row text of an entry of the loaded run: inline when the entry still carries it, else from the Worker. */
export function useRawText(entry: Entry): string {
  const journal = useStore((st) => st.run?.journal ?? null);
  const inline = entry.raw !== undefined ? rawText(entry.raw) : null;
  const [fetched, setFetched] = useState<{ entry: Entry; text: string } | null>(null);
  useEffect(() => {
    if (inline !== null || !journal || journal.entries[entry.index] !== entry) return;
    let live = true;
    void fetchRawText(journal, entry.index).then((text) => live && setFetched({ entry, text }));
    return () => {
      live = false;
    };
  }, [entry, journal, inline]);
  return inline ?? (fetched?.entry === entry ? fetched.text : '');
}
