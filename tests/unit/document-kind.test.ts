import { describe, expect, it } from 'vitest';
import { attachmentDisposition, detectDocumentKind, downloadName, zipEntryNames } from '@/domain/media/document-kind';
import { sampleDocx, sampleOle, samplePdf, sampleXlsx, sampleZip } from '../fixtures/documents';

const kindOf = (bytes: Buffer, name = 'file') => detectDocumentKind(bytes.subarray(0, 1024), zipEntryNames(bytes), name);

describe('attachment kinds come from the bytes', () => {
  it('PDF, Word and Excel (Office Open XML, told apart by what the archive holds), ZIP', () => {
    expect(kindOf(samplePdf(), 'report.docx')).toBe('pdf');
    expect(kindOf(sampleDocx(), 'report.zip')).toBe('docx');
    expect(kindOf(sampleXlsx(), 'table.pdf')).toBe('xlsx');
    expect(kindOf(sampleZip(), 'photos.docx')).toBe('zip');
  });

  it('an Office 97–2003 file is one container: its name picks Word, Excel or PowerPoint, Word when it says nothing', () => {
    expect(kindOf(sampleOle(), '预算.xls')).toBe('xls');
    expect(kindOf(sampleOle(), 'slides.PPT')).toBe('ppt');
    expect(kindOf(sampleOle(), 'letter.exe')).toBe('doc');
  });

  it('refuses what is none of them, whatever its name: HTML, an image, a script', () => {
    expect(kindOf(Buffer.from('<html><script>alert(1)</script></html>'), 'notice.pdf')).toBeNull();
    expect(kindOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'a.zip')).toBeNull();
    expect(kindOf(Buffer.from('MZ\x90\x00'), 'setup.doc')).toBeNull();
  });
});

describe('the download', () => {
  it('is saved with the extension of what the file is, under the uploader’s name', () => {
    expect(downloadName('2026年报.pdf', 'pdf')).toBe('2026年报.pdf');
    expect(downloadName('表格.pdf', 'xlsx')).toBe('表格.xlsx');
    expect(downloadName('readme', 'zip')).toBe('readme.zip');
  });

  it('is always an attachment, with an ASCII fallback and the UTF-8 name, quotes and newlines neutralised', () => {
    expect(attachmentDisposition('2026年报.pdf')).toBe(`attachment; filename="2026__.pdf"; filename*=UTF-8''2026%E5%B9%B4%E6%8A%A5.pdf`);
    expect(attachmentDisposition('a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});
