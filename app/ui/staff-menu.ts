import type { Role } from "../../db/schema";

export interface MenuItem {
  to: string;
  label: string;
  description: string;
}

// What each role finds on its landing page; later screens add their entries here.
const MENUS: Record<Role, MenuItem[]> = {
  admin: [
    { to: "/staf/organisasi", label: "organisation.menu", description: "organisation.menuHint" },
    { to: "/staf/admin/pengguna", label: "menu.users", description: "menu.usersHint" },
    { to: "/staf/admin/libur", label: "complaints.menu.holidays", description: "complaints.menu.holidaysHint" },
    { to: "/kantor", label: "menu.offices", description: "menu.officesHint" },
  ],
  supervisor: [
    { to: "/kantor", label: "menu.offices", description: "menu.officesHint" },
    { to: "/staf/penilaian", label: "assessments.menu.team", description: "assessments.menu.teamHint" },
    { to: "/staf/tim", label: "team.menu", description: "team.menuHint" },
    { to: "/staf/pengaduan", label: "complaints.menu.unitQueue", description: "complaints.menu.unitQueueHint" },
    { to: "/staf/kotak-masuk", label: "complaints.menu.inbox", description: "complaints.menu.inboxHint" },
    { to: "/staf/forum/tindak-lanjut", label: "forums.menu.actions", description: "forums.menu.actionsHint" },
  ],
  officer: [
    { to: "/kantor", label: "menu.offices", description: "menu.officesHint" },
    { to: "/staf/layanan-saya", label: "myService.menu", description: "myService.menuHint" },
    { to: "/staf/kinerja-saya", label: "assessments.menu.mine", description: "assessments.menu.mineHint" },
    { to: "/staf/pengaduan?tampil=saya", label: "complaints.menu.mine", description: "complaints.menu.mineHint" },
    { to: "/staf/kotak-masuk", label: "complaints.menu.inbox", description: "complaints.menu.inboxHint" },
  ],
  moderator: [
    { to: "/kantor", label: "menu.offices", description: "menu.officesHint" },
    { to: "/staf/forum", label: "forums.menu.manage", description: "forums.menu.manageHint" },
    { to: "/staf/forum/tindak-lanjut", label: "forums.menu.actions", description: "forums.menu.actionsHint" },
  ],
  complaint_handler: [
    { to: "/kantor", label: "menu.offices", description: "menu.officesHint" },
    { to: "/staf/pengaduan", label: "complaints.menu.queue", description: "complaints.menu.queueHint" },
    { to: "/staf/kotak-masuk", label: "complaints.menu.inbox", description: "complaints.menu.inboxHint" },
  ],
};

export function staffMenu(role: Role): MenuItem[] {
  return MENUS[role];
}
