export interface DeviceChoice {
  audioId?: string;
  videoId?: string;
}

export interface LocalMedia {
  stream: MediaStream | null;
  /** Why the call runs with less than both devices, in words for the person; null when all is well. */
  notice: string | null;
}

const VIDEO: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24 } };

const device = (id: string | undefined, base: MediaTrackConstraints = {}): MediaTrackConstraints => (id ? { ...base, deviceId: { exact: id } } : base);

/**
 * Microphone and camera, with the fallbacks a person expects: no camera (or a busy one) means an
 * audio-only call; a refused microphone means listening only, with a message that says how to fix it.
 */
export async function openLocalMedia(choice: DeviceChoice, wantVideo = true): Promise<LocalMedia> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { stream: null, notice: 'This browser cannot use a microphone here (a secure https:// address is needed). You can still listen.' };
  }
  const audio = device(choice.audioId, { echoCancellation: true, noiseSuppression: true, autoGainControl: true });
  if (wantVideo) {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio, video: device(choice.videoId, VIDEO) }), notice: null };
    } catch (error) {
      return openAudioOnly(audio, cameraProblem(error));
    }
  }
  return openAudioOnly(audio, null);
}

async function openAudioOnly(audio: MediaTrackConstraints, cameraNotice: string | null): Promise<LocalMedia> {
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio }), notice: cameraNotice };
  } catch (error) {
    return { stream: null, notice: microphoneProblem(error) };
  }
}

export function cameraProblem(error: unknown): string {
  switch (nameOf(error)) {
    case 'NotAllowedError':
      return 'The browser blocked the camera. Allow it in the site settings (the icon left of the address) to be seen.';
    case 'NotReadableError':
      return 'Your camera is in use by another application, so this call is audio only.';
    default:
      return 'No camera found, so this call is audio only.';
  }
}

export function microphoneProblem(error: unknown): string {
  switch (nameOf(error)) {
    case 'NotAllowedError':
      return 'The browser blocked your microphone, so the others cannot hear you. Allow the microphone in the site settings (the icon left of the address), then choose "Try again".';
    case 'NotReadableError':
      return 'Your microphone is in use by another application. Close it, then choose "Try again".';
    default:
      return 'No microphone found. Plug one in, then choose "Try again"; until then you can listen.';
  }
}

function nameOf(error: unknown): string {
  return error instanceof DOMException || error instanceof Error ? error.name : '';
}

export interface Devices {
  audioinput: MediaDeviceInfo[];
  videoinput: MediaDeviceInfo[];
}

export async function listDevices(): Promise<Devices> {
  const all = (await navigator.mediaDevices?.enumerateDevices?.()) ?? [];
  return {
    audioinput: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
    videoinput: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
  };
}
