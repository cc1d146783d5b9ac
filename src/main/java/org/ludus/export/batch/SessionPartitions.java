package org.ludus.export.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

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

    @Override
    public PartitionPlan mapPartitions() {
        String[] codes = runs.find(Long.parseLong(run)).orElseThrow().sessions().toArray(String[]::new);
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
