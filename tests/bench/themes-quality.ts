// Measures proposed themes against the hand-labelled fixture: npx tsx tests/bench/themes-quality.ts [--sweep]
// ARI counts every unthemed item as a group of its own; purity is over themed items only (singletons are
// trivially pure, so counting them would flatter the figure); coverage is the share of items put in a theme.
import { proposeThemes, type ThemeOptions } from "../../app/domain/themes/cluster";
import { suggestElement } from "../../app/domain/themes/element-suggestion";
import { adjustedRandIndex, purity } from "../../app/domain/themes/quality";
import { loadLabelledForumItems, type LabelledForumItem } from "./themes-fixture";

interface QualityFigures {
  ari: number;
  themedPurity: number;
  coverage: number;
  themeCount: number;
}

function measure(items: readonly LabelledForumItem[], options: ThemeOptions = {}) {
  const proposal = proposeThemes(items, options);
  const predictedById = new Map<string, string>();
  for (const theme of proposal.themes) for (const id of theme.itemIds) predictedById.set(id, theme.key);
  const predicted = items.map((item) => predictedById.get(item.id) ?? `unthemed:${item.id}`);
  const truth = items.map((item) => item.theme);
  const themedIndices = items.flatMap((item, index) => (predictedById.has(item.id) ? [index] : []));
  const figures: QualityFigures = {
    ari: adjustedRandIndex(predicted, truth),
    themedPurity: purity(
      themedIndices.map((index) => predicted[index] ?? ""),
      themedIndices.map((index) => truth[index] ?? ""),
    ),
    coverage: themedIndices.length / items.length,
    themeCount: proposal.themes.length,
  };
  return { proposal, figures };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

const items = loadLabelledForumItems();
const { proposal, figures } = measure(items);
const truthById = new Map(items.map((item) => [item.id, item]));

const describe = (name: string, shown: QualityFigures) =>
  console.log(
    `${name}ARI ${shown.ari.toFixed(3)}  purity (themed) ${shown.themedPurity.toFixed(3)}  ` +
      `coverage ${percent(shown.coverage)}  themes ${shown.themeCount}`,
  );
const intendedThemes = new Set(items.map((item) => item.theme).filter((theme) => !theme.startsWith("lain:")));
const oneOffs = items.filter((item) => item.theme.startsWith("lain:")).length;
console.log(`items ${items.length}: ${intendedThemes.size} intended themes, ${oneOffs} one-off inputs`);
describe("default options:          ", figures);
// The same method without the thesaurus topics shows how much of the result the thesaurus carries.
describe("words only (topicWeight 0): ", measure(items, { topicWeight: 0 }).figures);

const itemAccuracy = items.filter((item) => suggestElement(item.text).element === item.element).length / items.length;
let themeElementHits = 0;
for (const theme of proposal.themes) {
  for (const id of theme.itemIds) if (truthById.get(id)?.element === theme.suggestedElement.element) themeElementHits++;
}
const themedCount = proposal.themes.reduce((sum, theme) => sum + theme.itemIds.length, 0);
const themeElementAccuracy = themedCount ? themeElementHits / themedCount : 0;
console.log(
  `element suggestion accuracy: per item ${percent(itemAccuracy)}, ` +
    `theme's element for its items ${percent(themeElementAccuracy)}`,
);

console.log("\nthemes (size, element, majority intended theme):");
for (const theme of proposal.themes) {
  const counts = new Map<string, number>();
  for (const id of theme.itemIds) {
    const label = truthById.get(id)?.theme ?? "?";
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const [majority, majorityCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["?", 0];
  const size = theme.itemIds.length;
  const element = theme.suggestedElement.element;
  const share = `${majorityCount}/${size}`;
  console.log(`  ${String(size).padStart(3)}  ${element.padEnd(5)} ${theme.label.padEnd(36)} ← ${majority} ${share}`);
}

if (process.argv.includes("--sweep")) {
  console.log("\nmergeThreshold sweep:");
  for (let threshold = 0.04; threshold <= 0.401; threshold += 0.02) {
    describe(`  ${threshold.toFixed(2)}  `, measure(items, { mergeThreshold: threshold }).figures);
  }
}
