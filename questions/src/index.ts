export { BankError, defaultBankDir, loadBank, parseQuestionFile } from './loader.js';
export type { Bank } from './loader.js';
export { requiredMix, requiredTopics } from './coverage.js';
export type { Topic } from './coverage.js';
