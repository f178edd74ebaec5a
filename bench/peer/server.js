// The peer of bench/query.sh: the Neo4j GraphQL Library (@neo4j/graphql 7) on Apollo
// Server, over the same Neo4j as factgraph, with type definitions for factgraph's model
// (typedefs.graphql). Listens on 127.0.0.1 only.
//
// Environment: NEO4J_URI, NEO4J_USER [neo4j], NEO4J_PASSWORD, PEER_PORT [4000],
// PEER_POOL [100] (the driver's connection pool, as factgraph's).
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typedefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(
  process.env.NEO4J_URI || "bolt://127.0.0.1:7687",
  neo4j.auth.basic(process.env.NEO4J_USER || "neo4j", process.env.NEO4J_PASSWORD || ""),
  { maxConnectionPoolSize: Number(process.env.PEER_POOL || 100) },
);
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const schema = await neoSchema.getSchema();
if (process.argv.includes("--print-schema")) {
  const { printSchema } = await import("graphql");
  console.log(printSchema(schema));
  await driver.close();
  process.exit(0);
}
const server = new ApolloServer({ schema });
const port = Number(process.env.PEER_PORT || 4000);
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port } });
console.error(`peer: @neo4j/graphql on ${url}`);
const stop = async () => { await server.stop(); await driver.close(); process.exit(0); };
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
