// docs/asyncapi.yaml parsed once, for the tests that hold it against the code (push and AMQP).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export type Json = Record<string, unknown>;

export const asyncApiDocument = parse(readFileSync("docs/asyncapi.yaml", "utf8")) as Json;

/** follows a local $ref ("#/components/…") of the document */
export function resolve(node: unknown): Json {
  const ref = (node as Json | undefined)?.$ref;
  if (typeof ref !== "string") return node as Json;
  let target: unknown = asyncApiDocument;
  for (const part of ref.replace(/^#\//, "").split("/")) target = (target as Json | undefined)?.[part];
  if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
  return resolve(target);
}
