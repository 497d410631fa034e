import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addDays,
  elapsedSeconds,
  isValidDate,
  isValidTimeZone,
  localDate,
  splitAtLocalMidnight,
  startOfLocalDay,
  weekDays,
  weekStartOf,
  wholeSeconds,
} from "@/lib/domain/time";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe("time zones", () => {
  it("accepts IANA names and rejects the rest", () => {
    for (const tz of ["Asia/Seoul", "UTC", "America/New_York", "Europe/London", "Etc/GMT+5"]) {
      expect(isValidTimeZone(tz), tz).toBe(true);
    }
    for (const tz of ["", " ", "garbage", "Not/AZone", "Asia/Seoul ", "+09:00", "-05:00", "../etc/passwd"]) {
      expect(isValidTimeZone(tz), JSON.stringify(tz)).toBe(false);
    }
  });

  it("tells the local date of an instant", () => {
    expect(localDate(at("2026-03-01T14:59:59.999Z"), "Asia/Seoul")).toBe("2026-03-01");
    expect(localDate(at("2026-03-01T15:00:00Z"), "Asia/Seoul")).toBe("2026-03-02");
    expect(localDate(at("2026-03-01T15:00:00Z"), "UTC")).toBe("2026-03-01");
    expect(localDate(at("2026-03-01T04:59:59Z"), "America/New_York")).toBe("2026-02-28");
    expect(localDate(at("2026-01-01T00:00:00Z"), "UTC")).toBe("2026-01-01");
  });

  it("finds local midnight in Seoul and UTC", () => {
    expect(startOfLocalDay("2026-03-02", "Asia/Seoul")).toEqual(at("2026-03-01T15:00:00Z"));
    expect(startOfLocalDay("2026-03-02", "UTC")).toEqual(at("2026-03-02T00:00:00Z"));
    expect(startOfLocalDay("2024-02-29", "Asia/Kolkata")).toEqual(at("2024-02-28T18:30:00Z"));
  });

  it("finds local midnight in New York on both sides of its DST changes", () => {
    // clocks go forward at 02:00 on 2026-03-08 and back at 02:00 on 2026-11-01
    expect(startOfLocalDay("2026-03-08", "America/New_York")).toEqual(at("2026-03-08T05:00:00Z"));
    expect(startOfLocalDay("2026-03-09", "America/New_York")).toEqual(at("2026-03-09T04:00:00Z"));
    expect(startOfLocalDay("2026-11-01", "America/New_York")).toEqual(at("2026-11-01T04:00:00Z"));
    expect(startOfLocalDay("2026-11-02", "America/New_York")).toEqual(at("2026-11-02T05:00:00Z"));
  });

  it("starts a day without a midnight at its first instant", () => {
    // Santiago jumps from 23:59:59 on 2026-09-05 to 01:00 on 2026-09-06
    const start = startOfLocalDay("2026-09-06", "America/Santiago");
    expect(start).toEqual(at("2026-09-06T04:00:00Z"));
    expect(localDate(start, "America/Santiago")).toBe("2026-09-06");
    expect(localDate(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
    // and sets 24:00 back to 23:00 on 2026-04-04: that evening's last hour comes twice
    expect(startOfLocalDay("2026-04-05", "America/Santiago")).toEqual(at("2026-04-05T04:00:00Z"));
    // Beirut jumps from 23:59:59 (UTC+2) on 2026-03-28 to 01:00 (UTC+3)
    expect(startOfLocalDay("2026-03-29", "Asia/Beirut")).toEqual(at("2026-03-28T22:00:00Z"));
    // Samoa skipped 2011-12-30: that date "starts" when the next day does
    expect(startOfLocalDay("2011-12-30", "Pacific/Apia")).toEqual(at("2011-12-30T10:00:00Z"));
  });

  it("takes the first of two midnights", () => {
    // Havana sets 01:00 back to 00:00 on 2026-11-01: its first hour comes twice
    expect(startOfLocalDay("2026-11-01", "America/Havana")).toEqual(at("2026-11-01T04:00:00Z"));
    expect(localDate(at("2026-11-01T03:59:59Z"), "America/Havana")).toBe("2026-10-31");
  });

  it("throws on a bad date or zone", () => {
    expect(() => startOfLocalDay("2026-02-30", "UTC")).toThrow(RangeError);
    expect(() => startOfLocalDay("2026-02-01", "Not/AZone")).toThrow(RangeError);
    expect(() => localDate(new Date(), "Not/AZone")).toThrow(RangeError);
  });
});

describe("calendar dates", () => {
  it("accepts only strict dates that exist", () => {
    for (const d of ["2026-01-01", "2024-02-29", "2026-12-31", "2000-02-29"]) expect(isValidDate(d), d).toBe(true);
    for (const d of [
      "2026-02-30",
      "2025-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2026-01-00",
      "2026-1-01",
      "2026-01-1",
      "26-01-01",
      " 2026-01-01",
      "2026-01-01T00:00",
      "2026/01/01",
      "",
      "２０２６-01-01",
    ]) {
      expect(isValidDate(d), d).toBe(false);
    }
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-08", 0)).toBe("2026-03-08");
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-01", 0.5)).toThrow(RangeError);
  });

  it("knows the Monday of a week and its seven days", () => {
    // 2026-11-25 is a Wednesday
    expect(weekStartOf("2026-11-25")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23"); // Sunday ends the week
    expect(weekStartOf("2026-11-30")).toBe("2026-11-30");
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28");
    expect(weekDays("2026-12-28")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
      "2027-01-03",
    ]);
    expect(() => weekDays("2026-11-25")).toThrow(RangeError);
  });
});

describe("splitting a session at local midnight", () => {
  it("splits a session over midnight in Seoul into two, one per day", () => {
    // 23:30 on 2026-03-01 to 01:15 on 2026-03-02, Seoul time
    const pieces = splitAtLocalMidnight(
      { startedAt: at("2026-03-01T14:30:00Z"), endedAt: at("2026-03-01T16:15:00Z") },
      "Asia/Seoul",
    );
    expect(pieces).toEqual([
      { day: "2026-03-01", startedAt: at("2026-03-01T14:30:00Z"), endedAt: at("2026-03-01T15:00:00Z") },
      { day: "2026-03-02", startedAt: at("2026-03-01T15:00:00Z"), endedAt: at("2026-03-01T16:15:00Z") },
    ]);
    expect(pieces.map(wholeSeconds)).toEqual([1800, 4500]);
  });

  it("keeps a session inside one day whole, and the same session in UTC is not split", () => {
    const session = { startedAt: at("2026-03-01T14:30:00Z"), endedAt: at("2026-03-01T16:15:00Z") };
    expect(splitAtLocalMidnight(session, "UTC")).toEqual([{ ...session, day: "2026-03-01" }]);
  });

  it("gives a session that ends exactly at midnight to the day before", () => {
    const pieces = splitAtLocalMidnight(
      { startedAt: at("2026-03-01T14:00:00Z"), endedAt: at("2026-03-01T15:00:00Z") },
      "Asia/Seoul",
    );
    expect(pieces).toEqual([
      { day: "2026-03-01", startedAt: at("2026-03-01T14:00:00Z"), endedAt: at("2026-03-01T15:00:00Z") },
    ]);
  });

  it("follows New York's 23-hour and 25-hour days", () => {
    // noon on 2026-03-07 to noon on 2026-03-09 (EST, then EDT)
    const spring = splitAtLocalMidnight(
      { startedAt: at("2026-03-07T17:00:00Z"), endedAt: at("2026-03-09T16:00:00Z") },
      "America/New_York",
    );
    expect(spring.map((p) => p.day)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(spring.map((p) => (p.endedAt.getTime() - p.startedAt.getTime()) / HOUR)).toEqual([12, 23, 12]);

    const autumn = splitAtLocalMidnight(
      { startedAt: at("2026-10-31T16:00:00Z"), endedAt: at("2026-11-02T17:00:00Z") },
      "America/New_York",
    );
    expect(autumn.map((p) => p.day)).toEqual(["2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(autumn.map((p) => (p.endedAt.getTime() - p.startedAt.getTime()) / HOUR)).toEqual([12, 25, 12]);
  });

  it("gives a zero-length session one piece and refuses one that runs backwards", () => {
    const instant = at("2026-03-01T15:00:00Z");
    expect(splitAtLocalMidnight({ startedAt: instant, endedAt: instant }, "Asia/Seoul")).toEqual([
      { day: "2026-03-02", startedAt: instant, endedAt: instant },
    ]);
    expect(() =>
      splitAtLocalMidnight({ startedAt: instant, endedAt: new Date(instant.getTime() - 1) }, "Asia/Seoul"),
    ).toThrow(RangeError);
  });

  it("moves on where clocks were set back over midnight", () => {
    // Goose Bay, 2010-11-07: 00:01 (UTC-3) became 23:01 of the day before (UTC-4)
    expect(startOfLocalDay("2010-11-07", "America/Goose_Bay")).toEqual(at("2010-11-07T03:00:00Z"));
    const pieces = splitAtLocalMidnight(
      { startedAt: at("2010-11-07T03:30:00Z"), endedAt: at("2010-11-07T04:30:00Z") }, // 23:30 the second time
      "America/Goose_Bay",
    );
    expect(pieces).toEqual([
      { day: "2010-11-06", startedAt: at("2010-11-07T03:30:00Z"), endedAt: at("2010-11-07T04:00:00Z") },
      { day: "2010-11-07", startedAt: at("2010-11-07T04:00:00Z"), endedAt: at("2010-11-07T04:30:00Z") },
    ]);
  });

  it("skips a date the zone skipped", () => {
    const pieces = splitAtLocalMidnight(
      { startedAt: at("2011-12-29T09:00:00Z"), endedAt: at("2011-12-30T12:00:00Z") },
      "Pacific/Apia",
    );
    expect(pieces.map((p) => p.day)).toEqual(["2011-12-28", "2011-12-29", "2011-12-31"]);
  });
});

describe("seconds", () => {
  it("truncates a session to whole seconds", () => {
    expect(wholeSeconds({ startedAt: at("2026-03-01T00:00:00.000Z"), endedAt: at("2026-03-01T00:00:01.999Z") })).toBe(
      1,
    );
    expect(wholeSeconds({ startedAt: at("2026-03-01T00:00:00.500Z"), endedAt: at("2026-03-01T00:00:01.499Z") })).toBe(
      0,
    );
    expect(wholeSeconds({ startedAt: at("2026-03-01T00:00:00Z"), endedAt: at("2026-03-01T01:00:00Z") })).toBe(3600);
    expect(() => wholeSeconds({ startedAt: at("2026-03-01T00:00:01Z"), endedAt: at("2026-03-01T00:00:00Z") })).toThrow(
      RangeError,
    );
  });

  it("adds closed sessions and the open one up to now, each truncated on its own", () => {
    const sessions = [
      { startedAt: at("2026-03-01T10:00:00.000Z"), endedAt: at("2026-03-01T10:00:10.900Z") }, // 10 s
      { startedAt: at("2026-03-01T11:00:00.000Z"), endedAt: at("2026-03-01T11:00:05.900Z") }, // 5 s
      { startedAt: at("2026-03-01T12:00:00.000Z"), endedAt: null },
    ];
    expect(elapsedSeconds(sessions, at("2026-03-01T12:00:30.999Z"))).toBe(45);
    expect(elapsedSeconds(sessions, at("2026-03-01T11:59:00Z"))).toBe(15); // open one not begun yet
    expect(elapsedSeconds([], at("2026-03-01T12:00:00Z"))).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

// zones with DST, half-hour offsets, a 30-minute DST (Lord Howe), clocks jumping over midnight
// (Santiago, Havana, Beirut) and a skipped date (Apia)
const zones = [
  "Asia/Seoul",
  "UTC",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "America/Santiago",
  "America/Havana",
  "Asia/Beirut",
  "Asia/Kolkata",
  "Pacific/Chatham",
  "America/St_Johns",
  "Pacific/Kiritimati",
  "Pacific/Apia",
] as const;
// random instants seldom meet a clock change, so half of them are drawn within a day and a half of
// one of these (the zone's changes of 2026, and Samoa's skipped 2011-12-30)
const clockChanges: [zone: string, utcInstant: string][] = [
  ["America/New_York", "2026-03-08T07:00:00Z"],
  ["America/New_York", "2026-11-01T06:00:00Z"],
  ["Europe/London", "2026-03-29T01:00:00Z"],
  ["Europe/London", "2026-10-25T01:00:00Z"],
  ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
  ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
  ["America/Santiago", "2026-04-05T03:00:00Z"],
  ["America/Santiago", "2026-09-06T04:00:00Z"],
  ["America/Havana", "2026-03-08T05:00:00Z"],
  ["America/Havana", "2026-11-01T05:00:00Z"],
  ["Asia/Beirut", "2026-03-28T22:00:00Z"],
  ["Asia/Beirut", "2026-10-24T21:00:00Z"],
  ["Pacific/Chatham", "2026-04-04T14:00:00Z"],
  ["Pacific/Chatham", "2026-09-26T14:00:00Z"],
  ["America/St_Johns", "2026-03-08T05:30:00Z"],
  ["America/St_Johns", "2026-11-01T04:30:00Z"],
  ["Pacific/Apia", "2011-12-30T10:00:00Z"],
];
const anyZoneAndInstantArb = fc.tuple(
  fc.constantFrom(...zones),
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }).map((ms) => new Date(ms)),
);
const nearClockChangeArb = fc
  .tuple(fc.constantFrom(...clockChanges), fc.integer({ min: -36 * HOUR, max: 36 * HOUR }))
  .map(([[zone, change], offsetMs]) => [zone, new Date(Date.parse(change) + offsetMs)] as const);
const zoneAndInstantArb = fc.oneof(anyZoneAndInstantArb, nearClockChangeArb);
const dateArb = fc
  .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

describe("properties of splitAtLocalMidnight", () => {
  it("covers the interval with contiguous pieces, each within one local day", () => {
    fc.assert(
      fc.property(
        zoneAndInstantArb,
        fc.oneof(fc.integer({ min: 0, max: 3 * 86_400_000 }), fc.integer({ min: 0, max: 5_000 })),
        ([tz, startedAt], lengthMs) => {
          const endedAt = new Date(startedAt.getTime() + lengthMs);
          const pieces = splitAtLocalMidnight({ startedAt, endedAt }, tz);

          expect(pieces.length).toBeGreaterThanOrEqual(1);
          expect(pieces[0]!.startedAt).toEqual(startedAt);
          expect(pieces.at(-1)!.endedAt).toEqual(endedAt);
          let total = 0;
          for (const [i, piece] of pieces.entries()) {
            const ms = piece.endedAt.getTime() - piece.startedAt.getTime();
            total += ms;
            if (lengthMs > 0) expect(ms).toBeGreaterThan(0);
            const following = pieces[i + 1];
            if (following) {
              expect(following.startedAt).toEqual(piece.endedAt);
              expect(following.day > piece.day).toBe(true);
              // it is cut at the start of the following day
              expect(following.startedAt).toEqual(startOfLocalDay(following.day, tz));
            }
            expect(localDate(piece.startedAt, tz)).toBe(piece.day);
            if (ms > 0) expect(localDate(new Date(piece.endedAt.getTime() - 1), tz)).toBe(piece.day);
          }
          expect(total).toBe(lengthMs);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("startOfLocalDay is the first instant of its date", () => {
    fc.assert(
      fc.property(zoneAndInstantArb, ([tz, instant]) => {
        const day = localDate(instant, tz);
        const start = startOfLocalDay(day, tz);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(localDate(start, tz)).toBe(day);
        expect(localDate(new Date(start.getTime() - 1), tz) < day).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("properties of calendar dates", () => {
  it("weekStartOf is a Monday at most 6 days before", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const monday = weekStartOf(date);
        expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
        const daysBefore = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000;
        expect(daysBefore).toBeGreaterThanOrEqual(0);
        expect(daysBefore).toBeLessThanOrEqual(6);
        expect(weekDays(monday)).toContain(date);
      }),
    );
  });

  it("addDays round-trips and agrees with counting day by day", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -400, max: 400 }), (date, n, m) => {
        const moved = addDays(date, n);
        expect(isValidDate(moved)).toBe(true);
        expect(addDays(moved, -n)).toBe(date);
        expect(addDays(moved, m)).toBe(addDays(date, n + m));
        expect(Date.parse(`${moved}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)).toBe(n * 86_400_000);
      }),
    );
  });

  it("isValidDate agrees with the calendar", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          const parsed = new Date(Date.UTC(y, m - 1, d));
          const exists = m >= 1 && m <= 12 && d >= 1 && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d;
          expect(isValidDate(text)).toBe(exists);
        },
      ),
    );
  });
});
