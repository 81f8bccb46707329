import type { DiffPart } from '@/domain/revision-diff';

interface DiffTextProps {
  parts: DiffPart[];
  insertedLabel: string;
  deletedLabel: string;
  className?: string;
}

/**
 * Insertions and deletions as <ins>/<del>; colour is not the only cue (underline, strike-through,
 * and a hidden word for screen readers, which do not announce ins/del by default).
 */
export function DiffText({ parts, insertedLabel, deletedLabel, className }: DiffTextProps) {
  return (
    <div className={`editor-diff ${className ?? ''}`}>
      {parts.map((part, i) =>
        part.kind === 'added' ? (
          <ins key={i}>
            <span className="sr-only">[{insertedLabel}: </span>
            {part.value}
            <span className="sr-only">]</span>
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={i}>
            <span className="sr-only">[{deletedLabel}: </span>
            {part.value}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </div>
  );
}
