'use client';

import { useEditorState, type Editor } from '@tiptap/react';
import { useId, type ReactNode } from 'react';
import type { EditorTranslator } from '@/domain/i18n/admin-editor';

export type ToolbarDialog = 'link' | 'image' | 'embed';

interface ToolbarProps {
  editor: Editor;
  t: EditorTranslator;
  onOpenDialog: (dialog: ToolbarDialog) => void;
}

function ToolButton({ label, glyph, active, disabled, onClick }: { label: string; glyph?: ReactNode; active?: boolean; disabled?: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="editor-tool"
      aria-pressed={active === undefined ? undefined : active}
      title={label}
      disabled={disabled}
      // Keep the selection in the document while clicking the toolbar.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {glyph ? (
        // The name comes from hidden text, not aria-label, so it never contradicts what is shown.
        <>
          <span aria-hidden="true">{glyph}</span>
          <span className="sr-only">{label}</span>
        </>
      ) : (
        label
      )}
    </button>
  );
}

export function EditorToolbar({ editor, t, onOpenDialog }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: e.isActive('heading', { level: 2 }) ? 'h2' : e.isActive('heading', { level: 3 }) ? 'h3' : e.isActive('heading', { level: 4 }) ? 'h4' : 'p',
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      strike: e.isActive('strike'),
      superscript: e.isActive('superscript'),
      subscript: e.isActive('subscript'),
      code: e.isActive('code'),
      link: e.isActive('link'),
      quote: e.isActive('blockquote'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      codeBlock: e.isActive('codeBlock'),
      inTable: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const blockSelectId = useId();

  const setBlock = (value: string) => {
    if (value === 'p') chain().setParagraph().run();
    else chain().setHeading({ level: Number(value.slice(1)) as 2 | 3 | 4 }).run();
  };

  return (
    <div role="toolbar" aria-label={t('toolbar')} className="editor-toolbar">
      <label className="sr-only" htmlFor={blockSelectId}>
        {t('blockType')}
      </label>
      <select id={blockSelectId} className="editor-tool-select" value={state.block} onChange={(e) => setBlock(e.target.value)}>
        <option value="p">{t('paragraph')}</option>
        <option value="h2">{t('heading2')}</option>
        <option value="h3">{t('heading3')}</option>
        <option value="h4">{t('heading4')}</option>
      </select>
      <span className="editor-tool-group">
        <ToolButton label={t('bold')} glyph={<strong>B</strong>} active={state.bold} onClick={() => chain().toggleBold().run()} />
        <ToolButton label={t('italic')} glyph={<em>I</em>} active={state.italic} onClick={() => chain().toggleItalic().run()} />
        <ToolButton label={t('underline')} glyph={<u>U</u>} active={state.underline} onClick={() => chain().toggleUnderline().run()} />
        <ToolButton label={t('strike')} glyph={<s>S</s>} active={state.strike} onClick={() => chain().toggleStrike().run()} />
        <ToolButton label={t('superscript')} glyph={<>x<sup>2</sup></>} active={state.superscript} onClick={() => chain().toggleMark('superscript').run()} />
        <ToolButton label={t('subscript')} glyph={<>x<sub>2</sub></>} active={state.subscript} onClick={() => chain().toggleMark('subscript').run()} />
        <ToolButton label={t('inlineCode')} glyph={<code>{'</>'}</code>} active={state.code} onClick={() => chain().toggleCode().run()} />
        <ToolButton label={t('link')} active={state.link} onClick={() => onOpenDialog('link')} />
      </span>
      <span className="editor-tool-group">
        <ToolButton label={t('quote')} active={state.quote} onClick={() => chain().toggleBlockquote().run()} />
        <ToolButton label={t('bulletList')} active={state.bulletList} onClick={() => chain().toggleBulletList().run()} />
        <ToolButton label={t('orderedList')} active={state.orderedList} onClick={() => chain().toggleOrderedList().run()} />
        <ToolButton label={t('codeBlock')} active={state.codeBlock} onClick={() => chain().toggleCodeBlock().run()} />
        <ToolButton label={t('horizontalRule')} onClick={() => chain().setHorizontalRule().run()} />
      </span>
      <span className="editor-tool-group">
        <ToolButton label={t('image')} onClick={() => onOpenDialog('image')} />
        <ToolButton label={t('embed')} onClick={() => onOpenDialog('embed')} />
        <ToolButton label={t('table')} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} />
      </span>
      {state.inTable ? (
        <span className="editor-tool-group">
          <ToolButton label={t('addRowAfter')} onClick={() => chain().addRowAfter().run()} />
          <ToolButton label={t('addColumnAfter')} onClick={() => chain().addColumnAfter().run()} />
          <ToolButton label={t('deleteRow')} onClick={() => chain().deleteRow().run()} />
          <ToolButton label={t('deleteColumn')} onClick={() => chain().deleteColumn().run()} />
          <ToolButton label={t('toggleHeaderRow')} onClick={() => chain().toggleHeaderRow().run()} />
          <ToolButton label={t('deleteTable')} onClick={() => chain().deleteTable().run()} />
        </span>
      ) : null}
      <span className="editor-tool-group">
        <ToolButton label={t('undo')} glyph="↶" disabled={!state.canUndo} onClick={() => chain().undo().run()} />
        <ToolButton label={t('redo')} glyph="↷" disabled={!state.canRedo} onClick={() => chain().redo().run()} />
      </span>
    </div>
  );
}
