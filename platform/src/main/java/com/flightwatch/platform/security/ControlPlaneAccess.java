package com.flightwatch.platform.security;

import com.flightwatch.platform.stack.FunctionSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may use the control plane. Bound to loopback (the default) it is open, as {@code sam local}
 * is; bound to any other address it refuses to start without credentials, then checks them on
 * every request ({@link ControlPlaneGuard}). The functions of the stack get credentials of their own,
 * made at start, so their SNS and Lambda calls pass without the operator's secret in their environment.
 */
public final class ControlPlaneAccess {

    private final ControlPlaneGuard guard;
    private final AccessCredentials functionCredentials;

    private ControlPlaneAccess(ControlPlaneGuard guard, AccessCredentials functionCredentials) {
        this.guard = guard;
        this.functionCredentials = functionCredentials;
    }

    /** Whether a control plane bound to {@code bindHost} must check credentials. */
    public static boolean credentialsRequired(String bindHost, SecuritySettings security) {
        return security.requireSignatures() || !LoopbackAddresses.isLoopback(bindHost);
    }

    /**
     * @throws MissingCredentialsException when credentials are required and none were given
     */
    public static ControlPlaneAccess decide(String bindHost, SecuritySettings security, String region, Clock clock) {
        if (!credentialsRequired(bindHost, security)) {
            return new ControlPlaneAccess(null, null);
        }
        if (security.credentials() == null) {
            String why = security.requireSignatures() ? "signatures are required"
                    : "the control plane would listen on " + bindHost + ", which is not a loopback address";
            throw new MissingCredentialsException("Refusing to start: " + why + ", and no credentials were given. Give "
                    + String.join(" and ", CredentialSources.missing(null, null))
                    + ", or listen on 127.0.0.1 (--host).");
        }
        AccessCredentials functions = generated();
        SigV4Verifier verifier = new SigV4Verifier(List.of(security.credentials(), functions), region, clock);
        return new ControlPlaneAccess(new ControlPlaneGuard(verifier), functions);
    }

    /** The guard to mount ahead of every route; empty when the control plane is open. */
    public Optional<ControlPlaneGuard> guard() {
        return Optional.ofNullable(guard);
    }

    /** What the stack's functions sign with; empty when the control plane is open (any key passes). */
    public Optional<AccessCredentials> functionCredentials() {
        return Optional.ofNullable(functionCredentials);
    }

    /**
     * The function as it runs here: signing its SDK calls with the functions' own credentials when
     * the control plane checks them (as Lambda hands a function its role's credentials), unchanged otherwise.
     */
    public FunctionSpec signingAsFunctions(FunctionSpec function) {
        if (functionCredentials == null) {
            return function;
        }
        Map<String, String> environment = new LinkedHashMap<>(function.environment());
        environment.put("AWS_ACCESS_KEY_ID", functionCredentials.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", functionCredentials.secretAccessKey());
        return function.withEnvironment(Map.copyOf(environment));
    }

    private static AccessCredentials generated() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[10];
        byte[] secret = new byte[30];
        random.nextBytes(id);
        random.nextBytes(secret);
        return new AccessCredentials("FWFN" + HexFormat.of().withUpperCase().formatHex(id),
                Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }
}
