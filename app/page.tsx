// The auth pages are plain links: with typedRoutes on, <Link> only accepts routes that exist, and
// /signin and /signup are not built yet. Switch to next/link once they are.

const features = [
  { ko: "큰 목표를 작은 작업으로 나눕니다.", en: "Break a big goal into small tasks." },
  { ko: "각 작업을 달력의 시간에 올려 둡니다.", en: "Put each task on your calendar." },
  {
    ko: "일정을 음악 트랙처럼 재생·일시정지·완료합니다.",
    en: "Run each schedule like a track: play, pause, resume, done.",
  },
  { ko: "시작할 시간이 되면 알려 드립니다.", en: "Get a reminder when it is time to start." },
  { ko: "시간을 실제로 어떻게 썼는지 돌아봅니다.", en: "See how your time was really spent." },
] as const;

export default function HomePage() {
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-3xl flex-col px-5 sm:px-8">
      <header className="flex items-center justify-between py-5">
        <span className="text-lg font-semibold tracking-tight text-brand" aria-hidden="true">
          Pinit
        </span>
        <nav aria-label="계정">
          <a
            href="/signin"
            className="rounded-md px-3 py-2 text-sm font-medium text-brand underline-offset-4 hover:underline"
          >
            로그인 <span lang="en">· Sign in</span>
          </a>
        </nav>
      </header>

      <main className="flex flex-1 flex-col justify-center gap-10 py-10 sm:py-16">
        <section aria-labelledby="hero-title" className="flex flex-col gap-4">
          <h1 id="hero-title" className="text-5xl font-bold tracking-tight sm:text-6xl">
            Pinit
          </h1>
          <p className="text-xl font-medium sm:text-2xl">Pinit은 시작과 끝을 함께합니다.</p>
          <p lang="en" className="text-base text-muted sm:text-lg">
            Pinit is with you at the start and at the end.
          </p>
          <div className="mt-4 flex flex-col gap-3 sm:flex-row">
            <a
              href="/signup"
              className="inline-flex min-h-12 items-center justify-center rounded-lg bg-brand px-6 font-semibold text-on-brand shadow-sm hover:bg-brand-strong"
            >
              시작하기 <span lang="en">&nbsp;· Sign up</span>
            </a>
            <a
              href="/signin"
              className="inline-flex min-h-12 items-center justify-center rounded-lg border border-line bg-surface px-6 font-semibold text-brand hover:bg-surface-tint"
            >
              로그인 <span lang="en">&nbsp;· Sign in</span>
            </a>
          </div>
        </section>

        <section aria-labelledby="features-title" className="rounded-2xl border border-line bg-surface p-5 sm:p-8">
          <h2 id="features-title" className="text-lg font-semibold">
            Pinit이 하는 일{" "}
            <span lang="en" className="font-normal text-muted">
              · What it does
            </span>
          </h2>
          <ul className="mt-4 flex flex-col gap-4">
            {features.map((feature) => (
              <li key={feature.en} className="flex gap-3">
                <span aria-hidden="true" className="mt-2 size-2 shrink-0 rounded-full bg-brand" />
                <span className="flex flex-col">
                  <span>{feature.ko}</span>
                  <span lang="en" className="text-sm text-muted">
                    {feature.en}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      </main>

      <footer className="border-t border-line py-6 text-sm text-muted">
        <p>
          © Pinit <span lang="en">· A planner that runs your schedule like a music player.</span>
        </p>
      </footer>
    </div>
  );
}
