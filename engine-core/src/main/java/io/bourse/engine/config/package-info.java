/**
 * Exchange configuration: assets and symbols in engine units, validated at load so that no accepted order can
 * overflow a long, and the HOCON loader that builds them. Used by the engine, the gateway and the sidecar.
 */
package io.bourse.engine.config;
