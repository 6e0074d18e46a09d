import {createHmac, randomBytes, randomUUID} from 'node:crypto';

/** How long a second post of the same form from the same address counts as the same post. */
export const SAME_POST_MS = 15 * 60_000;
/** Posts remembered at most: about 200 bytes each. */
const MAX_REMEMBERED = 10_000;

/** The id and time a post is stored under; `release` forgets it again when it was not stored. */
export interface Claim {
  id: string;
  at: Date;
  release: () => void;
}

/**
 * The no-script form's recent posts, so that the same form posted twice from the same address (a
 * double click on "Send", "back" and send again, a reload that posts again) is answered as the
 * duplicate it is instead of being stored twice. The widget's script gives each submission an id
 * of its own and sends it again under that id; a browser without the script posts what the
 * static markup holds, which is the same for every reader, so the receiver gives the second post
 * the first one's id and time, and the single store answers "duplicate".
 *
 * A post is known by a keyed hash of its fields and the address it came from, the key made at
 * start and never written anywhere: nothing here outlives the process or identifies anyone.
 * Another process of the same receiver (a PostgreSQL deployment with several) does not know the
 * post, and stores it again, as before this existed.
 */
export class RecentPosts {
  private readonly key = randomBytes(32);
  private readonly posts = new Map<string, {id: string; at: Date}>();

  /** The id and time `form` from `address` is stored under: the same post's, within SAME_POST_MS, else new ones. */
  claim(address: string, form: URLSearchParams, now: Date): Claim {
    const fields = [...form].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
    const print = createHmac('sha256', this.key).update(JSON.stringify([address, fields])).digest('base64url');
    const earlier = this.posts.get(print);
    if (earlier && now.getTime() - earlier.at.getTime() < SAME_POST_MS) return {...earlier, release: () => undefined};
    this.posts.delete(print);
    // Oldest first (a Map keeps insertion order): past the cap, the oldest go.
    for (const [old, post] of this.posts) {
      if (this.posts.size < MAX_REMEMBERED && now.getTime() - post.at.getTime() < SAME_POST_MS) break;
      this.posts.delete(old);
    }
    const post = {id: randomUUID(), at: now};
    this.posts.set(print, post);
    return {...post, release: () => this.posts.get(print) === post && this.posts.delete(print)};
  }
}
