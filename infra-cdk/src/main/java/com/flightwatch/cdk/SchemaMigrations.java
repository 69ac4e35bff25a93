package com.flightwatch.cdk;

import com.flightwatch.cdk.exceptions.MissingBuildArtifactException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.CustomResource;
import software.constructs.Construct;

/**
 * The schema as a custom resource: CloudFormation invokes the migrator function (its service
 * token) on create, and on every deploy that changes the migrations, since their hash is a
 * property. A failed migration answers FAILED and rolls the deploy back. Whatever serves traffic
 * depends on this resource, so tables exist before the API does.
 */
public final class SchemaMigrations extends Construct {

    public static final String RESOURCE_TYPE = "Custom::SchemaMigrations";
    public static final String HASH_PROPERTY = "MigrationsHash";

    private final CustomResource resource;

    public SchemaMigrations(Construct scope, String id, FlightwatchSources sources, Functions functions, Database database) {
        super(scope, id);
        resource = CustomResource.Builder.create(this, "Resource")
                .resourceType(RESOURCE_TYPE)
                .serviceToken(functions.function(FlightwatchFunction.MIGRATOR).getFunctionArn())
                .properties(Map.of(HASH_PROPERTY, hashOf(sources.migrationsDirectory())))
                .build();
        resource.getNode().addDependency(database.instance());
    }

    public CustomResource resource() {
        return resource;
    }

    /** SHA-256 over the migration files' names and contents, in name order. */
    static String hashOf(Path migrationsDirectory) {
        try (Stream<Path> files = Files.list(migrationsDirectory)) {
            List<Path> migrations = files.filter(Files::isRegularFile).sorted().toList();
            if (migrations.isEmpty()) {
                throw new MissingBuildArtifactException("no migrations in " + migrationsDirectory);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path migration : migrations) {
                digest.update(migration.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(migration));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations in " + migrationsDirectory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
