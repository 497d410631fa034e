// Propose a break-down of a goal (planning.md, "Break-down"); writes nothing. With AI_BASE_URL and AI_MODEL set,
// an OpenAI-compatible model (a hosted one or a local Ollama) is asked through the AI SDK for structured output
// shaped by the contract's schema; its answer is repaired (repairProposal) and must be in the member's language.
// Anything else — no configuration, a timeout, an HTTP error, malformed JSON, the wrong shape or language, nothing
// usable left — gives the offline planner's proposal, with the reason in its notes.

import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import {
  APICallError,
  NoObjectGeneratedError,
  Output,
  extractJsonMiddleware,
  generateText,
  jsonSchema,
  wrapLanguageModel,
  type JSONSchema7,
  type LanguageModel,
} from "ai";
import * as z from "zod";
import { createSchema } from "zod-openapi";
import { BreakdownProposal, ModelAnswerShape, modelAnswerSchema } from "@/lib/contracts/breakdown";
import { BREAKDOWN } from "@/lib/domain/breakdown/limits";
import { NOTES } from "@/lib/domain/breakdown/notes";
import { offlineBreakdown } from "@/lib/domain/breakdown/offline";
import { modelPrompt } from "@/lib/domain/breakdown/prompt";
import { inLanguage, truncate, type BreakdownRequest } from "@/lib/domain/breakdown/proposal";
import { repairProposal } from "@/lib/domain/breakdown/repair";

export type { BreakdownRequest };

/** the timer the timeout runs on; tests give one that fires when they say */
export type Clock = {
  setTimeout(fire: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

const systemClock: Clock = {
  setTimeout: (fire, ms) => setTimeout(fire, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type ProposeOptions = {
  /** a model to ask instead of the configured one (tests: MockLanguageModelV3) */
  model?: LanguageModel;
  /** the environment to read AI_* from (default process.env) */
  env?: Record<string, string | undefined>;
  clock?: Clock;
};

export const DEFAULT_TIMEOUT_MS = 20_000;

const present = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());

const AiSettings = z.object({
  AI_BASE_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }),
  AI_MODEL: z.string().min(1),
  AI_API_KEY: z.string().optional(),
  AI_TIMEOUT_MS: z.coerce
    .number({ error: "must be a whole number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(100, "must be at least 100")
    .max(600_000, "must be at most 600000")
    .default(DEFAULT_TIMEOUT_MS),
});

type ModelChoice =
  | { kind: "none" }
  | { kind: "invalid"; reason: string }
  | { kind: "model"; model: LanguageModel; name: string; timeoutMs: number };

/** the model to ask, from the options or the environment (AI_BASE_URL and AI_MODEL both set, else none) */
function chooseModel(options: ProposeOptions): ModelChoice {
  const env = options.env ?? process.env;
  const given = {
    AI_BASE_URL: present(env.AI_BASE_URL),
    AI_MODEL: present(env.AI_MODEL),
    AI_API_KEY: present(env.AI_API_KEY),
    AI_TIMEOUT_MS: present(env.AI_TIMEOUT_MS),
  };
  if (options.model) {
    const timeout = AiSettings.shape.AI_TIMEOUT_MS.safeParse(given.AI_TIMEOUT_MS);
    if (!timeout.success) return { kind: "invalid", reason: `AI_TIMEOUT_MS ${timeout.error.issues[0]!.message}` };
    const name = typeof options.model === "string" ? options.model : options.model.modelId;
    return { kind: "model", model: options.model, name, timeoutMs: timeout.data };
  }
  if (given.AI_BASE_URL === undefined && given.AI_MODEL === undefined) return { kind: "none" };
  const parsed = AiSettings.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]) as keyof typeof given;
    return { kind: "invalid", reason: `${name} ${given[name] === undefined ? "is not set" : issue.message}` };
  }
  const provider = createOpenAICompatible({
    name: "ai",
    baseURL: parsed.data.AI_BASE_URL,
    apiKey: parsed.data.AI_API_KEY,
    // OpenAI, Ollama, vLLM, LM Studio and OpenRouter all take a JSON schema as the response format
    supportsStructuredOutputs: true,
  });
  return {
    kind: "model",
    model: provider.chatModel(parsed.data.AI_MODEL),
    name: parsed.data.AI_MODEL,
    timeoutMs: parsed.data.AI_TIMEOUT_MS,
  };
}

/** the JSON schema sent to the model: the contract's, without the long date pattern (format: date says it) */
function answerJsonSchema(maxTasks: number): JSONSchema7 {
  const { schema } = createSchema(modelAnswerSchema(maxTasks), { io: "output" });
  return JSON.parse(JSON.stringify(schema), (key, value) => (key === "pattern" ? undefined : value)) as JSONSchema7;
}

/** why an answer could not be used; its message is already the note's reason */
class Unusable extends Error {}

class TimedOut extends Error {}

function reasonOf(error: unknown, request: BreakdownRequest, timeoutMs: number): string {
  const { locale } = request;
  if (error instanceof Unusable) return error.message;
  if (error instanceof TimedOut) return NOTES.reasonTimeout(locale, timeoutMs);
  if (APICallError.isInstance(error)) {
    if (error.statusCode === undefined) return NOTES.reasonUnreachable(locale, truncate(error.message, 120));
    // a 200 whose body is not a chat completion: the server answered, but not something usable
    return error.statusCode < 300 ? NOTES.reasonMalformed(locale) : NOTES.reasonHttp(locale, error.statusCode);
  }
  if (NoObjectGeneratedError.isInstance(error)) {
    const cause = error.cause;
    if (cause instanceof Error && cause.name === "AI_TypeValidationError") {
      const detail = cause.cause instanceof Error ? cause.cause.message : cause.message;
      return NOTES.reasonSchema(locale, truncate(detail, 160));
    }
    return NOTES.reasonMalformed(locale);
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return NOTES.reasonOther(locale, truncate(message, 160));
}

/** "tasks.0: expected array": the first thing wrong with the answer's shape */
function shapeProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  return `${["answer", ...issue.path.map(String)].join(".")}: ${issue.message}`;
}

async function askModel(
  request: BreakdownRequest,
  choice: Extract<ModelChoice, { kind: "model" }>,
  clock: Clock,
): Promise<BreakdownProposal> {
  const maxTasks = Math.min(Math.max(Math.trunc(request.maxTasks), 1), BREAKDOWN.maxTasks.max);
  const { system, prompt } = modelPrompt(request);
  const controller = new AbortController();
  let timer: unknown;
  const timeout = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => {
      controller.abort();
      reject(new TimedOut());
    }, choice.timeoutMs);
  });
  // some models wrap their JSON in a ```json fence: strip it before parsing
  const model =
    typeof choice.model !== "string" && choice.model.specificationVersion === "v3"
      ? wrapLanguageModel({ model: choice.model, middleware: extractJsonMiddleware() })
      : choice.model;
  try {
    const result = await Promise.race([
      generateText({
        model,
        system,
        prompt,
        output: Output.object({
          name: "breakdown",
          // the model is shown the contract's limits; its answer is only held to the shape repair can work on
          schema: jsonSchema(answerJsonSchema(maxTasks), {
            validate: (value) => {
              const parsed = ModelAnswerShape.safeParse(value);
              return parsed.success
                ? { success: true, value: parsed.data }
                : { success: false, error: new Error(shapeProblem(parsed.error)) };
            },
          }),
        }),
        providerOptions: { ai: { strictJsonSchema: false } },
        // a failure falls back at once: retries would multiply the wait the member sees
        maxRetries: 0,
        abortSignal: controller.signal,
      }),
      timeout,
    ]);
    const repaired = repairProposal(result.output, { ...request, maxTasks });
    if (repaired.tasks.length === 0) throw new Unusable(NOTES.reasonNothingLeft(request.locale));
    if (!inLanguage(repaired.tasks, request.locale)) throw new Unusable(NOTES.reasonWrongLanguage(request.locale));
    return BreakdownProposal.parse({
      source: "llm",
      model: choice.name,
      tasks: repaired.tasks,
      notes: [NOTES.usedModel(request.locale, choice.name), ...repaired.notes],
    });
  } finally {
    clock.clearTimeout(timer);
  }
}

export async function proposeBreakdown(
  request: BreakdownRequest,
  options: ProposeOptions = {},
): Promise<BreakdownProposal> {
  const choice = chooseModel(options);
  if (choice.kind === "none") return offlineBreakdown(request);
  if (choice.kind === "invalid") {
    const offline = offlineBreakdown(request);
    return {
      ...offline,
      notes: [NOTES.fellBack(request.locale, NOTES.reasonConfig(request.locale, choice.reason)), ...offline.notes],
    };
  }
  try {
    return await askModel(request, choice, options.clock ?? systemClock);
  } catch (error) {
    const offline = offlineBreakdown(request);
    const reason = reasonOf(error, request, choice.timeoutMs);
    return { ...offline, notes: [NOTES.fellBack(request.locale, reason), ...offline.notes] };
  }
}
