package org.ludus.export;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ludus.page.App;

/**
 * What each column of an app's files means: a row per column of the per-app file, then per column the app has
 * in the wide file ({app}.{round}.…). Types, descriptions ({@link Doc}, else the form label), choices and
 * limits (Bean Validation's @Min/@Max/@DecimalMin/@DecimalMax) come from the entities themselves.
 */
final class Codebook {

    static final List<String> HEADER = List.of("column", "type", "description", "choices", "min", "max");

    private Codebook() {
    }

    static void write(App app, List<Column> appColumns, RowOut out) {
        out.row(HEADER);
        var columns = new ArrayList<>(FixedColumns.PARTICIPANT);
        columns.addAll(appColumns);
        columns.addAll(FixedColumns.SESSION);
        for (int round = 1; round <= app.numRounds(); round++) {
            for (Column column : appColumns) {
                columns.add(column.named(app.name() + "." + round + "." + column.name()));
            }
        }
        for (Column column : columns) {
            out.row(Arrays.asList(column.name(), column.type(), column.description(),
                    column.choices().isEmpty() ? null : Json.createArrayBuilder(column.choices()).build().toString(),
                    column.min(), column.max()));
        }
    }
}
