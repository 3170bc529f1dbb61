/**
 * The release gates: the OpenAPI document against its last released version ({@link DocumentDiff},
 * on openapi-diff's model), the client's public API against its recorded list ({@link ApiSurface},
 * on japicmp's model), the changelog ({@link Changelog}), and the capture of a new baseline at
 * release time ({@link CaptureBaseline}).
 */
@NullMarked
package dev.licensewatch.vspc.release;

import org.jspecify.annotations.NullMarked;
