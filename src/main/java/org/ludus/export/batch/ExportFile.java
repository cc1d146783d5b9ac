package org.ludus.export.batch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One file of a run (an export of one session): the rows it is expected to hold, counted when the run's
 * partitions are planned, and the rows and bytes it holds once published. The run's progress is their sum.
 */
@Entity
@Table(name = "ludus_export_file", uniqueConstraints = @UniqueConstraint(name = "ludus_export_file_one",
        columnNames = {"run_id", "session_code", "export_name"}))
@NamedQuery(name = "ExportFile.ofRun", query = "select f from ExportFile f where f.runId = :run order by f.id")
@NamedQuery(name = "ExportFile.one", query = "select f from ExportFile f where f.runId = :run"
        + " and f.sessionCode = :session and f.exportName = :export")
@NamedQuery(name = "ExportFile.forget", query = "delete from ExportFile f where f.runId = :run")
public class ExportFile {

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "session_code", nullable = false, length = 32)
    private String sessionCode;

    @Column(name = "export_name", nullable = false)
    private String exportName;

    /** Null where only the writing tells (a custom export, a codebook). */
    @Column(name = "rows_expected")
    private Long rowsExpected;

    /** Null until the file is published. */
    @Column(name = "rows_written")
    private Long rowsWritten;

    @Column
    private Long bytes;

    protected ExportFile() {
    }

    ExportFile(long runId, String sessionCode, String exportName, Long rowsExpected) {
        this.runId = runId;
        this.sessionCode = sessionCode;
        this.exportName = exportName;
        this.rowsExpected = rowsExpected;
    }

    public Long getRowsExpected() {
        return rowsExpected;
    }

    public Long getRowsWritten() {
        return rowsWritten;
    }

    public String getSessionCode() {
        return sessionCode;
    }

    void skipped() {
        this.rowsExpected = 0L;
    }

    void written(long rows, long bytes) {
        this.rowsWritten = rows;
        this.bytes = bytes;
    }
}
