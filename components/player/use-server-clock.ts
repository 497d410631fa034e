"use client";
// The server's clock, refreshed every second while something runs. It is read from Date.now() on each tick
// (plus the offset to the server), never counted, so it is right again on the first tick after the phone
// wakes; coming back to the tab re-reads it at once. null while rendering on the server and hydrating: the
// server's own figure is shown then, so both renders agree.
import { useSyncExternalStore } from "react";
import { usePlayerStore } from "./store";

function subscribe(onTick: () => void): () => void {
  const timer = setInterval(onTick, 1000);
  document.addEventListener("visibilitychange", onTick);
  return () => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", onTick);
  };
}

const noSubscription = () => () => {};
// whole seconds: the snapshot stays equal between ticks of the same second
const browserSecond = () => Math.floor(Date.now() / 1000) * 1000;
const nothing = () => null;

/** the server's time in ms (to the second), or null before hydration; ticks only when `live` */
export function useServerClock(live: boolean): number | null {
  const offsetMs = usePlayerStore((s) => s.offsetMs);
  const second = useSyncExternalStore(live ? subscribe : noSubscription, browserSecond, nothing);
  return second === null ? null : second + offsetMs;
}
