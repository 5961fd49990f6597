package headwater.bench.viewers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of another process of this machine, from {@code /proc/<pid>/stat} (utime + stime, fields 14
 * and 15, in clock ticks) and {@code /proc/<pid>/status} (VmRSS, VmHWM).
 *
 * @param ticksPerSecond the kernel's USER_HZ ({@code getconf CLK_TCK}, 100 on Linux)
 */
record ProcessUsage(long pid, long ticksPerSecond) {

    double cpuSeconds() {
        String stat = read("stat");
        // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) ticksPerSecond;
    }

    /** Resident memory now, in KiB. */
    long rssKib() {
        return statusKib("VmRSS:");
    }

    /** The peak resident memory since the process started, in KiB. */
    long peakRssKib() {
        return statusKib("VmHWM:");
    }

    private long statusKib(String field) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone: " + e.getMessage(), e);
        }
    }
}
