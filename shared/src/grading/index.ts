export { prepareGrader } from './grade.js';
export type { QuestionGrader } from './grade.js';
export { buildCorpus } from './relevance.js';
export type { Corpus } from './relevance.js';
