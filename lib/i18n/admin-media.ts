import type { Locale } from './messages';

const zh = {
  title: '媒体库',
  dropHere: '把图片拖到这里、粘贴，或',
  choose: '选择文件',
  uploading: '上传中…',
  done: '完成',
  search: '搜索文件名、替代文字或说明',
  empty: '还没有图片。',
  alt: '替代文字（必填，供读屏软件和图片无法加载时使用）',
  caption: '图片说明',
  save: '保存',
  saved: '已保存。',
  usage: '使用位置',
  unused: '未被使用。',
  delete: '删除图片',
  deleteRefused: '该图片仍在使用中，不能删除。',
  deleted: '已删除。',
  dimensions: '尺寸',
  size: '大小',
  uploadedAt: '上传时间',
  back: '返回媒体库',
  articleCover: '文章封面',
  articleBody: '文章正文',
  pageBody: '单页正文',
  limits: '支持 JPEG、PNG、WebP、GIF、AVIF，单个文件不超过 20 MB。',
} as const;

export type MediaKey = keyof typeof zh;

const en: Record<MediaKey, string> = {
  title: 'Media library',
  dropHere: 'Drop images here, paste them, or',
  choose: 'Choose files',
  uploading: 'Uploading…',
  done: 'Done',
  search: 'Search names, alt text or captions',
  empty: 'No images yet.',
  alt: 'Alt text (required: read by screen readers and shown when the image cannot load)',
  caption: 'Caption',
  save: 'Save',
  saved: 'Saved.',
  usage: 'Used in',
  unused: 'Not used anywhere.',
  delete: 'Delete image',
  deleteRefused: 'This image is still in use and cannot be deleted.',
  deleted: 'Deleted.',
  dimensions: 'Dimensions',
  size: 'Size',
  uploadedAt: 'Uploaded',
  back: 'Back to the media library',
  articleCover: 'Article cover',
  articleBody: 'Article body',
  pageBody: 'Page body',
  limits: 'JPEG, PNG, WebP, GIF or AVIF, up to 20 MB each.',
};

export function mediaT(locale: Locale) {
  const dict = locale === 'en' ? en : zh;
  return (key: MediaKey) => dict[key];
}
