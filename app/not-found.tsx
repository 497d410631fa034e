import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-xl flex-col items-start justify-center gap-4 px-5">
      <p className="text-sm font-semibold text-brand">404</p>
      <h1 className="text-3xl font-bold tracking-tight">페이지를 찾을 수 없습니다</h1>
      <p lang="en" className="text-muted">
        This page could not be found.
      </p>
      <Link
        href="/"
        className="mt-2 inline-flex min-h-11 items-center rounded-lg bg-brand px-5 font-semibold text-on-brand hover:bg-brand-strong"
      >
        처음으로 <span lang="en">&nbsp;· Home</span>
      </Link>
    </main>
  );
}
