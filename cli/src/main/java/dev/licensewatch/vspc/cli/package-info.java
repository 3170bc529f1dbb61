/** The {@code vspc-licenses} command line: see {@link dev.licensewatch.vspc.cli.Main}. */
@NullMarked
package dev.licensewatch.vspc.cli;

import org.jspecify.annotations.NullMarked;
