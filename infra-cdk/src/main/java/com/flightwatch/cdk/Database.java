package com.flightwatch.cdk;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.MySqlInstanceEngineProps;
import software.amazon.awscdk.services.rds.MysqlEngineVersion;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * RDS for MySQL, pinned to a full engine version (the SQL stays in the MySQL 8 / MariaDB subset
 * the local platform also runs), in the isolated subnets, encrypted, never public, with daily
 * backups. Its credentials are generated into Secrets Manager; the functions get the secret's ARN,
 * never the password.
 */
public final class Database extends Construct {

    public static final String DATABASE_NAME = "flightwatch";
    static final String MASTER_USERNAME = "flightwatch";
    static final int BACKUP_RETENTION_DAYS = 7;

    private final DatabaseInstance instance;

    public Database(Construct scope, String id, Network network, DeploymentStage stage) {
        super(scope, id);
        instance = DatabaseInstance.Builder.create(this, "Instance")
                .engine(DatabaseInstanceEngine.mysql(MySqlInstanceEngineProps.builder()
                        .version(MysqlEngineVersion.VER_8_4_10)
                        .build()))
                // The smallest Graviton class: enough for SMS alert volumes, about the price of a coffee a week.
                .instanceType(InstanceType.of(InstanceClass.BURSTABLE4_GRAVITON, InstanceSize.MICRO))
                .vpc(network.vpc())
                .vpcSubnets(network.isolatedSubnets())
                .securityGroups(List.of(network.databaseSecurityGroup()))
                .credentials(Credentials.fromGeneratedSecret(MASTER_USERNAME))
                .databaseName(DATABASE_NAME)
                .allocatedStorage(20)
                .storageType(StorageType.GP3)
                .storageEncrypted(true)
                .publiclyAccessible(false)
                .multiAz(stage == DeploymentStage.PROD)
                .backupRetention(Duration.days(BACKUP_RETENTION_DAYS))
                .deletionProtection(stage.deletionProtection())
                .removalPolicy(stage.databaseRemovalPolicy())
                .build();
        Nag.accept(instance, "AwsSolutions-RDS11", "A non-default port hides nothing here: the instance is in"
                + " isolated subnets and admits only two security groups; the functions read the port from the secret");
        Nag.accept(instance, "AwsSolutions-SMG4", "The functions cache the secret for the life of a"
                + " Lambda instance; rotation needs them to re-read it on an authentication failure first (a later change)");
    }

    public DatabaseInstance instance() {
        return instance;
    }

    public ISecret secret() {
        return instance.getSecret();
    }
}
