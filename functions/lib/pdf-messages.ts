/** The words for the CV inspection in `pdf.ts`: to the applicant when a file is refused, to staff when it passed. */
import type { PdfCheck, PdfRefusal } from './pdf';

/** To the applicant: what was found, and how to make a PDF that passes (the way most people make one). */
export const pdfRefusalMessages: Record<PdfRefusal, string> = {
  not_pdf:
    '添付されたファイルは、PDFとして読み取れませんでした。職務経歴書を文書作成ソフトの「PDFとして保存」や「印刷→PDF」でPDFにして、もう一度添付してください',
  polyglot:
    '添付されたファイルに、PDF以外の形式（ウェブページなど）のデータが含まれているため、受け付けられません。文書作成ソフトの「PDFとして保存」や「印刷→PDF」で作成したPDFを添付してください',
  malformed:
    '添付されたPDFは、壊れているか、保存が途中で終わっている可能性があるため、内容を確認できませんでした。元の文書から「PDFとして保存」や「印刷→PDF」でもう一度作成して、添付してください',
  encrypted:
    '添付されたPDFには、パスワードや印刷・編集の制限（暗号化）が設定されているため、内容を確認できず受け付けられません。パスワードや制限を設定せずに保存し直したPDFを添付してください',
  active_content:
    '添付されたPDFに、自動で動作する仕組み（JavaScript など）・ほかのファイルやプログラムを開く仕組み・埋め込まれたファイル・特殊な入力フォームが含まれているため、受け付けられません。印刷用のPDF（「PDFとして保存」や「印刷→PDF」で作成したもの）を添付してください',
  bomb: '添付されたPDFに、開くと極端に大きく展開されるデータが含まれているため、安全に確認できず受け付けられません。「PDFとして保存」や「印刷→PDF」で作成し直したPDFを添付してください。画像が多い場合は、画像を小さくしてから保存してください',
};

/** For staff, beside an accepted CV: what was checked before it was stored. */
export const pdfCheckedSummary =
  'PDFの形式、HTML・SVGとの多重形式、暗号化、JavaScript・自動実行・外部プログラムの起動・埋め込みファイル・XFAフォームの有無（圧縮部分も）、リンク先の種類、圧縮爆弾を確認済み';

/** For staff, one line per check (the `checks` of an accepted verdict, in that order). */
export const pdfCheckLabels: Record<PdfCheck, string> = {
  pdf_header: 'PDFの形式であること（先頭が %PDF-）',
  html_polyglot: 'ウェブページ（HTML・SVG）を兼ねたファイルでないこと',
  structure: 'ファイルが途中で切れたり壊れたりしていないこと',
  encryption: 'パスワードや暗号化が設定されていないこと',
  active_content: 'JavaScript、外部のファイルやプログラムの起動、埋め込みファイル、XFAフォームが含まれていないこと',
  object_streams: '圧縮されたオブジェクトの中にも、上記が含まれていないこと',
  decompression_bomb: '展開すると極端に大きくなるデータ（圧縮爆弾）が含まれていないこと',
  automatic_actions: '開いたときなどに自動で動く操作が、文書内の移動だけであること',
  link_targets: 'リンク先がウェブページ（http・https）、メール、電話だけであること',
};
