import { describe, expect, it } from "vitest";
import { filterTimeZones, formatOffset, offsetMinutes, timeZoneOptions } from "@/components/account/time-zones";

const AT = new Date("2026-12-07T12:00:00Z"); // northern winter: no daylight saving in New York
const ZONES = ["America/New_York", "Asia/Seoul", "Asia/Kathmandu", "UTC", "America/St_Johns"];

describe("time-zone options", () => {
  it("reads each zone's offset, half and quarter hours included", () => {
    expect(offsetMinutes("Asia/Seoul", AT)).toBe(540);
    expect(offsetMinutes("Asia/Kathmandu", AT)).toBe(345);
    expect(offsetMinutes("America/St_Johns", AT)).toBe(-210);
    expect(offsetMinutes("UTC", AT)).toBe(0);
    expect(formatOffset(345)).toBe("UTC+05:45");
    expect(formatOffset(-300)).toBe("UTC−05:00");
  });

  it("names zones in the member's language, ordered by offset", () => {
    const ko = timeZoneOptions(ZONES, "ko", AT);
    expect(ko.map((o) => o.zone)).toEqual([
      "America/New_York",
      "America/St_Johns",
      "UTC",
      "Asia/Kathmandu",
      "Asia/Seoul",
    ]);
    expect(ko.find((o) => o.zone === "Asia/Seoul")?.label).toBe("UTC+09:00 · 한국 표준시 · Seoul");
    const en = timeZoneOptions(ZONES, "en", AT);
    expect(en.find((o) => o.zone === "Asia/Seoul")?.label).toBe("UTC+09:00 · Korean Standard Time · Seoul");
    expect(en.find((o) => o.zone === "UTC")?.label).toBe("UTC+00:00 · UTC");
  });

  it("finds a zone by city, local name, id or offset, and keeps the selected one", () => {
    const options = timeZoneOptions(ZONES, "ko", AT);
    const zones = (q: string, selected = "") => filterTimeZones(options, q, selected).map((o) => o.zone);
    expect(zones("seoul")).toEqual(["Asia/Seoul"]);
    expect(zones("한국")).toEqual(["Asia/Seoul"]);
    expect(zones("new york")).toEqual(["America/New_York"]);
    expect(zones("new_york")).toEqual(["America/New_York"]);
    expect(zones("-05")).toEqual(["America/New_York"]);
    expect(zones("+05:45")).toEqual(["Asia/Kathmandu"]);
    expect(zones("")).toHaveLength(ZONES.length);
    expect(zones("atlantis", "Asia/Seoul")).toEqual(["Asia/Seoul"]);
  });
});
