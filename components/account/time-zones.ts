// The time-zone picker's options: each IANA zone with its UTC offset now and its name in the member's language
// ("UTC+09:00 · 한국 표준시 · Seoul"), ordered by offset, and a search over all of that (issue 20.12).
export type TimeZoneOption = { zone: string; offsetMinutes: number; label: string; search: string };

/** the zone's offset from UTC at `at`, in minutes ("GMT+5:45" → 345) */
export function offsetMinutes(zone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function localName(zone: string, locale: string, at: Date): string {
  return (
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? ""
  );
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires" */
const cityOf = (zone: string) => (zone.split("/").pop() ?? zone).replaceAll("_", " ");

export function timeZoneOptions(zones: readonly string[], locale: string, at: Date): TimeZoneOption[] {
  return zones
    .map((zone) => {
      const offset = offsetMinutes(zone, at);
      const name = localName(zone, locale, at);
      const city = cityOf(zone);
      // a zone without a name of its own is named by its offset, which the label already shows
      const named = name && !/^(GMT|UTC)/.test(name) ? name : null;
      const label = [formatOffset(offset), named, city === named ? null : city].filter(Boolean).join(" · ");
      const search = `${label} ${label.replace("−", "-")} ${zone} ${zone.replaceAll("_", " ")}`.toLowerCase();
      return { zone, offsetMinutes: offset, label, search };
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label, locale));
}

/** the options whose label or id contain every word of the query; the selected zone always stays */
export function filterTimeZones(options: TimeZoneOption[], query: string, selected: string): TimeZoneOption[] {
  const words = query.toLowerCase().replaceAll("_", " ").split(/\s+/).filter(Boolean);
  if (words.length === 0) return options;
  return options.filter((o) => o.zone === selected || words.every((w) => o.search.includes(w)));
}
