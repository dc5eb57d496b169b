// Measures proposed themes and element suggestions against the labelled corpus, development and held-out forums
// apart: npx tsx tests/bench/themes-quality.ts [--themes] [--errors]
// --themes lists each forum's themes; --errors lists every input put in a theme whose majority is another theme.
// Settings are tried with --development --options='{"elementWeight":0.3}' (and TR/TT for the models' training):
// overrides are refused unless --development is given, so the held-out row is only ever measured with the
// checked-in settings and models, never used to choose them.
// Each forum is grouped on its own, as a moderator would. ARI counts every unthemed input as a group of its
// own; purity is over themed inputs only (singletons are trivially pure); "themed" is the share put in a theme.
// Element accuracy is suggestElement(text) per input against its label; "theme's element" is the element of
// the theme an input was put in, against the input's label. Targets on held-out forums: mean ARI ≥ 0.6,
// element accuracy ≥ 80%, ≥ 90% themed.
import { proposeThemes, type ThemeOptions } from "../../app/domain/themes/cluster";
import { ELEMENT_MODEL, suggestForWords } from "../../app/domain/themes/element-suggestion";
import { analyseWords } from "../../app/domain/themes/features";
import { TOPIC_MODEL } from "../../app/domain/themes/topic-model";
import { DEFAULT_TRAINING } from "../../app/domain/themes/element-classifier";
import { DEFAULT_TOPIC_TRAINING } from "../../app/domain/themes/topics";
import { trainThemeModels, type ThemeModels } from "../../app/domain/themes/train-models";
import { adjustedRandIndex, purity } from "../../app/domain/themes/quality";
import { loadLabelledForums, type LabelledForum } from "./themes-fixture";

interface ForumFigures {
  forum: LabelledForum;
  ari: number;
  purity: number;
  themed: number;
  themes: number;
  elementAccuracy: number;
  themeElementAccuracy: number;
  threshold: number;
  proposal: ReturnType<typeof proposeThemes>;
}

function measure(forum: LabelledForum, models: ThemeModels, options: ThemeOptions = {}): ForumFigures {
  const items = forum.items;
  const model = models.elementModel;
  const proposal = proposeThemes(items, { ...options, elementModel: model, topicModel: models.topicModel });
  const themeOf = new Map<string, number>();
  for (const [index, theme] of proposal.themes.entries()) for (const id of theme.itemIds) themeOf.set(id, index);
  const predicted = items.map((item) => (themeOf.has(item.id) ? `t${themeOf.get(item.id)}` : `alone:${item.id}`));
  const truth = items.map((item) => item.theme);
  const themedIndices = items.flatMap((item, index) => (themeOf.has(item.id) ? [index] : []));
  let themeElementHits = 0;
  for (const item of items) {
    const index = themeOf.get(item.id);
    if (index !== undefined && proposal.themes[index]?.suggestedElement.element === item.element) themeElementHits++;
  }
  return {
    forum,
    ari: adjustedRandIndex(predicted, truth),
    purity: purity(
      themedIndices.map((index) => predicted[index] ?? ""),
      themedIndices.map((index) => truth[index] ?? ""),
    ),
    themed: themedIndices.length / items.length,
    themes: proposal.themes.length,
    elementAccuracy: items.filter((item) => suggestForWords(analyseWords(item.text), model).element === item.element).length / items.length,
    themeElementAccuracy: themedIndices.length ? themeElementHits / themedIndices.length : 0,
    threshold: proposal.threshold,
    proposal,
  };
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

const forums = loadLabelledForums();
const development = forums.filter((forum) => forum.split === "development");

/** The models trained as `npm run themes:train` does, on the development forums except `left`. */
function modelsWithout(left: LabelledForum): ThemeModels {
  const env = (name: string) => JSON.parse(process.env[name] ?? "{}");
  const inputs = development.filter((forum) => forum !== left).flatMap((forum) => forum.items);
  return trainThemeModels(inputs, { ...DEFAULT_TRAINING, ...env("TR") }, { ...DEFAULT_TOPIC_TRAINING, ...env("TT") });
}

// Development figures use a model trained without the forum measured (leave one forum out), so they are not
// flattered by the forum's own labels; held-out figures use the checked-in model, trained on all development forums.
const optionsArgument = process.argv.find((arg) => arg.startsWith("--options="));
const options: ThemeOptions = JSON.parse(optionsArgument?.slice(10) ?? "{}");
// --development measures the development forums only (while settings are being chosen).
const developmentOnly = process.argv.includes("--development");
if (!developmentOnly && (optionsArgument !== undefined || process.env.TR !== undefined || process.env.TT !== undefined)) {
  console.error("themes-quality: --options, TR and TT are for choosing settings, on development forums only: add --development");
  process.exit(2);
}
const splits = developmentOnly ? (["development"] as const) : (["development", "held-out"] as const);
for (const split of splits) {
  const figures = forums
    .filter((forum) => forum.split === split)
    .map((forum) =>
      split === "development" ? measure(forum, modelsWithout(forum), options) : measure(forum, { elementModel: ELEMENT_MODEL, topicModel: TOPIC_MODEL }, options),
    );
  const inputs = figures.reduce((sum, f) => sum + f.forum.items.length, 0);
  console.log(`\n## ${split} forums (${figures.length} forums, ${inputs} inputs)`);
  console.log("forum                              inputs  themes  cut    ARI    purity  themed  element  theme's element");
  for (const f of figures) {
    console.log(
      `${f.forum.id.padEnd(34)} ${String(f.forum.items.length).padStart(6)}  ${String(f.themes).padStart(6)}  ${f.threshold.toFixed(3)}  ` +
        `${f.ari.toFixed(3)}  ${f.purity.toFixed(3)}   ${pct(f.themed).padStart(6)}  ${pct(f.elementAccuracy).padStart(6)}   ${pct(f.themeElementAccuracy)}`,
    );
  }
  const weightedElement = figures.reduce((sum, f) => sum + f.elementAccuracy * f.forum.items.length, 0) / inputs;
  console.log(
    `${split}: mean ARI ${mean(figures.map((f) => f.ari)).toFixed(3)}, mean purity ${mean(figures.map((f) => f.purity)).toFixed(3)}, ` +
      `themed ${pct(mean(figures.map((f) => f.themed)))}, element accuracy ${pct(weightedElement)} of inputs, ` +
      `theme's element ${pct(mean(figures.map((f) => f.themeElementAccuracy)))}`,
  );
  if (process.argv.includes("--themes")) {
    for (const f of figures) {
      console.log(`\n${f.forum.name}`);
      const truthById = new Map(f.forum.items.map((item) => [item.id, item]));
      for (const theme of f.proposal.themes) {
        const counts = new Map<string, number>();
        for (const id of theme.itemIds) counts.set(truthById.get(id)?.theme ?? "?", (counts.get(truthById.get(id)?.theme ?? "?") ?? 0) + 1);
        const [majority, majorityCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["?", 0];
        console.log(
          `  ${String(theme.itemIds.length).padStart(3)} ${theme.suggestedElement.element.padEnd(5)} ${theme.label.padEnd(60)} ← ${majority} ${majorityCount}/${theme.itemIds.length}`,
        );
      }
      if (f.proposal.unthemed.length) console.log(`  unthemed: ${f.proposal.unthemed.length}`);
    }
  }
  if (process.argv.includes("--errors")) {
    for (const f of figures) {
      console.log(`\n${f.forum.name}: inputs put with another theme (labelled theme → the theme's majority)`);
      const truthById = new Map(f.forum.items.map((item) => [item.id, item]));
      for (const theme of f.proposal.themes) {
        const labels = theme.itemIds.map((id) => truthById.get(id)?.theme ?? "?");
        const counts = new Map<string, number>();
        for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
        const [majority] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["?"];
        for (const id of theme.itemIds) {
          const item = truthById.get(id);
          if (item && item.theme !== majority) console.log(`  ${item.theme.padEnd(22)} → ${majority.padEnd(16)} ${item.text.slice(0, 90)}`);
        }
      }
      for (const id of f.proposal.unthemed) {
        const item = truthById.get(id);
        if (item && !item.theme.startsWith("lain:")) console.log(`  ${item.theme.padEnd(22)} → (unthemed)       ${item.text.slice(0, 90)}`);
      }
    }
  }
}
