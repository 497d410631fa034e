"use client";
// Whether the browser is online, from navigator.onLine and its online/offline events. Buttons that need the
// network read it to disable themselves offline and say why, instead of failing on submit (issue 20.12). On the
// server, and in the first render of a hydrating page, it answers true (the page was just served).
import { useSyncExternalStore } from "react";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}
