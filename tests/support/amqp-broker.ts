// The real RabbitMQ for the AMQP tests: AMQP_TEST_URL (.ci/run sets it), else the local broker with its default
// guest account. A queue bound to a test's own exchange records every delivery with its message-id, and the
// broker can be restarted (rabbitmqctl) to prove that nothing confirmed is lost.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { connect, type Channel, type ChannelModel } from "amqplib";

const run = promisify(execFile);

export const brokerUrl = process.env.AMQP_TEST_URL || "amqp://guest:guest@127.0.0.1:5672";

/** null when a connection opens; else why not (printed by the tests that it skips) */
export async function brokerUnreachable(url = brokerUrl): Promise<string | null> {
  try {
    const connection = await connect(url, { timeout: 3_000 });
    await connection.close();
    return null;
  } catch (e) {
    return `no AMQP broker at ${url.replace(/\/\/[^@/]*@/, "//")}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** an exchange name of this test run's own, so runs and tests never see each other's messages */
export const testExchange = (label: string) => `pinit.test.${label}.${randomBytes(4).toString("hex")}`;

export type Delivery = {
  messageId: string;
  routingKey: string;
  contentType?: string;
  deliveryMode?: number;
  type?: string;
  timestamp?: number;
  appId?: string;
  body: unknown;
};

/**
 * A durable queue bound to every routing key of `exchange` (declared here too, as the publisher declares it).
 * Durable, so that it and its persistent messages outlive a broker restart; `collect` reads them on a fresh
 * connection, acknowledging each, until the queue stays empty for a moment.
 */
export async function bindQueue(exchange: string) {
  const queue = `${exchange}.consumer`;
  await withChannel(async (channel) => {
    await channel.assertExchange(exchange, "topic", { durable: true });
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, exchange, "#");
  });
  return {
    queue,
    collect: () =>
      withChannel(async (channel) => {
        const got: Delivery[] = [];
        for (let empty = 0; empty < 3;) {
          const message = await channel.get(queue, { noAck: false });
          if (message === false) {
            empty++;
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
          empty = 0;
          channel.ack(message);
          got.push({
            messageId: String(message.properties.messageId),
            routingKey: message.fields.routingKey,
            contentType: message.properties.contentType as string | undefined,
            deliveryMode: message.properties.deliveryMode as number | undefined,
            type: message.properties.type as string | undefined,
            timestamp: message.properties.timestamp as number | undefined,
            appId: message.properties.appId as string | undefined,
            body: JSON.parse(message.content.toString("utf8")) as unknown,
          });
        }
        return got;
      }),
    remove: () =>
      withChannel(async (channel) => {
        await channel.deleteQueue(queue);
        await channel.deleteExchange(exchange);
      }).catch(() => undefined),
  };
}

async function withChannel<T>(work: (channel: Channel) => Promise<T>): Promise<T> {
  const connection: ChannelModel = await connect(brokerUrl, { timeout: 5_000, noDelay: true });
  connection.on("error", () => undefined); // reported through the operation that failed
  try {
    const channel = await connection.createChannel();
    channel.on("error", () => undefined);
    return await work(channel);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

/** null when this machine can restart the broker (rabbitmqctl reaches it); else why not */
export async function restartUnavailable(): Promise<string | null> {
  const host = new URL(brokerUrl).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") return `the broker at ${host} is not this machine's`;
  try {
    await run("rabbitmqctl", ["-q", "status"], { timeout: 30_000 });
    return null;
  } catch (e) {
    return `rabbitmqctl cannot reach the broker: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
  }
}

/** stop the broker's application (every connection drops, nothing is accepted) until `start` */
export async function stopBroker(): Promise<void> {
  await run("rabbitmqctl", ["-q", "stop_app"], { timeout: 60_000 });
}

export async function startBroker(): Promise<void> {
  await run("rabbitmqctl", ["-q", "start_app"], { timeout: 120_000 });
  await run("rabbitmqctl", ["-q", "await_startup", "--timeout", "60"], { timeout: 90_000 });
}

/**
 * raise (or clear) the broker's memory alarm: RabbitMQ then blocks every publishing connection, without closing
 * it, until the alarm clears: a broker that stops confirming
 */
export async function setMemoryAlarm(on: boolean): Promise<void> {
  await run("rabbitmqctl", ["-q", "set_vm_memory_high_watermark", on ? "0" : "0.4"], { timeout: 60_000 });
}
