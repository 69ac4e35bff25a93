package com.flightwatch.cdk;

import static com.flightwatch.cdk.SynthesizedStack.child;
import static com.flightwatch.cdk.SynthesizedStack.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Issue 6's promises on the dev stage's template: no NAT, a private encrypted database whose
 * security group admits only the functions and the migrator, every function in the VPC, the
 * endpoints that replace the NAT, the schema's custom resource, and the alarms.
 */
class FlightwatchArchitectureTest {

    @TempDir
    static Path repositoryRoot;

    private static SynthesizedStack stack;
    private static Template template;

    @BeforeAll
    static void synthesize() throws IOException {
        stack = SynthesizedStack.synthesize(repositoryRoot, Path.of("..", FlightwatchSources.OPENAPI_DOCUMENT));
        template = stack.template;
    }

    @Test
    void network_hasNoNatGatewayNorInternetGatewayAndTwoIsolatedSubnets() {
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        template.resourceCountIs("AWS::EC2::InternetGateway", 0);
        template.resourceCountIs("AWS::EC2::Subnet", 2);
        template.allResourcesProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", false));
    }

    @Test
    void network_endpoints_snsAndSecretsManagerInterfacesAndAnS3Gateway() {
        template.resourceCountIs("AWS::EC2::VPCEndpoint", 3);
        for (String service : List.of("sns", "secretsmanager")) {
            template.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                    "VpcEndpointType", "Interface",
                    "PrivateDnsEnabled", true,
                    "ServiceName", Map.of("Fn::Join", List.of("", List.of("com.amazonaws.", Map.of("Ref", "AWS::Region"), "." + service)))));
        }
        template.hasResourceProperties("AWS::EC2::VPCEndpoint", Map.of(
                "VpcEndpointType", "Gateway",
                "ServiceName", Map.of("Fn::Join", List.of("", List.of("com.amazonaws.", Map.of("Ref", "AWS::Region"), ".s3")))));
    }

    @Test
    void database_isPrivateEncryptedPinnedMysqlWithBackups() {
        template.resourceCountIs("AWS::RDS::DBInstance", 1);
        template.hasResourceProperties("AWS::RDS::DBInstance", Map.of(
                "Engine", "mysql",
                "EngineVersion", Match.stringLikeRegexp("^8\\.4\\.[0-9]+$"),
                "PubliclyAccessible", false,
                "StorageEncrypted", true,
                "BackupRetentionPeriod", 7,
                "DBName", "flightwatch"));
        template.hasResourceProperties("AWS::SecretsManager::SecretTargetAttachment", Map.of(
                "TargetType", "AWS::RDS::DBInstance"));
    }

    @Test
    void database_devStage_isDestroyedWithTheStack() {
        template.hasResource("AWS::RDS::DBInstance", Map.of(
                "DeletionPolicy", "Delete",
                "Properties", Match.objectLike(Map.of("DeletionProtection", false))));
    }

    @Test
    void databaseSecurityGroup_admitsMysqlFromTheFunctionsAndTheMigratorOnly() {
        List<Map<String, Object>> rules = template.findResources("AWS::EC2::SecurityGroupIngress").values().stream()
                .map(rule -> child(rule, "Properties"))
                .filter(rule -> Integer.valueOf(3306).equals(rule.get("FromPort")))
                .toList();
        assertThat(rules).hasSize(2).allSatisfy(rule -> {
            assertThat(rule).containsEntry("ToPort", 3306).containsEntry("IpProtocol", "tcp").doesNotContainKey("CidrIp");
            assertThat(rule.get("SourceSecurityGroupId")).isInstanceOf(Map.class);
        });
        assertThat(rules).extracting(rule -> list(child(rule, "SourceSecurityGroupId").get("Fn::GetAtt")).get(0))
                .containsExactlyInAnyOrder(securityGroupId("Flightwatch functions"), securityGroupId("Flightwatch schema migrator"));
    }

    @Test
    void functions_every_runInTheIsolatedSubnets() {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        assertThat(functions).hasSize(FlightwatchFunction.values().length);
        functions.forEach((id, function) -> {
            Map<String, Object> vpcConfig = child(child(function, "Properties"), "VpcConfig");
            assertThat(list(vpcConfig.get("SubnetIds"))).as(id).hasSize(2);
            assertThat(list(vpcConfig.get("SecurityGroupIds"))).as(id).hasSize(1);
        });
    }

    @Test
    void functions_servingTraffic_haveSnapStartAndALiveAliasOnTheCurrentVersion() {
        for (FlightwatchFunction function : FlightwatchFunction.values()) {
            Map<String, Object> properties = child(stack.resource(stack.functionId(function)), "Properties");
            if (function.servesTraffic()) {
                assertThat(properties).as(function.name()).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
                assertThat(stack.aliasId(function)).isNotBlank();
            } else {
                assertThat(properties).as(function.name()).doesNotContainKey("SnapStart");
            }
        }
        template.resourceCountIs("AWS::Lambda::Alias", 4);
    }

    @Test
    void functions_each_mayReadTheDatabaseSecret() {
        for (FlightwatchFunction function : FlightwatchFunction.values()) {
            template.hasResourceProperties("AWS::IAM::Policy", Map.of(
                    "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Action", List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                            "Resource", Map.of("Ref", stack.onlyId("AWS::SecretsManager::SecretTargetAttachment"))))))),
                    "Roles", List.of(Map.of("Ref", stack.roleIdOf(function)))));
        }
    }

    @Test
    void schemaMigrations_customResource_callsTheMigratorWithTheMigrationsHashAfterTheDatabase() {
        Map<String, Map<String, Object>> resources = template.findResources(SchemaMigrations.RESOURCE_TYPE);
        assertThat(resources).hasSize(1);
        Map<String, Object> resource = resources.values().iterator().next();
        assertThat(child(resource, "Properties"))
                .containsEntry("ServiceToken", Map.of("Fn::GetAtt", List.of(stack.functionId(FlightwatchFunction.MIGRATOR), "Arn")))
                .containsEntry(SchemaMigrations.HASH_PROPERTY, SchemaMigrations.hashOf(SynthesizedStack.MIGRATIONS_DIRECTORY));
        assertThat(list(resource.get("DependsOn"))).contains(stack.onlyId("AWS::RDS::DBInstance"));
        assertThat(list(stack.resource(stack.onlyId("AWS::ApiGateway::RestApi")).get("DependsOn")))
                .contains(resources.keySet().iterator().next());
    }

    @Test
    void deadLetterQueue_isEncryptedAndKeptTwoWeeks() {
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "SqsManagedSseEnabled", true,
                "MessageRetentionPeriod", 1_209_600));
    }

    @Test
    void alarms_api5xxFunctionErrorsDeadLettersAndSms_notifyTheOperatorsTopic() {
        String operators = onlyKey(template.findResources("AWS::SNS::Topic",
                Map.of("Properties", Map.of("DisplayName", "Flightwatch operators"))));
        Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(1 + FlightwatchFunction.values().length + 3);
        alarms.values().forEach(alarm -> assertThat(child(alarm, "Properties").get("AlarmActions"))
                .isEqualTo(List.of(Map.of("Ref", operators))));
        assertThat(alarms.values()).extracting(alarm -> child(alarm, "Properties").get("MetricName"))
                .contains("5XXError", "Errors", "ApproximateNumberOfMessagesVisible", "SMSSuccessRate", "SMSMonthToDateSpentUSD");
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "SMSMonthToDateSpentUSD",
                "Threshold", Map.of("Ref", FlightwatchStack.SMS_SPEND_LIMIT_PARAMETER)));
    }

    private static String securityGroupId(String descriptionPrefix) {
        return onlyKey(template.findResources("AWS::EC2::SecurityGroup", Map.of("Properties", Map.of(
                "GroupDescription", Match.stringLikeRegexp(descriptionPrefix + ":.*")))));
    }

    private static String onlyKey(Map<String, ?> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }
}
