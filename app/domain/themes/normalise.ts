// Indonesian text normalisation for grouping short forum inputs (Forum Konsultasi Publik, PermenPANRB 16/2017).
// Pipeline: lower case → informal spellings → punctuation and digits folded → stop words dropped → light
// stemmer.
// The stemmer is a simplified Nazief–Adriani: no full dictionary, only a small root list to settle ambiguous
// readings (mengeluh: eluh or keluh?). Stems are identifiers for grouping, not dictionary words; labels use the
// surface form a citizen actually wrote (see `analyse`).
// Negation: "tidak ramah" and "ramah" are the same topic with opposite polarity. Dropping "tidak" would make
// complaints and praise identical; keeping it as a word would make every negated input alike. So a negated word
// yields both its stem (topic) and "tidak_<stem>" (polarity), and negators themselves are not features.

/** Shortest stem an affix may leave behind; shorter readings keep the affix (berkas ≠ ber+kas). */
export const MIN_STEM_LENGTH = 4;

/** Prefix of a negated-word feature: "tidak ramah" yields both "ramah" and "tidak_ramah". */
export const NEGATION_PREFIX = "tidak_";

/**
 * Informal and abbreviated spellings common in minutes and chat, mapped to the standard word. Applied to whole
 * words before stemming and again to stems (so "antriannya" → "antri" → "antre" as well).
 */
export const INFORMAL_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // negation
    gak: "tidak", ga: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak", engga: "tidak",
    kagak: "tidak", tdk: "tidak", tak: "tidak", ndak: "tidak",
    blm: "belum", blum: "belum", lom: "belum",
    // function words
    yg: "yang", utk: "untuk", untk: "untuk", dgn: "dengan", dg: "dengan", krn: "karena", karna: "karena",
    krna: "karena", jd: "jadi", jdi: "jadi", tp: "tapi", tpi: "tapi", kalo: "kalau", klo: "kalau", kl: "kalau",
    aja: "saja", aj: "saja", bs: "bisa", bsa: "bisa", hrs: "harus", sm: "sama", dr: "dari", dlm: "dalam",
    pd: "pada", lg: "lagi", tlg: "tolong", mhn: "mohon", trs: "terus", trus: "terus", skrg: "sekarang",
    lbh: "lebih", kyk: "seperti", kayak: "seperti", spt: "seperti", dpt: "dapat", gmn: "bagaimana",
    gimana: "bagaimana", kpd: "kepada", tsb: "tersebut", sdh: "sudah", udah: "sudah", udh: "sudah",
    dah: "sudah", bgt: "banget", bngt: "banget", gitu: "begitu", gini: "begini",
    // people and pronouns
    bpk: "bapak", pak: "bapak", bu: "ibu", sy: "saya", sya: "saya", aku: "saya", gue: "saya", gw: "saya",
    org: "orang", ptgs: "petugas", ortu: "orang tua",
    // colloquial verb forms (Jakarta nasal forms without me-)
    nunggu: "tunggu", nungguin: "tunggu", ngantri: "antre", ngantre: "antre", antri: "antre",
    antrian: "antrean", ngurus: "urus", numpuk: "tumpuk", kasian: "kasihan", ngerti: "mengerti", nanya: "tanya",
    nyampe: "sampai", pake: "pakai", bikin: "buat", bener: "benar",
    // domain nouns
    duit: "uang", wc: "toilet", rb: "ribu", jt: "juta", rp: "rupiah", kwitansi: "kuitansi",
    onlen: "online", daring: "online", apk: "aplikasi", app: "aplikasi", ektp: "ktp", difabel: "disabilitas",
    info: "informasi",
  }),
);

/**
 * Negators are not features by themselves (they occur everywhere and say nothing about the topic); they mark the
 * next content word, which is then emitted twice: as its stem (topic) and as "tidak_<stem>" (polarity). "kurang"
 * (not quite) and "tanpa" (without) read as negation in feedback: "kurang ramah", "tanpa kuitansi".
 */
export const NEGATORS: ReadonlySet<string> = new Set(["tidak", "bukan", "belum", "jangan", "kurang", "tanpa"]);

/** Common Indonesian function words, fillers and request markers that carry no topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // conjunctions and prepositions
  "yang", "dan", "atau", "tetapi", "tapi", "namun", "serta", "lalu", "kemudian", "karena", "sebab", "sehingga",
  "agar", "supaya", "jika", "kalau", "bila", "apabila", "walaupun", "meskipun", "padahal", "bahwa", "seperti",
  "sebagai", "di", "ke", "dari", "pada", "dalam", "untuk", "bagi", "buat", "dengan", "oleh", "tentang",
  "terhadap", "kepada", "sampai", "hingga", "sejak", "antara", "soal", "ketika", "saat", "selama", "sambil",
  // pronouns and address
  "saya", "kami", "kita", "kamu", "anda", "dia", "ia", "mereka", "beliau", "nya", "bapak", "mas", "mbak",
  "bang", "kak", "dek", "kalian",
  // demonstratives, question words
  "ini", "itu", "tersebut", "sini", "situ", "sana", "begitu", "begini", "apa", "siapa", "mana", "kapan",
  "bagaimana", "kenapa", "mengapa", "berapa", "apakah",
  // aspect, modality, degree
  "ada", "adalah", "ialah", "merupakan", "sudah", "telah", "sedang", "akan", "pernah", "masih", "baru", "bisa",
  "dapat", "harus", "perlu", "mau", "ingin", "boleh", "sangat", "sekali", "banget", "terlalu", "lebih",
  "paling", "agak", "cukup", "amat", "makin", "semakin", "juga", "pun", "hanya", "saja", "cuma", "sama",
  "lagi", "terus", "sering", "selalu", "kadang", "jarang", "langsung", "sendiri", "setiap", "tiap", "semua",
  "seluruh", "banyak", "sedikit", "beberapa", "para", "hal", "secara", "malah", "bahkan", "apalagi", "justru",
  "hampir", "kira", "sekitar", "setelah", "sebelum", "sesudah", "tetap", "katanya", "kata", "bilang", "punya",
  "kali",
  // particles and fillers
  "ya", "yah", "sih", "dong", "deh", "kok", "nih", "tuh", "kan", "lah", "kah", "loh", "lho", "pula", "si",
  "sang", "eh", "oh", "wah",
  // request markers: they frame an input ("mohon ...") rather than say what it is about
  "mohon", "tolong", "usul", "usulan", "harap", "silakan",
  // small numerals (digits are folded away already)
  "satu", "dua", "tiga", "empat", "lima",
]);

/**
 * Roots that settle ambiguous readings. A word in this list is never stripped, and when affix removal allows
 * several readings (nasal recoding, -kan vs -an) a reading in this list wins. Public-service vocabulary plus the
 * common words whose default reading would be wrong.
 */
export const KNOWN_ROOTS: ReadonlySet<string> = new Set([
  // words that look affixed but are roots
  "berkas", "bersih", "perilaku", "terampil", "terima", "terminal", "pegawai", "kursi", "informasi", "aplikasi",
  "lokasi", "pungli", "sekolah", "masalah", "salah", "lelah", "jumlah", "langkah", "nikah", "perlu", "pernah",
  "bersama", "percuma", "pertama", "perempuan", "kendaraan", "kemarin", "keluarga", "kepala", "kecil",
  "tertib", "selesai", "sesuai", "sedia", "sekarang", "pelan", "penuh", "penting", "mesin", "dingin", "ketus",
  "bulan", "jalan", "tahun", "taman", "papan", "makan", "ikan", "bukan", "teman", "tangan", "badan", "sopan",
  "aman", "nyaman", "ramah", "marah", "bantu", "beri", "kasih", "minta", "diam", "ruang", "dalam", "padam",
  "pesan", "tuntas", "kanan", "bawa", "pindah", "mandi", "kunci", "lansia", "antre", "layan", "tunggu",
  "keluh", "adu", "isi", "jam", "kk", "ktp", "kir", "bpjs", "rawat", "rekam", "periksa", "tanya", "tugas",
  "urus", "daftar", "bayar", "cetak", "syarat", "atur", "jelas", "paham", "ajar", "latih", "tanggap",
  "lapor", "saran", "keliling", "uji", "proses", "parkir", "akses", "tulis", "baca", "lama", "cepat",
  "lambat", "mahal", "murah", "gratis", "biaya", "tarif", "pungut", "calo", "kasar", "senyum", "sikap",
  "panas", "kipas", "toilet", "fasilitas", "prosedur", "alur", "formulir", "dokumen", "fotokopi", "legalisir",
  "sertifikat", "akta", "produk", "hasil", "kompeten", "terang", "pasti", "tepat", "putus", "ubah", "beda",
  "baik", "buka", "tutup", "datang", "pulang", "panjang", "pendek", "sempit", "luas", "kotor", "bau", "rusak",
  "mati", "bocor", "jorok", "umum", "khusus", "tempat", "duduk", "berdiri", "naik", "turun", "kerja", "tanda",
  "terbit", "ganti", "pakai", "tambah", "kurang", "sulit", "mudah", "susah", "ribet",
  "resmi", "rahasia", "tindak", "lanjut", "balas", "jawab", "respon", "hubung", "telepon", "nomor", "giliran",
  "panggil", "kenal", "ingat", "lihat", "dengar", "tahu", "mengerti", "cari", "kirim", "unggah", "masuk",
  "keluar", "pasien", "obat", "dokter", "bidan", "perawat", "rujuk", "sakit", "sehat", "camat", "lurah",
  "desa", "warga", "pengap", "gelap", "licin", "basah", "hujan", "pintu", "tangga", "lantai", "atap",
  "disabilitas", "dinas", "diskon", "dinding", "perintah", "desak", "sepeda", "seberang",
]);

const VOWELS = new Set(["a", "i", "u", "e", "o"]);
const isVowel = (letter: string | undefined): boolean => letter !== undefined && VOWELS.has(letter);

/** A word after normalisation: the stem used as a feature and the form shown to people. */
export interface AnalysedToken {
  /** Grouping feature: a stem, or NEGATION_PREFIX + stem for a negated word. */
  readonly term: string;
  /** The word as written (informal spelling fixed, particle and possessive removed), for labels. */
  readonly surface: string;
}

/** Lower case, informal spellings, reduplication shorthand, punctuation and digits folded; clauses kept apart. */
export function normaliseClauses(text: string): string[][] {
  const lowered = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents from copy-pasted text
    .replace(/\be-ktp\b/g, "ktp")
    .replace(/\b([a-z]{3,})2\b/g, "$1") // "syarat2" is written reduplication: one word
    .replace(/(\d)\s*(rb|ribu|k)\b/g, "$1 ribu") // "100rb", "50k": keep the money signal, drop the digits
    .replace(/\d+/g, " ");
  // Clause boundaries stop a negation from reaching into the next clause.
  return lowered
    .split(/[.,;:!?()"\n\r/]+/)
    .map((clause) =>
      clause
        .replace(/[^a-z\s-]/g, " ")
        .split(/\s+/)
        .filter((word) => word.length > 0)
        .flatMap((word) => (INFORMAL_SPELLINGS.get(word) ?? word).split(" ")),
    )
    .filter((words) => words.length > 0);
}

/** The word with nothing, a particle, and a particle plus possessive removed, in that order. */
function inflectionReadings(word: string): string[] {
  const readings = [word];
  if (KNOWN_ROOTS.has(word)) return readings;
  let current = word;
  for (const particle of ["lah", "kah", "pun"]) {
    if (current.endsWith(particle) && current.length - particle.length >= MIN_STEM_LENGTH) {
      current = current.slice(0, -particle.length);
      readings.push(current);
      break;
    }
  }
  if (KNOWN_ROOTS.has(current)) return readings;
  for (const possessive of ["nya", "ku", "mu"]) {
    // -nya may leave three letters (airnya, baunya); -ku/-mu may not (buku, ilmu).
    const minimum = possessive === "nya" ? MIN_STEM_LENGTH - 1 : MIN_STEM_LENGTH;
    if (current.endsWith(possessive) && current.length - possessive.length >= minimum) {
      readings.push(current.slice(0, -possessive.length));
      break;
    }
  }
  return readings;
}

// Indonesian roots start with a vowel, a consonant + vowel, or one of these clusters; a reading that leaves
// "mpat" (sempat) or "rvice" (service) has cut into the root.
const ROOT_ONSET_CLUSTERS: ReadonlySet<string> = new Set([
  "ny", "ng", "kh", "sy", "tr", "pr", "kr", "gr", "br", "bl", "pl", "kl", "fl", "sl", "st", "sp", "sk", "dr", "sw",
]);

function hasRootOnset(candidate: string): boolean {
  return isVowel(candidate[0]) || isVowel(candidate[1]) || ROOT_ONSET_CLUSTERS.has(candidate.slice(0, 2));
}

function isAcceptableStem(candidate: string): boolean {
  return KNOWN_ROOTS.has(candidate) || (candidate.length >= MIN_STEM_LENGTH && hasRootOnset(candidate));
}

type Prefix = "me" | "pe" | "di" | "ter" | "ber" | "per" | "ke" | "se";

/** Readings of the word with one prefix removed, nasal recoding alternatives first-listed-preferred. */
function prefixReadings(word: string): { prefix: Prefix; rest: string }[] {
  const readings: { prefix: Prefix; rest: string }[] = [];
  const add = (prefix: Prefix, rest: string) => readings.push({ prefix, rest });
  for (const nasalPrefix of ["me", "pe"] as const) {
    if (!word.startsWith(nasalPrefix)) continue;
    const after = word.slice(2);
    const next = after[1];
    if (after.startsWith("ny") && isVowel(after[2])) add(nasalPrefix, "s" + after.slice(2)); // menyapu → sapu
    else if (after.startsWith("ng")) {
      const rest = after.slice(2);
      if (isVowel(rest[0])) {
        add(nasalPrefix, rest); // mengurus → urus
        add(nasalPrefix, "k" + rest); // mengeluh → keluh
      } else add(nasalPrefix, rest); // menggunakan → gunakan
    } else if (after.startsWith("m")) {
      const rest = after.slice(1);
      if (isVowel(next)) {
        add(nasalPrefix, "p" + rest); // memakai → pakai
        add(nasalPrefix, "m" + rest); // meminta → minta
      } else add(nasalPrefix, rest); // membayar → bayar
    } else if (after.startsWith("n")) {
      const rest = after.slice(1);
      if (isVowel(next)) {
        add(nasalPrefix, "t" + rest); // menunggu → tunggu
        add(nasalPrefix, "n" + rest); // menilai → nilai
      } else add(nasalPrefix, rest); // mendaftar → daftar
    } else if (nasalPrefix === "pe" && after.startsWith("r")) {
      const rest = after.slice(1);
      add("per", rest); // persyaratan → syarat
      if (isVowel(rest[0])) add("pe", after); // perawat → rawat
    } else if (after.length > 0 && !isVowel(after[0])) {
      add(nasalPrefix, after); // melayani → layani, petugas → tugas
    }
  }
  // Colloquial nasal without me- (ngatur, ngobrol, ngecek), as spoken at forums and typed in chat.
  if (word.startsWith("nge") && !isVowel(word[3])) add("me", word.slice(3));
  else if (word.startsWith("ng") && isVowel(word[2])) {
    add("me", word.slice(2));
    add("me", "k" + word.slice(2));
  }
  for (const [prefix, letters] of [
    ["ber", "ber"],
    ["ter", "ter"],
  ] as const) {
    if (!word.startsWith(letters)) continue;
    const rest = word.slice(3);
    add(prefix, rest); // bertanya → tanya
    if (isVowel(rest[0])) add(prefix, "r" + rest); // terasa → rasa
  }
  if (word.startsWith("be") && !word.startsWith("ber") && /^[^aiueo]er/.test(word.slice(2))) {
    add("ber", word.slice(2)); // bekerja → kerja
  }
  if (word.startsWith("di")) add("di", word.slice(2));
  if (word.startsWith("ke")) add("ke", word.slice(2));
  if (word.startsWith("se")) add("se", word.slice(2));
  return readings;
}

type Suffix = "kan" | "an" | "i" | "in" | "";

// Confixes Indonesian does not form (Nazief–Adriani): a prefix–suffix pair that rules a reading out.
const DISALLOWED_CONFIXES: ReadonlySet<string> = new Set([
  "ber+i", "di+an", "ke+i", "ke+kan", "me+an", "se+i", "se+kan",
]);

/** Stems reachable by removing up to three prefixes from `word`, given the suffix already removed. */
function prefixedStems(
  word: string,
  suffix: Suffix,
  prefixesSoFar: Prefix[],
  out: { stem: string; prefixes: Prefix[] }[],
) {
  out.push({ stem: word, prefixes: prefixesSoFar });
  if (prefixesSoFar.length >= 3 || KNOWN_ROOTS.has(word)) return;
  for (const { prefix, rest } of prefixReadings(word)) {
    if (!isAcceptableStem(rest)) continue;
    if (prefixesSoFar.includes(prefix)) continue;
    if (prefixesSoFar.length === 0 && suffix !== "" && DISALLOWED_CONFIXES.has(`${prefix}+${suffix}`)) continue;
    prefixedStems(rest, suffix, [...prefixesSoFar, prefix], out);
  }
}

export interface StemReading {
  /** The stem used as a grouping feature. */
  readonly stem: string;
  /** The word without the particle and possessive this reading removed, shown in labels. */
  readonly surface: string;
}

function computeStem(word: string): StemReading {
  if (word.length < MIN_STEM_LENGTH || KNOWN_ROOTS.has(word)) return { stem: word, surface: word };
  const candidates: StemReading[] = [];
  for (const inflectionFree of inflectionReadings(word)) {
    // -an before -kan, as Nazief–Adriani does: "berdesakan" is desak+an before it is desa+kan.
    for (const suffix of ["an", "kan", "i", "in", ""] as const) {
      if (suffix !== "" && !inflectionFree.endsWith(suffix)) continue;
      const base = inflectionFree.slice(0, inflectionFree.length - suffix.length);
      if (suffix !== "" && !isAcceptableStem(base)) continue;
      const readings: { stem: string; prefixes: Prefix[] }[] = [];
      prefixedStems(base, suffix, [], readings);
      for (const reading of readings) {
        // -i and colloquial -in only count inside a confix (dilayani, dicuekin); alone they end roots (kursi).
        if ((suffix === "i" || suffix === "in") && reading.prefixes.length === 0) continue;
        candidates.push({ stem: reading.stem, surface: inflectionFree });
      }
    }
  }
  const known = candidates.find((candidate) => KNOWN_ROOTS.has(candidate.stem));
  if (known) return known;
  // No root settles it: take the most thoroughly stripped reading, the first generated on a tie.
  let best: StemReading = { stem: word, surface: word };
  for (const candidate of candidates) if (candidate.stem.length < best.stem.length) best = candidate;
  return best;
}

// Stems are pure functions of the word, so they are cached; the cap keeps a long-running server's memory flat
// however many typos it meets.
const stemCache = new Map<string, StemReading>();
const STEM_CACHE_LIMIT = 50_000;

/** Stem and display form of one normalised, lower-case word; informal spellings of the stem are folded too. */
export function stemReading(word: string): StemReading {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const computed = computeStem(word);
  const folded = INFORMAL_SPELLINGS.get(computed.stem);
  // A folded stem may itself be affixed ("antrian" → "antrean"), so stem it once more.
  const result =
    folded === undefined || folded.includes(" ")
      ? computed
      : { stem: computeStem(folded).stem, surface: computed.surface };
  if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
  stemCache.set(word, result);
  return result;
}

/** Light stem of one normalised, lower-case word. */
export function stem(word: string): string {
  return stemReading(word).stem;
}

/** Stems with their surface forms, stop words dropped, negated words doubled as "tidak_<stem>". */
export function analyse(text: string): AnalysedToken[] {
  const result: AnalysedToken[] = [];
  for (const clause of normaliseClauses(text)) {
    let negatorPending: string | null = null;
    let previousStem: string | null = null;
    for (const word of clause) {
      // Parts of a hyphenated word are words; "bolak-balik" keeps both parts.
      for (const part of word.split("-")) {
        if (part.length < 2) continue;
        if (NEGATORS.has(part)) {
          negatorPending = part;
          continue;
        }
        if (STOP_WORDS.has(part)) continue;
        const { stem: partStem, surface } = stemReading(part);
        // "harusnya", "sebelumnya": a stop word or negator can hide under an affix. A stem right after itself
        // is reduplication ("marah-marah", "berkali-kali") and counts once.
        if (STOP_WORDS.has(partStem) || NEGATORS.has(partStem) || partStem === previousStem) continue;
        previousStem = partStem;
        result.push({ term: partStem, surface });
        if (negatorPending !== null) {
          result.push({ term: NEGATION_PREFIX + partStem, surface: `${negatorPending} ${surface}` });
          negatorPending = null;
        }
      }
    }
  }
  return result;
}

/** Grouping features of a text: stems and negated stems, in text order, repeats kept (for term frequency). */
export function tokens(text: string): string[] {
  return analyse(text).map((token) => token.term);
}
