/**
 * The client users call: {@link dev.licensewatch.vspc.client.VspcLicensingClient}, built with its
 * builder, on top of the generated Retrofit interface and models.
 *
 * <p>Public types: the client and its builder, {@link dev.licensewatch.vspc.client.LicensePage},
 * {@link dev.licensewatch.vspc.client.TokenProvider}, {@link
 * dev.licensewatch.vspc.client.VspcEventListener} with its {@link
 * dev.licensewatch.vspc.client.ContractViolation} and {@link dev.licensewatch.vspc.client.Drift}
 * events, and the {@link dev.licensewatch.vspc.client.VspcException} family. Everything else is
 * package-private.
 */
@NullMarked
package dev.licensewatch.vspc.client;

import org.jspecify.annotations.NullMarked;
