// The public links in the site header; each feature adds its own entry (label is a translation key).
export const PUBLIC_NAV: { to: string; label: string }[] = [{ to: "/kantor", label: "nav.offices" }, { to: "/pengaduan", label: "complaints.nav" }, { to: "/forum", label: "forums.nav" }];
