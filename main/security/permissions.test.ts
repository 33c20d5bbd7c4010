import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  createPermissionCheckHandler,
  createPermissionRequestHandler,
  isPermissionAllowed,
  type PermissionPolicy,
} from './permissions';
import { createIsTrustedSender } from './trustedSender';

const APP = 'app://protection-monitor/index.html';
const policy: PermissionPolicy = { isTrustedOrigin: createIsTrustedSender(null), allowVideoCapture: false };
const withVideo: PermissionPolicy = { ...policy, allowVideoCapture: true };

function request(
  p: PermissionPolicy,
  permission: string,
  details: { requestingUrl?: string; mediaTypes?: string[] },
) {
  let granted: boolean | undefined;
  createPermissionRequestHandler(p)(null, permission, (answer) => (granted = answer), details);
  return granted;
}

describe('permission allow-list', () => {
  it('is exactly the sanitized clipboard write', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
  });

  it('grants the allow-listed permission to the app', () => {
    expect(request(policy, 'clipboard-sanitized-write', { requestingUrl: APP })).toBe(true);
  });

  it('refuses even allow-listed permissions to other origins', () => {
    expect(request(policy, 'clipboard-sanitized-write', { requestingUrl: 'https://example.org/' })).toBe(
      false,
    );
    expect(request(policy, 'clipboard-sanitized-write', {})).toBe(false);
  });

  it.each([
    'clipboard-read',
    'geolocation',
    'notifications',
    'media',
    'display-capture',
    'midi',
    'midiSysex',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'fileSystem',
    'unknown',
  ])('denies %s to the app', (permission) => {
    expect(request(policy, permission, { requestingUrl: APP, mediaTypes: ['video'] })).toBe(false);
  });

  describe('video capture (off by default)', () => {
    it('grants video-only media when enabled', () => {
      expect(request(withVideo, 'media', { requestingUrl: APP, mediaTypes: ['video'] })).toBe(true);
    });

    it('never grants the microphone or unspecified media', () => {
      expect(request(withVideo, 'media', { requestingUrl: APP, mediaTypes: ['audio'] })).toBe(false);
      expect(request(withVideo, 'media', { requestingUrl: APP, mediaTypes: ['video', 'audio'] })).toBe(false);
      expect(request(withVideo, 'media', { requestingUrl: APP, mediaTypes: [] })).toBe(false);
      expect(request(withVideo, 'media', { requestingUrl: APP })).toBe(false);
    });
  });
});

describe('createPermissionCheckHandler', () => {
  const check = createPermissionCheckHandler(policy);

  it('answers like the request handler', () => {
    expect(check(null, 'clipboard-sanitized-write', 'app://protection-monitor', {})).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'https://example.org', {})).toBe(false);
    expect(check(null, 'geolocation', 'app://protection-monitor', {})).toBe(false);
    expect(check(null, 'media', 'app://protection-monitor', { mediaType: 'video' })).toBe(false);
  });

  it('passes the media type through when video capture is enabled', () => {
    const videoCheck = createPermissionCheckHandler(withVideo);
    expect(videoCheck(null, 'media', 'app://protection-monitor', { mediaType: 'video' })).toBe(true);
    expect(videoCheck(null, 'media', 'app://protection-monitor', { mediaType: 'audio' })).toBe(false);
    expect(videoCheck(null, 'media', 'app://protection-monitor', {})).toBe(false);
  });

  it('is a pure decision (isPermissionAllowed)', () => {
    expect(
      isPermissionAllowed(
        { permission: 'clipboard-sanitized-write', origin: 'app://protection-monitor' },
        policy,
      ),
    ).toBe(true);
  });
});
