// A stand-in for the few GitHub REST endpoints the action calls to keep one pull request
// comment: list, create and update issue comments. Run as its own process (the action under
// test runs synchronously), on loopback only; it prints its port, records every request to the
// file named by its first argument, and stops by itself after 10 minutes at most.
const http = require('node:http');
const fs = require('node:fs');

const log = process.argv[2];
const comments = [];
let nextId = 1000;

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
    if (list && req.method === 'GET') {
      const page = Number(url.searchParams.get('page') ?? '1');
      return send(200, page === 1 ? comments.filter((c) => c.issue === Number(list[3])) : []);
    }
    if (list && req.method === 'POST') {
      const comment = { id: nextId++, issue: Number(list[3]), body: JSON.parse(body).body };
      comments.push(comment);
      return send(201, comment);
    }
    if (one && req.method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(one[3]));
      if (!comment) return send(404, { message: 'Not Found' });
      comment.body = JSON.parse(body).body;
      return send(200, comment);
    }
    send(404, { message: 'Not Found' });
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
setTimeout(() => process.exit(0), 10 * 60 * 1000).unref();
