// A forward proxy asking for Basic authentication, for tests/Pester/Proxy.Tests.ps1: the npm package
// `proxy` (pinned in package.json and package-lock.json, installed with `npm ci`) on 127.0.0.1 and a
// free port. The user and password come from PROXY_USER and PROXY_PASSWORD (never the command line);
// every request it is asked (plain requests and CONNECT tunnels) is appended to PROXY_LOG as one JSON
// line {method, url, authorized}. It prints {"port": N} when it listens, and exits when its standard
// input closes, so it never outlives the test that started it.
import http from 'node:http';
import fs from 'node:fs';
import { createProxy } from 'proxy';

const expected = 'Basic ' + Buffer.from(`${process.env.PROXY_USER}:${process.env.PROXY_PASSWORD}`).toString('base64');
const log = process.env.PROXY_LOG;

const server = createProxy(http.createServer());
server.authenticate = (req) => {
  const authorized = req.headers['proxy-authorization'] === expected;
  fs.appendFileSync(log, JSON.stringify({ method: req.method, url: req.url, authorized }) + '\n');
  return authorized;
};
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: server.address().port })));

process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
