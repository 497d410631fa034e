// The readable page of the API (/api/docs): HTML rendered on the server from the OpenAPI document,
// self-contained (no CDN, no script). Its one inline stylesheet is allowed by hash in the page's own
// Content-Security-Policy; without styles it still reads as plain headings, lists and tables.

import { createHash } from "node:crypto";
import type { OpenApiDocument } from "./openapi";

type Json = Record<string, unknown>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:62rem;padding:1rem 1.5rem 4rem;color:#1c1c1e;background:#fff}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
h3{font-size:1.05rem;margin:0;display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
.op{border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
.m{font:bold 12px ui-monospace,monospace;padding:.15rem .45rem;border-radius:4px;color:#fff;text-transform:uppercase}
.get{background:#2f6fdb}.post{background:#218a4a}.patch{background:#b26b00}.put{background:#7a4cc2}.delete{background:#c23b3b}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #eee}
th{font-size:12px;text-transform:uppercase;color:#666}h4{margin:.8rem 0 .2rem;font-size:.9rem;color:#444}
.muted{color:#666}.req{color:#c23b3b;font-size:12px}nav ul{columns:2}
@media (prefers-color-scheme:dark){body{background:#161618;color:#e8e8ea}.op,th,td{border-color:#333}h2{border-color:#333}.muted,th,h4{color:#aaa}}
`;

/** the Content-Security-Policy of the page: nothing but its own stylesheet */
export function docsContentSecurityPolicy(): string {
  const hash = createHash("sha256").update(STYLE).digest("base64");
  return [
    "default-src 'none'",
    `style-src 'sha256-${hash}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);
const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

class Renderer {
  constructor(private readonly doc: Json) {}

  private component(kind: string, ref: string): Json {
    const components = isObject(this.doc.components) ? this.doc.components : {};
    const group = isObject(components[kind]) ? (components[kind] as Json) : {};
    const found = group[refName(ref)];
    return isObject(found) ? found : {};
  }

  private deref(kind: string, value: unknown): Json {
    if (!isObject(value)) return {};
    return typeof value.$ref === "string" ? this.component(kind, value.$ref) : value;
  }

  /** a short type: "string (uuid)", "integer or null", "array of Task", "one of a, b" */
  typeOf(schema: unknown): string {
    if (!isObject(schema)) return "any";
    if (typeof schema.$ref === "string") {
      const name = refName(schema.$ref);
      return `<a href="#${anchor("schema", name)}">${esc(name)}</a>`;
    }
    const alternatives = (schema.anyOf ?? schema.oneOf) as unknown;
    if (Array.isArray(alternatives)) return alternatives.map((s) => this.typeOf(s)).join(" or ");
    if ("const" in schema) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
    if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => `<code>${esc(v)}</code>`).join(", ")}`;
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [String(schema.type)] : [];
    const parts = types.map((t) => {
      if (t === "array") return `array of ${this.typeOf(schema.items)}`;
      if (t === "string" && schema.format) return `string (${esc(schema.format)})`;
      if (t === "object" && isObject(schema.additionalProperties) && !schema.properties) {
        return `map of ${isObject(schema.propertyNames) ? this.typeOf(schema.propertyNames) : "string"} → ${this.typeOf(schema.additionalProperties)}`;
      }
      return esc(t);
    });
    return parts.join(" or ") || "any";
  }

  /** the limits of a schema, in words */
  limitsOf(schema: unknown): string[] {
    if (!isObject(schema)) return [];
    const out: string[] = [];
    const range = (min: unknown, max: unknown, unit: string) => {
      if (typeof min === "number" && typeof max === "number") out.push(`${min}–${max}${unit}`);
      else if (typeof min === "number") out.push(`at least ${min}${min === 1 ? unit.replace(/s$/, "") : unit}`);
      else if (typeof max === "number") out.push(`at most ${max}${unit}`);
    };
    const inner = Array.isArray(schema.anyOf)
      ? (schema.anyOf.find((s) => isObject(s) && s.type !== "null") ?? schema)
      : schema;
    if (isObject(inner)) {
      const safe = (n: unknown) => (typeof n === "number" && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
      range(inner.minLength, inner.maxLength, " characters");
      range(safe(inner.minimum), safe(inner.maximum), "");
      range(inner.minItems, inner.maxItems, " items");
      if (typeof inner.pattern === "string" && !inner.format) out.push(`pattern <code>${esc(inner.pattern)}</code>`);
    }
    if ("default" in schema) out.push(`default <code>${esc(JSON.stringify(schema.default))}</code>`);
    return out;
  }

  /** rows of the fields of an object schema, nested objects as dotted names */
  fieldRows(schema: unknown, prefix = "", depth = 0): string {
    const object = this.deref("schemas", schema);
    if (!isObject(object.properties) || depth > 4) return "";
    const required = new Set(Array.isArray(object.required) ? (object.required as string[]) : []);
    let rows = "";
    for (const [name, raw] of Object.entries(object.properties)) {
      const field = isObject(raw) ? raw : {};
      const notes = [field.description ? esc(field.description) : "", ...this.limitsOf(field)].filter(Boolean);
      rows +=
        `<tr><td><code>${esc(prefix + name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ""}</td>` +
        `<td>${this.typeOf(field)}</td><td>${notes.join(" · ")}</td></tr>`;
      if (!field.$ref && isObject(field.properties)) rows += this.fieldRows(field, `${prefix}${name}.`, depth + 1);
    }
    return rows;
  }

  fieldsTable(schema: unknown): string {
    const rows = this.fieldRows(schema);
    if (!rows) return `<p>${this.typeOf(schema)}</p>`;
    const name = isObject(schema) && typeof schema.$ref === "string" ? `<p>${this.typeOf(schema)}</p>` : "";
    return `${name}<table><thead><tr><th>Field</th><th>Type</th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table>`;
  }

  operation(method: string, path: string, op: Json, serverUrl: string): string {
    const id = typeof op.operationId === "string" ? op.operationId : `${method}-${path}`;
    let html = `<section class="op" id="${esc(anchor("op", id))}"><h3><span class="m ${esc(method)}">${esc(method)}</span>`;
    html += `<code>${esc(serverUrl + path)}</code><span>${esc(op.summary ?? "")}</span></h3>`;
    html += `<p class="muted"><code>${esc(id)}</code>${Array.isArray(op.security) && op.security.length === 0 ? " · no sign-in needed" : ""}</p>`;
    if (op.description) html += `<p>${esc(op.description)}</p>`;

    const params = Array.isArray(op.parameters) ? op.parameters.map((p) => this.deref("parameters", p)) : [];
    if (params.length > 0) {
      html += `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Notes</th></tr></thead><tbody>`;
      for (const p of params) {
        const notes = [p.description ? esc(p.description) : "", ...this.limitsOf(p.schema)].filter(Boolean);
        html += `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ""}</td><td>${esc(p.in)}</td>`;
        html += `<td>${this.typeOf(p.schema)}</td><td>${notes.join(" · ")}</td></tr>`;
      }
      html += `</tbody></table>`;
    }

    const requestBody = this.deref("requestBodies", op.requestBody);
    if (isObject(requestBody.content)) {
      for (const [type, media] of Object.entries(requestBody.content)) {
        html += `<h4>Request body <code>${esc(type)}</code>${requestBody.required ? "" : " (optional)"}</h4>`;
        if (requestBody.description) html += `<p>${esc(requestBody.description)}</p>`;
        if (isObject(media)) html += this.fieldsTable(media.schema);
      }
    }

    if (isObject(op.responses)) {
      html += `<h4>Responses</h4><table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>`;
      for (const [status, raw] of Object.entries(op.responses)) {
        const response = this.deref("responses", raw);
        const content = isObject(response.content) ? Object.values(response.content) : [];
        const schema = content.map((m) => (isObject(m) ? this.typeOf(m.schema) : "")).join(", ");
        const headers = isObject(response.headers) ? Object.keys(response.headers) : [];
        html += `<tr><td><b>${esc(status)}</b></td><td>${esc(response.description ?? "")}`;
        if (headers.length > 0)
          html += `<br><span class="muted">headers: ${headers.map((h) => `<code>${esc(h)}</code>`).join(", ")}</span>`;
        html += `</td><td>${schema || '<span class="muted">none</span>'}</td></tr>`;
      }
      html += `</tbody></table>`;
    }
    return `${html}</section>`;
  }

  page(): string {
    const doc = this.doc;
    const info = isObject(doc.info) ? doc.info : {};
    const servers = Array.isArray(doc.servers) ? doc.servers : [];
    const serverUrl = isObject(servers[0]) && typeof servers[0].url === "string" ? servers[0].url : "";
    const tags = Array.isArray(doc.tags) ? doc.tags.filter(isObject) : [];
    const paths = isObject(doc.paths) ? doc.paths : {};

    // operations by tag, in the document's order; untagged ones last
    const byTag = new Map<string, string[]>();
    for (const tag of tags) byTag.set(String(tag.name), []);
    const nav: string[] = [];
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const tag = Array.isArray(op.tags) && typeof op.tags[0] === "string" ? op.tags[0] : "Other";
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag)?.push(this.operation(method, path, op, serverUrl));
      }
    }
    let body = "";
    for (const [tag, ops] of byTag) {
      if (ops.length === 0) continue;
      const described = tags.find((t) => t.name === tag);
      nav.push(`<li><a href="#${esc(anchor("tag", tag))}">${esc(tag)}</a></li>`);
      body += `<h2 id="${esc(anchor("tag", tag))}">${esc(tag)}</h2>`;
      if (described?.description) body += `<p>${esc(described.description)}</p>`;
      body += ops.join("");
    }

    const components = isObject(doc.components) ? doc.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    let schemaSection = "";
    for (const name of Object.keys(schemas)) {
      schemaSection += `<section class="op" id="${esc(anchor("schema", name))}"><h3>${esc(name)}</h3>`;
      const schema = schemas[name];
      if (isObject(schema) && schema.description) schemaSection += `<p>${esc(schema.description)}</p>`;
      schemaSection += `${this.fieldsTable(schema)}</section>`;
    }
    nav.push(`<li><a href="#schemas">Schemas</a></li>`);

    const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
    const auth = Object.entries(schemes)
      .filter(([, s]) => isObject(s))
      .map(([name, s]) => `<li><b>${esc(name)}</b>: ${esc((s as Json).description ?? "")}</li>`)
      .join("");

    return (
      `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${esc(info.title ?? "API")} — reference</title><style>${STYLE}</style></head><body>` +
      `<h1>${esc(info.title ?? "API")} <span class="muted">${esc(info.version ?? "")}</span></h1>` +
      `<p>${esc(info.description ?? "")}</p>` +
      `<p>Base URL <code>${esc(serverUrl)}</code> · OpenAPI ${esc(doc.openapi)} document: ` +
      `<a href="${esc(serverUrl)}/openapi.json"><code>${esc(serverUrl)}/openapi.json</code></a></p>` +
      (auth ? `<h4>Authentication</h4><ul>${auth}</ul>` : "") +
      `<nav><h4>Contents</h4><ul>${nav.join("")}</ul></nav>${body}` +
      `<h2 id="schemas">Schemas</h2>${schemaSection}</body></html>`
    );
  }
}

/** the whole page, from a document */
export function renderApiDocs(doc: OpenApiDocument): string {
  return new Renderer(doc as unknown as Json).page();
}

/** the answer of GET /api/docs */
export function docsResponse(doc: OpenApiDocument): Response {
  return new Response(renderApiDocs(doc), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": docsContentSecurityPolicy(),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
    },
  });
}
