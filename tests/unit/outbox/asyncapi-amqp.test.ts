// The AMQP half of docs/asyncapi.yaml against the publisher (lib/services/outbox/amqp.ts): the exchange, its
// type, the routing key of every domain event and persistent delivery, as the code publishes them.
import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "@/lib/domain/events";
import { DEFAULT_EXCHANGE } from "@/lib/services/outbox/amqp";
import { asyncApiDocument, resolve, type Json } from "../../support/asyncapi";

const doc = asyncApiDocument;

describe("docs/asyncapi.yaml, AMQP", () => {
  const servers = doc.servers as Record<string, Json>;

  it("names an AMQP 0-9-1 server", () => {
    expect(servers.amqp).toMatchObject({ protocol: "amqp", protocolVersion: "0-9-1" });
  });

  it("routes every domain event to the durable topic exchange by its type, persistent, typed by its type", () => {
    const channels = Object.values(doc.channels as Json) as Json[];
    const operations = Object.values(doc.operations as Json) as Json[];
    for (const type of EVENT_TYPES) {
      const channel = channels.find((c) => c.address === type) as Json;
      expect((channel.servers as unknown[]).map(resolve), type).toContain(servers.amqp);
      // the channel's address is the routing key (`is: routingKey`), on the exchange the publisher declares
      expect(resolve(channel.bindings).amqp, type).toEqual({
        is: "routingKey",
        exchange: { name: DEFAULT_EXCHANGE, type: "topic", durable: true, autoDelete: false, vhost: "/" },
        bindingVersion: "0.3.0",
      });
      const operation = operations.find((o) => resolve(o.channel) === channel) as Json;
      expect(resolve(operation.bindings).amqp, type).toEqual({
        deliveryMode: 2,
        timestamp: true,
        bindingVersion: "0.3.0",
      });
      for (const message of Object.values(channel.messages as Json).map(resolve)) {
        expect((message.bindings as Json).amqp, type).toEqual({ messageType: type, bindingVersion: "0.3.0" });
      }
    }
  });
});
