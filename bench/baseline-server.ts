// The baseline: a bare Fastify route that parses the same body and answers the same reply, storing nothing.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 512 * 1024 });
app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => {
  try {
    done(null, JSON.parse(body as string));
  } catch (e) {
    done(e as Error);
  }
});
for (const path of ['/v1/batch', '/v1/track']) app.post(path, async () => ({ success: true }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`Holdfast listening on ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
