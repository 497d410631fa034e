// The language-model path of proposeBreakdown with the AI SDK's mock model: structured output, repair, the
// language check and every fallback. The real HTTP path is tests/integration/breakdown-llm.test.ts.
import { APICallError } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { offlineBreakdown } from "@/lib/domain/breakdown/offline";
import type { BreakdownRequest } from "@/lib/domain/breakdown/proposal";
import { proposeBreakdown, type Clock } from "@/lib/services/goals/propose-breakdown";
import { breakdownRequest, expectValidFor, request as anyRequest } from "./helpers";

type Generate = InstanceType<typeof MockLanguageModelV3>["doGenerate"];
type GenerateResult = Awaited<ReturnType<Generate>>;

const answer = (text: string): GenerateResult => ({
  content: [{ type: "text", text }],
  finishReason: { unified: "stop", raw: "stop" },
  usage: {
    inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 20, text: 20, reasoning: undefined },
  },
  warnings: [],
});

const mock = (reply: string | Generate) =>
  new MockLanguageModelV3({
    modelId: "mock-planner",
    doGenerate: typeof reply === "string" ? async () => answer(reply) : reply,
  });

const ko: BreakdownRequest = breakdownRequest({ goal: { title: "2주 안에 블로그 열기" }, locale: "ko", maxTasks: 5 });

const task = (ref: string, title: string, after: string[] = [], deadline = "2026-12-10") => ({
  ref,
  title,
  description: "",
  expectedMinutes: 30,
  difficulty: 2,
  importance: 5,
  deadline,
  after,
});

const koreanAnswer = JSON.stringify({
  tasks: [
    task("t1", "블로그 주제 정하기"),
    task("t2", "티스토리 가입하기", ["t1"], "2026-12-12"),
    task("t3", "첫 글 발행하기", ["t2"], "2026-12-20"),
  ],
});

describe("proposeBreakdown", () => {
  it("uses the offline planner when no model is configured", async () => {
    const proposal = await proposeBreakdown(ko, { env: {} });
    expect(proposal).toEqual(offlineBreakdown(ko));
  });

  it("asks the model for the contract's JSON schema in the member's language and uses its answer", async () => {
    const model = mock(koreanAnswer);
    const proposal = await proposeBreakdown(ko, { model, env: {} });
    expectValidFor(proposal, ko);
    expect(proposal.source).toBe("llm");
    expect(proposal.model).toBe("mock-planner");
    expect(proposal.tasks.map((t) => t.title)).toEqual(["블로그 주제 정하기", "티스토리 가입하기", "첫 글 발행하기"]);
    expect(proposal.notes).toEqual(["mock-planner 모델이 제안했어요. 저장하기 전에 고쳐도 돼요."]);

    const call = model.doGenerateCalls[0]!;
    expect(call.responseFormat?.type).toBe("json");
    type Schema = {
      properties: {
        tasks: {
          maxItems: number;
          items: { properties: { title: { maxLength: number }; difficulty: { enum: number[] } } };
        };
      };
    };
    const schema = (call.responseFormat as unknown as { schema: Schema }).schema;
    expect(schema.properties.tasks.maxItems).toBe(5);
    expect(schema.properties.tasks.items.properties.title.maxLength).toBe(40);
    expect(schema.properties.tasks.items.properties.difficulty.enum).toEqual([1, 2, 3, 5, 8, 13, 21]);
    expect(JSON.stringify(schema)).not.toContain('"pattern"');
    const system = call.prompt.find((m) => m.role === "system")!;
    expect(String(system.content)).toContain("한국어");
    expect(JSON.stringify(call.prompt)).toContain("2주 안에 블로그 열기");
  });

  it("reads an answer wrapped in a ```json fence", async () => {
    const proposal = await proposeBreakdown(ko, { model: mock("```json\n" + koreanAnswer + "\n```"), env: {} });
    expect(proposal.source).toBe("llm");
  });

  it("takes a bare list of tasks, and drops items that are not tasks", async () => {
    const list = JSON.stringify([...JSON.parse(koreanAnswer).tasks, "첫 글 쓰기", 42]);
    const proposal = await proposeBreakdown(ko, { model: mock(list), env: {} });
    expect(proposal.source).toBe("llm");
    expect(proposal.tasks).toHaveLength(3);
    expect(proposal.notes).toEqual(
      expect.arrayContaining(["제목이 없는 4번째 할 일을 뺐어요.", "제목이 없는 5번째 할 일을 뺐어요."]),
    );
  });

  it("repairs a cyclic answer and says what it dropped", async () => {
    const cyclic = JSON.stringify({
      tasks: [task("a", "주제 정하기", ["c"]), task("b", "플랫폼 고르기", ["a"]), task("c", "첫 글 쓰기", ["b"])],
    });
    const proposal = await proposeBreakdown(ko, { model: mock(cyclic), env: {} });
    expectValidFor(proposal, ko);
    expect(proposal.source).toBe("llm");
    expect(proposal.notes).toContain("b → c 연결은 순환을 만들어서 뺐어요.");
  });

  const fallbacks: [string, string | Generate, RegExp][] = [
    [
      "an answer in the wrong language",
      JSON.stringify({ tasks: [task("t1", "Pick a topic"), task("t2", "Sign up")] }),
      /한국어가 아니었어요/,
    ],
    ["malformed JSON", '{"tasks": [', /올바른 JSON이 아니었어요/],
    ["the wrong shape", JSON.stringify({ steps: ["a"] }), /형식이 맞지 않았어요 \(answer\.tasks: /],
    [
      "nothing usable after repair",
      JSON.stringify({ tasks: [{ title: "" }, { ref: "x" }] }),
      /쓸 수 있는 할 일이 남지 않았어요/,
    ],
    [
      "an HTTP error",
      async () => {
        throw new APICallError({
          message: "boom",
          url: "http://x/v1/chat/completions",
          requestBodyValues: {},
          statusCode: 500,
        });
      },
      /HTTP 500/,
    ],
    [
      "any other failure",
      async () => {
        throw new TypeError("fetch failed");
      },
      /오류가 났어요 \(TypeError: fetch failed\)/,
    ],
  ];
  for (const [what, reply, reason] of fallbacks) {
    it(`falls back to the offline plan on ${what}, with the reason in the notes`, async () => {
      const proposal = await proposeBreakdown(ko, { model: mock(reply), env: {} });
      expectValidFor(proposal, ko);
      expect(proposal.source).toBe("offline");
      expect(proposal.model).toBeNull();
      expect(proposal.tasks).toEqual(offlineBreakdown(ko).tasks);
      expect(proposal.notes[0]).toMatch(/^언어 모델의 답을 쓸 수 없어 내장 플래너로 계획했어요: /);
      expect(proposal.notes[0]).toMatch(reason);
    });
  }

  it("gives up on a model that does not answer in time, and aborts its call", async () => {
    let signal: AbortSignal | undefined;
    const hanging = mock(
      (options) =>
        new Promise((_, reject) => {
          signal = options.abortSignal;
          options.abortSignal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
    );
    const timers: { fire: () => void; ms: number }[] = [];
    const clock: Clock = {
      setTimeout: (fire, ms) => timers.push({ fire, ms }),
      clearTimeout: () => {},
    };
    const pending = proposeBreakdown(
      { ...ko, locale: "en" },
      { model: hanging, env: { AI_TIMEOUT_MS: "1500" }, clock },
    );
    await expect.poll(() => signal).toBeDefined(); // the model has been called
    expect(timers[0]!.ms).toBe(1500);
    timers[0]!.fire();
    const proposal = await pending;
    expect(proposal.source).toBe("offline");
    expect(proposal.notes[0]).toBe(
      "The language model's answer could not be used, so this is the built-in plan: it did not answer within 1500 ms.",
    );
    expect(signal?.aborted).toBe(true);
  });

  it("waits 20 s by default and clears its timer once the model has answered", async () => {
    const set: number[] = [];
    let cleared = 0;
    const clock: Clock = { setTimeout: (_fire, ms) => set.push(ms), clearTimeout: () => void cleared++ };
    await proposeBreakdown(ko, { model: mock(koreanAnswer), env: {}, clock });
    expect(set).toEqual([20_000]);
    expect(cleared).toBe(1);
  });

  it("says so when the configuration is half set or invalid, and plans offline", async () => {
    const half = await proposeBreakdown({ ...ko, locale: "en" }, { env: { AI_BASE_URL: "http://localhost:11434/v1" } });
    expect(half.source).toBe("offline");
    expect(half.notes[0]).toMatch(/the configuration is invalid \(AI_MODEL is not set\)/);
    const badTimeout = await proposeBreakdown(
      { ...ko, locale: "en" },
      { env: { AI_BASE_URL: "http://localhost:11434/v1", AI_MODEL: "llama3", AI_TIMEOUT_MS: "soon" } },
    );
    expect(badTimeout.notes[0]).toMatch(/AI_TIMEOUT_MS must be a whole number of milliseconds/);
    const badUrl = await proposeBreakdown(
      { ...ko, locale: "en" },
      { env: { AI_BASE_URL: "localhost", AI_MODEL: "llama3" } },
    );
    expect(badUrl.notes[0]).toMatch(/AI_BASE_URL must be an http:\/\/ or https:\/\/ URL/);
  });

  it("always answers a valid proposal, whatever the model says", async () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ tasks: Array.isArray(v) ? v : [v] }));
    const text = fc.oneof(json, fc.string(), fc.constant(koreanAnswer));
    await fc.assert(
      fc.asyncProperty(anyRequest, text, async (r, reply) => {
        const proposal = await proposeBreakdown(r, { model: mock(reply), env: {} });
        expectValidFor(proposal, r);
      }),
      { numRuns: 60 },
    );
  });
});
