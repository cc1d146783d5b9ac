package org.ludus.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test server's JVM, found by its port offset, measured with the JDK's own jcmd. */
public final class ServerProcess {

    private ServerProcess() {
    }

    public static ProcessHandle find() {
        String offset = "port-offset=" + System.getProperty("ludus.it.portOffset", "100");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(offset))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no WildFly with " + offset + " is running"));
    }

    /**
     * The live heap, in bytes: what a full collection keeps, counted by the class histogram in the same safepoint
     * (GC.run and then GC.heap_info would count what was allocated in between).
     */
    public static long heapUsedAfterGc() {
        String histogram = jcmd(find().pid(), "GC.class_histogram");
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(histogram);
        if (!total.find()) {
            throw new AssertionError("no heap figure in: " + histogram.substring(Math.max(0, histogram.length() - 500)));
        }
        return Long.parseLong(total.group(1));
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command)
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError("jcmd " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
