package com.flightwatch.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flightwatch.platform.stack.FunctionSpec;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlPlaneAccessTest {

    private static final AccessCredentials OPERATOR = new AccessCredentials("AKIDOPERATOR", "operator-secret");

    @Test
    void decide_loopbackWithoutCredentials_isOpen() {
        ControlPlaneAccess access = ControlPlaneAccess.decide("127.0.0.1", SecuritySettings.none(), "us-east-1",
                Clock.systemUTC());

        assertThat(access.guard()).isEmpty();
        assertThat(access.functionCredentials()).isEmpty();
    }

    @Test
    void decide_loopbackWithCredentials_staysOpenAsToday() {
        ControlPlaneAccess access = ControlPlaneAccess.decide("localhost",
                SecuritySettings.none().withCredentials(OPERATOR), "us-east-1", Clock.systemUTC());

        assertThat(access.guard()).isEmpty();
    }

    @Test
    void decide_wildcardWithoutCredentials_refusesToStartAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> ControlPlaneAccess.decide("0.0.0.0", SecuritySettings.none(), "us-east-1",
                Clock.systemUTC()))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("0.0.0.0, which is not a loopback address")
                .hasMessageContaining("--access-key-id or FLIGHTWATCH_ACCESS_KEY_ID")
                .hasMessageContaining("--secret-access-key or FLIGHTWATCH_SECRET_ACCESS_KEY");
    }

    @Test
    void decide_otherInterfaceWithCredentials_guardsAndGivesFunctionsTheirOwnCredentials() {
        ControlPlaneAccess access = ControlPlaneAccess.decide("10.1.2.3",
                SecuritySettings.none().withCredentials(OPERATOR), "us-east-1", Clock.systemUTC());

        assertThat(access.guard()).isPresent();
        assertThat(access.functionCredentials()).hasValueSatisfying(functions -> {
            assertThat(functions.accessKeyId()).startsWith("FWFN").isNotEqualTo(OPERATOR.accessKeyId());
            assertThat(functions.secretAccessKey()).hasSizeGreaterThanOrEqualTo(40);
        });
    }

    @Test
    void decide_loopbackRequiringSignatures_guards() {
        ControlPlaneAccess access = ControlPlaneAccess.decide("127.0.0.1",
                SecuritySettings.none().withCredentials(OPERATOR).requiringSignatures(), "us-east-1", Clock.systemUTC());

        assertThat(access.guard()).isPresent();
    }

    @Test
    void signingAsFunctions_whenGuarded_replacesTheDummyCredentialsWithTheFunctionsOwn() {
        ControlPlaneAccess access = ControlPlaneAccess.decide("0.0.0.0",
                SecuritySettings.none().withCredentials(OPERATOR), "us-east-1", Clock.systemUTC());
        FunctionSpec function = new FunctionSpec("Alerts", "alerts", "a.Handler::handleRequest", "java21", 512, 30,
                Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local", "TABLE", "alerts"), null, null, 0);

        Map<String, String> environment = access.signingAsFunctions(function).environment();

        AccessCredentials functions = access.functionCredentials().orElseThrow();
        assertThat(environment).containsEntry("AWS_ACCESS_KEY_ID", functions.accessKeyId())
                .containsEntry("AWS_SECRET_ACCESS_KEY", functions.secretAccessKey()).containsEntry("TABLE", "alerts");
        assertThat(environment.values()).doesNotContain(OPERATOR.secretAccessKey());
    }
}
