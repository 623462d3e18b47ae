// Posts the `npm run diff` markdown report on a pull request, or updates the
// comment it posted before (found by a marker line), so a pull request has
// one API review comment however often it is pushed to. Called from the
// workflow .github/workflows/api-review.yml through actions/github-script,
// with its authenticated Octokit (`github`) and event `context`.

export const MARKER = '<!-- astra-control-sdk: npm run diff -->';
/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_BODY = 65_000;

export function commentBody(report) {
  let body = `${MARKER}\n${report}`;
  if (body.length > MAX_BODY) {
    body = `${body.slice(0, MAX_BODY)}\n\n… (cut at ${MAX_BODY} characters: the whole report is in the job summary)\n`;
  }
  return body;
}

/** Creates or updates the comment; returns what it did. */
export async function postReport({ github, context, report }) {
  const { owner, repo } = context.repo;
  const issue_number = context.payload.pull_request.number;
  const body = commentBody(report);
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const previous = comments.find((c) => typeof c.body === 'string' && c.body.startsWith(MARKER));
  if (previous) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
    return { action: 'updated', id: previous.id };
  }
  const created = await github.rest.issues.createComment({ owner, repo, issue_number, body });
  return { action: 'created', id: created.data.id };
}
