export type { RunLog } from './log.js';
export { createMemoryRunLog } from './memory.js';
export { createRedisRunLog } from './redis.js';
export { runHandlers } from './handlers.js';
