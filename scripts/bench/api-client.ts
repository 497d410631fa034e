// A member of the running app, driven through the HTTP API as any other client would (api.md).
import { randomBytes } from "node:crypto";

export type TransitionAction = "start" | "pause" | "resume" | "complete" | "stop" | "reset";

export type ApiAnswer = { status: number; body: unknown; replayed: boolean };

export class ApiMember {
  private constructor(
    readonly baseUrl: string,
    readonly id: string,
    private readonly token: string,
  ) {}

  /**
   * `count` new members, ten at a time: sign-in attempts in flight count against the address (lib/services/members/sign-in-throttle.ts
   * allows 20 per address), and every client here comes from 127.0.0.1
   */
  static async signUpMany(baseUrl: string, label: string, count: number): Promise<ApiMember[]> {
    const members: ApiMember[] = [];
    for (let i = 0; i < count; i += 10) {
      const batch = Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        ApiMember.signUp(baseUrl, `${label}${i + j}`),
      );
      members.push(...(await Promise.all(batch)));
    }
    return members;
  }

  /** sign up a new member and take a bearer token for it */
  static async signUp(baseUrl: string, label: string): Promise<ApiMember> {
    const username = `${label}_${randomBytes(5).toString("hex")}`.slice(0, 20);
    const password = `a1${randomBytes(12).toString("hex")}`; // a letter and a digit, as sign-up requires
    const signUp = await post(baseUrl, "/api/v1/auth/signup", {
      username,
      password,
      nickname: "bench",
      timezone: "Asia/Seoul",
    });
    if (signUp.status !== 201) throw new Error(`sign-up answered ${signUp.status}: ${JSON.stringify(signUp.body)}`);
    const token = await post(baseUrl, "/api/v1/auth/token", { username, password });
    if (token.status !== 200) throw new Error(`token answered ${token.status}: ${JSON.stringify(token.body)}`);
    return new ApiMember(
      baseUrl,
      (signUp.body as { id: string }).id,
      (token.body as { accessToken: string }).accessToken,
    );
  }

  transition(
    scheduleId: string,
    action: TransitionAction,
    options: { switch?: boolean; idempotencyKey?: string } = {},
  ): Promise<ApiAnswer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
    return post(
      this.baseUrl,
      `/api/v1/schedules/${scheduleId}/${action}`,
      options.switch ? { switch: true } : {},
      headers,
    );
  }

  async createSchedule(title: string): Promise<string> {
    const answer = await post(
      this.baseUrl,
      "/api/v1/schedules",
      { title, startAt: new Date().toISOString(), type: "DEEP_WORK" },
      { authorization: `Bearer ${this.token}` },
    );
    if (answer.status !== 201)
      throw new Error(`POST /schedules answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return (answer.body as { id: string }).id;
  }
}

async function post(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text, and the caller's status check reports it
  }
  return { status: res.status, body: parsed, replayed: res.headers.get("idempotent-replayed") === "true" };
}
