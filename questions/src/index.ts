export { BankError, defaultBankDir, loadBank, parseQuestionFile } from './loader.js';
export type { Bank } from './loader.js';
export { requiredMix, requiredTopics, requiredTotal } from './coverage.js';
export { coverageTable } from './coverage-table.js';
export { kitProblems, runKit } from './run-kit.js';
export type { KitRun } from './run-kit.js';
export { ruleViolations, weightedLevel } from './rules.js';
export type { RuleViolation } from './rules.js';
export type { Topic } from './coverage.js';
