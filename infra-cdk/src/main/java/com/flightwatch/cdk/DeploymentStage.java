package com.flightwatch.cdk;

import com.flightwatch.cdk.exceptions.InvalidContextException;
import java.util.Locale;
import software.amazon.awscdk.RemovalPolicy;
import software.constructs.Node;

/**
 * {@code -c stage=dev|prod}: what happens to the data when the stack goes. dev destroys cleanly
 * (no deletion protection, nothing retained); prod keeps the database behind deletion protection
 * and leaves a final snapshot if it is ever deleted.
 */
public enum DeploymentStage {
    DEV(RemovalPolicy.DESTROY, false),
    PROD(RemovalPolicy.SNAPSHOT, true);

    public static final String CONTEXT_KEY = "stage";

    private final RemovalPolicy databaseRemovalPolicy;
    private final boolean deletionProtection;

    DeploymentStage(RemovalPolicy databaseRemovalPolicy, boolean deletionProtection) {
        this.databaseRemovalPolicy = databaseRemovalPolicy;
        this.deletionProtection = deletionProtection;
    }

    /** From the app's context; dev when unset. */
    public static DeploymentStage fromContext(Node node) {
        Object value = node.tryGetContext(CONTEXT_KEY);
        if (value == null) {
            return DEV;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "dev" -> DEV;
            case "prod" -> PROD;
            default -> throw new InvalidContextException("-c " + CONTEXT_KEY + "=" + value
                    + " is not a stage: use -c stage=dev or -c stage=prod");
        };
    }

    public RemovalPolicy databaseRemovalPolicy() {
        return databaseRemovalPolicy;
    }

    /** Everything that is not the database (logs, queues) follows the stage too: prod keeps it. */
    public RemovalPolicy dataRemovalPolicy() {
        return this == PROD ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    }

    public boolean deletionProtection() {
        return deletionProtection;
    }

    public String contextValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
