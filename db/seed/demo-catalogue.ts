import type { UnitKind } from "../schema";

// The demo's governments, units and services: plausible, not official figures.
export interface AgencySeed {
  slug: string;
  name: string;
  province: string;
  timeZone: string;
  rootName: string;
  districtName: string;
  districtKind: "kecamatan";
  puskesmasName: string;
  namePool: "minang" | "batak" | "melayu" | "papua";
}

export const AGENCY_SEEDS: AgencySeed[] = [
  { slug: "kota-pariaman", name: "Pemerintah Kota Pariaman", province: "Sumatera Barat", timeZone: "Asia/Jakarta", rootName: "Sekretariat Daerah Kota Pariaman", districtName: "Kecamatan Pariaman Tengah", districtKind: "kecamatan", puskesmasName: "Puskesmas Pariaman", namePool: "minang" },
  { slug: "kota-medan", name: "Pemerintah Kota Medan", province: "Sumatera Utara", timeZone: "Asia/Jakarta", rootName: "Sekretariat Daerah Kota Medan", districtName: "Kecamatan Medan Marelan", districtKind: "kecamatan", puskesmasName: "Puskesmas Medan Marelan", namePool: "melayu" },
  { slug: "kota-sorong", name: "Pemerintah Kota Sorong", province: "Papua Barat Daya", timeZone: "Asia/Jayapura", rootName: "Sekretariat Daerah Kota Sorong", districtName: "Distrik Sorong Manoi", districtKind: "kecamatan", puskesmasName: "Puskesmas Remu", namePool: "papua" },
  { slug: "kota-sibolga", name: "Pemerintah Kota Sibolga", province: "Sumatera Utara", timeZone: "Asia/Jakarta", rootName: "Sekretariat Daerah Kota Sibolga", districtName: "Kecamatan Sibolga Kota", districtKind: "kecamatan", puskesmasName: "Puskesmas Sibolga Kota", namePool: "batak" },
  { slug: "kabupaten-nabire", name: "Pemerintah Kabupaten Nabire", province: "Papua Tengah", timeZone: "Asia/Jayapura", rootName: "Sekretariat Daerah Kabupaten Nabire", districtName: "Distrik Wanggar", districtKind: "kecamatan", puskesmasName: "Puskesmas Wanggar", namePool: "papua" },
];

export interface ServiceSeed {
  name: string;
  requirements: string;
  procedure: string;
  completionDays: number;
  feeRupiah: number;
  product: string;
}

export interface CounterSeed {
  name: string;
  services: string[]; // service names of the same unit
}

export interface UnitSeed {
  key: "dukcapil" | "dinkes" | "puskesmas" | "disdik" | "dishub" | "kecamatan";
  kind: UnitKind;
  name: (agency: AgencySeed) => string;
  parentKey?: UnitSeed["key"];
  headPosition: string;
  services: ServiceSeed[];
  counters: CounterSeed[];
  staff: number;
}

const COMPLAINT_CHANNEL =
  "Kotak pengaduan di ruang tunggu, portal Suara (tautan di poster QR loket), dan SP4N-LAPOR! (lapor.go.id).";

export const UNIT_SEEDS: UnitSeed[] = [
  {
    key: "dukcapil",
    kind: "dinas",
    name: () => "Dinas Kependudukan dan Pencatatan Sipil",
    headPosition: "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    staff: 10,
    services: [
      { name: "Penerbitan KTP-el", requirements: "Fotokopi Kartu Keluarga; sudah berusia 17 tahun atau sudah/pernah kawin.", procedure: "Ambil nomor antrean, perekaman biometrik di loket, verifikasi data, pencetakan KTP-el.", completionDays: 1, feeRupiah: 0, product: "KTP elektronik" },
      { name: "Penerbitan Kartu Keluarga", requirements: "Buku nikah/akta perkawinan; surat keterangan pindah bila pendatang; KK lama bila perubahan.", procedure: "Isi formulir F-1.01, serahkan berkas di loket, verifikasi, cetak KK.", completionDays: 1, feeRupiah: 0, product: "Kartu Keluarga" },
      { name: "Penerbitan Akta Kelahiran", requirements: "Surat keterangan lahir dari dokter/bidan; KK orang tua; KTP-el orang tua; buku nikah.", procedure: "Isi formulir pelaporan kelahiran, serahkan berkas, verifikasi, tanda tangan elektronik, cetak akta.", completionDays: 1, feeRupiah: 0, product: "Kutipan Akta Kelahiran" },
      { name: "Surat Keterangan Pindah", requirements: "KK asli; KTP-el; formulir F-1.03.", procedure: "Serahkan berkas di loket, verifikasi, terbitkan SKPWNI.", completionDays: 1, feeRupiah: 0, product: "Surat Keterangan Pindah WNI" },
    ],
    counters: [
      { name: "Loket 1 KTP-el", services: ["Penerbitan KTP-el"] },
      { name: "Loket 2 Kartu Keluarga", services: ["Penerbitan Kartu Keluarga", "Surat Keterangan Pindah"] },
      { name: "Loket 3 Akta", services: ["Penerbitan Akta Kelahiran"] },
    ],
  },
  {
    key: "dinkes",
    kind: "dinas",
    name: () => "Dinas Kesehatan",
    headPosition: "Kepala Dinas Kesehatan",
    staff: 6,
    services: [
      { name: "Surat Izin Praktik Tenaga Kesehatan", requirements: "STR yang masih berlaku; rekomendasi organisasi profesi; surat keterangan tempat praktik; pas foto.", procedure: "Ajukan berkas di loket atau daring, verifikasi berkas, peninjauan lapangan bila perlu, penerbitan SIP.", completionDays: 14, feeRupiah: 0, product: "Surat Izin Praktik (SIP)" },
      { name: "Sertifikat Laik Higiene Sanitasi", requirements: "Permohonan tertulis; denah lokasi usaha; hasil uji laboratorium sampel makanan.", procedure: "Serahkan berkas, inspeksi sanitasi, uji laboratorium, penerbitan sertifikat.", completionDays: 14, feeRupiah: 150000, product: "Sertifikat Laik Higiene Sanitasi" },
    ],
    counters: [{ name: "Loket Perizinan Kesehatan", services: ["Surat Izin Praktik Tenaga Kesehatan", "Sertifikat Laik Higiene Sanitasi"] }],
  },
  {
    key: "puskesmas",
    kind: "puskesmas",
    parentKey: "dinkes",
    name: (agency) => agency.puskesmasName,
    headPosition: "Kepala Puskesmas",
    staff: 8,
    services: [
      { name: "Pemeriksaan Umum", requirements: "Kartu BPJS Kesehatan atau KTP-el; kartu berobat bila ada.", procedure: "Daftar di loket pendaftaran, tunggu panggilan, pemeriksaan dokter, ambil obat di apotek.", completionDays: 0, feeRupiah: 0, product: "Pelayanan pemeriksaan dan resep obat" },
      { name: "Imunisasi Anak", requirements: "Buku KIA; KK.", procedure: "Daftar di loket, penimbangan, imunisasi, pencatatan di buku KIA.", completionDays: 0, feeRupiah: 0, product: "Imunisasi dan catatan di buku KIA" },
      { name: "Pemeriksaan Ibu Hamil", requirements: "Buku KIA; kartu BPJS Kesehatan atau KTP-el.", procedure: "Daftar di loket, pemeriksaan bidan, konseling, jadwal kunjungan berikutnya.", completionDays: 0, feeRupiah: 0, product: "Pemeriksaan kehamilan" },
    ],
    counters: [
      { name: "Loket Pendaftaran", services: ["Pemeriksaan Umum", "Imunisasi Anak", "Pemeriksaan Ibu Hamil"] },
      { name: "Ruang KIA", services: ["Imunisasi Anak", "Pemeriksaan Ibu Hamil"] },
    ],
  },
  {
    key: "disdik",
    kind: "dinas",
    name: () => "Dinas Pendidikan",
    headPosition: "Kepala Dinas Pendidikan",
    staff: 6,
    services: [
      { name: "Legalisasi Ijazah", requirements: "Ijazah asli; fotokopi ijazah yang akan dilegalisasi.", procedure: "Serahkan ijazah di loket, verifikasi dengan arsip, tanda tangan dan cap legalisasi.", completionDays: 1, feeRupiah: 0, product: "Fotokopi ijazah terlegalisasi" },
      { name: "Surat Rekomendasi Pindah Sekolah", requirements: "Surat keterangan pindah dari sekolah asal; surat penerimaan sekolah tujuan; rapor.", procedure: "Serahkan berkas, verifikasi, penerbitan surat rekomendasi.", completionDays: 3, feeRupiah: 0, product: "Surat rekomendasi pindah" },
    ],
    counters: [{ name: "Loket Layanan Pendidikan", services: ["Legalisasi Ijazah", "Surat Rekomendasi Pindah Sekolah"] }],
  },
  {
    key: "dishub",
    kind: "dinas",
    name: () => "Dinas Perhubungan",
    headPosition: "Kepala Dinas Perhubungan",
    staff: 7,
    services: [
      { name: "Pengujian Berkala Kendaraan (KIR)", requirements: "STNK; buku uji lama; kendaraan dibawa ke tempat uji.", procedure: "Daftar di loket, uji teknis di jalur uji, penerbitan kartu uji elektronik.", completionDays: 1, feeRupiah: 87000, product: "Kartu uji berkala (BLUe)" },
      { name: "Izin Trayek Angkutan Kota", requirements: "Permohonan; STNK; KIR yang berlaku; akta badan usaha.", procedure: "Serahkan berkas, verifikasi, rapat teknis, penerbitan izin.", completionDays: 10, feeRupiah: 0, product: "Surat izin trayek" },
    ],
    counters: [
      { name: "Loket Pengujian Kendaraan", services: ["Pengujian Berkala Kendaraan (KIR)"] },
      { name: "Loket Perizinan Angkutan", services: ["Izin Trayek Angkutan Kota"] },
    ],
  },
  {
    key: "kecamatan",
    kind: "kecamatan",
    name: (agency) => agency.districtName,
    headPosition: "Camat",
    staff: 6,
    services: [
      { name: "Surat Keterangan Domisili", requirements: "Surat pengantar RT/RW dan kelurahan; KTP-el; KK.", procedure: "Serahkan berkas di loket, verifikasi, tanda tangan camat.", completionDays: 1, feeRupiah: 0, product: "Surat keterangan domisili" },
      { name: "Legalisasi Dokumen Kependudukan", requirements: "Dokumen asli dan fotokopinya.", procedure: "Serahkan dokumen di loket, pencocokan, legalisasi.", completionDays: 0, feeRupiah: 0, product: "Dokumen terlegalisasi" },
    ],
    counters: [{ name: "Loket PATEN", services: ["Surat Keterangan Domisili", "Legalisasi Dokumen Kependudukan"] }],
  },
];

export const SERVICE_COMPLAINT_CHANNEL = COMPLAINT_CHANNEL;

export const NAME_POOLS = {
  minang: {
    male: ["Rahmat", "Fadli", "Andika", "Yusrizal", "Hendra", "Irwan", "Zulkifli", "Afrizal", "Dedi", "Syafrudin", "Fauzan", "Rizki"],
    female: ["Yulia", "Rahmi", "Fitri", "Mardiana", "Novita", "Elvi", "Desi", "Rini", "Silvia", "Nurhayati", "Vivi", "Yeni"],
    last: ["Putra", "Hidayat", "Saputra", "Syafri", "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang", "Jambak", "Fitriani", "Yanti"],
  },
  melayu: {
    male: ["Muhammad", "Ahmad", "Syahrul", "Ridwan", "Fikri", "Budi", "Taufik", "Hasan", "Rudi", "Iqbal", "Agus", "Joko"],
    female: ["Siti", "Nur", "Aisyah", "Dewi", "Sri", "Lestari", "Indah", "Ratna", "Wulan", "Melati", "Putri", "Ayu"],
    last: ["Lubis", "Nasution", "Harahap", "Rangkuti", "Daulay", "Siregar", "Pohan", "Batubara", "Ginting", "Tarigan", "Purba", "Sembiring"],
  },
  batak: {
    male: ["Jhonson", "Ronald", "Parulian", "Hotman", "Binsar", "Maruli", "Sahat", "Togar", "Bonar", "Poltak", "Ferdinand", "Lamhot"],
    female: ["Rosmawati", "Lamria", "Tiurma", "Debora", "Friska", "Martha", "Rotua", "Nurmala", "Helena", "Sondang", "Ruth", "Sarma"],
    last: ["Hutagalung", "Simanjuntak", "Pasaribu", "Sihombing", "Hutapea", "Panggabean", "Sitompul", "Situmorang", "Tambunan", "Marpaung", "Simatupang", "Nainggolan"],
  },
  papua: {
    male: ["Yohanis", "Markus", "Yakob", "Daniel", "Herman", "Petrus", "Yulianus", "Septinus", "Agustinus", "Obed", "Marthen", "Frans"],
    female: ["Maria", "Yuliana", "Ester", "Agustina", "Naomi", "Regina", "Yosina", "Selvi", "Marlina", "Dorkas", "Ribka", "Elisabeth"],
    last: ["Kambuaya", "Mandacan", "Rumbiak", "Wanggai", "Wonda", "Kogoya", "Mote", "Pigai", "Yeimo", "Rumbewas", "Sawaki", "Ayomi"],
  },
} as const;

export const RANKS = {
  head: ["Pembina Utama Muda (IV/c)", "Pembina Tingkat I (IV/b)"],
  lead: ["Pembina (IV/a)", "Penata Tingkat I (III/d)"],
  staff: ["Penata (III/c)", "Penata Muda Tingkat I (III/b)", "Penata Muda (III/a)", "Pengatur Tingkat I (II/d)", "Pengatur (II/c)"],
} as const;

export const STAFF_POSITIONS = ["Pengadministrasi Umum", "Operator Layanan Operasional", "Pengolah Data dan Informasi", "Penata Layanan Operasional", "Verifikator Berkas"];
export const LEAD_POSITIONS = ["Kepala Bidang Pelayanan", "Kepala Seksi Pelayanan"];
