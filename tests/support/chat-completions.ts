import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatBehaviour = 'grade' | 'malformed-json' | 'wrong-shape' | 'slow' | 'server-error' | 'no-content';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string };
}

/**
 * A local server that speaks the OpenAI chat-completions protocol as Ollama, vLLM and llama.cpp do,
 * including their failures: what it answers is set per test, and it records every request.
 */
export async function startChatServer() {
  let behaviour: ChatBehaviour = 'grade';
  const requests: ChatRequest[] = [];
  const open = new Set<IncomingMessage>();

  const server: Server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body) as ChatRequest;
    requests.push(request);
    const reply = (content: string | null) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: request.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    switch (behaviour) {
      case 'grade': {
        // Grades like a model that follows the instructions: every criterion at 3, every key point made.
        const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
        const answer = request.messages.find((m) => m.role === 'user')?.content ?? '';
        const ids = [...system.matchAll(/- id "([^"]+)"/g)].map((m) => m[1]);
        const points = [...system.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
        const firstSentence = answer.split(/(?<=\.)\s/)[0] ?? null;
        return reply(
          JSON.stringify({
            criteria: ids.map((id) => ({ id, level: 3, reason: 'Makes the point with its reason.' })),
            keyPoints: points.map((index) => ({ index, covered: true, evidence: firstSentence })),
            feedback: ['Name the trade-offs.'],
          }),
        );
      }
      case 'malformed-json':
        return reply('{"criteria": [ {"id": "diagnosis", "level": 3');
      case 'wrong-shape':
        return reply(JSON.stringify({ criteria: [{ id: 'diagnosis', level: 9 }], keyPoints: [] }));
      case 'no-content':
        return reply(null);
      case 'server-error':
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'model crashed', type: 'server_error' } }));
        return;
      case 'slow':
        // Answers only when the client gives up: a model that is still thinking.
        open.add(req);
        req.socket.on('close', () => open.delete(req));
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    behave(next: ChatBehaviour) {
      behaviour = next;
    },
    async close() {
      for (const req of open) req.socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
