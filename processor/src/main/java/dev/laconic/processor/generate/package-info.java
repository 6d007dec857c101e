/**
 * Generates the handler adapters: one class per function, in the handler's package, that Lambda
 * instantiates and that calls the user's method without reflection. Only models that passed
 * validation reach this package.
 */
package dev.laconic.processor.generate;
