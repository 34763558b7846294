// @ts-check
/**
 * The pull request's plan comments, kept one per marker and updated in place on every push. Plain JavaScript
 * because actions/github-script loads it: `await require("./scripts/sticky-comment.js").upsert({ github, context, core }, body)`.
 * The bodies (and their hidden markers) are written by scripts/plan-comment.ts.
 */

/** The first line of every body, e.g. `<!-- commune-infra-plan province=binh-thuan -->`. */
const markerOf = (/** @type {string} */ body) => body.split("\n", 1)[0];
const PROVINCE_MARKER = /^<!-- commune-infra-plan province=([a-z0-9-]+) -->$/;

/**
 * @typedef {{ id: number; body?: string; html_url?: string; user?: { type?: string } | null }} Comment
 * @typedef {{ github: any; context: any; core: { info(message: string): void } }} Script
 */

/** The bot's comments on this pull request. @returns {Promise<Comment[]>} */
async function botComments(/** @type {Script} */ { github, context }) {
  const { owner, repo } = context.repo;
  /** @type {Comment[]} */
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: context.issue.number, per_page: 100 });
  return comments.filter((comment) => comment.user?.type === "Bot");
}

/** Updates the bot's comment that starts with the same marker as `body`, or creates it. */
async function upsert(/** @type {Script} */ script, /** @type {string} */ body) {
  const { github, context, core } = script;
  const { owner, repo } = context.repo;
  const marker = markerOf(body);
  const existing = (await botComments(script)).find((comment) => comment.body !== undefined && markerOf(comment.body) === marker);
  if (existing) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    core.info(`updated comment ${existing.html_url}`);
  } else {
    const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: context.issue.number, body });
    core.info(`created comment ${data.html_url}`);
  }
}

/**
 * Says so in the comment of every province an earlier push planned and this one no longer changes, so that no
 * outdated plan is left standing.
 */
async function retireProvinces(/** @type {Script} */ script, /** @type {string[]} */ changedProvinces) {
  const { github, context, core } = script;
  const { owner, repo } = context.repo;
  for (const comment of await botComments(script)) {
    const marker = markerOf(comment.body ?? "");
    const province = PROVINCE_MARKER.exec(marker)?.[1];
    if (!province || changedProvinces.includes(province)) continue;
    const body = `${marker}\n### Terraform plan — ${province}\n\nThis pull request no longer changes any stack of ${province}: nothing to plan.\n`;
    if (comment.body === body) continue;
    await github.rest.issues.updateComment({ owner, repo, comment_id: comment.id, body });
    core.info(`marked ${comment.html_url} as no longer planned`);
  }
}

module.exports = { upsert, retireProvinces };
