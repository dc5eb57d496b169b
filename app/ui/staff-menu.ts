import type { Role } from "../../db/schema";

export interface MenuItem {
  to: string;
  label: string;
  description: string;
}

// What each role finds on its landing page; later screens add their entries here.
const MENUS: Record<Role, MenuItem[]> = {
  admin: [
    { to: "/staf/admin/pengguna", label: "menu.users", description: "menu.usersHint" },
    { to: "/kantor", label: "menu.offices", description: "menu.officesHint" },
  ],
  supervisor: [{ to: "/kantor", label: "menu.offices", description: "menu.officesHint" }],
  officer: [{ to: "/kantor", label: "menu.offices", description: "menu.officesHint" }],
  moderator: [{ to: "/kantor", label: "menu.offices", description: "menu.officesHint" }],
  complaint_handler: [{ to: "/kantor", label: "menu.offices", description: "menu.officesHint" }],
};

export function staffMenu(role: Role): MenuItem[] {
  return MENUS[role];
}
