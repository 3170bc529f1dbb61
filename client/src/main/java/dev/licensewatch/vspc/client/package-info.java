/**
 * The VSPC licensing client: {@link dev.licensewatch.vspc.client.VspcLicensingClient}, built with
 * its builder.
 *
 * <p>The public types are the API, and all of it: the client, its builder, {@link
 * dev.licensewatch.vspc.client.TokenProvider} and {@link dev.licensewatch.vspc.client.LicensePage};
 * the query builders {@link dev.licensewatch.vspc.client.LicenseQuery}, {@link
 * dev.licensewatch.vspc.client.Filter} and {@link dev.licensewatch.vspc.client.Sort}; the models
 * generated from the API document ({@link dev.licensewatch.vspc.client.BackupServerLicense}, its
 * extensible enumerations, {@link dev.licensewatch.vspc.client.PagingInfo}, {@link
 * dev.licensewatch.vspc.client.ResponseError}); {@link
 * dev.licensewatch.vspc.client.VspcEventListener} with its events; and the sealed {@link
 * dev.licensewatch.vspc.client.VspcException} family.
 *
 * <p>Everything else is package-private: the generated Retrofit interfaces and response envelopes
 * (they bypass retries and checks), the generated JSON adapters and their hand-written support
 * ({@code ModelJson}), paging, retries and decoding.
 */
@NullMarked
package dev.licensewatch.vspc.client;

import org.jspecify.annotations.NullMarked;
