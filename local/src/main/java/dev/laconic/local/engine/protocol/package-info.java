/**
 * The wire: DynamoDB's JSON 1.0 protocol over HTTP ({@link HttpEndpoint}), request members read
 * and refused as DynamoDB's request validation refuses them ({@link Json}), and the typed errors
 * a client receives ({@link ApiException}).
 *
 * <p>It knows no table, item or stream: the endpoint hands each request to the operations it is
 * given, so the rest of the engine uses this package and it uses none of the rest.
 */
package dev.laconic.local.engine.protocol;
