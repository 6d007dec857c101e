/**
 * PartiQL for DynamoDB: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction
 * ({@link PartiqlApi}). A statement is read by {@link PartiqlLexer} and {@link PartiqlParser} into
 * a {@link PartiqlTree}, held to DynamoDB's rules and compiled against its table by
 * {@link PartiqlCompiler} into a {@link PartiqlStatement}, whose WHERE clauses and SET actions are
 * the engine's own conditions and update expressions ({@link PartiqlExpressions}).
 *
 * <p>Only the operations are seen from outside; statements write through the tables as PutItem,
 * UpdateItem and DeleteItem do.
 */
package dev.laconic.local.engine.partiql;
