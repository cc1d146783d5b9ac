package org.ludus.export.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;
import org.ludus.export.ExportRequest;

/** The export job's partitions: one per session, each writing that session's files; two run at once. */
@Named
@Dependent
public class SessionPartitions implements PartitionMapper {

    static final int THREADS = 2;

    @Inject
    @BatchProperty
    String run;

    @Inject
    ExportRuns runs;

    @Inject
    ExportFiles files;

    @Inject
    org.ludus.export.Exports exports;

    /** Plans one partition per session, and counts the rows each file should hold (the run's progress). */
    @Override
    public PartitionPlan mapPartitions() throws Exception {
        ExportRun exportRun = runs.find(Long.parseLong(run)).orElseThrow();
        String[] codes = exportRun.sessions().toArray(String[]::new);
        for (String code : codes) {
            for (String export : exportRun.exports()) {
                Long expected;
                try {
                    var count = exports.count(ExportRequest.parse(export, code, null), exportRun.window());
                    expected = count.isPresent() ? count.getAsLong() : null;
                } catch (ExportRequest.Refused gone) { // a session deleted meanwhile: its partition says so
                    expected = null;
                }
                files.expect(exportRun.getId(), code, export, expected);
            }
        }
        var plan = new PartitionPlanImpl();
        plan.setPartitions(codes.length);
        plan.setThreads(Math.max(1, Math.min(THREADS, codes.length)));
        var properties = new Properties[codes.length];
        for (int i = 0; i < codes.length; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("session", codes[i]);
        }
        plan.setPartitionProperties(properties);
        return plan;
    }
}
