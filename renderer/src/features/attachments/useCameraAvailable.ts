import { useEffect, useState } from 'react';

const hasCameraApi = () => typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);

/** True when this computer has a camera the app could ask for; follows plugging one in or out. */
export function useCameraAvailable(): boolean {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    if (!hasCameraApi()) return;
    const devices = navigator.mediaDevices;
    let cancelled = false;
    const check = () =>
      devices
        .enumerateDevices()
        .then((list) => !cancelled && setAvailable(list.some((d) => d.kind === 'videoinput')))
        .catch(() => !cancelled && setAvailable(false));
    void check();
    devices.addEventListener('devicechange', check);
    return () => {
      cancelled = true;
      devices.removeEventListener('devicechange', check);
    };
  }, []);
  return available;
}
