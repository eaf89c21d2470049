export type { RunLog } from './log.js';
export { createMemoryRunLog } from './memory.js';
export { createRedisRunLog } from './redis.js';
export { createSqliteRunLog } from './sqlite.js';
export { runHandlers } from './handlers.js';
