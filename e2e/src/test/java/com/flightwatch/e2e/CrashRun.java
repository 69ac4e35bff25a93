package com.flightwatch.e2e;

import java.util.List;

/**
 * What one crash did.
 *
 * @param killPoint      SMS in the outbox when the platform was killed (of {@code passengers})
 * @param postAnswered   whether POST /notifications had answered before the kill
 * @param heldClaims     SMS claims the kill left held: alerts claimed by invocations that died before recording them
 * @param claimingInvocations the SMS invocations those claims belong to: those in flight at the kill
 * @param stillQueued    alerts still QUEUED once the restarted platform had finished its own deliveries
 * @param recoveryMillis from the restart's launch until every alert was SENT
 * @param survivors      processes the killed platform had started that outlived it
 */
record CrashRun(int run, int passengers, int killPoint, boolean postAnswered, int heldClaims,
                int claimingInvocations, int stillQueued,
                int lost, int doubled, int notSent, long restartMillis, long recoveryMillis, List<String> survivors) {

    String describe() {
        return String.format("Crash %d: killed at %d/%d SMS (POST %s), %d process(es) outlived it; restart %.1f s;"
                        + " %d SMS claim(s) of %d invocation(s) held by the kill, %d alert(s) still QUEUED after resumed"
                        + " deliveries;"
                        + " recovered in %.1f s; lost %d, doubled %d, not SENT %d",
                run, killPoint, passengers, postAnswered ? "answered" : "not answered", survivors.size(),
                restartMillis / 1000.0, heldClaims, claimingInvocations, stillQueued, recoveryMillis / 1000.0, lost,
                doubled, notSent);
    }

    static String totals(List<CrashRun> runs) {
        return String.format("Crash totals over %d crash(es): lost %d, doubled %d (bound: %d invocations in flight), not SENT %d,"
                        + " alerts that needed the sweeper %d, slowest recovery %.1f s",
                runs.size(), runs.stream().mapToInt(CrashRun::lost).sum(), runs.stream().mapToInt(CrashRun::doubled).sum(),
                runs.stream().mapToInt(CrashRun::claimingInvocations).sum(), runs.stream().mapToInt(CrashRun::notSent).sum(),
                runs.stream().mapToInt(CrashRun::stillQueued).sum(),
                runs.stream().mapToLong(CrashRun::recoveryMillis).max().orElse(0) / 1000.0);
    }
}
