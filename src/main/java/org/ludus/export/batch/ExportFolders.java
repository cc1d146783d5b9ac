package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.ludus.Settings;

/**
 * Where export jobs put their files: {@code LUDUS_EXPORT_DIR} (default {@code ludus-exports} in the server's
 * data directory), one folder per run, {@code {schedule or "manual"}/{UTC timestamp}-{job}}. A file is written
 * as {@code name.partial}, flushed and fsynced, then renamed: a reader never sees half a file under its name.
 */
@ApplicationScoped
public class ExportFolders {

    static final String PARTIAL = ".partial";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path root = Path.of(Settings.text("ludus.export.dir", "LUDUS_EXPORT_DIR")
            .orElse(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                    + "/ludus-exports")).toAbsolutePath().normalize();

    public Path root() {
        return root;
    }

    /** A new run's folder, relative to the root (a job parameter, so a restart writes into the same one). */
    static String newRun(String schedule, Instant at, long jobInstance) {
        return schedule + "/" + STAMP.format(at) + "-" + jobInstance;
    }

    /** A run's folder; a name that would leave the root is refused. */
    public Path folder(String run) {
        Path folder = root.resolve(run).normalize();
        if (!folder.startsWith(root) || folder.equals(root)) {
            throw new IllegalArgumentException("not a run folder: " + run);
        }
        return folder;
    }

    /** What writes one file: into {@code name.partial}, then published under its name. */
    public interface Content {
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * Writes a file from scratch (an earlier, interrupted attempt's .partial is overwritten), flushes and fsyncs
     * it, and renames it into place; the folder is fsynced too, so the rename survives a crash.
     */
    static void publish(Path file, Content content) throws Exception {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + PARTIAL);
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                     1 << 16)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (Exception | Error failed) {
            Files.deleteIfExists(partial); // nothing half-written stays behind, under any name
            throw failed;
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file.getParent());
    }

    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot fsync a directory; the file's own fsync stands
        }
    }
}
