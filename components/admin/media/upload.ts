import type { MediaDTO } from '@/db/queries/media-dto';
import { translateMessage, type Message } from '@/domain/i18n/server-messages';
import type { Locale } from '@/domain/i18n/messages';

/** The signed-in admin's language, as its layout marks it (the site's may differ). */
function uiLocale(): Locale {
  return document.querySelector<HTMLElement>('[data-ui-locale]')?.dataset.uiLocale === 'en' ? 'en' : 'zh-CN';
}

/** An upload refused: the server's reason in the admin's language. */
function uploadError(reason: Message | undefined, fallback: string): Error {
  return new Error(reason ? translateMessage(uiLocale(), reason) : fallback);
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs one file as the raw body (`X-File-Name`: its percent-encoded name) with progress events
 * (fetch has no upload progress; XHR does); resolves with the JSON answer when the status is `ok`.
 */
export function postFile<T>(url: string, file: File, ok: number, onProgress: (p: UploadProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let body: { error?: string; reason?: Message } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // fall through with the status text
      }
      if (xhr.status === ok) resolve(body as T);
      else reject(uploadError(body.reason, body.error ?? `Upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(uploadError({ code: 'uploadInterrupted' }, 'The upload was interrupted.'));
    xhr.send(file);
  });
}

/** One image to POST /api/media. */
export function uploadImage(file: File, onProgress: (p: UploadProgress) => void): Promise<MediaDTO> {
  return postFile<MediaDTO>('/api/media', file, 201, onProgress);
}
