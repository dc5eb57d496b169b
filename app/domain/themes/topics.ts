// A small thesaurus of public-service topics, grouped under the SKM elements (PermenPANRB 14/2017, DOMAIN.md §1.1).
// Short inputs about one problem often share no word ("antre" vs "nunggu", "jutek" vs "kasar"); naming the topic
// lets grouping see them as alike, and lets element suggestion say which element they speak to.
// Words are written as people write them and go through the same normaliser as the inputs.

import { ELEMENT_CODES, type ElementCode } from "../indicators/elements";
import { analyse, NEGATION_PREFIX, type AnalysedToken } from "./normalise";

export interface ServiceTopic {
  /** Short Indonesian name of the topic, used as a grouping feature. */
  readonly name: string;
  readonly element: ElementCode;
  /** Words that name the topic by themselves ("pungli"). */
  readonly strong: readonly string[];
  /** Words that point to it only together with others ("hari", "ktp"). */
  readonly weak: readonly string[];
}

export const STRONG_WEIGHT = 2;
export const WEAK_WEIGHT = 1;

export const SERVICE_TOPICS: readonly ServiceTopic[] = [
  {
    name: "persyaratan",
    element: "U1",
    strong: ["syarat", "persyaratan", "berkas", "fotokopi", "legalisir", "surat pengantar", "lampiran", "melampirkan",
      "kelengkapan", "melengkapi", "materai", "surat keterangan"],
    weak: ["dokumen", "surat", "ktp", "kk", "buku nikah", "asli", "lengkap", "map"],
  },
  {
    name: "prosedur",
    element: "U2",
    strong: ["alur", "prosedur", "mekanisme", "formulir", "berbelit", "ribet", "tahapan", "bolak-balik"],
    weak: ["cara", "tahap"],
  },
  {
    name: "informasi",
    element: "U2",
    strong: ["informasi", "papan informasi", "pengumuman", "petunjuk", "brosur", "sosialisasi", "media sosial",
      "meja informasi", "customer service"],
    weak: ["papan", "arah"],
  },
  {
    name: "layanan daring",
    element: "U2",
    strong: ["online", "aplikasi", "website", "sistem", "jaringan", "error", "server", "registrasi", "akun", "otp",
      "unggah", "upload", "offline", "internet", "loading"],
    weak: ["whatsapp", "web", "hp", "smartphone", "daftar", "pendaftaran", "input", "data"],
  },
  {
    name: "antrean",
    element: "U3",
    strong: ["antre", "antrean", "nomor antrean", "giliran", "mengular", "berdesakan", "penumpukan", "waktu tunggu"],
    weak: ["tunggu", "panggil", "nomor", "loket"],
  },
  {
    name: "jam layanan",
    element: "U3",
    strong: ["jam buka", "jam pelayanan", "jam layanan", "jam istirahat", "jam kerja", "telat", "terlambat",
      "istirahat", "libur", "tutup", "jadwal"],
    weak: ["jam", "buka", "pagi", "siang", "sore", "pulang"],
  },
  {
    name: "waktu penyelesaian",
    element: "U3",
    strong: ["lama", "lambat", "cepat", "belum jadi", "belum selesai", "berhari-hari", "berminggu-minggu",
      "berbulan-bulan", "penyelesaian", "bertele-tele", "kelamaan", "molor"],
    weak: ["selesai", "proses", "bulan", "minggu", "hari", "waktu"],
  },
  {
    name: "pungli dan calo",
    element: "U4",
    strong: ["pungli", "pungutan", "calo", "suap", "uang rokok", "pelicin", "palak", "oknum", "kuitansi", "uang"],
    weak: ["jasa", "minta"],
  },
  {
    name: "biaya",
    element: "U4",
    strong: ["biaya", "tarif", "bayar", "mahal", "murah", "gratis", "retribusi", "ribu", "rupiah", "juta", "karcis"],
    weak: ["harga", "administrasi", "resmi"],
  },
  {
    name: "hasil layanan",
    element: "U5",
    strong: ["salah cetak", "salah ketik", "blanko", "sertifikat", "produk", "kualitas", "buram", "revisi",
      "tidak sesuai", "salah nama", "cacat"],
    weak: ["hasil", "akta", "cetak", "kartu", "foto", "nama", "ulang", "salah"],
  },
  {
    name: "ketersediaan obat",
    element: "U5",
    strong: ["obat", "stok", "kehabisan"],
    weak: ["apotek", "resep", "habis", "kosong"],
  },
  {
    name: "kompetensi petugas",
    element: "U6",
    strong: ["paham", "kompeten", "kompetensi", "bingung", "terampil", "mengerti", "menguasai", "teliti", "keliru",
      "profesional", "pengetahuan", "pelatihan", "cekatan"],
    // "menjelaskan" shares its stem with "jelas" (clear), which is mostly about information, not the officer.
    weak: ["menjelaskan", "jawaban", "menjawab", "salah input", "mengajari", "aturan"],
  },
  {
    name: "perilaku petugas",
    element: "U7",
    strong: ["ramah", "sopan", "jutek", "judes", "kasar", "senyum", "sikap", "marah", "bentak", "ketus", "cuek",
      "galak", "sombong", "etika", "peduli", "membeda-bedakan", "diskriminasi", "merendahkan", "santun", "menggoda",
      "pilih kasih", "bersahabat"],
    weak: ["sibuk", "ngobrol", "merokok", "nada", "main hp"],
  },
  {
    name: "pengaduan",
    element: "U8",
    strong: ["pengaduan", "aduan", "mengadu", "keluhan", "kotak saran", "saran", "lapor", "respon", "tanggapan",
      "komplain", "hotline", "tindak lanjut", "sp4n"],
    weak: ["balas", "kabar", "tiket", "ditanggapi"],
  },
  {
    name: "ruang tunggu",
    element: "U9",
    strong: ["ruang tunggu", "kursi", "ac", "panas", "kipas", "pengap", "ventilasi", "tempat duduk", "sempit",
      "ruangan", "air minum"],
    weak: ["ruang", "duduk", "berdiri"],
  },
  {
    name: "toilet",
    element: "U9",
    strong: ["toilet", "kamar mandi", "jorok", "kotor", "bau", "sabun", "cuci tangan"],
    weak: ["air", "bersih", "kunci"],
  },
  {
    name: "parkir",
    element: "U9",
    strong: ["parkir", "parkiran", "lahan parkir", "juru parkir", "tukang parkir", "helm"],
    weak: ["motor", "mobil", "kendaraan"],
  },
  {
    name: "aksesibilitas",
    element: "U9",
    strong: ["disabilitas", "kursi roda", "landai", "lift", "lansia", "tuna netra", "tuli", "bahasa isyarat",
      "prioritas", "ibu hamil", "guiding block", "penyandang"],
    weak: ["tangga", "naik", "tongkat", "pendamping"],
  },
  {
    name: "gedung",
    element: "U9",
    strong: ["gedung", "lampu", "atap", "bocor", "fasilitas", "sarana", "prasarana"],
    weak: ["rusak", "tempat", "lantai"],
  },
];

interface TopicEntry {
  readonly topic: ServiceTopic;
  readonly terms: readonly string[];
  readonly weight: number;
}

/** One occurrence of a topic word in an input. */
export interface TopicMatch {
  readonly topic: ServiceTopic;
  readonly weight: number;
  /** Position of the first matched token, for "named first" tie-breaks. */
  readonly position: number;
  /** The input's own words, e.g. "antrean", "belum jadi", "ruang tunggu". */
  readonly words: string;
  /** Identifies the thesaurus entry, so an entry repeated in one input can be counted once. */
  readonly entry: object;
}

const isNegationFeature = (term: string): boolean => term.startsWith(NEGATION_PREFIX);

/** Normalised terms of a thesaurus word; a negated word is kept only as its feature ("belum jadi" → tidak_jadi). */
function entryTerms(word: string): string[] {
  const terms = analyse(word).map((token) => token.term);
  return terms.filter((term, index) => terms[index + 1] !== NEGATION_PREFIX + term);
}

const ENTRIES: readonly TopicEntry[] = SERVICE_TOPICS.flatMap((topic) => [
  ...topic.strong.map((word) => ({ topic, terms: entryTerms(word), weight: STRONG_WEIGHT })),
  ...topic.weak.map((word) => ({ topic, terms: entryTerms(word), weight: WEAK_WEIGHT })),
]).filter((entry) => entry.terms.length > 0);

// Entries by their first term, for lookup from a token; phrases are tried longest first, so "ruang tunggu" claims
// its words before "tunggu" can.
const ENTRIES_BY_FIRST_TERM = new Map<string, TopicEntry[]>();
for (const entry of ENTRIES) {
  const first = entry.terms[0] ?? "";
  ENTRIES_BY_FIRST_TERM.set(first, [...(ENTRIES_BY_FIRST_TERM.get(first) ?? []), entry]);
}
const PHRASE_LENGTHS = [...new Set(ENTRIES.map((entry) => entry.terms.length))].sort((a, b) => b - a);

const THESAURUS_TERMS: ReadonlySet<string> = new Set(
  ENTRIES.flatMap((entry) => entry.terms.map((term) => term.replace(NEGATION_PREFIX, ""))),
);

/** Whether a term (or the word a negated term negates) is a thesaurus word, i.e. names a service issue. */
export function isThesaurusTerm(term: string): boolean {
  return THESAURUS_TERMS.has(term.startsWith(NEGATION_PREFIX) ? term.slice(NEGATION_PREFIX.length) : term);
}

// Every element has at least one topic; checked once so a thesaurus edit cannot silently drop one.
for (const element of ELEMENT_CODES) {
  if (!SERVICE_TOPICS.some((topic) => topic.element === element)) throw new Error(`no service topic for ${element}`);
}

/**
 * Positions of the tokens an entry matches starting at `start`, or null. Negation features the entry does not ask
 * for are stepped over ("tidak ada ruang tunggu" still holds "ruang tunggu"); a matched negation feature also
 * claims the word it doubles, so "belum selesai" does not count "selesai" again.
 */
function matchAt(tokens: readonly AnalysedToken[], start: number, terms: readonly string[]): number[] | null {
  const positions: number[] = [];
  let position = start;
  for (const [index, term] of terms.entries()) {
    if (index > 0) while (!isNegationFeature(term) && isNegationFeature(tokens[position]?.term ?? "")) position++;
    if (tokens[position]?.term !== term) return null;
    if (isNegationFeature(term) && position > 0) positions.push(position - 1);
    positions.push(position);
    position++;
  }
  // A negated last word brings its feature along, so the words shown read "kurang ramah", not "ramah".
  const last = terms[terms.length - 1] ?? "";
  if (tokens[position]?.term === NEGATION_PREFIX + last) positions.push(position);
  return positions;
}

/** Readable words of a match: a negation feature replaces the word it doubles ("belum jadi", not "jadi"). */
function matchedWords(tokens: readonly AnalysedToken[], positions: readonly number[]): string {
  const words: string[] = [];
  for (const position of positions) {
    const token = tokens[position];
    if (token === undefined) continue;
    if (isNegationFeature(token.term) && words.length > 0) words[words.length - 1] = token.surface;
    else words.push(token.surface);
  }
  return words.join(" ");
}

/** Thesaurus words found in an analysed input; each token belongs to at most one match, longest phrase first. */
export function matchTopics(tokens: readonly AnalysedToken[]): TopicMatch[] {
  const used = new Array<boolean>(tokens.length).fill(false);
  const matches: TopicMatch[] = [];
  for (const length of PHRASE_LENGTHS) {
    for (let start = 0; start < tokens.length; start++) {
      for (const entry of ENTRIES_BY_FIRST_TERM.get(tokens[start]?.term ?? "") ?? []) {
        if (entry.terms.length !== length) continue;
        const positions = matchAt(tokens, start, entry.terms);
        if (positions === null || positions.some((position) => used[position])) continue;
        for (const position of positions) used[position] = true;
        matches.push({
          topic: entry.topic,
          weight: entry.weight,
          position: Math.min(...positions),
          words: matchedWords(tokens, positions),
          entry,
        });
      }
    }
  }
  return matches.sort((a, b) => a.position - b.position);
}
