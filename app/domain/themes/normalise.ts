// Text normalisation for short forum inputs (Forum Konsultasi Publik, PermenPANRB 16/2017), before features are
// taken. Pipeline: lower case → accents, digits and punctuation folded (clauses kept apart) → informal and
// regional spellings of everyday words → stop words dropped, negators marking the next word.
// The spelling table is general: SMS shorthand and the function words (pronouns, negators, aspect words,
// conjunctions, intensifiers) of the regional varieties people write in (Jakarta, Minang, Medan, Javanese,
// Papuan Malay). It holds no words of service topics: spelling variants of those are left to the character
// n-grams (features.ts), which see "antri", "antrian" and "ngantri" as alike without being told.

/**
 * Informal, abbreviated and regional spellings mapped to standard Indonesian. Applied to whole words. A value
 * with a space expands into several words.
 */
export const INFORMAL_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // negation: SMS, Jakarta, Minang (indak), Javanese (ora, mboten), Papuan (tra, tara), Medan (tak)
    gak: "tidak", ga: "tidak", gk: "tidak", g: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak",
    engga: "tidak", kagak: "tidak", tdk: "tidak", tak: "tidak", ndak: "tidak", nda: "tidak", indak: "tidak",
    ora: "tidak", mboten: "tidak", boten: "tidak", tra: "tidak", tara: "tidak", trada: "tidak ada",
    tarada: "tidak ada", tida: "tidak",
    blm: "belum", blum: "belum", lom: "belum", alun: "belum", durung: "belum", urung: "belum",
    // aspect and modality
    sdh: "sudah", udah: "sudah", udh: "sudah", dah: "sudah", sudh: "sudah", su: "sudah", wis: "sudah",
    wes: "sudah", sampun: "sudah", lg: "lagi", lgi: "lagi", sdg: "sedang", sadang: "sedang", bs: "bisa",
    bsa: "bisa", iso: "bisa", isa: "bisa", hrs: "harus", kudu: "harus", msh: "masih", mo: "mau", mw: "mau",
    pengen: "ingin", pgn: "ingin",
    // function words
    yg: "yang", nan: "yang", sing: "yang", ingkang: "yang", utk: "untuk", untk: "untuk", untuak: "untuk",
    dgn: "dengan", dg: "dengan", jo: "dengan", karo: "dengan", krn: "karena", karna: "karena", krna: "karena",
    karano: "karena", mergo: "karena", merga: "karena", jd: "jadi", jdi: "jadi", tp: "tapi", tpi: "tapi",
    kalo: "kalau", klo: "kalau", kl: "kalau", aja: "saja", aj: "saja", sm: "sama", dr: "dari", saking: "dari",
    dlm: "dalam", pd: "pada", ka: "ke", neng: "di", ning: "di", trs: "terus", trus: "terus", jg: "juga",
    juo: "juga", sbg: "sebagai", spt: "seperti", kyk: "seperti", kayak: "seperti", kek: "seperti",
    macam: "seperti", kpd: "kepada", tsb: "tersebut", ato: "atau", atw: "atau", emg: "memang", lbh: "lebih",
    luwih: "lebih", sblm: "sebelum", stlh: "setelah", tlg: "tolong", mhn: "mohon", monggo: "silakan",
    // question words
    gmn: "bagaimana", gimana: "bagaimana", gmna: "bagaimana", cemana: "bagaimana", piye: "bagaimana",
    pripun: "bagaimana", baa: "bagaimana", knp: "kenapa", napa: "kenapa", apo: "apa", ado: "ada", ana: "ada",
    // intensifiers and quantity
    bgt: "banget", bngt: "banget", bana: "sekali", skali: "sekali", sekali: "sekali", sakali: "sekali",
    tenan: "sekali", pisan: "sekali", sanget: "sangat", nian: "sekali", byk: "banyak", bnyk: "banyak",
    kathah: "banyak", bbrp: "beberapa", smua: "semua", sdikit: "sedikit", dikit: "sedikit", acok: "sering",
    // people and pronouns
    bpk: "bapak", pak: "bapak", bu: "ibu", sy: "saya", sya: "saya", aku: "saya", gue: "saya", gw: "saya",
    ambo: "saya", awak: "saya", sa: "saya", beta: "saya", kulo: "saya", ko: "kamu", kau: "kamu", kelen: "kalian",
    dong: "mereka", org: "orang", urang: "orang", wong: "orang", ptgs: "petugas", ortu: "orang tua",
    // time and numbers
    thn: "tahun", th: "tahun", bln: "bulan", hr: "hari", mgg: "minggu", mnt: "menit", kmrn: "kemarin",
    kmarin: "kemarin", bsk: "besok", skrg: "sekarang", skrang: "sekarang", ciek: "satu", duo: "dua",
    tigo: "tiga", rb: "ribu", jt: "juta", rp: "rupiah",
    // thanks
    makasih: "terima kasih", mksh: "terima kasih", trims: "terima kasih", matur: "terima", nuwun: "kasih",
    // common verbs in their colloquial Jakarta form (nasal without me-) and standard spellings
    nunggu: "tunggu", nungguin: "tunggu", ngantri: "antre", ngantre: "antre", antri: "antre",
    antrian: "antrean", ngurus: "urus", nanya: "tanya", ngerti: "mengerti", pake: "pakai", bikin: "buat",
    bener: "benar", dtg: "datang", plg: "pulang", kasian: "kasihan", nyampe: "sampai", pigi: "pergi",
    pi: "pergi",
  }),
);

/**
 * Negators are not features by themselves; they mark the next content word, which is then emitted also as
 * "tidak_<word>" (polarity), so "tidak ramah" and "ramah" share the topic but not the sentiment. "kurang" (not
 * quite) and "tanpa" (without) read as negation in feedback.
 */
export const NEGATORS: ReadonlySet<string> = new Set(["tidak", "bukan", "belum", "jangan", "kurang", "tanpa"]);

/** Function words, fillers and request markers that carry no topic (hand-written, Indonesian and regional). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // conjunctions and prepositions
  "yang", "dan", "atau", "tetapi", "tapi", "namun", "serta", "lalu", "kemudian", "karena", "sebab", "sehingga",
  "agar", "supaya", "biar", "jika", "kalau", "bila", "apabila", "walaupun", "meskipun", "padahal", "bahwa",
  "seperti", "sebagai", "di", "ke", "dari", "pada", "dalam", "untuk", "bagi", "buat", "dengan", "oleh",
  "tentang", "terhadap", "kepada", "sampai", "sampe", "hingga", "sejak", "antara", "soal", "ketika", "saat",
  "selama", "sambil", "jadi",
  // pronouns and address
  "saya", "kami", "kita", "kamu", "anda", "dia", "ia", "mereka", "beliau", "nya", "bapak", "ibu", "mas", "mbak",
  "bang", "abang", "kak", "kaka", "dek", "kalian", "pu", "punya", "lae", "uni", "mama", "bapa",
  // demonstratives, question words
  "ini", "itu", "tersebut", "sini", "situ", "sana", "begitu", "begini", "gitu", "gini", "apa", "siapa", "mana",
  "kapan", "bagaimana", "kenapa", "mengapa", "berapa", "apakah",
  // aspect, modality, degree
  "ada", "adalah", "ialah", "merupakan", "sudah", "telah", "sedang", "akan", "pernah", "masih", "bisa", "dapat",
  "harus", "perlu", "mau", "ingin", "boleh", "sangat", "sekali", "banget", "terlalu", "lebih", "paling",
  "agak", "cukup", "amat", "makin", "semakin", "juga", "pun", "hanya", "saja", "cuma", "sama", "lagi", "terus",
  "selalu", "kadang", "langsung", "sendiri", "setiap", "tiap", "semua", "seluruh", "beberapa", "para",
  "hal", "secara", "malah", "bahkan", "apalagi", "justru", "hampir", "kira", "sekitar", "setelah", "sebelum",
  "sesudah", "tetap", "katanya", "kata", "bilang", "kali", "memang", "emang", "mungkin", "tolong", "mohon",
  "usul", "usulan", "harap", "silakan",
  // particles and fillers
  "ya", "yah", "sih", "dong", "deh", "kok", "nih", "tuh", "kan", "lah", "kah", "loh", "lho", "pula", "si",
  "sang", "eh", "oh", "wah", "bah", "nggih", "iya", "toh", "to", "tah", "leh",
  // small numerals (digits are folded away already)
  "satu", "dua", "tiga", "empat", "lima",
]);

/** Lower case, accents, reduplication shorthand, digits and punctuation folded; clauses kept apart. */
export function normaliseClauses(text: string): string[][] {
  const lowered = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents from copy-pasted text
    .replace(/\be-ktp\b/g, "ktp")
    .replace(/\b([a-z]{3,})2\b/g, "$1") // "syarat2" is written reduplication: one word
    .replace(/(\d)\s*(rb|ribu|k)\b/g, "$1 ribu") // "100rb", "50k": keep the money signal, drop the digits
    .replace(/(\d)\s*x\b/g, "$1 kali")
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

/** A content word of an input: its normalised spelling and whether a negator came just before it. */
export interface ContentWord {
  readonly word: string;
  readonly negated: boolean;
  /** Index of the clause it belongs to. */
  readonly clause: number;
}

/** The content words of a text, in order: stop words and negators dropped, hyphenated words split. */
export function contentWords(text: string, stopWords: ReadonlySet<string> = STOP_WORDS): ContentWord[] {
  const result: ContentWord[] = [];
  for (const [clauseIndex, clause] of normaliseClauses(text).entries()) {
    let negated = false;
    let previous: string | null = null;
    for (const word of clause) {
      for (const part of word.split("-")) {
        if (part.length < 2) continue;
        if (NEGATORS.has(part)) {
          negated = true;
          continue;
        }
        // Reduplication ("marah-marah") counts once.
        if (stopWords.has(part) || part === previous) continue;
        previous = part;
        result.push({ word: part, negated, clause: clauseIndex });
        negated = false;
      }
    }
  }
  return result;
}
