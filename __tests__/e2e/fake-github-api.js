// A stand-in for the few GitHub endpoints the action calls to keep one pull request comment:
// list, create and update issue comments, and who a token belongs to (GraphQL `viewer`, and REST
// `GET /user`, which GitHub refuses to installation tokens). Run as its own process (the action
// under test runs synchronously), on loopback only; it prints its port, records every request to
// the file named by its first argument, and stops by itself after 10 minutes at most.
//
// Tokens, as `Authorization: token <t>` or `Bearer <t>`, name their account as GitHub would:
//   ghp_<login>           a personal access token of the user <login> (comments by <login>)
//   ghs_app_<slug>_<any>  an installation token of the GitHub App <slug>: comments by <slug>[bot]
//   ghs_<any other>       an installation token of the app GITHUB_TOKEN belongs to: github-actions[bot]
// Anything else is refused with 401, as GitHub refuses a bad token.
const http = require('node:http');
const fs = require('node:fs');

const log = process.argv[2];
const comments = [];
let nextId = 1000;

/** The account a token acts as: { login, type, app }, or undefined for a token GitHub would refuse. */
function account(authorization) {
  const token = /^(?:token|bearer) (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const user = /^ghp_([A-Za-z0-9-]+)$/.exec(token);
  if (user) return { login: user[1], type: 'User', app: false };
  const app = /^ghs_app_([a-z0-9-]+)_/.exec(token);
  if (app) return { login: `${app[1]}[bot]`, type: 'Bot', app: true };
  if (token.startsWith('ghs_')) return { login: 'github-actions[bot]', type: 'Bot', app: true };
  return undefined;
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    fs.appendFileSync(
      log,
      `${JSON.stringify({ method: req.method, url: req.url, auth: req.headers.authorization ?? '', body })}\n`,
    );
    const url = new URL(req.url, 'http://x');
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname);
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname);
    const send = (status, value) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const me = account(req.headers.authorization);
    if (!me) return send(401, { message: 'Bad credentials' });
    const author = { login: me.login, type: me.type };
    if (url.pathname === '/user' && req.method === 'GET') {
      if (me.app) return send(403, { message: 'Resource not accessible by integration' });
      return send(200, { login: me.login, type: me.type });
    }
    if (url.pathname === '/graphql' && req.method === 'POST') {
      const { query } = JSON.parse(body);
      if (!/\bviewer\s*{\s*login\s*}/.test(query)) return send(200, { errors: [{ message: 'unsupported' }] });
      return send(200, { data: { viewer: { login: me.login } } });
    }
    if (list && req.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      return send(200, page === 1 ? comments.filter((c) => c.issue === Number(list[3])) : []);
    }
    if (list && req.method === 'POST') {
      const comment = { id: nextId++, issue: Number(list[3]), user: author, body: JSON.parse(body).body };
      comments.push(comment);
      return send(201, comment);
    }
    if (one && req.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(one[3]));
      if (!comment) return send(404, { message: 'Not Found' });
      // As on GitHub, a token with write access may edit anyone's comment: ownership is the action's check.
      comment.body = JSON.parse(body).body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
setTimeout(() => process.exit(0), 10 * 60 * 1000).unref();
