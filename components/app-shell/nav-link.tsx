"use client";
// A nav bar link that says which page is open (aria-current) and looks it.
import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export function NavLink({ href, children }: { href: Route; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="inline-flex min-h-11 items-center rounded-md px-2.5 font-medium hover:bg-surface-tint aria-[current=page]:bg-surface-tint aria-[current=page]:text-brand-strong sm:px-3"
    >
      {children}
    </Link>
  );
}
