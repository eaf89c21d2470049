import { describe, expect, it } from 'vitest';
import { sentKinds } from '../src/call/sdp.js';
import { ConfigError, loadConfig } from '../src/config.js';

describe('call configuration', () => {
  it('reads STUN and TURN from the environment, comma-separated', () => {
    const { call } = loadConfig({
      STUN_URLS: 'stun:stun.example.org:3478, stuns:stun.example.org:5349',
      TURN_URLS: 'turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349',
      TURN_SECRET: 'sixteen-or-more-characters',
      TURN_TTL_SECONDS: '900',
    });
    expect(call).toEqual({
      stunUrls: ['stun:stun.example.org:3478', 'stuns:stun.example.org:5349'],
      turnUrls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
      turnSecret: 'sixteen-or-more-characters',
      turnTtlSeconds: 900,
      iceTransportPolicy: 'all',
    });
  });

  it('uses no ICE server of any third party by default', () => {
    expect(loadConfig({}).call).toMatchObject({ stunUrls: [], turnUrls: [], turnSecret: undefined });
  });

  it('refuses TURN without a secret, a relay-only policy without TURN, and a URL of the wrong scheme', () => {
    expect(() => loadConfig({ TURN_URLS: 'turn:turn.example.org' })).toThrow(/TURN_SECRET/);
    expect(() => loadConfig({ ICE_TRANSPORT_POLICY: 'relay' })).toThrow(/ICE_TRANSPORT_POLICY/);
    expect(() => loadConfig({ STUN_URLS: 'turn:turn.example.org' })).toThrow(ConfigError);
  });
});

describe('media an SDP offers to send', () => {
  const sdp = (...sections: string[]) => ['v=0', 's=-', 't=0 0', ...sections].join('\r\n');

  it('counts sendrecv and sendonly sections, and a section with no direction as sendrecv', () => {
    expect(sentKinds(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=sendonly', 'm=video 9 UDP/TLS/RTP/SAVPF 96'))).toEqual(new Set(['audio', 'video']));
  });

  it('ignores recvonly, inactive, rejected and data sections', () => {
    const text = sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=recvonly', 'm=video 0 UDP/TLS/RTP/SAVPF 96', 'a=sendrecv', 'm=application 9 UDP/DTLS/SCTP webrtc-datachannel');
    expect(sentKinds(text)).toEqual(new Set());
  });
});
