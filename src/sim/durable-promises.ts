// The server side of a workflow's durable promises (GetPromise / PeekPromise / CompletePromise), as Restate 1.7
// applies them (restatedev/restate `crates/worker/src/partition/state_machine/entries/get_promise_command.rs`,
// `peek_promise_command.rs`, `complete_promise_command.rs`): a get on a completed promise is answered at once,
// otherwise it becomes a listener answered when the promise completes; a peek is answered at once (Void while not
// completed); a complete on a completed promise fails with 409 "promise was already completed", else it completes
// (Void) and answers every listener. Promise state is server state: it survives a crash of the handler.
// Completion from outside (another handler of the workflow) comes from the world: a behaviour keyed by the promise
// name, drawn the first time the promise is referenced, exactly like an awakeable's.
import type { EntryResult } from '../model';
import type { NotificationFields } from './journal-writer';
import type { ServerEvent } from './events';

/** Restate's ALREADY_COMPLETED_INVOCATION_ERROR (restatedev/restate `crates/types/src/errors.rs`). */
export const PROMISE_ALREADY_COMPLETED = { code: 409, message: 'promise was already completed' };

export interface PromiseServer {
  nowMs(): number;
  /** The outside completion of a promise, or null when the world never completes it. */
  externalCompletion(name: string): { atMs: number; result: EntryResult } | null;
  append(notification: NotificationFields): void;
  schedule(atMs: number, notification: NotificationFields): ServerEvent;
}

interface PromiseState {
  completion: { atMs: number; result: EntryResult } | null;
  listeners: { completionId: number; event: ServerEvent | null }[];
}

export class DurablePromises {
  private readonly promises = new Map<string, PromiseState>();

  constructor(private readonly server: PromiseServer) {}

  private stateOf(name: string): PromiseState {
    let state = this.promises.get(name);
    if (!state) {
      state = { completion: this.server.externalCompletion(name), listeners: [] };
      this.promises.set(name, state);
    }
    return state;
  }

  private completedNow(state: PromiseState): EntryResult | null {
    return state.completion && state.completion.atMs <= this.server.nowMs() ? state.completion.result : null;
  }

  get(completionId: number, name: string): void {
    const state = this.stateOf(name);
    const done = this.completedNow(state);
    const notification = (result: EntryResult): NotificationFields => ({
      type: 'GetPromise',
      name: '',
      completionId,
      result,
    });
    if (done) return this.server.append(notification(done));
    const event = state.completion
      ? this.server.schedule(state.completion.atMs, notification(state.completion.result))
      : null;
    state.listeners.push({ completionId, event });
  }

  peek(completionId: number, name: string): void {
    const done = this.completedNow(this.stateOf(name));
    this.server.append({ type: 'PeekPromise', name: '', completionId, result: done ?? { kind: 'void' } });
  }

  complete(completionId: number, name: string, result: EntryResult): void {
    const state = this.stateOf(name);
    if (this.completedNow(state)) {
      this.server.append({
        type: 'CompletePromise',
        name: '',
        completionId,
        result: { kind: 'failure', failure: { ...PROMISE_ALREADY_COMPLETED } },
      });
      return;
    }
    // Completed from inside before the outside completion the world planned: that one loses (it would get 409).
    state.completion = { atMs: this.server.nowMs(), result };
    this.server.append({ type: 'CompletePromise', name: '', completionId, result: { kind: 'void' } });
    for (const listener of state.listeners.splice(0)) {
      if (listener.event) listener.event.superseded = true;
      this.server.append({ type: 'GetPromise', name: '', completionId: listener.completionId, result });
    }
  }
}
