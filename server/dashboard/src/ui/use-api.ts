// Loads one API path and re-renders on the answer.
import { useEffect, useState } from 'preact/hooks';
import { api, type Session } from '../api.js';

export function useApi<T = any>(session: Session, path: string): { data?: T; error?: Error } {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  useEffect(() => {
    let live = true;
    setState({});
    api<T>(session, path).then(
      (data) => live && setState({ data }),
      (error) => live && setState({ error }),
    );
    return () => void (live = false);
  }, [session, path]);
  return state;
}
