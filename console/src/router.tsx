import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

// A few pages under /console need no router library: paths are /console/<page>[/<argument>] and the browser's history.
export const BASE = '/console';

export function navigate(to: string): void {
  history.pushState(null, '', BASE + to);
  window.dispatchEvent(new Event('fuyuantong:navigate'));
}

/** The path below /console, e.g. /inquiry/(2024)皖1524执123号 (decoded). */
export function useLocationPath(): string {
  const read = () => decodeURIComponent(window.location.pathname.slice(BASE.length)) || '/';
  const [path, setPath] = useState(read);
  useEffect(() => {
    const update = () => setPath(read());
    window.addEventListener('popstate', update);
    window.addEventListener('fuyuantong:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('fuyuantong:navigate', update);
    };
  }, []);
  return path;
}

export function Link({ to, children }: { to: string; children: ReactNode }) {
  const onClick = (e: MouseEvent) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a href={BASE + encodeURI(to)} onClick={onClick}>
      {children}
    </a>
  );
}
