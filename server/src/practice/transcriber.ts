import OpenAI, { toFile } from 'openai';

/** An OpenAI-compatible `/v1/audio/transcriptions` server (whisper.cpp, faster-whisper, vLLM), optional. */
export interface TranscriberConfig {
  baseUrl: string;
  model: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

export class TranscriptionError extends Error {
  override name = 'TranscriptionError';
}

/** Turns a spoken answer into text, so it is graded like a typed one. */
export function createTranscriber(config: TranscriberConfig) {
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey ?? 'unused', timeout: config.timeoutMs, maxRetries: 0 });
  return {
    async transcribe(audio: Buffer, mimeType: string): Promise<string> {
      const extension = mimeType.includes('ogg') ? 'ogg' : mimeType.includes('wav') ? 'wav' : 'webm';
      let result: { text?: unknown };
      try {
        result = await client.audio.transcriptions.create({ file: await toFile(audio, `answer.${extension}`, { type: mimeType }), model: config.model });
      } catch (error) {
        throw new TranscriptionError(error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'the transcription failed');
      }
      if (typeof result.text !== 'string') throw new TranscriptionError('the transcription server sent no text');
      return result.text.trim();
    },
  };
}

export type Transcriber = ReturnType<typeof createTranscriber>;
