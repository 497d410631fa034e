import type * as z from "zod";
import { expect } from "vitest";
import { fieldErrorsOf } from "@/lib/refusals/refusal";

/** the parsed value, failing the test with the field errors when refused */
export function accept<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) expect.fail(`refused: ${JSON.stringify(fieldErrorsOf(parsed.error))}`);
  return parsed.data;
}

/** the field errors (api.md's details.fieldErrors), failing the test when accepted */
export function refuse(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const parsed = schema.safeParse(value);
  if (parsed.success) expect.fail(`accepted: ${JSON.stringify(parsed.data)}`);
  return fieldErrorsOf(parsed.error);
}

export const ID1 = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1e";
export const ID2 = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d1f";
export const ID3 = "0192f4c8-7a3e-7c41-9d2e-5b6f8a9c0d20";

/** compile-time equality of two types */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
