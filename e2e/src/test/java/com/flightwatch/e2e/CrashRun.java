package com.flightwatch.e2e;

import java.util.List;

/**
 * What one crash did.
 *
 * @param killPoint      SMS in the outbox when the platform was killed (of {@code passengers})
 * @param postAnswered   whether POST /notifications had answered before the kill
 * @param heldClaims     SMS claims the kill left held: invocations between their claim and its record
 * @param stillQueued    alerts still QUEUED once the restarted platform had finished its own deliveries
 * @param recoveryMillis from the restart's launch until every alert was SENT
 * @param survivors      processes the killed platform had started that outlived it
 */
record CrashRun(int run, int passengers, int killPoint, boolean postAnswered, int heldClaims, int stillQueued,
                int lost, int doubled, int notSent, long restartMillis, long recoveryMillis, List<String> survivors) {

    String describe() {
        return String.format("Crash %d: killed at %d/%d SMS (POST %s), %d process(es) outlived it; restart %.1f s;"
                        + " %d SMS claim(s) held by the kill, %d alert(s) still QUEUED after resumed deliveries;"
                        + " recovered in %.1f s; lost %d, doubled %d, not SENT %d",
                run, killPoint, passengers, postAnswered ? "answered" : "not answered", survivors.size(),
                restartMillis / 1000.0, heldClaims, stillQueued, recoveryMillis / 1000.0, lost, doubled, notSent);
    }

    static String totals(List<CrashRun> runs) {
        return String.format("Crash totals over %d crash(es): lost %d, doubled %d (bound: %d held claims), not SENT %d,"
                        + " alerts that needed the sweeper %d, slowest recovery %.1f s",
                runs.size(), runs.stream().mapToInt(CrashRun::lost).sum(), runs.stream().mapToInt(CrashRun::doubled).sum(),
                runs.stream().mapToInt(CrashRun::heldClaims).sum(), runs.stream().mapToInt(CrashRun::notSent).sum(),
                runs.stream().mapToInt(CrashRun::stillQueued).sum(),
                runs.stream().mapToLong(CrashRun::recoveryMillis).max().orElse(0) / 1000.0);
    }
}
