import type { DeliveryFigures } from '@quorum/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { analyseDelivery } from '../delivery/analyse';

export type RecorderState =
  | { status: 'idle' }
  | { status: 'asking' }
  | { status: 'recording'; startedAt: number; video: boolean }
  | { status: 'denied'; message: string }
  | { status: 'done'; blob: Blob; mimeType: string; video: boolean; delivery: DeliveryFigures | null };

const pickMime = (video: boolean) =>
  (video ? ['video/webm;codecs=vp8,opus', 'video/webm'] : ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg']).find((m) => MediaRecorder.isTypeSupported(m)) ?? '';

/** Decodes the recording and measures its delivery; a browser that cannot decode it gets no figures. */
async function measure(blob: Blob): Promise<DeliveryFigures | null> {
  try {
    const context = new AudioContext();
    try {
      const audio = await context.decodeAudioData(await blob.arrayBuffer());
      return analyseDelivery(audio.getChannelData(0), audio.sampleRate);
    } finally {
      void context.close();
    }
  } catch {
    return null;
  }
}

/**
 * Records a spoken answer with MediaRecorder (audio, and video when the camera is on). The stream
 * ends with the recording, so the camera light goes off as soon as the answer is done.
 */
export function useRecorder() {
  const [state, setState] = useState<RecorderState>({ status: 'idle' });
  const recorder = useRef<MediaRecorder | null>(null);
  const stream = useRef<MediaStream | null>(null);
  const [preview, setPreview] = useState<MediaStream | null>(null);

  const release = () => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    setPreview(null);
  };
  useEffect(() => release, []);

  const start = useCallback(async (video: boolean) => {
    setState({ status: 'asking' });
    let media: MediaStream;
    try {
      media = await navigator.mediaDevices.getUserMedia({ audio: true, video });
    } catch (error) {
      const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      setState({
        status: 'denied',
        message: denied
          ? 'The browser refused the microphone. Allow it for this site (the icon in the address bar), then try again — or type your answer.'
          : 'No microphone was found. Plug one in and try again, or type your answer.',
      });
      return;
    }
    stream.current = media;
    if (video) setPreview(media);
    const mimeType = pickMime(video);
    const rec = new MediaRecorder(media, mimeType ? { mimeType } : {});
    const chunks: Blob[] = [];
    rec.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    rec.onstop = async () => {
      release();
      const blob = new Blob(chunks, { type: rec.mimeType || mimeType });
      setState({ status: 'done', blob, mimeType: blob.type, video, delivery: await measure(blob) });
    };
    recorder.current = rec;
    rec.start(1000);
    setState({ status: 'recording', startedAt: Date.now(), video });
  }, []);

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  return { state, start, stop, preview };
}
