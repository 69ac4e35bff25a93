package com.flightwatch.platform.lambdaapi;

import java.nio.file.Path;

/**
 * A function's code on disk.
 *
 * @param sha256 SHA-256 of the file, base64 (Lambda's {@code CodeSha256})
 */
public record StoredCode(Path path, String sha256, long size) {
}
