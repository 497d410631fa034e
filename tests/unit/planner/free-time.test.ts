import { describe, expect, it } from "vitest";
import {
  freeIntervals,
  isoWeekday,
  localGridOrigin,
  wallInstant,
  workingIntervals,
  type WorkingHours,
} from "@/lib/domain/planner/free-time";
import { wallTimeOf } from "@/lib/domain/time";

const HOUR = 3_600_000;
const every = (start: string, end: string): WorkingHours =>
  Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, [{ start, end }]]));
const lengths = (xs: { start: Date; end: Date }[]) => xs.map((x) => (x.end.getTime() - x.start.getTime()) / HOUR);

describe("isoWeekday", () => {
  it("counts Monday as 1 and Sunday as 7", () => {
    expect(isoWeekday("2026-12-07")).toBe(1);
    expect(isoWeekday("2026-12-13")).toBe(7);
    expect(isoWeekday("2024-02-29")).toBe(4);
  });
});

describe("wall times", () => {
  it("reads a time the clocks skip as the end of the gap", () => {
    // Berlin springs from 02:00 to 03:00 on 2026-03-29
    expect(wallInstant("2026-03-29", "02:30", "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(wallTimeOf(wallInstant("2026-03-29", "02:30", "Europe/Berlin"), "Europe/Berlin")).toBe("03:00");
    // Lord Howe springs by half an hour, from 02:00 to 02:30, on 2026-10-04
    expect(wallTimeOf(wallInstant("2026-10-04", "02:10", "Australia/Lord_Howe"), "Australia/Lord_Howe")).toBe("02:30");
  });

  it("reads 24:00 as the start of the next local day", () => {
    expect(wallInstant("2026-12-07", "24:00", "Asia/Seoul").toISOString()).toBe("2026-12-07T15:00:00.000Z");
  });
});

describe("workingIntervals", () => {
  it("gives 23 and 25 real hours for a whole local day on the DST changes", () => {
    const zone = "Europe/Berlin";
    const spring = workingIntervals({
      workingHours: every("00:00", "24:00"),
      timeZone: zone,
      from: "2026-03-29",
      to: "2026-03-29",
    });
    const autumn = workingIntervals({
      workingHours: every("00:00", "24:00"),
      timeZone: zone,
      from: "2026-10-25",
      to: "2026-10-25",
    });
    expect(lengths(spring)).toEqual([23]);
    expect(lengths(autumn)).toEqual([25]);
  });

  it("keeps 01:00–04:00 as 2 real hours when springing forward and 4 when falling back (New York)", () => {
    const zone = "America/New_York";
    expect(
      lengths(
        workingIntervals({
          workingHours: every("01:00", "04:00"),
          timeZone: zone,
          from: "2026-03-08",
          to: "2026-03-08",
        }),
      ),
    ).toEqual([2]);
    expect(
      lengths(
        workingIntervals({
          workingHours: every("01:00", "04:00"),
          timeZone: zone,
          from: "2026-11-01",
          to: "2026-11-01",
        }),
      ),
    ).toEqual([4]);
  });

  it("drops the part of an interval that does not exist, and an interval wholly inside a gap", () => {
    const zone = "Europe/Berlin";
    const hours: WorkingHours = {
      "7": [
        { start: "02:15", end: "02:45" },
        { start: "02:30", end: "04:00" },
      ],
    };
    const result = workingIntervals({ workingHours: hours, timeZone: zone, from: "2026-03-29", to: "2026-03-29" });
    expect(result.map((r) => [wallTimeOf(r.start, zone), wallTimeOf(r.end, zone)])).toEqual([["03:00", "04:00"]]);
  });

  it("uses each weekday's own hours, none for a day without, Kathmandu's quarter-hour offset included", () => {
    const zone = "Asia/Kathmandu";
    const hours: WorkingHours = {
      "1": [
        { start: "09:00", end: "12:00" },
        { start: "13:00", end: "17:30" },
      ],
      "3": [{ start: "10:00", end: "11:00" }],
    };
    const result = workingIntervals({ workingHours: hours, timeZone: zone, from: "2026-12-07", to: "2026-12-13" });
    expect(result.map((r) => r.start.toISOString())).toEqual([
      "2026-12-07T03:15:00.000Z",
      "2026-12-07T07:15:00.000Z",
      "2026-12-09T04:15:00.000Z",
    ]);
    expect(lengths(result)).toEqual([3, 4.5, 1]);
  });
});

describe("freeIntervals", () => {
  const zone = "Asia/Seoul";
  const at = (time: string, date = "2026-12-07") => new Date(`${date}T${time}:00+09:00`);
  const base = {
    workingHours: { "1": [{ start: "09:00", end: "18:00" }] } as WorkingHours,
    timeZone: zone,
    from: "2026-12-07",
    to: "2026-12-07",
    bufferMinutes: 10,
  };

  it("cuts out each busy block with the buffer on both sides, and everything before now", () => {
    const free = freeIntervals({
      ...base,
      now: at("09:20"),
      busy: [
        { startAt: at("11:00"), plannedMinutes: 60 },
        { startAt: at("08:30"), plannedMinutes: 30 }, // ends before the day starts: only its buffer would reach in
        { startAt: at("17:55"), plannedMinutes: 60 }, // runs past the end of the day
      ],
    });
    expect(free.map((f) => [f.start.toISOString(), f.end.toISOString()])).toEqual([
      [at("09:20").toISOString(), at("10:50").toISOString()],
      [at("12:10").toISOString(), at("17:45").toISOString()],
    ]);
  });

  it("keeps the buffer after a block that ends before the day begins", () => {
    const free = freeIntervals({ ...base, now: at("00:00"), busy: [{ startAt: at("08:30"), plannedMinutes: 35 }] });
    expect(free[0]!.start.toISOString()).toBe(at("09:15").toISOString());
  });

  it("has nothing once now is past the range, and touching intervals stay apart", () => {
    expect(freeIntervals({ ...base, now: at("19:00"), busy: [] })).toEqual([]);
    const touching = freeIntervals({
      ...base,
      workingHours: {
        "1": [
          { start: "09:00", end: "12:00" },
          { start: "12:00", end: "13:00" },
        ],
      },
      now: at("00:00"),
      busy: [],
    });
    expect(touching).toHaveLength(2);
  });

  it("puts the grid origin at the local midnight of the first date", () => {
    expect(localGridOrigin("2026-12-07", "Asia/Kathmandu").toISOString()).toBe("2026-12-06T18:15:00.000Z");
  });
});
