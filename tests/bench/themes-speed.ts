// Times proposeThemes on 2,000 inputs: npx tsx tests/bench/themes-speed.ts [count] [runs]
// The inputs are the labelled corpus (all forums) sampled with replacement and lightly varied (informal spellings, a dropped
// word, another office, a filler opening, a doubled letter), with a fixed seed so runs are comparable.
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { proposeThemes, type ForumItem } from "../../app/domain/themes/cluster";
import { loadLabelledForums } from "./themes-fixture";

const ITEM_COUNT = Number(process.argv[2] ?? 2000);
const RUNS = Number(process.argv[3] ?? 7);
const SEED = 20_171_016; // PermenPANRB 16/2017, any fixed number would do

/** mulberry32: a small seeded generator, so the generated set is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INFORMAL: readonly [RegExp, string][] = [
  [/\btidak\b/g, "gak"],
  [/\byang\b/g, "yg"],
  [/\buntuk\b/g, "utk"],
  [/\bdengan\b/g, "dgn"],
  [/\bsudah\b/g, "udah"],
  [/\bbelum\b/g, "blm"],
  [/\bkarena\b/g, "krn"],
  [/\bsangat\b/g, "bgt"],
  [/\bantrean\b/g, "antrian"],
];
const OFFICES = ["puskesmas", "kantor kecamatan", "Disdukcapil", "Dishub", "kelurahan", "MPP"];
const OPENINGS = ["", "", "", "Mohon maaf, ", "Saran saya, ", "Pak, ", "Menurut kami ", "Begini, "];

function vary(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let result = text;
  for (const [pattern, replacement] of INFORMAL) if (random() < 0.3) result = result.replace(pattern, replacement);
  if (random() < 0.3) result = result.replace(/\b(puskesmas|kantor|kecamatan)\b/i, pick(OFFICES));
  const words = result.split(" ");
  if (words.length > 5 && random() < 0.3) words.splice(Math.floor(random() * words.length), 1);
  if (random() < 0.2) {
    const index = Math.floor(random() * words.length);
    const word = words[index] ?? "";
    const at = Math.floor(random() * word.length);
    words[index] = word.slice(0, at) + word.charAt(at) + word.slice(at); // a doubled letter, a common typo
  }
  return pick(OPENINGS) + words.join(" ");
}

const labelled = loadLabelledForums().flatMap((forum) => forum.items);
const random = seededRandom(SEED);
const items: ForumItem[] = Array.from({ length: ITEM_COUNT }, (_, index) => {
  const source = labelled[Math.floor(random() * labelled.length)] ?? labelled[0];
  return { id: `bench-${index}`, text: vary(source?.text ?? "", random) };
});

// The first call also pays for JIT compilation and filling the stem cache, as after a server start.
const coldStarted = performance.now();
proposeThemes(items);
const coldMs = performance.now() - coldStarted;
const timings: number[] = [];
const cpuTimings: number[] = [];
let lastThemeCount = 0;
let lastUnthemed = 0;
for (let run = 0; run < RUNS; run++) {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const proposal = proposeThemes(items);
  timings.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuStarted);
  cpuTimings.push((cpu.user + cpu.system) / 1000);
  lastThemeCount = proposal.themes.length;
  lastUnthemed = proposal.unthemed.length;
}
const sorted = [...timings].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
const max = sorted[sorted.length - 1] ?? 0;
console.log(`items ${ITEM_COUNT}, runs ${RUNS} after the first, themes ${lastThemeCount}, unthemed ${lastUnthemed}`);
const cpuMedian = [...cpuTimings].sort((a, b) => a - b)[Math.floor(cpuTimings.length / 2)] ?? 0;
console.log(`first (cold) ${coldMs.toFixed(0)} ms; then median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms (wall clock)`);
// On a shared machine the wall clock includes waiting for a core; the CPU time is what the work itself costs.
console.log(`median CPU time ${cpuMedian.toFixed(0)} ms; load average ${loadavg().map((value) => value.toFixed(1)).join(" ")}`);
