// Preloaded into the server process (`node --require`, see scripts/start.mjs and tests/support/app-server.ts).
// Next.js route handlers do not see the socket, and Next only fills X-Forwarded-For in when the client left it
// out, so a client can write its own. This puts the socket's address into a header of our own on every request,
// overwriting whatever the client sent under that name, before Next reads the request.
// lib/auth/client-address.ts reads it (with TRUST_PROXY_HOPS deciding how much of X-Forwarded-For to believe).
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for node --require */
const http = require("node:http");

const HEADER = "x-pinit-remote-address";
const marker = Symbol.for("pinit.remote-address");

if (!http.Server.prototype[marker]) {
  http.Server.prototype[marker] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, request, ...rest) {
    if (event === "request" && request && request.headers) {
      request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || "";
      // the raw header list too, which some readers build Headers from
      if (Array.isArray(request.rawHeaders)) {
        const raw = request.rawHeaders;
        for (let i = raw.length - 2; i >= 0; i -= 2) if (String(raw[i]).toLowerCase() === HEADER) raw.splice(i, 2);
        raw.push(HEADER, request.headers[HEADER]);
      }
    }
    return emit.call(this, event, request, ...rest);
  };
}
