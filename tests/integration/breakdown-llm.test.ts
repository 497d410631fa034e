// proposeBreakdown over real HTTP: the AI SDK's OpenAI-compatible provider against a fake chat-completions server
// on loopback. A good answer is used; a timeout, malformed JSON, a 500, an unreachable server or an answer in the
// wrong language falls back to the offline planner; a cyclic answer is repaired.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BreakdownProposal } from "@/lib/contracts/breakdown";
import { offlineBreakdown } from "@/lib/domain/breakdown/offline";
import type { BreakdownRequest } from "@/lib/domain/breakdown/proposal";
import { findCycle } from "@/lib/domain/graph";
import { proposeBreakdown } from "@/lib/services/goals/propose-breakdown";
import { breakdownRequest } from "../unit/breakdown/helpers";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> };
type Reply = (res: ServerResponse, seen: Seen) => void;

let server: Server;
let baseUrl: string;
let reply: Reply;
const seen: Seen[] = [];
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request: Seen = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
      };
      seen.push(request);
      open.add(res);
      res.on("close", () => open.delete(res));
      reply(res, request);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const completion = (content: string) => (res: ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "fake-model",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 100, completion_tokens: 200, total_tokens: 300 },
    }),
  );
};

const request: BreakdownRequest = breakdownRequest({ goal: { title: "I want to open a blog in two weeks" } });

const env = (over: Record<string, string> = {}) => ({
  AI_BASE_URL: baseUrl,
  AI_MODEL: "fake-model",
  AI_API_KEY: "secret-key",
  AI_TIMEOUT_MS: "10000", // only the timeout test waits for it
  ...over,
});

const task = (ref: string, title: string, after: string[] = [], deadline = "2026-12-10") => ({
  ref,
  title,
  description: `Do ${title.toLowerCase()}.`,
  expectedMinutes: 45,
  difficulty: 3,
  importance: 6,
  deadline,
  after,
});

const englishAnswer = {
  tasks: [
    task("topic", "Choose a topic and audience"),
    task("platform", "Pick a blogging platform", ["topic"], "2026-12-11"),
    task("post", "Write and publish the first post", ["platform"], "2026-12-20"),
  ],
};

function expectValid(proposal: BreakdownProposal) {
  BreakdownProposal.parse(proposal);
  expect(findCycle(proposal.tasks.flatMap((t) => t.after.map((ref) => [ref, t.ref] as const)))).toBeNull();
  for (const t of proposal.tasks) {
    expect(t.deadline >= request.today).toBe(true);
    expect(t.deadline <= request.goal.targetDate!).toBe(true);
  }
}

function expectFallback(proposal: BreakdownProposal, reason: RegExp) {
  expectValid(proposal);
  expect(proposal.source).toBe("offline");
  expect(proposal.model).toBeNull();
  expect(proposal.tasks).toEqual(offlineBreakdown(request).tasks);
  expect(proposal.notes[0]).toMatch(/^The language model's answer could not be used, so this is the built-in plan: /);
  expect(proposal.notes[0]).toMatch(reason);
}

describe("proposeBreakdown against an OpenAI-compatible server", () => {
  it("uses a good answer, having asked for the contract's JSON schema with the key and the model's name", async () => {
    reply = completion(JSON.stringify(englishAnswer));
    const proposal = await proposeBreakdown(request, { env: env() });
    expectValid(proposal);
    expect(proposal.source).toBe("llm");
    expect(proposal.model).toBe("fake-model");
    expect(proposal.tasks.map((t) => t.title)).toEqual(englishAnswer.tasks.map((t) => t.title));
    expect(proposal.tasks[2]!.after).toEqual(["platform"]);

    expect(seen).toHaveLength(1); // no retry
    const [call] = seen;
    expect(call!.method).toBe("POST");
    expect(call!.url).toBe("/v1/chat/completions");
    expect(call!.headers.authorization).toBe("Bearer secret-key");
    expect(call!.body.model).toBe("fake-model");
    const format = call!.body.response_format as {
      type: string;
      json_schema: { schema: { properties: { tasks: { maxItems: number } } } };
    };
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.schema.properties.tasks.maxItems).toBe(8);
    const messages = call!.body.messages as { role: string; content: string }[];
    expect(messages[0]!.role).toBe("system");
    expect(messages[0]!.content).toContain("Write every title and description in English");
    expect(messages.at(-1)!.content).toContain("I want to open a blog in two weeks");
  });

  it("sends no Authorization header without AI_API_KEY", async () => {
    reply = completion(JSON.stringify(englishAnswer));
    const { AI_API_KEY: _unused, ...withoutKey } = env();
    void _unused;
    await proposeBreakdown(request, { env: withoutKey });
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it("repairs a cyclic answer and keeps it", async () => {
    const cyclic = {
      tasks: [
        task("a", "Choose a topic", ["c"]),
        task("b", "Pick a platform", ["a"]),
        task("c", "Publish the first post", ["b"], "2030-01-01"),
      ],
    };
    reply = completion(JSON.stringify(cyclic));
    const proposal = await proposeBreakdown(request, { env: env() });
    expectValid(proposal);
    expect(proposal.source).toBe("llm");
    expect(proposal.tasks.map((t) => t.after)).toEqual([["c"], ["a"], []]);
    expect(proposal.notes).toContain("The edge b → c closed a cycle and was dropped.");
    expect(proposal.notes).toContain("The deadline of c moved from 2030-01-01 to 2026-12-21.");
  });

  it("falls back when the server does not answer within AI_TIMEOUT_MS", async () => {
    reply = () => {}; // never answers
    const proposal = await proposeBreakdown(request, { env: env({ AI_TIMEOUT_MS: "300" }) });
    expectFallback(proposal, /it did not answer within 300 ms\.$/);
  });

  it("falls back on malformed JSON in the answer", async () => {
    reply = completion('{"tasks": [ {"ref": "a", ');
    expectFallback(await proposeBreakdown(request, { env: env() }), /its answer was not valid JSON\.$/);
  });

  it("falls back on a body that is not a chat completion", async () => {
    reply = (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("<html>gateway</html>");
    };
    expectFallback(await proposeBreakdown(request, { env: env() }), /its answer was not valid JSON\.$/);
  });

  it("falls back on an answer in the wrong language", async () => {
    reply = completion(JSON.stringify({ tasks: [task("a", "블로그 주제 정하기"), task("b", "첫 글 쓰기", ["a"])] }));
    expectFallback(await proposeBreakdown(request, { env: env() }), /its answer was not in English\.$/);
  });

  it("falls back on a 500", async () => {
    reply = (res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "model crashed", type: "server_error" } }));
    };
    expectFallback(await proposeBreakdown(request, { env: env() }), /the server answered HTTP 500\.$/);
    expect(seen).toHaveLength(1); // and does not retry
  });

  it("falls back when nothing listens at AI_BASE_URL", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const proposal = await proposeBreakdown(request, { env: env({ AI_BASE_URL: `http://127.0.0.1:${port}/v1` }) });
    expectFallback(proposal, /the server could not be reached/);
  });
});
