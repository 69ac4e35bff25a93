package com.flightwatch.platform.lambdaapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The code uploaded through the Lambda API ({@code ZipFile}), one file per version under
 * {@code <root>/<function>/<sha256>.jar}. A new version never overwrites the one running
 * instances loaded from, so {@code UpdateFunctionCode} lets them finish on the old code; a
 * function's files go when the function is deleted. Plain files only: no database involved.
 */
public final class FunctionCodeStore {

    private final Path root;

    /** @param root a directory of the platform's data directory ({@code <data-dir>/functions}) */
    public FunctionCodeStore(Path root) {
        this.root = root;
    }

    /**
     * Validates that {@code zip} is a readable zip or jar with at least one entry, then writes it.
     *
     * @throws InvalidParameterValueException naming {@code Code.ZipFile} when it is not
     */
    public StoredCode store(String functionName, byte[] zip) {
        requireReadableZip(zip);
        byte[] digest = sha256().digest(zip);
        Path directory = root.resolve(functionName);
        Path file = directory.resolve(HexFormat.of().formatHex(digest) + ".jar");
        try {
            Files.createDirectories(directory);
            if (!Files.exists(file)) {
                Path partial = Files.createTempFile(directory, "upload-", ".part");
                Files.write(partial, zip);
                moveIntoPlace(partial, file);
            }
        } catch (IOException e) {
            throw new FunctionCodeStorageException("Could not store the code of function " + functionName + " in " + directory, e);
        }
        return new StoredCode(file, Base64.getEncoder().encodeToString(digest), zip.length);
    }

    /** Removes every stored version of the function's code; running instances keep their open files. */
    public void deleteAll(String functionName) {
        Path directory = root.resolve(functionName);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new FunctionCodeStorageException("Could not delete the code of function " + functionName + " in " + directory, e);
        }
    }

    /** Describes code the API did not upload (a stack function's asset): its hash and size, 0 and the empty hash for a directory. */
    public static StoredCode describe(Path codePath) {
        MessageDigest digest = sha256();
        long size = 0;
        if (codePath != null && Files.isRegularFile(codePath)) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(codePath), digest)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new FunctionCodeStorageException("Could not read the code at " + codePath, e);
            }
        }
        return new StoredCode(codePath, Base64.getEncoder().encodeToString(digest.digest()), size);
    }

    private static void requireReadableZip(byte[] zip) {
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries++;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable();
        }
        if (entries == 0) {
            throw unreadable();
        }
    }

    private static InvalidParameterValueException unreadable() {
        return new InvalidParameterValueException("Code.ZipFile",
                "Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    private static void moveIntoPlace(Path partial, Path file) throws IOException {
        try {
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
