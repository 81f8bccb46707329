import type { MediaDTO } from '@/db/queries/media-dto';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** One file to POST /api/media with progress events (fetch has no upload progress; XHR does). */
export function uploadImage(file: File, onProgress: (p: UploadProgress) => void): Promise<MediaDTO> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let body: { error?: string } & Partial<MediaDTO> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // fall through with the status text
      }
      if (xhr.status === 201) resolve(body as MediaDTO);
      else reject(new Error(body.error ?? `Upload failed (${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error('The connection was lost during the upload.'));
    xhr.send(file);
  });
}
