import { getOctokit } from '@actions/github';
import type { Log } from '../log';

export interface CommentTarget {
  token: string;
  /** owner/repo */
  repository: string;
  number: number;
  /** Hidden text that identifies our comment among the others, e.g. `<!-- habitat-ecs-deploy:preview:web -->`. */
  marker: string;
}

/** At most this many pages of 100 comments are searched for ours: the loop is bounded. */
const MAX_PAGES = 10;

/**
 * Posts one comment on the pull request, or updates the one posted before (found by its marker),
 * so a preview keeps a single comment however many pushes it sees. The API is GITHUB_API_URL's
 * (GitHub Enterprise included). A failure to comment is a warning: the deploy itself happened.
 */
export async function upsertComment(target: CommentTarget, body: string, log: Log): Promise<void> {
  const [owner, repo] = target.repository.split('/');
  if (!owner || !repo) {
    log.warning(`cannot comment: "${target.repository}" is not owner/repo`);
    return;
  }
  const text = `${target.marker}\n${body}`;
  try {
    const octokit = getOctokit(target.token);
    let existing: number | undefined;
    for (let page = 1; page <= MAX_PAGES && existing === undefined; page++) {
      const { data } = await octokit.rest.issues.listComments({
        owner,
        repo,
        issue_number: target.number,
        per_page: 100,
        page,
      });
      existing = data.find((c) => c.body?.includes(target.marker))?.id;
      if (data.length < 100) break;
    }
    if (existing === undefined) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: target.number, body: text });
      log.info(`Commented on pull request #${target.number}`);
    } else {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing, body: text });
      log.info(`Updated the comment on pull request #${target.number}`);
    }
  } catch (e) {
    const status = (e as { status?: number }).status;
    const hint = status === 403 || status === 404 ? ' (does the token have pull-requests: write?)' : '';
    log.warning(
      `could not comment on pull request #${target.number}: ${e instanceof Error ? e.message : String(e)}${hint}`,
    );
  }
}
