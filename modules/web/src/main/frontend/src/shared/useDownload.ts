import { useState } from 'react';
import type { Download } from './api';
import type { MessageId } from './i18n/i18n';
import { saveFile } from './session';
import { useSubmit } from './useSubmit';

/** One file to download: how to fetch it, the name to save it under if the server names none, what to say. */
export interface FileToSave {
  fetch: () => Promise<Download>;
  fallbackName: string;
  /** The status line while it is fetched, and once saved under `name`. */
  preparing: string;
  saved: (name: string) => string;
  /** What a refusal is called unless the API named it. */
  failure: MessageId;
}

/**
 * Files (CSV, PDF) fetched with the token and handed to the browser as downloads, one at a time. `status` is the
 * screen's status line (for StatusNotice; the screen may say other things in it too): first that the file is being
 * prepared, then the name it was saved under; a refusal clears it and becomes `problem`.
 */
export function useDownload(initialStatus = '') {
  const { busy, problem, submit } = useSubmit();
  const [status, setStatus] = useState(initialStatus);

  const download = async (file: FileToSave) => {
    if (busy) {
      return;
    }
    setStatus(file.preparing);
    const refused = await submit(file.failure, async () => {
      const name = saveFile(await file.fetch(), file.fallbackName);
      setStatus(file.saved(name));
    });
    if (refused) {
      setStatus('');
    }
  };

  return { busy, problem, status, setStatus, download };
}
