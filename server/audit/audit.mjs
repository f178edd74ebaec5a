// Runs graphql-http's server audit suite (the GraphQL-over-HTTP spec's MUST, SHOULD and
// MAY checks) against a running factgraph server and prints one line per audit, as JSON
// lines, for TestGraphQLHTTPAudit (server/audit_test.go) to judge:
//
//   node audit.mjs http://127.0.0.1:8080/graphql
//
// Exits 0 when every audit ran (whatever their status), 2 on bad usage, 1 on a crash.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <url of /graphql>');
  process.exit(2);
}
const results = await auditServer({ url });
for (const r of results) {
  const line = { id: r.id, name: r.name, status: r.status };
  if (r.status !== 'ok') {
    line.reason = r.reason;
    try {
      line.response = `${r.response.status} ${await r.response.clone().text()}`.slice(0, 500);
    } catch {
      // the body was read by the audit already
    }
  }
  console.log(JSON.stringify(line));
}
