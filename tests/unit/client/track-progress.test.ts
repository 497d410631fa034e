// The track's progress bar: elapsed time against the planned length, full (and counting minutes over) past it.
import { describe, expect, it } from "vitest";
import { trackProgress } from "@/lib/client/elapsed";

describe("trackProgress", () => {
  it("is the share of the planned length, never below 0 or above 1", () => {
    expect(trackProgress(0, 30)).toEqual({ ratio: 0, overMinutes: 0 });
    expect(trackProgress(15 * 60, 30)).toEqual({ ratio: 0.5, overMinutes: 0 });
    expect(trackProgress(30 * 60, 30)).toEqual({ ratio: 1, overMinutes: 0 });
  });

  it("stays full past the planned length and counts whole minutes over", () => {
    expect(trackProgress(30 * 60 + 59, 30)).toEqual({ ratio: 1, overMinutes: 0 });
    expect(trackProgress(42 * 60 + 10, 30)).toEqual({ ratio: 1, overMinutes: 12 });
  });
});
