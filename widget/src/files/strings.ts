/** The files chunk's words, in zh-CN and English (one chunk serves both; the loader's `data-lang` picks). */
import type { Lang } from '@kefu/shared';

const zhCN = {
  attach: '图片/文件',
  attachLabel: '图片/文件（上传 PNG、JPEG、WebP、GIF 或 PDF，最大 10 MB）',
  uploading: '正在上传…',
  too_large: '文件不能超过 10 MB',
  unsupported_type: '只能发送图片（PNG、JPEG、WebP、GIF）或 PDF',
  rate_limited: '上传太频繁，请稍后再试',
  failed: '上传失败，请重试',
  open: '查看原图',
  download: '下载',
};

const en: typeof zhCN = {
  attach: 'File',
  attachLabel: 'File (attach a PNG, JPEG, WebP, GIF or PDF, up to 10 MB)',
  uploading: 'Uploading…',
  too_large: 'Files can be at most 10 MB',
  unsupported_type: 'Only images (PNG, JPEG, WebP, GIF) or PDF',
  rate_limited: 'Too many uploads; try again shortly',
  failed: 'Upload failed; please try again',
  open: 'Open full size',
  download: 'Download',
};

export type FileStrings = typeof zhCN;
export const stringsFor = (lang: Lang): FileStrings => (lang === 'en' ? en : zhCN);

/** What to tell the visitor when an upload was refused. */
export function refusal(s: FileStrings, code: string): string {
  return code === 'too_large' || code === 'unsupported_type' || code === 'rate_limited' ? s[code] : s.failed;
}

/** A byte count for people: 812 B, 45 KB, 2.3 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
