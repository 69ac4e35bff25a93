package com.flightwatch.migrator;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom resource's logic: Create and Update migrate the schema (a change of the resource's
 * properties, such as the migrations' hash, is what makes CloudFormation send an Update on a
 * deploy); Delete leaves the data alone. Every outcome, failures included, becomes an answer:
 * an exception that escaped would leave CloudFormation waiting for an hour.
 */
public final class MigrationResource {

    /** One schema per stack: the id stays the same, so an Update never replaces (and deletes) it. */
    static final String PHYSICAL_ID = "flightwatch-schema";
    static final int MAX_REASON_LENGTH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(MigrationResource.class);

    private final SchemaMigration migration;

    public MigrationResource(SchemaMigration migration) {
        this.migration = migration;
    }

    public CustomResourceResponse handle(CloudFormationCustomResourceEvent event) {
        String requestType = String.valueOf(event.getRequestType());
        return switch (requestType) {
            case "Create", "Update" -> migrate(event);
            case "Delete" -> answer(event, CustomResourceResponse.SUCCESS, "Nothing to do: the data outlives the stack's resource",
                    Map.of());
            default -> answer(event, CustomResourceResponse.FAILED, "Unknown RequestType " + requestType, Map.of());
        };
    }

    private CustomResourceResponse migrate(CloudFormationCustomResourceEvent event) {
        try {
            String version = migration.migrate();
            LOG.info("{}: schema at version {}", event.getRequestType(), version);
            return answer(event, CustomResourceResponse.SUCCESS, "Schema at version " + version,
                    Map.of("SchemaVersion", String.valueOf(version)));
        } catch (RuntimeException e) {
            LOG.error("{}: migration failed", event.getRequestType(), e);
            return answer(event, CustomResourceResponse.FAILED, reason(e), Map.of());
        }
    }

    private static CustomResourceResponse answer(CloudFormationCustomResourceEvent event, String status, String reason,
            Map<String, String> data) {
        String physicalId = event.getPhysicalResourceId() != null ? event.getPhysicalResourceId() : PHYSICAL_ID;
        return new CustomResourceResponse(status, reason, physicalId, event.getStackId(), event.getRequestId(),
                event.getLogicalResourceId(), data);
    }

    /** The deepest cause names the failing migration or the SQL error; CloudFormation caps the reason's size. */
    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder("Migration failed: ").append(failure.getClass().getSimpleName())
                .append(": ").append(failure.getMessage());
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure) {
            reason.append(" (cause: ").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        return reason.length() <= MAX_REASON_LENGTH ? reason.toString() : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
