// Text normalisation for short forum inputs (Forum Konsultasi Publik, PermenPANRB 16/2017), before features are
// taken. Pipeline: lower case → accents, digits and punctuation folded (clauses kept apart) → informal and
// regional spellings and words of everyday language, and regular regional sound changes (standardSpelling) → stop
// words dropped, negators marking the next word.
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
 * Everyday words of the regional languages and varieties people write forum inputs in, and SMS shorthand of
 * everyday words, mapped to standard Indonesian: water, road, house, money, rain, far, near, long, come, go, buy.
 * Written from the languages, not from any forum's inputs; words that are a different standard Indonesian word
 * ("gerah" is stuffy, "tekan" is press, "seng" is a zinc roof, "tong" a bin, "baku" standard, "cakap" capable) are
 * left out, so a standard input never changes meaning. Like INFORMAL_SPELLINGS, it holds no service-topic words.
 */
export const REGIONAL_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // Javanese (ngoko and krama)
    banyu: "air", toya: "air", dalan: "jalan", dalane: "jalan", margi: "jalan", udan: "hujan", omah: "rumah",
    griya: "rumah", duwit: "uang", dhuwit: "uang", arta: "uang", tuku: "beli", tumbas: "beli", mbayar: "bayar",
    bocah: "anak", lare: "anak", gedhe: "besar", gede: "besar", cilik: "kecil", suwe: "lama", suwi: "lama",
    kesuwen: "terlalu lama", adoh: "jauh", tebih: "jauh", cedhak: "dekat", cedak: "dekat", akeh: "banyak",
    sithik: "sedikit", sitik: "sedikit", apik: "bagus", sae: "bagus", elek: "jelek", angel: "susah", gampang: "mudah",
    resik: "bersih", reged: "kotor", peteng: "gelap", padhang: "terang", mlebu: "masuk", metu: "keluar",
    mulih: "pulang", wangsul: "pulang", teko: "datang", lungo: "pergi", turu: "tidur", mangan: "makan",
    ngombe: "minum", lara: "sakit", bengi: "malam", esuk: "pagi", sesuk: "besok", wingi: "kemarin", saiki: "sekarang",
    sakniki: "sekarang", niki: "ini", iki: "ini", kuwi: "itu", kae: "itu", opo: "apa", nopo: "apa", arep: "mau",
    badhe: "mau", dereng: "belum", nyuwun: "mohon", wonten: "ada", enten: "ada", menika: "ini", punika: "ini",
    ngenteni: "tunggu", nunggoni: "tunggu", nggawe: "buat", gawe: "buat", nganggo: "pakai", weruh: "tahu",
    ngomong: "bicara", pari: "padi", sekolahan: "sekolah", nek: "kalau", yen: "kalau", menyang: "ke",
    marang: "kepada", uga: "juga", banget: "sekali", durung: "belum", wae: "saja", mung: "hanya",
    // Sundanese
    cai: "air", imah: "rumah", teu: "tidak", henteu: "tidak", lami: "lama", hese: "susah", gampil: "mudah",
    seueur: "banyak", saeutik: "sedikit", kumaha: "bagaimana", naon: "apa", tos: "sudah", atos: "sudah",
    acan: "belum",
    // Minangkabau
    lamo: "lama", kato: "kata", samo: "sama", sajo: "saja", pitih: "uang", aia: "air", labiah: "lebih",
    saketek: "sedikit", gadang: "besar", ketek: "kecil", rancak: "bagus", elok: "baik", jauah: "jauh", dakek: "dekat",
    pai: "pergi", bisuak: "besok", patang: "kemarin", sanjo: "sore", sakik: "sakit", gaek: "tua", salasai: "selesai",
    baliak: "balik", masuak: "masuk", duduak: "duduk", suruah: "suruh", disuruah: "disuruh", tibo: "tiba",
    lambek: "lambat", cando: "seperti", dima: "di mana", manga: "kenapa", bilo: "kapan", dapek: "dapat",
    mambayia: "bayar", bayia: "bayar", caliak: "lihat", mancaliak: "melihat", kini: "sekarang", alah: "sudah",
    tampek: "tempat", kantua: "kantor", sabulan: "sebulan", sahari: "sehari", taruih: "terus",
    // Malay of Medan and North Sumatra
    tengok: "lihat", kombur: "ngobrol", pande: "pandai", kede: "warung", mamak: "ibu", nengok: "lihat",
    nampak: "kelihatan", pulak: "pula",
    // Papuan and eastern Malay
    kitong: "kita", kamorang: "kalian", dorang: "mereka", de: "dia", sonde: "tidak", kasi: "beri", mace: "ibu",
    pace: "bapak", tete: "kakek", nene: "nenek", sampe: "sampai", skarang: "sekarang", kitorang: "kita",
    // Jakarta colloquial
    lu: "kamu", lo: "kamu", doang: "saja", duit: "uang", kelar: "selesai", ribet: "rumit", mulu: "terus",
    melulu: "terus", ntar: "nanti", entar: "nanti", ampe: "sampai", dapet: "dapat", cepet: "cepat", lemot: "lambat",
    telat: "terlambat", ngasih: "beri", nyari: "cari", dateng: "datang", nelpon: "telepon", nelfon: "telepon",
    nyuruh: "suruh", nyobain: "coba", balikin: "kembalikan", cuekin: "abaikan", tau: "tahu", tw: "tahu",
    bokap: "ayah", nyokap: "ibu", mending: "lebih baik", ngecek: "cek", ngisi: "isi", ngambil: "ambil",
    nganter: "antar", nyampein: "sampaikan", ngelayanin: "layani", ngelayani: "layani", dilayanin: "dilayani",
    ngabisin: "habiskan", abis: "habis",
    // SMS shorthand
    lmbt: "lambat", lm: "lama", lma: "lama", cpt: "cepat", kntr: "kantor", ktr: "kantor", sklh: "sekolah",
    rmh: "rumah", jln: "jalan", bgmn: "bagaimana", hrg: "harga", dn: "dan", sj: "saja", gt: "gitu", bnr: "benar",
    tgl: "tanggal", pgi: "pagi", mlm: "malam", ank: "anak", msk: "masuk", klr: "keluar", ambl: "ambil", brp: "berapa",
    ckp: "cukup", bkn: "bukan", blg: "bilang", dpt: "dapat", krj: "kerja", kerjo: "kerja", pls: "tolong",
    smpai: "sampai", ttp: "tetap", skr: "sekarang", pny: "punya", tmpt: "tempat", pelyn: "pelayanan",
    yan: "pelayanan", pnjg: "panjang", lngsng: "langsung", lgsg: "langsung", sgt: "sangat", sngt: "sangat",
    tmn: "teman",
  }),
);

/** Arabic loans and others that end like a Minang sound change but are standard words. */
const SOUND_CHANGE_EXCEPTIONS: ReadonlySet<string> = new Set([
  "buah", "kuah", "tuah", "ruah", "muah", "kuliah", "ilmiah", "alamiah", "syariah", "meriah", "hadiah", "jariah",
  "amaliah", "dingin",
]);

/**
 * A word's standard spelling: the tables first, then regular sound changes of the varieties, for words the tables
 * do not hold. Minang closes "-uk", "-uh", "-ik", "-ih" and "-nya" as "-uak", "-uah", "-iak", "-iah" and "-nyo"
 * ("masuak", "disuruah", "baliak", "putiah", "cairnyo"); Jakarta Malay puts "-in" for "-kan"/"-i" after a "di-" or
 * nasal prefix ("dicuekin", "nungguin", "nyariin"), and the stem is then found by the stemmer as usual.
 */
export function standardSpelling(word: string): string {
  const listed = INFORMAL_SPELLINGS.get(word) ?? REGIONAL_WORDS.get(word);
  if (listed !== undefined) return listed;
  if (word.length < 5 || SOUND_CHANGE_EXCEPTIONS.has(word)) return word;
  const minang = word.replace(/uak$/, "uk").replace(/uah$/, "uh").replace(/iak$/, "ik").replace(/iah$/, "ih").replace(/nyo$/, "nya");
  if (minang !== word) return minang;
  if (word.length >= 6 && /^(di|ng|ny)/.test(word) && word.endsWith("in")) return word.slice(0, -2);
  return word;
}

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
        .flatMap((word) => standardSpelling(word).split(" ")),
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
