import { useEffect, useRef } from 'react';
import { basicSetup } from 'codemirror';
import { sql, StandardSQL, type SQLNamespace } from '@codemirror/lang-sql';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { editorHighlighting, editorTheme } from './editor-theme';

export interface SqlEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
  /** Table name → column names, for completion. */
  schema: SQLNamespace;
}

/**
 * CodeMirror 6 with the SQL language: highlighting, table/column completion from the catalog, and
 * Ctrl/Cmd+Enter to run. The editor is created once; new values and schemas are pushed into it.
 */
export function SqlEditor({ value, onChange, onRun, schema }: SqlEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  // The editor's callbacks read the latest props through refs, so it never needs rebuilding.
  const latest = useRef({ onChange, onRun });
  latest.current = { onChange, onRun };

  useEffect(() => {
    const view = new EditorView({
      parent: hostRef.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          // Above basicSetup's own Mod-Enter (insert blank line), which would otherwise win.
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                preventDefault: true,
                run: () => {
                  latest.current.onRun();
                  return true;
                },
              },
            ]),
          ),
          language.current.of(sql({ dialect: StandardSQL, schema, upperCaseKeywords: true })),
          editorTheme,
          editorHighlighting,
          placeholder('SELECT … FROM …   (Ctrl/Cmd+Enter runs)'),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'SQL', 'data-testid': 'sql-input' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // Created once on purpose: value and schema changes arrive through the effects below.
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || view.state.doc.toString() === value) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: language.current.reconfigure(sql({ dialect: StandardSQL, schema, upperCaseKeywords: true })),
    });
  }, [schema]);

  return <div className="sql-editor" ref={hostRef} data-testid="sql-editor" />;
}
