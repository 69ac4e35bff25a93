package com.flightwatch.platform.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The processes of one function instance: its JVM, which the platform starts as the leader of a
 * process group of its own ({@code setsid}), and everything the function forks. Killing the JVM
 * alone would leave its children running, reparented to init; so a kill takes the descendants
 * (found while the tree is still connected) and then every process still in the group, which
 * catches the orphans of a child that exited (a grandchild) and the children of a JVM that had
 * already died. A process that starts a session of its own ({@code setsid}, a daemon) leaves the
 * group and escapes this, as it would escape a process-group kill.
 *
 * <p>JDK only: {@link FunctionProcessMain} uses it on the function's class path, where the
 * platform's libraries are not. Linux only: groups are read from {@code /proc}.
 */
public final class ProcessGroup {

    /** Rounds of sweeping the group: a member may fork between the listing and the kill. */
    private static final int SWEEPS = 10;
    private static final Path PROC = Path.of("/proc");

    private ProcessGroup() {
    }

    /**
     * Kills {@code leader}, its descendants and, when it was started as the leader of a group of its
     * own, every process left in that group (even once the leader itself is gone), without waiting.
     */
    static void killAll(ProcessHandle leader, boolean startedAsGroupLeader) {
        boolean leadsGroup = startedAsGroupLeader || groupOf(leader.pid()).orElse(-1) == leader.pid();
        List<ProcessHandle> descendants = leader.descendants().toList();
        leader.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        if (leadsGroup) {
            sweep(leader.pid(), -1);
        }
    }

    /**
     * Kills every other process of the calling JVM's group and its descendants: what a function
     * JVM does before it halts, when the platform is gone.
     */
    static void killOthersOfMyGroup() {
        long self = ProcessHandle.current().pid();
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        if (groupOf(self).orElse(-1) == self) {
            sweep(self, self);
        }
    }

    /** The live process ids whose process group is {@code groupId} (zombies, already dead, left out). */
    static List<Long> members(long groupId) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    long pid = Long.parseLong(name);
                    String[] fields = statFields(pid);
                    if (fields != null && !fields[0].equals("Z") && Long.parseLong(fields[2]) == groupId) {
                        members.add(pid);
                    }
                }
            }
        } catch (IOException e) {
            // No /proc (not Linux): only the descendants are known.
        }
        return members;
    }

    /** The process group of {@code pid}, from {@code /proc/<pid>/stat}; empty when it is gone. */
    static OptionalLong groupOf(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(fields[2]));
    }

    /** The fields of {@code /proc/<pid>/stat} after the command: state, ppid, pgrp, ...; null when it is gone. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
            // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses, so read after the last ')'.
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void sweep(long groupId, long spare) {
        for (int round = 0; round < SWEEPS; round++) {
            List<Long> left = members(groupId).stream().filter(pid -> pid != spare).toList();
            if (left.isEmpty()) {
                return;
            }
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }
}
