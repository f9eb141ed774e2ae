/** Runnable examples of mmm4j; JShell scripts are in {@code examples/jshell}. */
package io.github.mmm4j.examples;
