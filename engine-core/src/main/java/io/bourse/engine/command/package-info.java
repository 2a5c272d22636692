/**
 * What the engine is told: helpers that encode commands with the generated SBE codecs and read fixed-length ASCII
 * fields in place. Used by the gateway, tests, benchmarks and tools.
 */
package io.bourse.engine.command;
