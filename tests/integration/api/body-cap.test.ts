// Bodies are capped before they are read, on /api/auth/* as on /api/v1: a chunked upload without Content-Length is
// cut off at the cap (the stream is cancelled), never buffered whole.
import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/v1/auth/signup/route";
import { authRoutes, ORIGIN } from "../accounts/helpers";

const CHUNK = new TextEncoder().encode("a".repeat(16 * 1024));

/** a body of `chunks` × 16 KiB, sent without Content-Length; `pulled()` tells how many chunks were read */
function chunkedUpload(chunks: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent < chunks) {
        sent += 1;
        controller.enqueue(CHUNK);
      } else controller.close();
    },
  });
  return { body, pulled: () => sent };
}

function post(path: string, body: ReadableStream<Uint8Array>, contentType: string): Request {
  const request = new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": contentType },
    body,
    duplex: "half",
  } as RequestInit);
  expect(request.headers.get("content-length")).toBeNull();
  return request;
}

describe("request bodies are capped while they stream", () => {
  it("/api/auth/*: a 64 MiB chunked form is refused with 413 after reading a few chunks", async () => {
    const routes = authRoutes();
    const upload = chunkedUpload(4096);
    const response = await routes.POST(
      post("/api/auth/callback/credentials", upload.body, "application/x-www-form-urlencoded"),
      {
        params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
      },
    );
    expect(response.status).toBe(413);
    expect(upload.pulled()).toBeLessThan(8);
  });

  it("/api/auth/*: a declared Content-Length over the cap is refused unread", async () => {
    const routes = authRoutes();
    const request = new Request(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(10 * 1024 * 1024) },
      body: "username=a",
    });
    const response = await routes.POST(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(response.status).toBe(413);
  });

  it("/api/v1: a 64 MiB chunked JSON body is a 400 after reading a few chunks", async () => {
    const upload = chunkedUpload(4096);
    const response = await signUpRoute(post("/api/v1/auth/signup", upload.body, "application/json"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(400);
    expect(upload.pulled()).toBeLessThan(8);
  });
});
