// One attempt of the simulated server talking to the real SDK: a bidirectional service-protocol stream to the
// SDK's own fetch endpoint handler (`createEndpointHandler({ bidirectional: true })`), in process. The server
// writes frames into the request body while it is open (the replayed journal, then each notification) and reads
// the SDK's frames from the response body as they come. Only web-standard streams: it runs in a Worker too.
import { decodeFrames, encodeFrames, HEADER_BYTES, type Frame } from '../protocol/frames';

/** Taken when this module loads: the engine Worker removes `Request` before user code runs (src/ui/engine/sandbox.ts). */
const RequestConstructor = globalThis.Request;

export type FetchHandler = (request: Request) => Promise<Response>;

export const SESSION_CONTENT_TYPE = 'application/vnd.restate.invocation.v6';

export class SdkSession {
  /** Frames the SDK wrote that the server has not taken yet. */
  private inbox: Frame[] = [];
  private pending = new Uint8Array(0);
  /** Bytes received so far (part of the activity the idle check watches). */
  bytesReceived = 0;
  ended = false;
  private inputOpen = true;
  private readonly done: Promise<void>;

  private constructor(
    private readonly input: ReadableStreamDefaultController<Uint8Array>,
    response: Promise<Response>,
  ) {
    this.done = response.then(async (answer) => {
      if (answer.status !== 200 || !answer.body) {
        const text = await answer.text();
        throw new Error(`the SDK refused the invocation (HTTP ${answer.status}): ${text}`);
      }
      const reader = answer.body.getReader();
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        this.receive(chunk.value);
      }
      this.ended = true;
    });
    // An error is surfaced by `finished()`; never an unhandled rejection in between.
    this.done.catch(() => undefined);
  }

  static open(endpoint: FetchHandler, path: string, first: Frame[]): SdkSession {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    controller.enqueue(encodeFrames(first));
    const request = new RequestConstructor(`http://sdk-sim.invalid${path}`, {
      method: 'POST',
      headers: { 'content-type': SESSION_CONTENT_TYPE, accept: SESSION_CONTENT_TYPE },
      body,
      // A streaming request body (fetch spec `duplex: 'half'`; Node needs it spelled out).
      duplex: 'half',
    } as RequestInit);
    return new SdkSession(controller, endpoint(request));
  }

  send(frames: Frame[]): void {
    if (!this.inputOpen || frames.length === 0) return;
    this.input.enqueue(encodeFrames(frames));
  }

  /** The server has nothing more to say: the SDK suspends on what it awaits (or finishes). */
  closeInput(): void {
    if (!this.inputOpen) return;
    this.inputOpen = false;
    this.input.close();
  }

  /** The handler process dies (a crash): the stream breaks; whatever the SDK writes afterwards is ignored. */
  abort(): void {
    this.ended = true;
    if (!this.inputOpen) return;
    this.inputOpen = false;
    this.input.error(new Error('simulated crash: the connection to the handler broke'));
  }

  take(): Frame[] {
    const frames = this.inbox;
    this.inbox = [];
    return frames;
  }

  /** Resolves when the SDK has closed its answer; rejects if it refused the request. */
  finished(): Promise<void> {
    return this.done;
  }

  private receive(bytes: Uint8Array): void {
    this.bytesReceived += bytes.length;
    const joined = new Uint8Array(this.pending.length + bytes.length);
    joined.set(this.pending);
    joined.set(bytes, this.pending.length);
    let complete = 0;
    const view = new DataView(joined.buffer);
    while (complete + HEADER_BYTES <= joined.length) {
      const length = view.getUint32(complete + 4);
      if (complete + HEADER_BYTES + length > joined.length) break;
      complete += HEADER_BYTES + length;
    }
    // Copies: the frames outlive this chunk's buffer.
    for (const frame of decodeFrames(joined.slice(0, complete))) this.inbox.push(frame);
    this.pending = joined.slice(complete);
  }
}
