import { describe, expect, it, vi } from 'vitest';
import { createNavigationGuard } from './navigationGuard';
import { createIsTrustedSender } from './trustedSender';

function navigate(guard: ReturnType<typeof createNavigationGuard>, url: string) {
  const preventDefault = vi.fn();
  guard({ url, preventDefault });
  return preventDefault;
}

describe('createNavigationGuard', () => {
  const onBlocked = vi.fn();
  const guard = createNavigationGuard(createIsTrustedSender(null), onBlocked);

  it('lets navigation inside the app origin through', () => {
    expect(navigate(guard, 'app://protection-monitor/index.html#/cases')).not.toHaveBeenCalled();
  });

  it.each([
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://elsewhere/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>hi</h1>',
  ])('cancels navigation to %s and reports it', (url) => {
    onBlocked.mockClear();
    expect(navigate(guard, url)).toHaveBeenCalledOnce();
    expect(onBlocked).toHaveBeenCalledWith(url);
  });

  it('allows the dev server only when main was started with it', () => {
    const devGuard = createNavigationGuard(createIsTrustedSender('http://127.0.0.1:5173/'));
    expect(navigate(devGuard, 'http://127.0.0.1:5173/')).not.toHaveBeenCalled();
    expect(navigate(guard, 'http://127.0.0.1:5173/')).toHaveBeenCalledOnce();
  });
});
