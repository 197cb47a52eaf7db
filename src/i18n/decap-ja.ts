/**
 * The phrases Decap CMS's Japanese locale lacks (it falls back to English: 「Add 職務内容」, "Expand", "Set 締切日 to
 * now"…), in Japanese. src/scripts/cms-setup.ts merges them into Decap's own `ja` phrases; tests/unit/decap-locale.test.ts
 * fails when a Decap update adds a phrase that is missing from both.
 */
export const decapJaAdditions = {
  auth: { loginWithForgejo: 'Forgejo でログインする' },
  collection: {
    collectionTop: { viewAsList: '一覧で表示', viewAsGrid: 'タイルで表示' },
    entries: { unpublishedHeader: '未公開のエントリ' },
  },
  editor: {
    editorControl: { field: { widgetLabel: '%{widgetLabel} の欄' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'ほかの言語から入力する',
        copyFromLocaleConfirm: '%{locale} の内容を入力しますか？\n今の内容はすべて上書きされます。',
      },
    },
    editorInterface: { toggleNotes: 'メモの表示・非表示' },
    editorNotesPane: {
      title: 'メモ',
      emptyState: 'メモはまだありません。下の欄から最初のメモを追加できます。',
      addNote: 'メモを追加',
      addPlaceholder: 'メモを入力…',
      editPlaceholder: 'メモを編集…',
      save: '保存',
      cancel: 'キャンセル',
      edit: '編集',
      delete: '削除',
      resolve: '解決済みにする',
      unresolve: '未解決に戻す',
      confirmDelete: 'このメモを削除しますか？',
      shortcut: 'Ctrl+Enter でもメモを追加できます',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '取り消し線',
        toggleMode: { rich: 'リッチテキストに切り替える', markdown: 'Markdown に切り替える' },
      },
      image: { chooseMultiple: '画像を選ぶ', addMore: '画像を追加', removeAll: '画像をすべて外す' },
      file: { chooseMultiple: 'ファイルを選ぶ', addMore: 'ファイルを追加', removeAll: 'ファイルをすべて外す' },
      // Decap fills %{fieldLabel} with the field's name (closesOn), not its label: left out.
      datetime: { setToNow: 'この欄を今の日時にする' },
      list: { add: '%{item}を追加', addType: '%{item}を追加' },
      object: { expand: '開く', collapse: '閉じる' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '閉じる' } },
  ui: {
    settingsDropdown: { account: 'アカウントのメニュー' },
    toast: {
      noteAdded: 'メモを追加しました',
      onFailToAddNote: 'メモを追加できませんでした：%{details}',
      noteUpdated: 'メモを更新しました',
      onFailToUpdateNote: 'メモを更新できませんでした：%{details}',
      noteDeleted: 'メモを削除しました',
      onFailToDeleteNote: 'メモを削除できませんでした：%{details}',
      noteResolved: 'メモを解決済みにしました',
      noteReopened: 'メモを未解決に戻しました',
      onFailToToggleNote: 'メモの状態を変えられませんでした：%{details}',
    },
  },
};

type Phrases = { [key: string]: string | Phrases };

/** `base` with `extra` filled in at every depth (a phrase `base` has is kept). */
export function withPhrases(base: Phrases, extra: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const have = out[key];
    if (typeof value === 'string') out[key] = have ?? value;
    else out[key] = withPhrases(typeof have === 'object' ? have : {}, value);
  }
  return out;
}
