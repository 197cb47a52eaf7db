/**
 * Checks across the plan's initiative files that one file's schema cannot see. Each problem names the files, the
 * field and what to do, in Japanese, so the build stops with a message a recruiter can act on.
 */

export interface InitiativeCell {
  /** e.g. content/plan/initiatives/08-specialists.md */
  file: string;
  number: number;
  pillar: string;
  planPoints: readonly string[];
  sharesCellWith?: number | undefined;
}

/**
 * Two initiatives the plan summary writes in one cell (8 and 9, 11 and 12, 14 and 15) say so of each other, belong to
 * the same pillar and carry the same points: the plan page shows those points once, under the lower number.
 */
export function sharedCellProblems(entries: readonly InitiativeCell[]): string[] {
  const problems: string[] = [];
  const byNumber = new Map(entries.map((e) => [e.number, e]));
  for (const e of entries) {
    if (e.sharesCellWith === undefined) continue;
    const other = byNumber.get(e.sharesCellWith);
    const field = `${e.file} の sharesCellWith（${e.sharesCellWith}）`;
    if (e.sharesCellWith === e.number) {
      problems.push(`${field}が自分自身の番号です。同じ欄にまとめて書かれている、もう一つの取組の番号にしてください。`);
    } else if (!other) {
      problems.push(`${field}：取組${e.sharesCellWith}のファイルがありません。`);
    } else if (other.sharesCellWith !== e.number) {
      problems.push(`${field}：${other.file} にも sharesCellWith: ${e.number} と書いてください（同じ欄の2つの取組は、お互いを指します）。`);
    } else if (e.number < other.number) {
      // Each pair once, from its lower number.
      if (other.pillar !== e.pillar) problems.push(`${e.file} と ${other.file} は同じ欄にあるので、同じ柱（pillar）にしてください。`);
      if (other.planPoints.join('\n') !== e.planPoints.join('\n'))
        problems.push(`${e.file} と ${other.file} は同じ欄にあるので、プランの記載（planPoints）を同じにしてください。`);
    }
  }
  return problems;
}
