'use client';

import { getSchema } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { editorT } from '@/domain/i18n/admin-editor';
import type { RichTextDoc } from '@/domain/rich-text/schema';
import { EditorToolbar, type ToolbarDialog } from './EditorToolbar.client';
import { editorExtensions, type EmbedAttrs, type ImageAttrs } from './extensions';
import { EmbedDialog, ImageDialog, LinkDialog } from './NodeDialogs.client';
import { RemoteImages } from './RemoteImages.client';
import { cleanPastedHtml } from './paste-cleanup';
import { useDroppedUploads } from './use-dropped-uploads';
import { toEditorDoc, usesOnlyKnownTypes } from './to-editor-doc';

export type { ImageAttrs } from './extensions';

/**
 * Where an image comes from. Today the built-in dialog asks for a URL; the media library will
 * pass a picker here. Returning attrs without alt text opens the dialog so alt is still required;
 * returning null cancels.
 */
export type RequestImage = (current: ImageAttrs | null) => Promise<ImageAttrs | null>;

export interface RichTextEditorProps {
  value: RichTextDoc;
  onChange: (doc: RichTextDoc) => void;
  locale: 'zh-CN' | 'en';
  ariaLabel: string;
  onRequestImage?: RequestImage;
  /** Ids of elements describing the body (field error, hint). */
  ariaDescribedBy?: string;
  invalid?: boolean;
  readOnly?: boolean;
  /** Called with the editor once it exists, e.g. to read plain text for counts. */
  onReady?: (editor: Editor) => void;
  /** The site's sensitive words, marked where they occur (a stable array: a new one recreates the editor). */
  highlightWords?: readonly string[];
}

const EMPTY_IMAGE: ImageAttrs = { src: '', alt: '', caption: '' };

function contentAttributes({ ariaLabel, ariaDescribedBy, invalid, locale }: Pick<RichTextEditorProps, 'ariaLabel' | 'ariaDescribedBy' | 'invalid' | 'locale'>) {
  return {
    'aria-label': ariaLabel,
    'aria-multiline': 'true',
    class: 'editor-content article-body',
    lang: locale,
    ...(ariaDescribedBy ? { 'aria-describedby': ariaDescribedBy } : {}),
    ...(invalid ? { 'aria-invalid': 'true' } : {}),
  };
}

/**
 * Inserts an atom block and puts the cursor in the text block after it (adding one if needed):
 * left selected, the atom would be replaced by whatever is inserted next.
 */
function insertBlock(editor: Editor, node: { type: string; attrs: object }) {
  editor.chain().focus().insertContent(node).run();
  const { selection, doc } = editor.state;
  if (!(selection instanceof NodeSelection)) return;
  const after = selection.to;
  if (doc.resolve(after).nodeAfter?.isTextblock) editor.commands.setTextSelection(after + 1);
  else editor.chain().insertContentAt(after, { type: 'paragraph' }).setTextSelection(after + 1).run();
}

function selectedImage(editor: Editor): ImageAttrs | null {
  return editor.isActive('image') ? ({ ...EMPTY_IMAGE, ...editor.getAttributes('image') } as ImageAttrs) : null;
}

export function RichTextEditor({ value, onChange, locale, ariaLabel, onRequestImage, ariaDescribedBy, invalid, readOnly = false, onReady, highlightWords }: RichTextEditorProps) {
  const t = useMemo(() => editorT(locale), [locale]);
  const [dialog, setDialog] = useState<{ kind: ToolbarDialog; image?: ImageAttrs } | null>(null);
  // Keyed by the words, not the array: a server refresh hands over an equal list in a new array, and
  // new extensions would be handed to the live editor for nothing.
  const wordsKey = (highlightWords ?? []).join('\n');
  const extensions = useMemo(
    () => editorExtensions({ missingAlt: t('missingAlt'), placeholder: t('editorEmpty'), sensitiveWord: t('sensitiveWordTitle') }, wordsKey ? wordsKey.split('\n') : []),
    [t, wordsKey],
  );
  const schema = useMemo(() => getSchema(extensions), [extensions]);
  // A stored body with nodes this editor does not know would load as an empty document, and the
  // next save would erase it: such a body is shown read-only and never emitted.
  const unknownTypes = useMemo(() => !usesOnlyKnownTypes(toEditorDoc(value), schema), [value, schema]);
  const [invalidStructure, setInvalidStructure] = useState(false);
  const dropped = useDroppedUploads();
  const unsupported = unknownTypes || invalidStructure;
  const locked = readOnly || unsupported;
  // The last document this editor emitted: a different `value` prop means an outside change
  // (restore, merge) that must replace the content.
  const emitted = useRef<RichTextDoc>(value);
  const onChangeRef = useRef(onChange);
  // editorProps are fixed when the editor is created; they reach current state through this ref.
  const openDialogRef = useRef<(kind: ToolbarDialog) => void>(() => {});
  const droppedRef = useRef<(files: FileList | undefined) => boolean>(() => false);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    immediatelyRender: false,
    editable: !readOnly,
    extensions,
    content: toEditorDoc(value),
    enableContentCheck: true,
    onContentError: () => setInvalidStructure(true),
    editorProps: {
      attributes: contentAttributes({ ariaLabel, ariaDescribedBy, invalid, locale }),
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, event) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          openDialogRef.current('link');
          return true;
        }
        return false;
      },
      // Image files dropped or pasted into the body upload to the media library; each then opens
      // the image dialog, so alt text is still required before it lands in the text.
      handleDrop: (_view, event) => droppedRef.current(event.dataTransfer?.files),
      handlePaste: (_view, event) => droppedRef.current(event.clipboardData?.files),
      handleDoubleClickOn: (_view, _pos, node) => {
        if (node.type.name !== 'image' && node.type.name !== 'embed') return false;
        openDialogRef.current(node.type.name);
        return true;
      },
    },
    onUpdate: ({ editor: current }) => {
      if (!current.isEditable) return;
      // ProseMirror builds attrs with a null prototype; React would send those to a Server Action
      // as opaque references, and the server would see no attrs at all. Plain JSON crosses intact.
      const doc = JSON.parse(JSON.stringify(current.getJSON())) as RichTextDoc;
      emitted.current = doc;
      onChangeRef.current(doc);
    },
  });

  useEffect(() => {
    if (!editor) return;
    editor.setOptions({
      editorProps: {
        ...editor.options.editorProps,
        attributes: contentAttributes({ ariaLabel, ariaDescribedBy, invalid, locale }),
      },
    });
  }, [editor, ariaLabel, ariaDescribedBy, invalid, locale]);

  useEffect(() => {
    if (!editor || value === emitted.current || unknownTypes) return;
    emitted.current = value;
    try {
      editor.commands.setContent(toEditorDoc(value), { emitUpdate: false, errorOnInvalidContent: true });
    } catch {
      // Nesting the schema refuses: the previous content stays, and so does `value` upstream.
    }
  }, [editor, value, unknownTypes]);

  useEffect(() => {
    if (editor && editor.isEditable === locked) editor.setEditable(!locked, false);
  }, [editor, locked]);

  useEffect(() => {
    if (editor && onReady) onReady(editor);
  }, [editor, onReady]);

  const insertImage = (attrs: ImageAttrs) => {
    if (!editor) return;
    if (editor.isActive('image')) editor.chain().focus().updateAttributes('image', attrs).run();
    else insertBlock(editor, { type: 'image', attrs });
  };
  const openDialog = async (kind: ToolbarDialog) => {
    if (!editor) return;
    if (kind !== 'image') return setDialog({ kind });
    const current = selectedImage(editor);
    if (!onRequestImage) return setDialog({ kind, image: current ?? EMPTY_IMAGE });
    const picked = await onRequestImage(current);
    if (!picked) return;
    if (picked.alt.trim()) insertImage(picked);
    else setDialog({ kind, image: picked });
  };
  useEffect(() => {
    openDialogRef.current = (kind) => void openDialog(kind);
    droppedRef.current = (files) => (locked ? false : dropped.start(files));
  });

  // One dialog at a time: the next finished upload waits until the current dialog closes.
  const queuedUpload = dialog ? undefined : dropped.ready[0];

  const close = () => {
    setDialog(null);
    editor?.commands.focus();
  };

  return (
    <div className="editor-frame" data-invalid={invalid ? 'true' : undefined}>
      {unsupported ? (
        <p role="alert" className="editor-banner editor-banner-error m-2">
          {t('unsupportedContent')}
        </p>
      ) : null}
      {editor && !locked ? <EditorToolbar editor={editor} t={t} onOpenDialog={(kind) => void openDialog(kind)} /> : null}
      {editor && !locked ? <RemoteImages editor={editor} t={t} locale={locale} /> : null}
      <EditorContent editor={editor} />
      {dropped.items.length ? (
        <ul className="space-y-1 px-3 pb-2 text-sm" aria-live="polite">
          {dropped.items.map((item) => (
            <li key={item.key}>
              <span className="mr-2">{item.name}</span>
              <span className={item.error ? 'text-red-700 dark:text-red-300' : ''}>{item.error ? `${t('uploadFailed')}: ${item.error}` : item.done ? t('uploadDone') : t('uploading')}</span>
              <progress className="block w-full" max={item.total || 1} value={item.loaded} aria-label={item.name} />
            </li>
          ))}
        </ul>
      ) : null}
      {editor && dialog?.kind === 'link' ? (
        <LinkDialog
          t={t}
          initial={String(editor.getAttributes('link').href ?? '')}
          onClose={close}
          onRemove={() => {
            // A selection loses the link where it is selected; a caret inside a link removes the whole link.
            const chain = editor.chain().focus();
            (editor.state.selection.empty ? chain.extendMarkRange('link') : chain).unsetLink().run();
            setDialog(null);
          }}
          onApply={(href) => {
            editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
            setDialog(null);
          }}
        />
      ) : null}
      {editor && dialog?.kind === 'image' ? (
        <ImageDialog
          t={t}
          locale={locale}
          initial={dialog.image ?? EMPTY_IMAGE}
          onClose={close}
          onApply={(attrs) => {
            insertImage(attrs);
            setDialog(null);
          }}
        />
      ) : null}
      {editor && queuedUpload ? (
        <ImageDialog
          key={queuedUpload.key}
          t={t}
          locale={locale}
          initial={queuedUpload.attrs}
          onClose={() => {
            dropped.take(queuedUpload.key);
            editor.commands.focus();
          }}
          onApply={(attrs) => {
            insertImage(attrs);
            dropped.take(queuedUpload.key);
          }}
        />
      ) : null}
      {editor && dialog?.kind === 'embed' ? (
        <EmbedDialog
          t={t}
          initial={(editor.isActive('embed') ? editor.getAttributes('embed') : { url: '', title: '' }) as EmbedAttrs}
          onClose={close}
          onApply={(attrs) => {
            if (editor.isActive('embed')) editor.chain().focus().updateAttributes('embed', attrs).run();
            else insertBlock(editor, { type: 'embed', attrs });
            setDialog(null);
          }}
        />
      ) : null}
    </div>
  );
}
