// The outbox's second channel: every event published to a durable topic exchange on an AMQP broker (RabbitMQ),
// for services outside the app. Routing key = the event type, message-id = the outbox id, body = the ids-only
// payload as JSON, persistent. The channel is in confirm mode and a batch counts as delivered only when the
// broker has confirmed every message of it (drain.ts marks the rows after `publish` resolves), so a broker that
// is down or restarts loses nothing: the rows stay unsent and the sweep (inngest/functions/amqp-publish.ts)
// publishes them again, possibly twice; consumers dedupe by message-id.
import { connect, type ChannelModel, type ConfirmChannel } from "amqplib";
import * as z from "zod";
import { drainOutbox, type DrainResult, type OutboxMessage } from "./drain";

export type AmqpConfig = { url: string; exchange: string };

export const DEFAULT_EXCHANGE = "pinit.events";

const AmqpEnv = z.object({
  AMQP_URL: z
    .string()
    .trim()
    .regex(/^amqps?:\/\/\S+$/, "must be an amqp:// or amqps:// URL"),
  // RabbitMQ's rule for exchange names: up to 255 of letters, digits, '-', '_', '.', ':'; "amq." is reserved
  AMQP_EXCHANGE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.:-]{1,255}$/, "must be 1–255 letters, digits, '-', '_', '.' or ':'")
    .refine((s) => !s.startsWith("amq."), "must not start with amq. (reserved by the broker)")
    .default(DEFAULT_EXCHANGE),
});

/** null when AMQP_URL is unset: events then go to Inngest only; a malformed setting throws with its reason */
export function readAmqpConfig(env: Record<string, string | undefined> = process.env): AmqpConfig | null {
  if (!env.AMQP_URL?.trim()) return null;
  const parsed = AmqpEnv.safeParse({ AMQP_URL: env.AMQP_URL, AMQP_EXCHANGE: env.AMQP_EXCHANGE?.trim() || undefined });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join("; "));
  return { url: parsed.data.AMQP_URL, exchange: parsed.data.AMQP_EXCHANGE };
}

type Link = { connection: ChannelModel; channel: ConfirmChannel };

/** one long-lived connection and confirm channel, opened on first use and opened again after it failed */
export class AmqpPublisher {
  private link: Promise<Link> | undefined;
  /** the connection `link` resolved to: only its own close may clear `link` */
  private connection: ChannelModel | undefined;
  private closed = false;
  /** connections opened so far: one for the life of the process, plus one after each failure */
  opened = 0;

  /**
   * confirmTimeoutMs: how long a batch may wait for its confirms (a broker under a memory or disk alarm blocks
   * publishers without closing the connection). Well under drain.ts's 60 s lease, so that a batch is given up,
   * and its rows left for the next sweep, before another replica may lease them.
   */
  constructor(
    readonly config: AmqpConfig,
    private readonly options: { confirmTimeoutMs?: number } = {},
  ) {}

  /** resolves once the broker confirmed every message; rejects (and nothing counts as delivered) otherwise */
  async publish(messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const { connection, channel } = await this.open();
    const confirmed = messages.map(
      (m) =>
        new Promise<void>((resolve, reject) => {
          // the batch is bounded (drain.ts), so a full write buffer (publish returning false) needs no pause here:
          // amqplib keeps the frames and the confirms below wait for them
          channel.publish(
            this.config.exchange,
            m.type,
            Buffer.from(JSON.stringify(m)),
            {
              persistent: true,
              messageId: m.id,
              contentType: "application/json",
              type: m.type,
              timestamp: Math.floor(Date.parse(m.occurredAt) / 1000),
              appId: "pinit",
            },
            (error: unknown) =>
              error ? reject(error instanceof Error ? error : new Error(`broker refused message ${m.id}`)) : resolve(),
          );
        }),
    );
    // every promise settles: on a nack, or when the channel closes with messages unconfirmed (amqplib rejects them)
    const timeoutMs = this.options.confirmTimeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    const outcomes = await Promise.race([
      Promise.allSettled(confirmed),
      new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs))),
    ]).finally(() => clearTimeout(timer));
    if (outcomes === "timeout") {
      // the connection is of no use while it waits: drop it (its unconfirmed messages settle as failed) and let
      // the next sweep open a new one
      this.forget(connection);
      connection.close().catch(() => undefined);
      throw new Error(`AMQP: the broker confirmed not all of ${messages.length} message(s) within ${timeoutMs} ms`);
    }
    const refused = outcomes.filter((o) => o.status === "rejected");
    if (refused.length > 0) {
      const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
      throw new Error(
        `AMQP: ${refused.length} of ${messages.length} message(s) not confirmed: ${reason instanceof Error ? reason.message : String(reason)}`,
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const link = this.link;
    this.link = undefined;
    if (!link) return;
    const opened = await link.catch(() => undefined);
    await opened?.connection.close().catch(() => undefined);
  }

  private open(): Promise<Link> {
    if (this.closed) return Promise.reject(new Error("AMQP publisher closed"));
    this.link ??= this.connect().catch((e: unknown) => {
      this.link = undefined; // the next publish tries again
      throw e;
    });
    return this.link;
  }

  /** the next publish opens a new connection, unless `connection` is not the current one any more */
  private forget(connection: ChannelModel): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.link = undefined;
  }

  private async connect(): Promise<Link> {
    const connection = await connect(this.config.url, {
      timeout: 5_000,
      noDelay: true,
      clientProperties: { connection_name: "pinit outbox" },
    });
    this.opened++;
    const forget = () => this.forget(connection);
    // 'error' is always followed by 'close'; without a listener it would crash the process
    connection.on("error", () => undefined);
    connection.on("close", forget);
    try {
      const channel = await connection.createConfirmChannel();
      channel.on("error", () => undefined);
      // a channel closed by the broker (e.g. a publish to a deleted exchange) leaves the connection useless to us
      channel.on("close", () => {
        forget();
        connection.close().catch(() => undefined);
      });
      await channel.assertExchange(this.config.exchange, "topic", { durable: true });
      this.connection = connection;
      return { connection, channel };
    } catch (e) {
      await connection.close().catch(() => undefined);
      throw e;
    }
  }
}

const holder = globalThis as unknown as { pinitAmqp?: AmqpPublisher | null };

/** the process-wide publisher, or null when AMQP_URL is unset (one across Next.js dev reloads) */
export function amqpPublisher(): AmqpPublisher | null {
  if (holder.pinitAmqp === undefined) {
    const config = readAmqpConfig();
    holder.pinitAmqp = config ? new AmqpPublisher(config) : null;
  }
  return holder.pinitAmqp;
}

/** close the process-wide publisher; the next amqpPublisher() reads the environment again (shutdown, tests) */
export async function closeAmqpPublisher(): Promise<void> {
  const current = holder.pinitAmqp;
  holder.pinitAmqp = undefined;
  await current?.close();
}

/** one sweep of the AMQP channel: publishes what the broker has not confirmed yet, oldest first */
export function publishOutboxToAmqp(
  publisher: AmqpPublisher,
  options: { batchSize?: number; maxBatches?: number; now?: () => Date } = {},
): Promise<DrainResult> {
  return drainOutbox((messages) => publisher.publish(messages), { ...options, channel: "amqp" });
}
