// Runs Azurite's Table and Queue services in memory, in this child process, on free ports, and
// prints one JSON line with their addresses. Started by storage-emulator.ts (npm start and tests).
// Azurite's table CLI reports port 0 instead of the port it bound, hence this small launcher.
const path = require('node:path');
const os = require('node:os');
const fs = require('node:fs');

const dist = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src');
const TableConfiguration = require(path.join(dist, 'table/TableConfiguration')).default;
const TableServer = require(path.join(dist, 'table/TableServer')).default;
const QueueConfiguration = require(path.join(dist, 'queue/QueueConfiguration')).default;
const QueueServer = require(path.join(dist, 'queue/QueueServer')).default;
const constants = require(path.join(dist, 'queue/utils/constants'));
const { setExtentMemoryLimit } = require(path.join(dist, 'common/ConfigurationBase'));

async function main() {
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-azurite-'));
  constants.DEFAULT_QUEUE_PERSISTENCE_ARRAY[0].locationPath = path.join(location, 'queue');
  const host = '127.0.0.1';
  const table = new TableServer(
    new TableConfiguration(
      host,
      Number(process.env.TABLE_PORT ?? 0),
      undefined,
      path.join(location, 'table.json'),
      false,
      false,
      undefined,
      undefined,
      true,
      true,
      '',
      '',
      '',
      undefined,
      false,
      true,
    ),
  );
  const queueConfig = new QueueConfiguration(
    host,
    Number(process.env.QUEUE_PORT ?? 0),
    undefined,
    path.join(location, 'queue.json'),
    path.join(location, 'extent.json'),
    constants.DEFAULT_QUEUE_PERSISTENCE_ARRAY,
    false,
    undefined,
    false,
    undefined,
    true,
    true,
    '',
    '',
    '',
    undefined,
    false,
    true,
  );
  setExtentMemoryLimit({ inMemoryPersistence: () => true, extentMemoryLimit: () => 512 }, false);
  const queue = new QueueServer(queueConfig);
  await table.start();
  await queue.start();
  process.stdout.write(
    `${JSON.stringify({ table: table.getHttpServerAddress(), queue: queue.getHttpServerAddress() })}\n`,
  );
  const stop = async () => {
    await Promise.allSettled([table.close(), queue.close()]);
    fs.rmSync(location, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent's death closes stdin: never outlive it.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
