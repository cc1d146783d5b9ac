package org.ludus.export.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A partition's items: the exports to write for its session, one file each. The checkpoint is the number of
 * files done, so a restart goes on with the first file not yet published.
 */
@Named
@Dependent
public class ExportItems extends AbstractItemReader {

    @Inject
    @BatchProperty
    String run;

    @Inject
    ExportRuns runs;

    private List<String> items;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        items = runs.find(Long.parseLong(run)).orElseThrow().exports();
        next = checkpoint instanceof Integer done ? done : 0;
    }

    @Override
    public Object readItem() {
        return next < items.size() ? items.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
