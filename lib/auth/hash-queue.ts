// Every password hash (sign-up, sign-in, password change) waits here for one of a few slots. A hash costs
// 128 MiB and about half a second of a core, in libuv's thread pool: a flood of sign-ups would otherwise take
// every core and the pool from the rest of the app. When the line is full, the caller is refused at once with
// RATE_LIMITED and Retry-After (the time the line ahead needs), which costs nothing.
import { availableParallelism } from "node:os";
import { DomainError } from "@/lib/domain/errors";

/** the refusal of a full line; sign-in forgets the throttle's count of an attempt refused this way */
export class HashQueueFull extends DomainError {
  constructor(retryAfterSeconds: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super("RATE_LIMITED", `The server is busy. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`, {
      retryAfterSeconds: seconds,
    });
    this.name = "HashQueueFull";
  }
}

export class HashQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** a moving average of one hash's time (ms), for Retry-After */
  private averageMs = 500;

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /** runs `work` when a slot is free; throws HashQueueFull when `maxWaiting` are already waiting */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new HashQueueFull(this.secondsToDrain());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
      const next = this.waiting.shift();
      // the slot passes straight to the next in line, so `running` never drops below what is really running
      if (next) next();
      else this.running -= 1;
    }
  }

  /** how long the work ahead takes, in seconds */
  secondsToDrain(): number {
    return ((this.waiting.length + this.running) * this.averageMs) / this.concurrency / 1000;
  }

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** how many hashes can be running or waiting at once; one more is refused */
  get capacity(): number {
    return this.concurrency + this.maxWaiting;
  }
}

/**
 * One hash at a time per core but one (the event loop keeps a core), at least one; 16 waiting per slot: enough
 * for the bursts the bench and people make (10 sign-ups at once), a few seconds' wait at most.
 */
const SLOTS = Math.max(1, availableParallelism() - 1);
export const passwordHashQueue = new HashQueue(SLOTS, 16 * SLOTS);
