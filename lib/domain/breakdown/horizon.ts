// How long a goal without a target date says it takes: "in two weeks", "within 3 months", "2주 안에",
// "한 달 동안". Only a length introduced as such counts ("5 days a week" and "3일에 한 번" are a rhythm, not
// a length).

const UNIT_DAYS = { day: 1, week: 7, month: 30, year: 365 } as const;
const MAX_DAYS = 730;

const ENGLISH_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  "a couple of": 2,
  "a few": 3,
  few: 3,
};
const KOREAN_NUMBERS: Record<string, number> = {
  한: 1,
  두: 2,
  세: 3,
  네: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
  열: 10,
};

const ENGLISH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:in|within|over|for|under|next)\s+(?:the\s+next\s+|just\s+|about\s+|only\s+)?` +
    String.raw`(\d{1,3}|a couple of|a few|few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)` +
    String.raw`[\s-]*(day|week|month|year)s?(?![\p{L}])`,
  "iu",
);
const FORTNIGHT = /(?<![\p{L}])(?:in|within|over|for)\s+(?:a|one)\s+fortnight/iu;

const KOREAN_SUFFIX = String.raw`\s*(?:안에|안|내에|내로|이내|만에|동안|뒤|후|까지|정도)`;
const KOREAN = new RegExp(
  String.raw`(?:(\d{1,3})\s*(일|주일|주|개월|달|년)|(한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*(주일|주|달|해))` +
    KOREAN_SUFFIX,
  "u",
);
const KOREAN_WORDS: [RegExp, number][] = [
  [new RegExp(String.raw`일주일` + KOREAN_SUFFIX, "u"), 7],
  [new RegExp(String.raw`보름` + KOREAN_SUFFIX, "u"), 15],
  [new RegExp(String.raw`한달` + KOREAN_SUFFIX, "u"), 30],
];

const KOREAN_UNIT_DAYS: Record<string, number> = { 일: 1, 주: 7, 주일: 7, 달: 30, 개월: 30, 해: 365, 년: 365 };

export type StatedLength = { days: number; phrase: string };

function inText(text: string): StatedLength | null {
  const candidates: { index: number; days: number; phrase: string }[] = [];
  const en = ENGLISH.exec(text);
  if (en) {
    const count = /^\d+$/.test(en[1]!) ? Number(en[1]) : ENGLISH_NUMBERS[en[1]!.toLowerCase()]!;
    const unit = en[2]!.toLowerCase() as keyof typeof UNIT_DAYS;
    candidates.push({ index: en.index, days: count * UNIT_DAYS[unit], phrase: en[0] });
  }
  const fortnight = FORTNIGHT.exec(text);
  if (fortnight) candidates.push({ index: fortnight.index, days: 14, phrase: fortnight[0] });
  const ko = KOREAN.exec(text);
  if (ko) {
    const count = ko[1] !== undefined ? Number(ko[1]) : KOREAN_NUMBERS[ko[3]!]!;
    const unit = ko[2] ?? ko[4]!;
    candidates.push({ index: ko.index, days: count * KOREAN_UNIT_DAYS[unit]!, phrase: ko[0] });
  }
  for (const [pattern, days] of KOREAN_WORDS) {
    const m = pattern.exec(text);
    if (m) candidates.push({ index: m.index, days, phrase: m[0] });
  }
  const first = candidates.filter((c) => c.days > 0).sort((a, b) => a.index - b.index)[0];
  return first ? { days: Math.min(first.days, MAX_DAYS), phrase: first.phrase.trim() } : null;
}

/** the first length stated in the title, else the hint, else the description */
export function statedLength(fields: { title: string; description: string; hint: string }): StatedLength | null {
  return inText(fields.title) ?? inText(fields.hint) ?? inText(fields.description);
}
