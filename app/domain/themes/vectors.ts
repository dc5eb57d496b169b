// TF-IDF vectors of forum inputs and their pairwise cosine similarities (sparse, through an inverted index).

/** A sparse, L2-normalised vector: term indices ascending, with their weights. */
export interface SparseVector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

export interface Vocabulary {
  readonly termIndex: Map<string, number>;
  readonly terms: string[];
}

/**
 * TF-IDF vectors, sublinear term frequency (1 + ln tf) and smoothed IDF (ln((1 + n) / (1 + df)) + 1), times a
 * per-feature weight, L2-normalised. Terms in fewer than `minDocumentFrequency` documents are left out.
 */
export function tfIdfVectors(
  documents: readonly (readonly string[])[],
  featureWeight: (term: string) => number = () => 1,
  minDocumentFrequency = 1,
): { vectors: SparseVector[]; vocabulary: Vocabulary } {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const term of new Set(document)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const termIndex = new Map<string, number>();
  const terms: string[] = [];
  for (const [term, frequency] of [...documentFrequency.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (frequency < minDocumentFrequency) continue;
    termIndex.set(term, terms.length);
    terms.push(term);
  }
  const count = documents.length;
  const vectors = documents.map((document) => {
    const termCounts = new Map<number, number>();
    for (const term of document) {
      const index = termIndex.get(term);
      if (index !== undefined) termCounts.set(index, (termCounts.get(index) ?? 0) + 1);
    }
    const entries = [...termCounts.entries()].sort((a, b) => a[0] - b[0]);
    const weights = entries.map(([index, termCount]) => {
      const frequency = documentFrequency.get(terms[index] ?? "") ?? 1;
      const term = terms[index] ?? "";
      return featureWeight(term) * (1 + Math.log(termCount)) * (Math.log((1 + count) / (1 + frequency)) + 1);
    });
    const norm = Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0));
    return {
      terms: Int32Array.from(entries.map(([index]) => index)),
      weights: Float64Array.from(weights.map((weight) => (norm > 0 ? weight / norm : 0))),
    };
  });
  return { vectors, vocabulary: { termIndex, terms } };
}

/** All pairwise cosine similarities (vectors are unit length), row-major n×n, through an inverted index. */
export function cosineSimilarityMatrix(vectors: readonly SparseVector[], vocabularySize: number): Float32Array {
  const count = vectors.length;
  const similarity = new Float32Array(count * count);
  // Postings as flat arrays, grouped by term: documents and weights of term t live in [offsets[t], offsets[t + 1]).
  const offsets = new Int32Array(vocabularySize + 1);
  for (const vector of vectors) for (const term of vector.terms) offsets[term + 1] = (offsets[term + 1] ?? 0) + 1;
  for (let term = 0; term < vocabularySize; term++) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
  const fill = offsets.slice(0, vocabularySize);
  const postingDocuments = new Int32Array(offsets[vocabularySize] ?? 0);
  const postingWeights = new Float64Array(postingDocuments.length);
  for (const [document, vector] of vectors.entries()) {
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const term = vector.terms[slot] ?? 0;
      const at = fill[term] ?? 0;
      postingDocuments[at] = document;
      postingWeights[at] = vector.weights[slot] ?? 0;
      fill[term] = at + 1;
    }
  }
  for (let term = 0; term < vocabularySize; term++) {
    const end = offsets[term + 1] ?? 0;
    for (let first = offsets[term] ?? 0; first < end; first++) {
      const a = postingDocuments[first] ?? 0;
      const aWeight = postingWeights[first] ?? 0;
      for (let second = first + 1; second < end; second++) {
        const b = postingDocuments[second] ?? 0;
        const product = aWeight * (postingWeights[second] ?? 0);
        similarity[a * count + b] = (similarity[a * count + b] ?? 0) + product;
        similarity[b * count + a] = (similarity[b * count + a] ?? 0) + product;
      }
    }
  }
  return similarity;
}

/** Adds `weight` × `addend` into `target` in place (both n×n). */
export function addScaled(target: Float32Array, addend: Float32Array, weight: number): void {
  for (let index = 0; index < target.length; index++) target[index] = (target[index] ?? 0) + weight * (addend[index] ?? 0);
}
