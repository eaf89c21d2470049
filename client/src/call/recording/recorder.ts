/**
 * Records the call in this browser: both voices mixed into one audio track with WebAudio, and the
 * other person's video as it arrives. Not a canvas composite of both tiles: drawing one costs a
 * frame loop on a machine already encoding a call, and Chromium throttles it to nothing in a
 * background tab, freezing the video whenever the person switches tabs. Each side's own recording
 * shows the other person, which is what a review needs.
 */
export class CallRecorder {
  private readonly audio = new AudioContext();
  private readonly mix = this.audio.createMediaStreamDestination();
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private readonly stopped: Promise<Blob>;
  private startedAtPerf = 0;

  constructor(voices: MediaStream[], video: MediaStreamTrack | undefined) {
    for (const voice of voices) {
      if (voice.getAudioTracks().length > 0) this.audio.createMediaStreamSource(voice).connect(this.mix);
    }
    const tracks = [...this.mix.stream.getAudioTracks(), ...(video ? [video] : [])];
    this.recorder = new MediaRecorder(new MediaStream(tracks), { mimeType: pickType(Boolean(video)) });
    this.recorder.ondataavailable = ({ data }) => {
      if (data.size > 0) this.chunks.push(data);
    };
    this.stopped = new Promise((resolve) => {
      this.recorder.onstop = () => resolve(new Blob(this.chunks, { type: this.recorder.mimeType }));
    });
  }

  get mimeType(): string {
    return this.recorder.mimeType;
  }

  /** Resolves once the first frame is being recorded, with the local time (Date.now()) it started. */
  start(): Promise<number> {
    void this.audio.resume();
    return new Promise((resolve) => {
      this.recorder.onstart = () => {
        this.startedAtPerf = performance.now();
        resolve(Date.now());
      };
      // In chunks, so the encoder hands data over as it goes rather than all of it at the stop.
      this.recorder.start(1_000);
    });
  }

  /** Stops and hands back the whole recording, with how long it ran. */
  async stop(): Promise<{ blob: Blob; durationMs: number }> {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    const blob = await this.stopped;
    void this.audio.close();
    return { blob, durationMs: Math.round(performance.now() - this.startedAtPerf) };
  }
}

function pickType(withVideo: boolean): string {
  const candidates = withVideo ? ['video/webm;codecs=vp8,opus', 'video/webm', 'video/mp4'] : ['audio/webm;codecs=opus', 'audio/webm', 'audio/mp4'];
  return candidates.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
}
