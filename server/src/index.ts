import { ConfigError, createQuorumServer, loadConfig, StoreFileError } from './app.js';

/** Entry point: configuration from the environment, then start; SIGTERM/SIGINT close cleanly. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await createQuorumServer(config);
  await server.listen();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: flushing documents and closing`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // `kill -USR2 <pid>`: a consistent copy of the data file, taken while serving.
  process.on('SIGUSR2', () => {
    server.backup().then(
      (copy) => console.log(copy ? `backup written to ${copy}` : 'backup: this store has no file to copy'),
      (error: unknown) => console.error('backup failed:', error),
    );
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof StoreFileError ? error.message : error);
  process.exit(1);
});
