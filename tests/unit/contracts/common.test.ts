import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  Cursor,
  EmptyBody,
  ErrorBody,
  Id,
  IdempotencyKey,
  Instant,
  LocalDate,
  PageLimit,
  ScheduleAction,
  ScheduleType,
  Title,
  Description,
  characterCount,
  queryFlag,
  DOMAIN_ERROR_CODES,
} from "@/lib/contracts/common";
import { DESCRIPTION, IDEMPOTENCY_KEY, PAGE_LIMIT, SCHEDULE_TYPES, TITLE } from "@/lib/domain/limits";
import { SCHEDULE_ACTIONS } from "@/lib/domain/schedule-transitions";
import { ID1, accept, refuse } from "./helpers";

describe("Id", () => {
  it("takes a UUID in any version and spelling, and gives it in lower case", () => {
    expect(accept(Id, ID1)).toBe(ID1);
    expect(accept(Id, ID1.toUpperCase())).toBe(ID1);
    expect(accept(Id, "00000000-0000-0000-0000-000000000001")).toBe("00000000-0000-0000-0000-000000000001");
  });
  it.each([["not-a-uuid"], [""], [`${ID1}0`], [42], [null]])("refuses %j", (value) => {
    expect(refuse(Id, value)).toEqual({ _: ["must be a UUID"] });
  });
  it("says a missing id is required", () => {
    expect(refuse(z.object({ id: Id }), {})).toEqual({ id: ["is required"] });
  });
});

describe("Instant", () => {
  it.each([
    "2026-03-01T09:00:00Z",
    "2026-03-01T09:00:00+09:00",
    "2026-03-01T09:00:00.123-05:30",
    "2024-02-29T00:00:00Z",
  ])("takes %s", (value) => expect(accept(Instant, value)).toBe(value));
  it.each([
    "2026-03-01T09:00:00", // no offset
    "2026-03-01 09:00:00Z",
    "2026-02-30T09:00:00Z", // a day that does not exist
    "2026-03-01T24:00:00Z",
    "2026-03-01T09:00Z",
    "2026-03-01",
    "",
  ])("refuses %s", (value) => {
    expect(refuse(Instant, value)._?.[0]).toMatch(/ISO 8601 date and time with an offset/);
  });
});

describe("LocalDate", () => {
  it.each(["2026-03-01", "2024-02-29", "2026-12-31"])("takes %s", (value) =>
    expect(accept(LocalDate, value)).toBe(value),
  );
  it.each(["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-1-05", "2026-03-01T00:00:00Z", "20260301"])(
    "refuses %s",
    (value) => expect(refuse(LocalDate, value)).toEqual({ _: ["must be a date YYYY-MM-DD that exists"] }),
  );
});

describe("enums", () => {
  it("are the domain's", () => {
    expect(ScheduleType.options).toEqual([...SCHEDULE_TYPES]);
    expect(ScheduleAction.options).toEqual([...SCHEDULE_ACTIONS]);
  });
  it("list the allowed values when refusing", () => {
    expect(refuse(ScheduleType, "NAP")).toEqual({ _: ["must be one of DEEP_WORK, QUICK_TASK, ADMIN_TASK"] });
    expect(refuse(ScheduleAction, "jump")).toEqual({
      _: ["must be one of start, pause, resume, complete, stop, reset"],
    });
  });
});

describe("IdempotencyKey", () => {
  it("takes 1 to 255 printable ASCII characters", () => {
    expect(accept(IdempotencyKey, "a")).toBe("a");
    expect(accept(IdempotencyKey, "x".repeat(IDEMPOTENCY_KEY.max))).toHaveLength(IDEMPOTENCY_KEY.max);
    expect(accept(IdempotencyKey, " ~!tx-42 ")).toBe(" ~!tx-42 ");
  });
  it("refuses 256 characters", () => {
    expect(refuse(IdempotencyKey, "x".repeat(IDEMPOTENCY_KEY.max + 1))).toEqual({
      _: ["must be at most 255 characters"],
    });
  });
  it("refuses an empty key", () => {
    expect(refuse(IdempotencyKey, "")._).toContain("must be at least 1 character");
  });
  it.each(["café", "키", "tab\there", "new\nline", "\u007f"])(
    "refuses a non-printable or non-ASCII character in %j",
    (key) => {
      expect(refuse(IdempotencyKey, key)._).toContain("must contain only printable ASCII characters");
    },
  );
});

describe("Title", () => {
  it("is trimmed and counted in characters", () => {
    expect(accept(Title, "  Write the report  ")).toBe("Write the report");
    expect(accept(Title, "a".repeat(TITLE.max))).toHaveLength(TITLE.max);
    expect(accept(Title, "😀".repeat(TITLE.max))).toBe("😀".repeat(TITLE.max)); // 80 UTF-16 units, 40 characters
    expect(accept(Title, `  ${"a".repeat(TITLE.max)}  `)).toHaveLength(TITLE.max);
  });
  it("refuses 41 characters", () => {
    expect(refuse(Title, "a".repeat(TITLE.max + 1))).toEqual({ _: ["must be at most 40 characters"] });
    expect(refuse(Title, "😀".repeat(TITLE.max + 1))).toEqual({ _: ["must be at most 40 characters"] });
  });
  it.each(["", "   ", "\u3000", " \u00a0 "])("refuses the blank title %j", (title) => {
    expect(refuse(Title, title)).toEqual({ _: ["must not be blank"] });
  });
  it.each(["a\u0000b", "line\nbreak", "tab\tbed"])("refuses control characters in %j", (title) => {
    expect(refuse(Title, title)).toEqual({ _: ["must be one line without control characters"] });
  });
  it("refuses broken Unicode", () => {
    expect(refuse(Title, "a\ud800b")).toEqual({ _: ["must be valid Unicode text"] });
  });
  it("refuses what is not text", () => {
    expect(refuse(Title, 42)).toEqual({ _: ["must be text"] });
  });
});

describe("Description", () => {
  it("may be empty, span lines and hold 500 characters", () => {
    expect(accept(Description, "")).toBe("");
    expect(accept(Description, "first\nsecond\r\n\tthird")).toBe("first\nsecond\r\n\tthird");
    expect(accept(Description, "d".repeat(DESCRIPTION.max))).toHaveLength(DESCRIPTION.max);
  });
  it("refuses 501 characters and NUL", () => {
    expect(refuse(Description, "d".repeat(DESCRIPTION.max + 1))).toEqual({ _: ["must be at most 500 characters"] });
    expect(refuse(Description, "a\u0000")).toEqual({ _: ["must not contain control characters"] });
  });
});

describe("query helpers", () => {
  it("PageLimit: 1–100 from text, default 20", () => {
    expect(accept(PageLimit, undefined)).toBe(PAGE_LIMIT.default);
    expect(accept(PageLimit, "1")).toBe(1);
    expect(accept(PageLimit, "100")).toBe(100);
    expect(refuse(PageLimit, "0")).toEqual({ _: ["must be at least 1"] });
    expect(refuse(PageLimit, "101")).toEqual({ _: ["must be at most 100"] });
    expect(refuse(PageLimit, "2.5")).toEqual({ _: ["must be a whole number"] });
    expect(refuse(PageLimit, "ten")).toEqual({ _: ["must be a whole number"] });
    expect(refuse(PageLimit, ["1", "2"])).toEqual({ _: ["must be a whole number"] });
  });
  it("queryFlag: exactly true or false, default false", () => {
    const flag = queryFlag("x");
    expect(accept(flag, undefined)).toBe(false);
    expect(accept(flag, "true")).toBe(true);
    expect(accept(flag, "false")).toBe(false);
    expect(refuse(flag, "yes")).toEqual({ _: ["must be one of true, false"] });
    expect(refuse(flag, "1")).toEqual({ _: ["must be one of true, false"] });
  });
  it("Cursor: printable, bounded", () => {
    expect(accept(Cursor, "eyJpZCI6MX0")).toBe("eyJpZCI6MX0");
    expect(refuse(Cursor, "")._).toContain("must not be empty");
    expect(refuse(Cursor, "x".repeat(513))._).toContain("must be at most 512 characters");
    expect(refuse(Cursor, "a b")._).toContain("must be a cursor given by a previous page");
  });
});

describe("EmptyBody", () => {
  it("takes {} and refuses anything in it", () => {
    expect(accept(EmptyBody, {})).toEqual({});
    expect(refuse(EmptyBody, { x: 1, y: 2 })).toEqual({ x: ["is not a known field"], y: ["is not a known field"] });
    expect(refuse(EmptyBody, [])).toEqual({ _: ["must be a JSON object"] });
  });
});

describe("ErrorBody", () => {
  it("lists every domain code and INTERNAL", () => {
    expect(DOMAIN_ERROR_CODES).toHaveLength(12);
    const code = ErrorBody.shape.error.shape.code;
    expect(new Set(code.options)).toEqual(new Set([...DOMAIN_ERROR_CODES, "INTERNAL"]));
  });
  it("describes the api.md body", () => {
    accept(ErrorBody, {
      error: { code: "VALIDATION", message: "m", details: { fieldErrors: { title: ["must not be blank"] } } },
    });
    accept(ErrorBody, { error: { code: "ANOTHER_SCHEDULE_ACTIVE", message: "m", details: { activeScheduleId: ID1 } } });
    accept(ErrorBody, { error: { code: "INTERNAL", message: "Something went wrong on our side." } });
  });
});

describe("characterCount", () => {
  it("counts code points", () => {
    expect(characterCount("abc")).toBe(3);
    expect(characterCount("😀😀")).toBe(2);
    expect(characterCount("한국어")).toBe(3);
  });
});

describe("the supported calendar (1970-01-01 to 2999-12-31)", () => {
  const outside = { _: ["must be between 1970-01-01 and 2999-12-31"] };
  it("takes its first and last days and refuses the days beyond", () => {
    expect(accept(LocalDate, "1970-01-01")).toBe("1970-01-01");
    expect(accept(LocalDate, "2999-12-31")).toBe("2999-12-31");
    expect(refuse(LocalDate, "1969-12-31")).toEqual(outside);
    expect(refuse(LocalDate, "3000-01-01")).toEqual(outside);
    expect(refuse(LocalDate, "0000-01-01")).toEqual(outside);
  });
  it("refuses instants whose local day could fall outside it, in any zone", () => {
    expect(accept(Instant, "2999-12-30T23:59:59Z")).toBe("2999-12-30T23:59:59Z");
    expect(refuse(Instant, "0000-01-01T00:00:00Z")).toEqual(outside);
    expect(refuse(Instant, "9999-12-31T23:59:59-14:00")).toEqual(outside);
    expect(refuse(Instant, "1970-01-01T05:00:00+09:00")).toEqual(outside);
  });
});
