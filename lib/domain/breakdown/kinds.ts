// Which kind of goal a text describes, from keywords in Korean and English (docs/breakdown.md lists them).
// The goal's title weighs most, then the hint, then the description; a tie goes to the more specific kind
// (a blog before something built, an exam before learning, an event before organising).

import type { GoalKind } from "./templates";

/**
 * English keywords are matched as whole words, or as a word's beginning when they end in "*" ("learn*"
 * matches "learning"); Korean ones anywhere in the text, since particles and endings attach to the word.
 */
const KEYWORDS: Record<Exclude<GoalKind, "generic">, readonly string[]> = {
  blog: [
    "blog*", "tistory", "velog", "wordpress", "substack", "newsletter*", "ghost blog",
    "블로그", "티스토리", "벨로그", "워드프레스", "뉴스레터", "브런치스토리", "포스팅",
  ],
  exam: [
    "exam*", "driving test", "test prep", "certification*", "certificate*", "toeic", "toefl", "ielts", "sat", "gre", "gmat",
    "jlpt", "hsk", "opic", "bar exam", "license", "licence", "midterm*", "finals", "interview*", "admission*", "quiz*",
    "시험", "자격증", "토익", "토플", "아이엘츠", "수능", "공무원", "합격", "면접", "기출", "모의고사", "중간고사",
    "기말고사", "오픽", "한국사", "기사 시험", "정보처리기사", "검정고시", "임용", "편입",
  ],
  event: [
    "event*", "wedding*", "party", "parties", "conference*", "meetup*", "birthday*", "festival*", "ceremony",
    "workshop*", "seminar*", "celebrat*", "anniversary", "reunion", "gathering", "fundraiser", "hackathon",
    "concert", "exhibition", "housewarming", "webinar*",
    "행사", "결혼식", "웨딩", "파티", "컨퍼런스", "콘퍼런스", "밋업", "생일", "축제", "워크숍", "워크샵", "세미나",
    "돌잔치", "모임", "동창회", "송년회", "신년회", "환갑", "칠순", "전시회", "공연", "집들이", "해커톤",
  ],
  move: [
    "move", "moving", "relocat*", "new apartment", "new flat", "new house", "new home", "movers", "emigrat*",
    "move abroad", "lease",
    "이사", "이주", "전입", "입주", "이민", "자취방", "전셋집", "월셋집", "집 구하기", "방 구하기", "새 집",
  ],
  fitness: [
    "fit", "fitness", "run", "runs", "running", "marathon*", "5k", "10k", "gym", "workout*", "work out",
    "exercis*", "weight", "lose", "yoga", "pilates", "swim*", "cycling", "hike", "hiking", "muscle*", "strength",
    "push-up*", "pushup*", "pull-up*", "squat*", "diet*", "cardio", "triathlon", "abs", "stamina",
    "운동", "다이어트", "마라톤", "달리기", "러닝", "조깅", "헬스", "체중", "살 빼", "살빼", "감량", "근력", "근육",
    "요가", "필라테스", "수영", "등산", "자전거", "체력", "푸시업", "팔굽혀펴기", "스쿼트", "식단", "몸무게",
    "바디프로필", "철인",
  ],
  organise: [
    "organi?e", "organi?ing", "declutter*", "clean*", "tidy*", "sort out", "closet", "garage", "wardrobe",
    "minimalis*", "inbox", "paperwork", "konmari", "spring clean*", "storage",
    "정리", "청소", "정돈", "수납", "비우기", "버리기", "미니멀", "옷장", "서랍", "창고", "서류", "집안일",
  ],
  write: [
    "write", "writing", "written", "book", "books", "novel*", "essay*", "thesis", "dissertation", "paper",
    "report*", "article*", "manuscript", "story", "stories", "poem*", "poetry", "screenplay", "script", "memoir",
    "ebook", "e-book", "chapter*",
    "글쓰기", "쓰기", "책 쓰", "책을 쓰", "소설", "에세이", "논문", "보고서", "원고", "집필", "출간", "출판", "시나리오",
    "전자책", "기고", "작성", "자서전", "동화",
  ],
  launch: [
    "app", "apps", "website*", "web site", "site", "launch*", "build*", "product*", "startup*", "start-up", "mvp",
    "saas", "service", "shop", "store", "side project", "game", "ship", "release*", "prototype*", "platform",
    "앱", "어플", "웹사이트", "홈페이지", "사이트", "출시", "런칭", "론칭", "개발", "서비스", "쇼핑몰", "스마트스토어",
    "창업", "사이드 프로젝트", "사이드프로젝트", "제품", "게임", "배포", "프로토타입", "오픈",
  ],
  learn: [
    "learn*", "study*", "studying", "course*", "master*", "practic*", "practis*", "lesson*", "language*",
    "programming", "coding", "code", "guitar", "piano", "violin", "drawing", "painting", "skill*", "spanish",
    "english", "japanese", "chinese", "french", "german", "korean", "italian", "python", "javascript",
    "typescript", "tutorial*", "beginner*", "fluent*", "understand*", "certified",
    "배우", "배움", "공부", "익히", "독학", "강의", "학습", "마스터", "연습", "영어", "일본어", "중국어", "스페인어",
    "프랑스어", "독일어", "코딩", "프로그래밍", "파이썬", "기타 연주", "기타 배우", "피아노", "바이올린", "그림",
    "회화", "입문", "실력",
  ],
};

/** the order ties are broken in: the more specific kind first */
const PRIORITY: readonly Exclude<GoalKind, "generic">[] = [
  "blog",
  "exam",
  "event",
  "move",
  "fitness",
  "organise",
  "write",
  "launch",
  "learn",
];

const WEIGHTS = { title: 3, hint: 2, description: 1 } as const;

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

/** "learn*" → a word starting with learn; "organi?e" → organise or organize; else the whole word */
function englishPattern(keyword: string): RegExp {
  const prefix = keyword.endsWith("*");
  const body = escape(prefix ? keyword.slice(0, -1) : keyword).replace(/\?/g, "[sz]").replace(/ /g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}${prefix ? "" : "(?![\\p{L}\\p{N}])"}`, "u");
}

const isHangulKeyword = (k: string) => /[\uAC00-\uD7AF]/.test(k);

const MATCHERS = Object.fromEntries(
  PRIORITY.map((kind) => [
    kind,
    KEYWORDS[kind].map((keyword) => ({
      keyword,
      test: isHangulKeyword(keyword)
        ? (text: string) => text.includes(keyword)
        : ((pattern: RegExp) => (text: string) => pattern.test(text))(englishPattern(keyword)),
    })),
  ]),
) as Record<Exclude<GoalKind, "generic">, { keyword: string; test: (text: string) => boolean }[]>;

export function normaliseText(s: string): string {
  return s.normalize("NFC").toLowerCase();
}

export type Recognition = { kind: GoalKind; keywords: string[] };

export function recognise(fields: { title: string; description: string; hint: string }): Recognition {
  const texts = {
    title: normaliseText(fields.title),
    hint: normaliseText(fields.hint),
    description: normaliseText(fields.description),
  };
  let best: Recognition = { kind: "generic", keywords: [] };
  let bestScore = 0;
  for (const kind of PRIORITY) {
    let score = 0;
    const found: string[] = [];
    for (const { keyword, test } of MATCHERS[kind]) {
      let hit = false;
      for (const field of ["title", "hint", "description"] as const) {
        if (test(texts[field])) {
          score += WEIGHTS[field];
          hit = true;
        }
      }
      if (hit) found.push(keyword.replace(/\*$/, "").replace(/\?/g, "s"));
    }
    // strictly greater: on a tie the kind earlier in PRIORITY stays
    if (score > bestScore) {
      best = { kind, keywords: found };
      bestScore = score;
    }
  }
  return best;
}
