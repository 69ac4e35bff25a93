package com.flightwatch.cdk;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * A VPC over two AZs with isolated subnets only: no internet gateway, no NAT gateway (the largest
 * fixed cost of a small VPC). The functions reach AWS through endpoints instead: interface
 * endpoints for SNS (alerts, SMS) and Secrets Manager (the database secret), and a free gateway
 * endpoint for S3, which the migrator's custom resource answers CloudFormation through.
 */
public final class Network extends Construct {

    static final int AZ_COUNT = 2;
    static final int MYSQL_PORT = 3306;

    private final Vpc vpc;
    private final SecurityGroup functions;
    private final SecurityGroup migrator;
    private final SecurityGroup database;

    public Network(Construct scope, String id) {
        super(scope, id);
        vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(AZ_COUNT)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("isolated")
                        .subnetType(SubnetType.PRIVATE_ISOLATED)
                        .cidrMask(24)
                        .build()))
                .build();
        // Rejected traffic only: what a wrong security group rule looks like, at a few cents a month.
        vpc.addFlowLog("RejectedTraffic", FlowLogOptions.builder()
                .trafficType(FlowLogTrafficType.REJECT)
                .destination(FlowLogDestination.toCloudWatchLogs(LogGroup.Builder.create(this, "FlowLogs")
                        .retention(RetentionDays.ONE_MONTH)
                        .removalPolicy(RemovalPolicy.DESTROY)
                        .build()))
                .build());
        vpc.addGatewayEndpoint("S3Endpoint", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3)
                .subnets(List.of(isolatedSubnets()))
                .build());
        interfaceEndpoint("SnsEndpoint", InterfaceVpcEndpointAwsService.SNS);
        interfaceEndpoint("SecretsManagerEndpoint", InterfaceVpcEndpointAwsService.SECRETS_MANAGER);

        functions = securityGroup("FunctionsSecurityGroup", "Flightwatch functions: out to the database and the endpoints");
        migrator = securityGroup("MigratorSecurityGroup", "Flightwatch schema migrator: out to the database and S3");
        database = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
                .vpc(vpc)
                .description("Flightwatch database: MySQL from the functions and the migrator only")
                .allowAllOutbound(false)
                .build();
        database.addIngressRule(functions, Port.tcp(MYSQL_PORT), "MySQL from the functions");
        database.addIngressRule(migrator, Port.tcp(MYSQL_PORT), "MySQL from the schema migrator");
    }

    public IVpc vpc() {
        return vpc;
    }

    public SubnetSelection isolatedSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }

    public SecurityGroup functionsSecurityGroup() {
        return functions;
    }

    public SecurityGroup migratorSecurityGroup() {
        return migrator;
    }

    public SecurityGroup databaseSecurityGroup() {
        return database;
    }

    private void interfaceEndpoint(String id, InterfaceVpcEndpointAwsService service) {
        InterfaceVpcEndpoint endpoint = vpc.addInterfaceEndpoint(id, InterfaceVpcEndpointOptions.builder()
                .service(service)
                .subnets(isolatedSubnets())
                .build());
        Nag.accept(endpoint, "CdkNagValidationFailure", "EC23 cannot evaluate the endpoint's rule: it admits HTTPS"
                + " from the VPC's own CIDR (a Fn::GetAtt), never from 0.0.0.0/0");
    }

    /** Outbound open: the only places to go from an isolated subnet are the VPC's own endpoints and database. */
    private SecurityGroup securityGroup(String id, String description) {
        return SecurityGroup.Builder.create(this, id)
                .vpc(vpc)
                .description(description)
                .allowAllOutbound(true)
                .build();
    }
}
