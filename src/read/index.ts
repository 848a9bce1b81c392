/** The read stage: article files -> decoded, cleaned Articles split into items and sentences. */
export type { Article, NewsItem, ReadFailure, Script, Sentence } from './types.ts';
export { readArticleBytes, readArticleFile, isReadFailure, articleKeyOf, MAX_FILE_BYTES } from './article.ts';
export { listInputFiles, ARTICLE_EXTENSIONS } from './files.ts';
export { cleanText, cleanDocument } from './clean.ts';
export { toSimplified, detectScript } from './script.ts';
export { resolveDate, findPublishedDate, findSourceNoteDate, leadingDateExpression, parseNumeral } from './dates.ts';
export { decodeBytes } from './decode.ts';
export { htmlToText, looksLikeHtml } from './html.ts';
export { readArticles, readAll } from './corpus.ts';
