import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { addAction, updateAction } from "../../app/data/forums/actions.server";
import { publishRecord, recordApproval, saveRecordText } from "../../app/data/forums/records.server";
import { editTheme, proposeForumThemes, saveSummary, setThemeAccepted, themesOf } from "../../app/data/forums/themes.server";
import { addItems, itemsOf, submitPublicInput } from "../../app/data/forums/items.server";
import { createForum, saveAttendance } from "../../app/data/forums/forums.server";

// Demo forums in Kota Pariaman: one held and published, with themes, agreements and actions (one done, one in
// progress, one late), and one coming, open for written input.

const PAST_INPUTS = [
  "Antrean KTP-el di loket 1 terlalu lama, saya menunggu dari jam 8 sampai jam 12.",
  "Nomor antrean habis sebelum jam 9 pagi, warga dari desa jauh tidak kebagian.",
  "Tolong tambah loket perekaman KTP-el pada hari Senin, antreannya panjang sekali.",
  "Antrian akta kelahiran lama, sebaiknya ada antrean online.",
  "Petugas loket 2 kurang ramah ketika menjelaskan syarat pindah domisili.",
  "Ada petugas yang jutek dan membentak warga lansia.",
  "Petugas di loket akta sudah ramah dan sabar, terima kasih.",
  "Persyaratan kartu keluarga berubah-ubah, hari ini diminta fotokopi besok tidak.",
  "Syarat surat pindah tidak diumumkan jelas, saya bolak-balik tiga kali.",
  "Mohon daftar persyaratan ditempel di depan loket dan di media sosial.",
  "Ruang tunggu panas, kipas angin mati dan kursi kurang.",
  "Toilet di kantor Disdukcapil kotor dan tidak ada air.",
  "Parkir motor sempit, sering diminta uang parkir oleh juru parkir liar.",
  "Ada oknum yang menawarkan jasa percepatan KTP dengan bayaran.",
  "Pengurusan akta katanya gratis tapi diminta uang map dan materai.",
  "Blangko KTP-el sering habis sehingga hanya diberi surat keterangan.",
  "Cetak KTP-el rusak, nama saya salah ketik dan harus mengulang.",
  "Pengaduan lewat WhatsApp tidak pernah dibalas.",
  "Kotak saran di ruang tunggu tidak pernah dibuka.",
  "Layanan jemput bola perekaman untuk lansia dan disabilitas sangat membantu.",
];

const THEME_TITLES: [string, string][] = [
  ["antrean", "Antrean dan waktu tunggu di loket"],
  ["diminta", "Pungutan dan biaya di luar ketentuan"],
  ["uang", "Pungutan dan biaya di luar ketentuan"],
  ["ruang", "Ruang tunggu dan penanganan pengaduan"],
  ["habis", "Blangko dan nomor antrean yang habis"],
  ["jutek", "Sikap petugas dan layanan bagi lansia"],
  ["lansia", "Sikap petugas dan layanan bagi lansia"],
];

const COMING_PUBLIC_INPUTS = [
  { body: "Puskesmas perlu menambah jam layanan sore untuk pekerja.", name: "Rahmi", show: true },
  { body: "Antrean obat di apotek puskesmas lama sekali.", name: null, show: false },
];

export async function seedForums(db: Kysely<Database>): Promise<void> {
  const agency = await db.selectFrom("agencies").select(["id"]).where("slug", "=", "kota-pariaman").executeTakeFirst();
  if (!agency) return;
  const units = await db.selectFrom("units").select(["id", "name", "kind"]).where("agency_id", "=", agency.id).execute();
  const dukcapil = units.find((unit) => unit.name === "Dinas Kependudukan dan Pencatatan Sipil");
  const puskesmas = units.find((unit) => unit.kind === "puskesmas");
  if (!dukcapil) return;
  const moderator = await db.selectFrom("users").select("id").where("username", "=", "moderator").executeTakeFirst();
  const supervisor = await db.selectFrom("users").select("id").where("username", "=", "supervisor").executeTakeFirst();
  const actor = moderator?.id ?? null;
  const services = await db.selectFrom("services").select(["id", "name"]).where("unit_id", "=", dukcapil.id).execute();

  // A forum held in September 2026 with its published berita acara.
  const pastId = await createForum(db, {
    actorUserId: actor,
    unitId: dukcapil.id,
    title: "Forum Konsultasi Publik Layanan Administrasi Kependudukan 2026",
    heldOn: "2026-09-15",
    startTime: "09:00",
    place: "Aula Balai Kota Pariaman, Jl. Imam Bonjol",
    agenda: "Pembukaan oleh Kepala Dinas\nPemaparan standar pelayanan KTP-el, KK, dan akta\nDialog dan masukan peserta\nKesepakatan dan rencana tindak lanjut",
    chairName: "Drs. Syafrizal, M.Si.",
    noteTakerName: "Nurhayati, S.Sos.",
    serviceIds: services.map((service) => service.id),
  });
  await saveAttendance(db, pastId, [
    { group: "service_users", count: 38, names: ["Yuliarni", "Ahmad Fauzi", "Desi Ratnasari"] },
    { group: "academics", count: 2, names: ["Dr. Hendra Putra (UNP)"] },
    { group: "agencies", count: 6, names: ["Kecamatan Pariaman Tengah", "Dinas Kominfo"] },
    { group: "civil_society", count: 4, names: ["LPM Kota Pariaman"] },
    { group: "media", count: 2, names: [] },
  ]);
  await addItems(db, { forumId: pastId, actorUserId: actor, texts: PAST_INPUTS, source: "spoken", group: "service_users" });
  await proposeForumThemes(db, pastId);
  // As a moderator would, the demo renames the proposed themes from their characteristic words to plain titles.
  for (const theme of await themesOf(db, pastId)) {
    const title = THEME_TITLES.find(([word]) => theme.label.includes(word))?.[1];
    if (title) await editTheme(db, theme.id, { label: title, priority: theme.priority, element: null });
  }
  await setThemeAccepted(db, pastId, "all", true);
  const items = await itemsOf(db, pastId);
  for (const theme of await themesOf(db, pastId)) {
    // Seeded summaries quote their cited inputs, so they say nothing the inputs do not.
    // Every input of the theme is cited: the first two quoted, the rest by number.
    const members = items.filter((item) => item.themeId === theme.id && item.hiddenReason === null && item.mergedIntoId === null);
    const quoted = members.slice(0, 2).map((item) => `“${item.body}” (#${item.number})`).join("; ");
    const rest = members.slice(2).map((item) => `#${item.number}`);
    const summary = `Peserta menyampaikan: ${quoted}${rest.length > 0 ? `; senada: ${rest.join(", ")}` : ""}.`;
    await saveSummary(db, pastId, theme.id, summary);
  }
  await saveRecordText(db, pastId, {
    agreements:
      "1. Disdukcapil membuka antrean daring dan menambah satu loket perekaman KTP-el setiap Senin.\n2. Daftar persyaratan setiap layanan ditempel di depan loket dan diumumkan di media sosial.\n3. Semua layanan administrasi kependudukan gratis; pungutan dilaporkan lewat Suara.",
    dissent: "Perwakilan LPM meminta layanan sampai pukul 16.00; belum disepakati karena keterbatasan petugas.",
  });
  const themes = await themesOf(db, pastId);
  const actions = [
    { description: "Membuka antrean daring untuk KTP-el dan akta kelahiran.", dueOn: "2026-10-31", element: "U3" },
    { description: "Menempel daftar persyaratan tiap layanan di depan loket dan di media sosial.", dueOn: "2026-10-15", element: "U1" },
    { description: "Memperbaiki kipas angin dan menambah kursi ruang tunggu.", dueOn: "2026-11-20", element: "U9" },
  ];
  for (const [index, action] of actions.entries()) {
    await addAction(db, {
      forumId: pastId,
      themeId: themes[index]?.id ?? null,
      description: action.description,
      responsibleUnitId: dukcapil.id,
      responsibleOfficer: "Sekretaris Dinas",
      dueOn: action.dueOn,
      element: action.element,
    });
  }
  await recordApproval(db, {
    forumId: pastId,
    actorUserId: actor,
    approvedOn: "2026-09-18",
    communityRepName: "Yuliarni",
    communitySignedOn: "2026-09-18",
    now: new Date("2026-09-18T03:00:00Z"),
  });
  await publishRecord(db, pastId, actor, new Date("2026-09-19T02:00:00Z"));
  const actionRows = await db.selectFrom("forum_actions").select(["id"]).where("forum_id", "=", pastId).orderBy("id").execute();
  if (actionRows[1]) {
    await updateAction(db, { actionId: actionRows[1].id, actorUserId: supervisor?.id ?? null, status: "done", note: "Daftar persyaratan sudah ditempel di keempat loket dan diunggah ke Instagram Disdukcapil.", evidence: "Foto daftar persyaratan di loket 1–4, papan pengumuman lobi Disdukcapil", now: new Date("2026-10-08T04:00:00Z") });
  }
  if (actionRows[2]) {
    await updateAction(db, { actionId: actionRows[2].id, actorUserId: supervisor?.id ?? null, status: "in_progress", note: "Dua kipas angin sudah diganti; pengadaan kursi menunggu anggaran perubahan.", now: new Date("2026-11-02T04:00:00Z") });
  }

  // A coming forum, about a month from when the demo is created, open for written input.
  const coming = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const comingId = await createForum(db, {
    actorUserId: actor,
    unitId: puskesmas?.id ?? dukcapil.id,
    title: "Forum Konsultasi Publik Rancangan Standar Pelayanan Puskesmas",
    heldOn: coming,
    startTime: "13:30",
    place: "Ruang pertemuan Puskesmas Pariaman",
    agenda: "Pemaparan rancangan standar pelayanan\nTanggapan dan usulan warga\nKesepakatan",
    chairName: "dr. Rina Marlina",
    noteTakerName: "Fitri Handayani, A.Md.Keb.",
    serviceIds: [],
  });
  for (const [index, input] of COMING_PUBLIC_INPUTS.entries()) {
    await submitPublicInput(db, {
      forumId: comingId,
      body: input.body,
      name: input.name,
      group: "service_users",
      showName: input.show,
      clientAddress: `seed-${index}`,
      now: new Date(),
    });
  }
}
