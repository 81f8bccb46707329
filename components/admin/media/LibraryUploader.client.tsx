'use client';

import { useRouter } from 'next/navigation';
import { MediaUploader, type UploaderLabels } from './MediaUploader.client';

/** The library's uploader: new images appear in the grid as soon as they are stored. */
export function LibraryUploader({ labels }: { labels: UploaderLabels }) {
  const router = useRouter();
  return <MediaUploader labels={labels} onUploaded={() => router.refresh()} />;
}
