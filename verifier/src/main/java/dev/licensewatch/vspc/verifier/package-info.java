/**
 * Verifies a live VSPC server against the contract the client relies on: the OpenAPI document the
 * build ships, the paging and authentication rules, the committed Pact file, and (given the
 * server's own definition) drift of {@code GetBackupServersLicenses}.
 *
 * <p>Start with {@link dev.licensewatch.vspc.verifier.ContractVerifier#builder()}; the result is a
 * {@link dev.licensewatch.vspc.verifier.VerificationReport} of named {@link
 * dev.licensewatch.vspc.verifier.Check}s, written as text, JSON or JUnit XML. Only GET requests are
 * sent to the licences collection.
 */
@NullMarked
package dev.licensewatch.vspc.verifier;

import org.jspecify.annotations.NullMarked;
