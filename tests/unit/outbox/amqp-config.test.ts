// AMQP_URL and AMQP_EXCHANGE as the publisher reads them: unset means no AMQP channel, a bad value says why.
import { describe, expect, it } from "vitest";
import { DEFAULT_EXCHANGE, readAmqpConfig } from "@/lib/services/outbox/amqp";

describe("readAmqpConfig", () => {
  it("is null without AMQP_URL (or with a blank one): events then go to Inngest only", () => {
    expect(readAmqpConfig({})).toBeNull();
    expect(readAmqpConfig({ AMQP_URL: "  ", AMQP_EXCHANGE: "x" })).toBeNull();
  });

  it("publishes to pinit.events unless AMQP_EXCHANGE names another exchange", () => {
    expect(DEFAULT_EXCHANGE).toBe("pinit.events");
    expect(readAmqpConfig({ AMQP_URL: "amqp://guest:guest@127.0.0.1:5672" })).toEqual({
      url: "amqp://guest:guest@127.0.0.1:5672",
      exchange: "pinit.events",
    });
    expect(readAmqpConfig({ AMQP_URL: " amqps://u:p@mq.example.com/vhost ", AMQP_EXCHANGE: "" })?.exchange).toBe(
      "pinit.events",
    );
    expect(
      readAmqpConfig({ AMQP_URL: "amqps://u:p@mq.example.com/vhost", AMQP_EXCHANGE: "planner.events-v1" }),
    ).toEqual({
      url: "amqps://u:p@mq.example.com/vhost",
      exchange: "planner.events-v1",
    });
  });

  it("refuses a URL that is not amqp:// or amqps://, and exchange names the broker would refuse", () => {
    expect(() => readAmqpConfig({ AMQP_URL: "http://127.0.0.1:15672" })).toThrow(
      /AMQP_URL must be an amqp:\/\/ or amqps:\/\/ URL/,
    );
    expect(() => readAmqpConfig({ AMQP_URL: "amqp://h", AMQP_EXCHANGE: "amq.topic" })).toThrow(
      /AMQP_EXCHANGE must not start with amq\./,
    );
    expect(() => readAmqpConfig({ AMQP_URL: "amqp://h", AMQP_EXCHANGE: "pinit events" })).toThrow(
      /AMQP_EXCHANGE must be/,
    );
    expect(() => readAmqpConfig({ AMQP_URL: "amqp://h", AMQP_EXCHANGE: "x".repeat(256) })).toThrow(/AMQP_EXCHANGE/);
  });
});
