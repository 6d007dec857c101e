/**
 * DynamoDB's expressions: {@link ExpressionParser} reads condition, filter, key condition,
 * projection and update expressions, with their placeholders ({@link ExpressionContext}), into
 * {@link Condition}s, {@link Operand}s, {@link DocumentPath}s, a {@link KeyCondition}, a
 * {@link Projection} or an {@link UpdateExpression}, which are then evaluated against items.
 *
 * <p>The operations and PartiQL build their conditions and updates from these types, so an item
 * is tested and changed the same way whichever API asked.
 */
package dev.laconic.local.engine.expression;
