package org.ludus.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Index;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.ludus.session.BaseGroup;
import org.ludus.session.BasePlayer;
import org.ludus.session.ExtraModel;

/**
 * The apps in the mapping: an app is the package of an entity on {@link BasePlayer}, and its tables are those of its
 * entities on {@link BasePlayer}, {@link BaseGroup} and {@link ExtraModel} (decision 0002). Every other table is
 * Ludus's own, kept by Ludus's changelog.
 */
final class AppSchema {

    /** An app: its package, its player table (which tells whether the app ran here before) and its tables. */
    record App(String packageName, String playerTable, Set<String> tables) {

        /** The author's changelog, beside the app's templates: org/ludus/apps/auction/changelog.xml. */
        String changelog() {
            return packageName.replace('.', '/') + "/changelog.xml";
        }
    }

    private final List<App> apps;
    private final Set<String> tables = new TreeSet<>();
    private final Set<String> sequences = new TreeSet<>();

    private AppSchema(Metadata metadata) {
        var byPackage = new TreeMap<String, Set<String>>();
        var players = new TreeMap<String, String>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            if (!BasePlayer.class.isAssignableFrom(type) && !BaseGroup.class.isAssignableFrom(type)
                    && !ExtraModel.class.isAssignableFrom(type)) {
                continue;
            }
            String table = name(entity.getTable().getName());
            byPackage.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(table);
            if (BasePlayer.class.isAssignableFrom(type)) {
                players.put(type.getPackageName(), table);
            }
            tables.add(table);
            // @GeneratedValue's sequence: the entity's name + _seq, in the columns' naming (auction_group_seq)
            sequences.add(table + "_seq");
            sequences.add(name(snake(entity.getJpaEntityName())) + "_seq");
        }
        apps = byPackage.entrySet().stream().filter(app -> players.containsKey(app.getKey()))
                .map(app -> new App(app.getKey(), players.get(app.getKey()), Set.copyOf(app.getValue()))).toList();
    }

    static AppSchema of(Metadata metadata) {
        return new AppSchema(metadata);
    }

    List<App> apps() {
        return apps;
    }

    boolean isAppTable(String table) {
        return tables.contains(name(table));
    }

    /** Only the apps' tables and sequences: what a development server lets Hibernate's schema update touch. */
    SchemaFilter appsOnly() {
        return new SchemaFilter() {
            @Override
            public boolean includeNamespace(org.hibernate.boot.model.relational.Namespace namespace) {
                return true;
            }

            @Override
            public boolean includeTable(Table table) {
                return isAppTable(table.getName());
            }

            @Override
            public boolean includeSequence(Sequence sequence) {
                return sequences.contains(name(sequence.getName().getSequenceName().getText()));
            }
        };
    }

    /**
     * Declares the indexes Ludus looks app rows up by, on every app's player, group and extra model table: a mapped
     * superclass cannot declare indexes for its subclasses' tables. Declared in the mapping, they are made where
     * the mapping makes tables (a development server's schema update, the changeset goal's diff: docs/authoring.md)
     * and checked by name, so an app's changelog holds them like any other part of its schema.
     */
    void declareIndexes(Metadata metadata) {
        for (PersistentClass entity : metadata.getEntityBindings()) {
            Class<?> type = entity.getMappedClass();
            Table table = entity.getTable();
            if (BasePlayer.class.isAssignableFrom(type)) {
                index(table, "group_id");
                index(table, "participant_id", "round_number");
                index(table, "subsession_id"); // wait pages count a round's players
            } else if (BaseGroup.class.isAssignableFrom(type)) {
                index(table, "subsession_id");
            } else if (ExtraModel.class.isAssignableFrom(type)) { // the rows of a group, of a player
                named(table, table.getName() + "_group_idx", "group_id");
                named(table, table.getName() + "_player_idx", "player_id");
            }
        }
    }

    /** The names the previous release's start-up code (AppTableIndexes, now gone) gave them, so existing indexes count. */
    static String indexName(String table, String... columns) {
        return table + "_" + String.join("_", columns) + "_idx";
    }

    private static void index(Table table, String... columns) {
        named(table, indexName(table.getName(), columns), columns);
    }

    private static void named(Table table, String name, String... columns) {
        Index index = table.getOrCreateIndex(name);
        if (index.getColumnSpan() > 0) {
            return;
        }
        var missing = new ArrayList<String>();
        for (String column : columns) {
            Column mapped = table.getColumn(Identifier.toIdentifier(column));
            if (mapped == null) {
                missing.add(column);
            } else {
                index.addColumn(mapped);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("table " + table.getName() + " has no column " + missing);
        }
    }

    private static String name(String identifier) {
        return identifier.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    }
}
