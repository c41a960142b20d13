// The book's roadmap (shared/BOOK.md): five stages in order, each holding groups of chapters.
// Groups of the first three stages and the probability stage are the printed book's parts; the
// optimization, statistics and neural-network groups are "beyond the book". A chapter page names
// its stage and part in its front matter; a roadmap entry with the same slug becomes a link (to the
// heading `section` of the page when the entry has one: one page may serve several book chapters).
// A page no entry names is listed at the end of its part.

export const STAGES = [
  {
    name: 'Calculus and linear algebra',
    blurb: 'The foundations, side by side: linear algebra describes models, calculus measures how they change.',
    groups: [
      {
        part: 'Linear algebra', label: 'Part 1', chapters: [
          { n: 1, title: 'Vectors and vector spaces' },
          { n: 2, title: 'The geometric structure of vector spaces' },
          { n: 3, title: 'Linear algebra in practice' },
          { n: 4, title: 'Linear transformations', slug: 'linear-transformations' },
          { n: 5, title: 'Matrices and equations' },
          { n: 6, title: 'Eigenvalues and eigenvectors', slug: 'eigenvalues-and-eigenvectors' },
          { n: 7, title: 'Matrix factorizations' },
          { n: 8, title: 'Matrices and graphs' },
        ],
      },
      {
        part: 'Calculus', label: 'Part 2', chapters: [
          { n: 9, title: 'Functions' },
          { n: 10, title: 'Numbers, sequences and series' },
          { n: 11, title: 'Topology, limits and continuity' },
          { n: 12, title: 'Differentiation', slug: 'gradient-descent', section: 'the-derivative-is-speed' },
          { n: 13, title: 'Optimization', slug: 'gradient-descent', section: 'walking-downhill-in-one-variable' },
          { n: 14, title: 'Integration' },
        ],
      },
    ],
  },
  {
    name: 'Multivariable calculus',
    blurb: 'Functions of many variables: the loss of a model is one, its gradient shows the way down.',
    groups: [
      {
        part: 'Multivariable calculus', label: 'Part 3', chapters: [
          { n: 15, title: 'Multivariable functions' },
          { n: 16, title: 'Derivatives and gradients' },
          { n: 17, title: 'Optimization in multiple variables', slug: 'gradient-descent', section: 'many-variables-the-loss-landscape' },
        ],
      },
    ],
  },
  {
    name: 'Probability',
    blurb: 'Data is random: probability is how a model is fitted to it.',
    groups: [
      {
        part: 'Probability', label: 'Part 4', chapters: [
          { n: 18, title: 'What is probability?' },
          { n: 19, title: 'Random variables and distributions' },
          { n: 20, title: 'The expected value', slug: 'entropy-and-cross-entropy' },
        ],
      },
    ],
  },
  {
    name: 'Optimization and statistics',
    blurb: 'Side by side again: how models are trained, and how well they generalize.',
    groups: [
      {
        part: 'Optimization', label: 'Beyond the book', chapters: [
          { title: 'Momentum and Adam' },
          { title: 'Learning-rate schedules' },
        ],
      },
      {
        part: 'Statistics', label: 'Beyond the book', chapters: [
          { title: 'Sampling distributions' },
          { title: 'The central limit theorem' },
          { title: 'Maximum likelihood' },
          { title: 'Bias and variance' },
        ],
      },
    ],
  },
  {
    name: 'Neural networks',
    blurb: 'Where it all meets: layers are matrices, training is optimization, the loss is probability.',
    groups: [
      {
        part: 'Neural networks', label: 'Beyond the book', chapters: [
          { title: 'Logistic regression' },
          { title: 'Backpropagation, step by step' },
          { title: 'A network warping the plane' },
        ],
      },
    ],
  },
];

export const STAGE_NAMES = STAGES.map((s) => s.name);

export function stageIndex(name) {
  return STAGE_NAMES.findIndex((s) => s.toLowerCase() === String(name).toLowerCase());
}

// The parts a chapter of a given stage may name.
export function partsOf(stageName) {
  const stage = STAGES[stageIndex(stageName)];
  return stage ? stage.groups.map((g) => g.part) : [];
}
