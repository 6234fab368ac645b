import { invalidArgument } from "./errors.js";
import type { Page, PageOptions } from "./types.js";

const MAX_PAGE_SIZE = 100;

/**
 * Every item of a list endpoint, following `next_cursor`: `for await (const x of list)`,
 * `await list.toArray()`, or page by page with `list.pages()`. Nothing is fetched until
 * you iterate; `limit` caps the items in all, `pageSize` the items per request.
 */
export class Paginator<T> implements AsyncIterable<T> {
  private readonly limit: number | null;
  private readonly pageSize: number;

  constructor(
    private readonly fetchPage: (cursor: string | null, pageSize: number) => Promise<Page<T>>,
    options: PageOptions = {},
  ) {
    const { limit, pageSize } = options;
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw invalidArgument("limit must be a positive integer");
    if (pageSize !== undefined && (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw invalidArgument(`pageSize must be an integer between 1 and ${MAX_PAGE_SIZE}`);
    }
    this.limit = limit ?? null;
    this.pageSize = pageSize ?? Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  }

  /** The pages, as the server sends them (the last one trimmed to `limit`). */
  async *pages(): AsyncGenerator<Page<T>> {
    let cursor: string | null = null;
    let seen = 0;
    for (;;) {
      const page: Page<T> = await this.fetchPage(cursor, this.pageSize);
      const room = this.limit === null ? page.data.length : this.limit - seen;
      const data = page.data.slice(0, room);
      seen += data.length;
      const more = page.has_more && !!page.next_cursor && page.next_cursor !== cursor && (this.limit === null || seen < this.limit);
      yield { ...page, data, has_more: more ? true : page.has_more && data.length === page.data.length };
      if (!more) return;
      cursor = page.next_cursor;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Fetches every remaining item (up to `limit`) into an array. */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }

  /** Only the first page. */
  async firstPage(): Promise<Page<T>> {
    return (await this.pages().next()).value as Page<T>;
  }
}
