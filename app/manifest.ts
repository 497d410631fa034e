// The web app manifest (served at /manifest.webmanifest): what an installed Pinit looks like. Colours are
// app/globals.css's light scheme: the brand teal for the title bar, the canvas behind the splash screen.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/today",
    name: "Pinit",
    short_name: "Pinit",
    description: "Pinit은 시작과 끝을 함께합니다. Pinit is with you at the start and at the end.",
    lang: "ko",
    start_url: "/today",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: "#2b6b63",
    background_color: "#f6f8f7",
    categories: ["productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      { name: "오늘 · Today", url: "/today" },
      { name: "할 일 · Tasks", url: "/tasks" },
      { name: "통계 · Statistics", url: "/stats" },
    ],
  };
}
