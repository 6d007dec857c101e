/**
 * The goals of {@code laconic-maven-plugin}, on the project's compiled template and its own class
 * path: {@code laconic:run} (the in-process DynamoDB, the template's tables and every stream
 * mapping, until Ctrl-C), {@code laconic:invoke} (one function, one event) and
 * {@code laconic:describe} (the application as one HTML page). See docs/maven-plugin.md.
 */
package dev.laconic.maven;
