// The public links in the site header. Their labels live in public/locales/fallback.json with the rest of the
// shell, so every page has them whichever feature texts it loads.
export const PUBLIC_NAV: { to: string; label: string }[] = [
  { to: "/kantor", label: "nav.offices" },
  { to: "/pengaduan", label: "nav.complaints" },
  { to: "/forum", label: "nav.forums" },
];
